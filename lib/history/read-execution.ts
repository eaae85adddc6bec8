/**
 * Definition + GetExecutionHistory events -> what happened, state by state, the way the
 * Step Functions console means it. Pure: no React, no SDK, no clock. Never throws on
 * events (unknown types, foreign states, truncation and bad values are tolerated);
 * throws InvalidDefinitionError only for a definition that cannot be read.
 */
import { flattenDefinition } from '../asl/flatten';
import { buildGraph } from '../asl/graph';
import type { AslDefinition, AslGraph, GraphNode } from '../asl/types';
import { aggregateState } from './aggregate';
import { applyEvent, type ExecutionSoFar, type Machine, type Transition } from './apply-event';
import { sagaOutcome } from './saga-outcome';
import { Tracker, type Ctx, type PayloadCache, type Visit } from './tracker';
import type { ExecutionReading, HistoryEvent, StateReading, StateVisit } from './types';
import { isRecord } from '../core/values';
import { asString } from './values';

/** Fail states' Error/Cause, when literal (JSONata `{% %}` and *Path values are only known at run time). */
function failInfo(def: AslDefinition): Machine['failInfo'] {
  const info: Machine['failInfo'] = new Map();
  const literal = (v: unknown) => (asString(v)?.startsWith('{%') ? undefined : asString(v));
  for (const { name, state } of flattenDefinition(def)) {
    if (state.Type === 'Fail') info.set(name, { error: literal(state.Error), cause: literal(state.Cause) });
  }
  return info;
}

export function machineOf(def: AslDefinition, graph: AslGraph): Machine {
  const transitions: Machine['transitions'] = new Map();
  for (const edge of graph.edges) {
    let targets = transitions.get(edge.source);
    if (!targets) transitions.set(edge.source, (targets = new Map<string, Transition>()));
    const t = targets.get(edge.target) ?? {};
    // A Choice may reach one state by a rule and by Default: either way the same arrow ran.
    if (edge.kind === 'catch') t.catch = edge.id;
    else t.plain ??= edge.id;
    targets.set(edge.target, t);
  }
  return { nodes: new Map(graph.nodes.map((n) => [n.id, n])), transitions, failInfo: failInfo(def) };
}

/** Visits by state name, and each visit's index in its state's list (what StateReading.visits holds). */
function groupVisits(visits: readonly Visit[]): { byName: Map<string, Visit[]>; indexOf: Map<Visit, number> } {
  const byName = new Map<string, Visit[]>();
  const indexOf = new Map<Visit, number>();
  for (const v of visits) {
    let list = byName.get(v.name);
    if (!list) byName.set(v.name, (list = []));
    indexOf.set(v, list.length);
    list.push(v);
  }
  return { byName, indexOf };
}

/** Where one event belongs: a state, and which of its visits (an index into StateReading.visits). */
export interface EventPlace {
  state: string;
  visit: number;
}

export interface ExecutionDetail {
  reading: ExecutionReading;
  /** per event, by position in the events given: its state visit; undefined for execution-level events */
  places: Array<EventPlace | undefined>;
}

/**
 * A Map iteration's own events belong to the Map visit that runs it. A visit's index never
 * changes once it exists (visits are only ever added), so a place is known as its event is read.
 */
export function placeOf(ctx: Ctx | undefined, indexOf: (visit: Visit) => number | undefined): EventPlace | undefined {
  const visit = ctx?.visit ?? ctx?.thread.owner;
  const index = visit && indexOf(visit);
  return visit && index !== undefined ? { state: visit.name, visit: index } : undefined;
}

/**
 * A reading under way: events are read one at a time with `readEvent`, and `readingOf` says
 * what the events read so far add up to. The replay keeps copies of one (see replay-reader).
 */
export interface ReadingSoFar {
  machine: Machine;
  tracker: Tracker;
  facts: ExecutionSoFar;
  /** events read */
  count: number;
}

export function startReading(
  def: AslDefinition,
  graph: AslGraph,
  payloads?: PayloadCache,
  /** the machine of an earlier reading of the same definition and graph */
  machine: Machine = machineOf(def, graph),
): ReadingSoFar {
  // No terminal event means the execution is still running (or the history was cut).
  return { machine, tracker: new Tracker(payloads), facts: { status: 'RUNNING', edgesRun: new Set() }, count: 0 };
}

/** Reads the next event; returns the context later events pointing at it resolve to. */
export function readEvent(r: ReadingSoFar, event: HistoryEvent): Ctx | undefined {
  r.count += 1;
  if (!isRecord(event) || typeof event.type !== 'string') return undefined;
  const ctx = applyEvent(r.tracker, r.machine, r.facts, event);
  if (ctx) r.tracker.remember(event.id, ctx);
  return ctx;
}

/** A copy that reads on in `r`'s place: `r` must never read on again (see Tracker.fork). */
export function forkReading(r: ReadingSoFar): ReadingSoFar {
  return { machine: r.machine, tracker: r.tracker.fork(), facts: { ...r.facts, edgesRun: new Set(r.facts.edgesRun) }, count: r.count };
}

/**
 * What the events read so far add up to. Hands out the tracker's own tries: the reading
 * must not read on afterwards (fork it first when it must).
 */
export function readingOf(r: ReadingSoFar, graph: AslGraph): { reading: ExecutionReading; indexOf: Map<Visit, number> } {
  const { byName, indexOf } = groupVisits(r.tracker.visits);
  return { reading: readingFrom(r, graph, (name) => ({ visits: byName.get(name) ?? [] })), indexOf };
}

/** One state's visits in the order entered, and toStateVisit of each when already made. */
export interface StateVisits {
  visits: readonly Visit[];
  readings?: StateVisit[];
}

/** readingOf, with each state's visits (and maybe their readings) from `visitsOf`. */
export function readingFrom(r: ReadingSoFar, graph: AslGraph, visitsOf: (state: string) => StateVisits): ExecutionReading {
  const { tracker, facts } = r;
  const states: Record<string, StateReading> = {};
  const typed: Array<StateReading & { type: GraphNode['type'] }> = [];
  for (const node of graph.nodes) {
    const { visits, readings } = visitsOf(node.id);
    const reading = aggregateState(node, visits, readings);
    states[node.id] = reading;
    typed.push({ ...reading, type: node.type });
  }
  return {
    executionStatus: facts.status,
    sagaOutcome: sagaOutcome(facts.status, typed),
    states,
    edgesRun: [...facts.edgesRun],
    input: facts.input,
    output: facts.output,
    error: facts.error,
    cause: facts.cause,
    startedAt: facts.startedAt,
    stoppedAt: facts.stoppedAt,
    eventCount: r.count,
    // Each redrive starts a new epoch of visits, so the epoch is the redrive count.
    redriveCount: tracker.epoch,
  };
}

/**
 * The reading plus where each event belongs, for views that list events by state
 * (the event table) without re-deriving the reader's bookkeeping.
 */
export function readExecutionDetail(
  def: AslDefinition,
  events: readonly HistoryEvent[],
  graph: AslGraph = buildGraph(def),
  /** a cache of parsed payloads shared by several reads of one history (see PayloadCache) */
  payloads?: PayloadCache,
): ExecutionDetail {
  const r = startReading(def, graph, payloads);
  const ctxs: Array<Ctx | undefined> = new Array<Ctx | undefined>(events.length);
  for (let i = 0; i < events.length; i++) ctxs[i] = readEvent(r, events[i] as HistoryEvent);
  const { reading, indexOf } = readingOf(r, graph);
  const places = Array.from(ctxs, (ctx) => placeOf(ctx, (v) => indexOf.get(v)));
  return { reading, places };
}

/** `graph` may be passed when the caller already built it (the dashboard does, for drawing). */
export function readExecution(
  def: AslDefinition,
  events: readonly HistoryEvent[],
  graph: AslGraph = buildGraph(def),
): ExecutionReading {
  return readExecutionDetail(def, events, graph).reading;
}
