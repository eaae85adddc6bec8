/**
 * The reading of any prefix of one history, fast enough to scrub through 25,000 events.
 * Reading events 1..N afresh at every seek costs a whole read of up to 25,000 events; here
 * one pass keeps the reading as it was every CHECKPOINT_EVERY events, and a seek reads on
 * from the nearest one at or before N to N (at most CHECKPOINT_EVERY events) in a trial
 * that puts the checkpoint back afterwards (see Tracker.beginTrial). What it gives equals
 * readExecutionDetail over events 1..N (replay-reader.test.ts holds it to that).
 * Checkpoints are taken as far as the furthest position asked for, or ahead of any seek in
 * the page's idle time (readAhead).
 */
import type { AslDefinition, AslGraph } from '../asl/types';
import { toStateVisit } from './aggregate';
import {
  forkReading,
  machineOf,
  placeOf,
  readEvent,
  readingFrom,
  startReading,
  type EventPlace,
  type ExecutionDetail,
  type ReadingSoFar,
  type StateVisits,
} from './read-execution';
import type { PayloadCache, Tracker, Visit } from './tracker';
import type { HistoryEvent, StateVisit } from './types';

/**
 * Events between two checkpoints: a seek reads at most this many. Each checkpoint holds a
 * copy of every visit so far, so fewer, larger gaps save memory on long histories.
 */
export const CHECKPOINT_EVERY = 1_000;

/** Events read ahead between two looks at the time left (a fraction of a millisecond). */
const READ_AHEAD_STEP = 100;

/** A state's visits with the reading of every one made (read-execution's StateVisits, kept). */
interface KeptVisits extends StateVisits {
  visits: Visit[];
  readings: StateVisit[];
}

interface Checkpoint {
  /** the reading of the first k × `every` events; read on only in trials */
  reading: ReadingSoFar;
  /**
   * By state name, its visits here and their readings (toStateVisit). A seek makes readings
   * only of the visits its events change or add: the rest are these, shared between seeks.
   */
  states: Map<string, KeptVisits>;
}

/**
 * Each state's visits, in the order entered, with their readings: those of `before` (the
 * previous checkpoint's) for the visits it had that nothing changed since (`changed` holds
 * the ones that changed), so checkpoints share the readings of visits long over.
 */
function statesOf(
  visits: readonly Visit[],
  before?: { states: Map<string, KeptVisits>; visitCount: number; changed: ReadonlySet<number>; indexBySeq: readonly number[] },
): Map<string, KeptVisits> {
  const states = new Map<string, KeptVisits>();
  for (const v of visits) {
    let state = states.get(v.name);
    if (!state) states.set(v.name, (state = { visits: [], readings: [] }));
    state.visits.push(v);
    const kept = before && v.seq < before.visitCount && !before.changed.has(v.seq);
    const reading = kept ? before.states.get(v.name)?.readings[before.indexBySeq[v.seq] as number] : undefined;
    state.readings.push(reading ?? toStateVisit(v));
  }
  return states;
}

export class ReplayReader {
  /** the reading that walks ahead; at each checkpoint it is kept, and a fork of it walks on */
  private frontier: ReadingSoFar;
  /** checkpoints[k]: the reading of the first k × `every` events */
  private readonly checkpoints: Checkpoint[] = [];
  /** places of the events the frontier has read: a prefix's places are the same (see placeOf) */
  private readonly places: Array<EventPlace | undefined> = [];
  /** by seq, each visit's index among its state's visits (forks keep a visit's seq) */
  private readonly indexBySeq: number[] = [];
  private readonly visitsNamed = new Map<string, number>();

  constructor(
    definition: AslDefinition,
    private readonly events: readonly HistoryEvent[],
    private readonly graph: AslGraph,
    payloads?: PayloadCache,
    private readonly every = CHECKPOINT_EVERY,
  ) {
    this.frontier = startReading(definition, graph, payloads, machineOf(definition, graph));
  }

  /** The reading of the first `count` events (clamped to the history). */
  at(count: number): ExecutionDetail {
    const n = Math.max(0, Math.min(this.events.length, Math.floor(count)));
    this.advanceTo(n);
    const { reading: kept, states } = this.checkpoints[Math.floor(n / this.every)] as Checkpoint;
    const { tracker } = kept;
    const visitCount = tracker.visits.length;
    const reading: ReadingSoFar = { ...kept, facts: { ...kept.facts, edgesRun: new Set(kept.facts.edgesRun) } };
    tracker.beginTrial();
    try {
      while (reading.count < n) readEvent(reading, this.events[reading.count] as HistoryEvent);
      const changed = this.changedStates(tracker, visitCount, states);
      const visitsOf = (name: string) => changed.get(name) ?? states.get(name) ?? { visits: [] };
      return { reading: readingFrom(reading, this.graph, visitsOf), places: this.places.slice(0, n) };
    } finally {
      tracker.endTrial();
    }
  }

  /** The states whose visits the trial changed or added to, with their visits and readings now. */
  private changedStates(tracker: Tracker, visitCount: number, kept: Map<string, KeptVisits>): Map<string, KeptVisits> {
    const changed = new Map<string, KeptVisits>();
    const own = (name: string): KeptVisits => {
      let state = changed.get(name);
      if (state) return state;
      const before = kept.get(name);
      state = { visits: before ? [...before.visits] : [], readings: before ? [...before.readings] : [] };
      changed.set(name, state);
      return state;
    };
    for (const v of tracker.touchedInTrial()) own(v.name).readings[this.indexBySeq[v.seq] as number] = toStateVisit(v);
    for (let seq = visitCount; seq < tracker.visits.length; seq++) {
      const v = tracker.visits[seq] as Visit;
      const state = own(v.name);
      state.visits.push(v);
      state.readings.push(toStateVisit(v));
    }
    return changed;
  }

  /**
   * Takes checkpoints ahead of any seek, a few events at a time while `more()` says so (the
   * page calls it in idle time): a later seek far ahead then reads from its checkpoint
   * instead of walking there first. True once every checkpoint is taken.
   */
  readAhead(more: () => boolean): boolean {
    const total = this.events.length;
    while (this.frontier.count < total) {
      if (!more()) return false;
      this.advanceTo(Math.min(total, this.frontier.count + READ_AHEAD_STEP));
    }
    this.advanceTo(total);
    return true;
  }

  /** Walks the frontier to `n` at least, keeping a checkpoint at each multiple of `every`. */
  private advanceTo(n: number): void {
    for (;;) {
      const f = this.frontier;
      if (f.count % this.every === 0 && this.checkpoints.length === f.count / this.every) {
        this.checkpoints.push({ reading: f, states: this.statesAtCheckpoint(f.tracker) });
        this.frontier = forkReading(f);
        // The walk to the next checkpoint is a trial that is kept: it says which visits changed.
        this.frontier.tracker.beginTrial();
        continue;
      }
      if (f.count >= n) return;
      const ctx = readEvent(f, this.events[f.count] as HistoryEvent);
      this.indexNewVisits(f);
      this.places.push(placeOf(ctx, (v) => this.indexBySeq[v.seq]));
    }
  }

  /** The states of the frontier as it becomes a checkpoint, sharing the last one's readings. */
  private statesAtCheckpoint(tracker: Tracker): Map<string, KeptVisits> {
    const last = this.checkpoints.at(-1);
    const visitCount = tracker.visitCountBeforeTrial();
    const changed = new Set(Array.from(tracker.touchedInTrial(), (v) => v.seq));
    tracker.keepTrial();
    if (!last || visitCount === undefined) return statesOf(tracker.visits);
    return statesOf(tracker.visits, { states: last.states, visitCount, changed, indexBySeq: this.indexBySeq });
  }

  private indexNewVisits(f: ReadingSoFar): void {
    const visits = f.tracker.visits;
    for (let seq = this.indexBySeq.length; seq < visits.length; seq++) {
      const { name } = visits[seq] as Visit;
      const index = this.visitsNamed.get(name) ?? 0;
      this.indexBySeq.push(index);
      this.visitsNamed.set(name, index + 1);
    }
  }
}
