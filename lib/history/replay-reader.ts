/**
 * The reading of any prefix of one history, fast enough to scrub through 25,000 events.
 * Reading events 1..N afresh at every seek costs a whole read of up to 25,000 events; here
 * one pass keeps the reading as it was every CHECKPOINT_EVERY events, and a seek forks the
 * nearest one at or before N and reads on to N: at most CHECKPOINT_EVERY events. What it
 * gives equals readExecutionDetail over events 1..N (replay-reader.test.ts holds it to that).
 * Checkpoints are taken lazily, as far as the furthest position asked for.
 */
import type { AslDefinition, AslGraph } from '../asl/types';
import {
  forkReading,
  machineOf,
  placeOf,
  readEvent,
  readingOf,
  startReading,
  type EventPlace,
  type ExecutionDetail,
  type ReadingSoFar,
} from './read-execution';
import type { PayloadCache, Visit } from './tracker';
import type { HistoryEvent } from './types';

/**
 * Events between two checkpoints: a seek reads at most this many. Each checkpoint holds a
 * copy of every visit so far, so fewer, larger gaps save memory on long histories.
 */
export const CHECKPOINT_EVERY = 1_000;

export class ReplayReader {
  /** the reading that walks ahead; at each checkpoint it is kept, and a fork of it walks on */
  private frontier: ReadingSoFar;
  /** checkpoints[k]: the reading of the first k × `every` events; never read on */
  private readonly checkpoints: ReadingSoFar[] = [];
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
    const reading = forkReading(this.checkpoints[Math.floor(n / this.every)] as ReadingSoFar);
    while (reading.count < n) readEvent(reading, this.events[reading.count] as HistoryEvent);
    return { reading: readingOf(reading, this.graph).reading, places: this.places.slice(0, n) };
  }

  /** Walks the frontier to `n` at least, keeping a checkpoint at each multiple of `every`. */
  private advanceTo(n: number): void {
    for (;;) {
      const f = this.frontier;
      if (f.count % this.every === 0 && this.checkpoints.length === f.count / this.every) {
        this.checkpoints.push(f);
        this.frontier = forkReading(f);
        continue;
      }
      if (f.count >= n) return;
      const ctx = readEvent(f, this.events[f.count] as HistoryEvent);
      this.indexNewVisits(f);
      this.places.push(placeOf(ctx, (v) => this.indexBySeq[v.seq]));
    }
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
