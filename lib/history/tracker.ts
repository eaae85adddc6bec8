/**
 * The bookkeeping behind the reader: visits (one entry into a state) and threads
 * (the top level, one Parallel branch, or one Map iteration: where consecutive
 * states follow each other). Events find their visit through previousEventId, which
 * AWS always sets; when it is missing or masked, through the latest open visit.
 */
import type { GraphNode } from '../asl/types';
import type { StateStatus, TryOutcome, TryReading } from './types';
import { parsePayload } from '../core/values';

export interface Thread {
  /** the Parallel/Map visit this branch or iteration belongs to; none at top level */
  owner?: Visit;
  /** what an event that leaves no open visit behind resolves to (made once, shared) */
  ctx: Ctx;
  /** branch index (Parallel) or iteration index (Map) */
  key?: number;
  /** the state last entered in this thread: the source of the next transition */
  current?: Visit;
}

/**
 * Fields that may be unset are still always there (`| undefined`, not `?`): a trial puts a
 * visit back by its own fields (see Tracker.touch).
 */
export interface Visit {
  name: string;
  /** position among all visits of the execution, in the order they were entered */
  seq: number;
  /** what events of this visit resolve to (made once, shared) */
  ctx: Ctx;
  /** undefined for states the definition does not have (mismatched or truncated history) */
  node: GraphNode | undefined;
  thread: Thread;
  /** redrive count when the visit started: later redrives supersede it */
  epoch: number;
  open: boolean;
  /** final status once closed */
  status: StateStatus;
  /** a failure happened and nothing has resolved it yet (retry, catch, or the end) */
  pending: boolean;
  /** a nested state failed without being caught inside: the branch, hence the container, failed */
  failedChild: boolean;
  /** tries started (Scheduled events, container Started events) */
  starts: number;
  /** the same tries with their times; the last one may still be running */
  tries: TryReading[];
  parameters: unknown;
  result: unknown;
  /** branches or iterations, by key; changed only through Tracker.addChild (see NO_CHILDREN) */
  children: ReadonlyMap<number, Thread>;
  lastChild: Thread | undefined;
  mapRunArn: string | undefined;
  /** Map: items of the current try, as MapStateStarted reports them */
  itemCount: number | undefined;
  enteredAt: number | undefined;
  exitedAt: number | undefined;
  input: unknown;
  output: unknown;
  error: string | undefined;
  cause: string | undefined;
  assignedVariables: Record<string, unknown> | undefined;
}

export interface Ctx {
  thread: Thread;
  visit?: Visit;
}

/**
 * The children of every visit that has none: one shared empty map instead of one per visit
 * (most visits are no container; a replay's checkpoints copy thousands of visits each).
 * Hence a visit's children change only through Tracker.addChild, which gives it its own.
 */
const NO_CHILDREN: ReadonlyMap<number, Thread> = new Map();

/** A visit's own fields, in one fixed shape; its links (thread, ctx, children) are set by the caller. */
function copyVisit(v: Visit): Visit {
  return {
    name: v.name, seq: v.seq, ctx: v.ctx, node: v.node, thread: v.thread, epoch: v.epoch, open: v.open, status: v.status,
    pending: v.pending, failedChild: v.failedChild, starts: v.starts, tries: v.tries.map((t) => ({ ...t })), parameters: v.parameters,
    result: v.result, children: NO_CHILDREN, lastChild: undefined, mapRunArn: v.mapRunArn, itemCount: v.itemCount, enteredAt: v.enteredAt,
    exitedAt: v.exitedAt, input: v.input, output: v.output, error: v.error, cause: v.cause, assignedVariables: v.assignedVariables,
  };
}

export function newThread(owner?: Visit, key?: number): Thread {
  const thread = { owner, key } as Thread;
  thread.ctx = { thread };
  return thread;
}

export const isContainer = (v: Visit, type?: 'Parallel' | 'Map'): boolean =>
  type === undefined ? v.node?.type === 'Parallel' || v.node?.type === 'Map' : v.node?.type === type;

/** Ends the visit's running try, if it has one (a failure event may come from a state that makes no tries). */
export function endTry(v: Visit, outcome: Exclude<TryOutcome, 'RUNNING'>, at: number | undefined, error?: string) {
  const last = v.tries.at(-1);
  if (last?.outcome !== 'RUNNING') return;
  last.outcome = outcome;
  last.endedAt = at;
  if (error !== undefined) last.error = error;
}

/** What a try still running when its visit ends became. */
const TRY_END: Record<StateStatus, Exclude<TryOutcome, 'RUNNING'>> = {
  NOT_RUN: 'ABORTED',
  RUNNING: 'ABORTED',
  SUCCEEDED: 'SUCCEEDED',
  CAUGHT: 'FAILED',
  FAILED: 'FAILED',
  ABORTED: 'ABORTED',
};

/** What a trial changed, as it was before (see Tracker.beginTrial). */
interface Trial {
  /** visits from here on are the trial's own */
  visitCount: number;
  /** each changed visit's own fields before its first change */
  touched: Map<Visit, Visit>;
  /** each thread's current visit before the trial entered a state in it */
  currents: Map<Thread, Visit | undefined>;
  /** event ids remembered, and (same index) the context each had before */
  ids: number[];
  ctxs: Array<Ctx | undefined>;
  open: Visit[];
  openByName: Array<[string, Visit[]]>;
  lastLeaf?: Visit;
  epoch: number;
  redrivenAt?: number;
}

/** AWS caps a history at 25,000 events; redrives add more. Ids past this are not remembered. */
const MAX_EVENT_ID = 1_000_000;

/**
 * Parsed payloads by their JSON text. A replay reads the same history's prefixes again and
 * again; parsing is a fifth of a read, so it shares one cache across its reads. The values
 * are shared between readings too: nothing may change a reading's payloads.
 */
export type PayloadCache = Map<string, unknown>;

export class Tracker {
  constructor(private readonly payloads?: PayloadCache) {}

  /** A payload as the reader keeps it: JSON text parsed (through the cache when there is one). */
  payload(value: unknown): unknown {
    if (typeof value !== 'string' || !this.payloads) return parsePayload(value);
    if (this.payloads.has(value)) return this.payloads.get(value);
    const parsed = parsePayload(value);
    this.payloads.set(value, parsed);
    return parsed;
  }

  readonly top: Thread = newThread();
  readonly visits: Visit[] = [];
  /** insertion-ordered: children are opened after their parents */
  readonly open = new Set<Visit>();
  /** indexed by event id: ids are dense from 1, an array beats a Map at 25,000 events */
  private readonly byEventId: Array<Ctx | undefined> = [];
  private readonly openByName = new Map<string, Visit[]>();
  lastLeaf?: Visit;
  epoch = 0;
  /** when the latest ExecutionRedriven happened: where a state that resumes without re-entry starts again */
  redrivenAt?: number;

  /**
   * A copy that reads on in this one's place (a replay's checkpoints): this one must never
   * read on again, except in a trial (see beginTrial). Every visit, thread and try is copied with the links between
   * them; graph nodes and payloads are shared, as nothing changes them. The contexts of
   * earlier events are looked up here, and copied, only when a later event points at one.
   */
  fork(): Tracker {
    // By seq, each visit's index in `visits`: an array beats a Map at thousands of visits.
    const visits: Array<Visit | undefined> = new Array<Visit | undefined>(this.visits.length);
    const threads = new Map<Thread, Thread>();
    const thread = (from: Thread): Thread => {
      const known = threads.get(from);
      if (known) return known;
      const copy = newThread(undefined, from.key);
      threads.set(from, copy);
      if (from.owner) copy.owner = visit(from.owner);
      if (from.current) copy.current = visit(from.current);
      return copy;
    };
    const visit = (from: Visit): Visit => {
      const known = visits[from.seq];
      if (known) return known;
      const copy = copyVisit(from);
      visits[from.seq] = copy;
      copy.thread = thread(from.thread);
      copy.ctx = { thread: copy.thread, visit: copy };
      if (from.children.size > 0) copy.children = new Map(Array.from(from.children, ([key, child]) => [key, thread(child)]));
      if (from.lastChild) copy.lastChild = thread(from.lastChild);
      return copy;
    };
    const copy = new Tracker(this.payloads);
    Object.assign(copy, { top: thread(this.top), visits: this.visits.map(visit), epoch: this.epoch, redrivenAt: this.redrivenAt });
    for (const v of this.open) copy.open.add(visit(v));
    for (const [name, list] of this.openByName) copy.openByName.set(name, list.map(visit));
    copy.lastLeaf = this.lastLeaf && visit(this.lastLeaf);
    // Every context is a visit's or a thread's own (see openVisit and newThread).
    copy.inherited = { from: this, copy: (from: Ctx) => (from.visit ? visit(from.visit).ctx : thread(from.thread).ctx) };
    return copy;
  }

  /** the tracker this one was forked from, and how its contexts become this one's (see fork) */
  private inherited?: { from: Tracker; copy: (ctx: Ctx) => Ctx };

  /** what the trial under way changed, to put back (see beginTrial) */
  private trial?: Trial;

  /**
   * Starts a trial: events are read on as usual, and `endTrial` puts this tracker back as it
   * was. A replay seek reads on from a checkpoint this way instead of copying all its visits
   * (a fork costs every visit so far; a trial, only what the events read change). Every
   * change to a visit that may predate the trial goes through `touch` first.
   */
  beginTrial(): void {
    this.trial = {
      visitCount: this.visits.length,
      touched: new Map(),
      currents: new Map(),
      ids: [],
      ctxs: [],
      open: [...this.open],
      openByName: [...this.openByName].map(([name, list]) => [name, [...list]]),
      lastLeaf: this.lastLeaf,
      epoch: this.epoch,
      redrivenAt: this.redrivenAt,
    };
  }

  /**
   * Called before a visit changes: in a trial, keeps its fields as they were, and gives it
   * its own tries and children so the ones it had (which readings hand out) stay unchanged.
   */
  touch(visit: Visit): void {
    const trial = this.trial;
    if (!trial || visit.seq >= trial.visitCount || trial.touched.has(visit)) return;
    trial.touched.set(visit, { ...visit });
    visit.tries = visit.tries.map((t) => ({ ...t }));
    if (visit.children.size > 0) visit.children = new Map(visit.children);
  }

  /** Adds a branch or iteration to a container (its children are its own from here on). */
  addChild(container: Visit, key: number, thread: Thread): void {
    this.touch(container);
    const own = container.children === NO_CHILDREN ? new Map<number, Thread>() : (container.children as Map<number, Thread>);
    container.children = own.set(key, thread);
    container.lastChild = thread;
  }

  /** A retry: what the previous try started inside is no longer the container's. */
  dropChildren(container: Visit): void {
    this.touch(container);
    container.children = NO_CHILDREN;
    container.lastChild = undefined;
  }

  /** The visits from before the trial that it changed (each was touched). */
  touchedInTrial(): Iterable<Visit> {
    return this.trial?.touched.keys() ?? [];
  }

  /** How many visits there were when the trial began (none under way: undefined). */
  visitCountBeforeTrial(): number | undefined {
    return this.trial?.visitCount;
  }

  /** Ends the trial keeping what it changed: it only served to tell which visits changed. */
  keepTrial(): void {
    this.trial = undefined;
  }

  /** Ends the trial: everything it changed is as it was at beginTrial. */
  endTrial(): void {
    const trial = this.trial;
    if (!trial) return;
    this.trial = undefined;
    for (const [visit, before] of trial.touched) Object.assign(visit, before);
    for (const [thread, current] of trial.currents) thread.current = current;
    for (let i = trial.ids.length - 1; i >= 0; i--) this.byEventId[trial.ids[i] as number] = trial.ctxs[i];
    this.visits.length = trial.visitCount;
    this.open.clear();
    for (const v of trial.open) this.open.add(v);
    this.openByName.clear();
    for (const [name, list] of trial.openByName) this.openByName.set(name, list);
    this.lastLeaf = trial.lastLeaf;
    this.epoch = trial.epoch;
    this.redrivenAt = trial.redrivenAt;
  }

  remember(id: unknown, ctx: Ctx) {
    // Masked or malformed ids (the fixtures' [0]) cannot be pointed at; absurd ones would make a huge array.
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || id > MAX_EVENT_ID) return;
    if (this.trial) {
      this.trial.ids.push(id);
      this.trial.ctxs.push(this.byEventId[id]);
    }
    this.byEventId[id] = ctx;
  }

  ctxOf(previousEventId: unknown): Ctx | undefined {
    if (typeof previousEventId !== 'number' || previousEventId <= 0) return undefined;
    const own = this.byEventId[previousEventId];
    if (own || !this.inherited) return own;
    const theirs = this.inherited.from.ctxOf(previousEventId);
    if (!theirs) return undefined;
    // Copied once: later events pointing at the same one find the same context. Kept after a
    // trial too: which visit an earlier event belongs to never changes.
    return (this.byEventId[previousEventId] = this.inherited.copy(theirs));
  }

  openVisit(name: string, node: GraphNode | undefined, thread: Thread, at: number | undefined): Visit {
    // One shape for all visits (copyVisit's) keeps the code reading them fast.
    const visit: Visit = {
      name, seq: this.visits.length, ctx: thread.ctx, node, thread, epoch: this.epoch, open: true, status: 'RUNNING',
      pending: false, failedChild: false, starts: 0, tries: [], parameters: undefined, result: undefined, children: NO_CHILDREN,
      lastChild: undefined, mapRunArn: undefined, itemCount: undefined, enteredAt: at, exitedAt: undefined, input: undefined,
      output: undefined, error: undefined, cause: undefined, assignedVariables: undefined,
    };
    visit.ctx = { thread, visit };
    this.visits.push(visit);
    this.open.add(visit);
    const same = this.openByName.get(name);
    if (same) same.push(visit);
    else this.openByName.set(name, [visit]);
    if (this.trial && !this.trial.currents.has(thread)) this.trial.currents.set(thread, thread.current);
    thread.current = visit;
    if (!isContainer(visit)) this.lastLeaf = visit;
    return visit;
  }

  /** Ends a visit; whatever is still running inside it ends with it. */
  close(visit: Visit, status: StateStatus, at: number | undefined) {
    if (!visit.open) return;
    this.touch(visit);
    const innerFailed = visit.pending || visit.failedChild || status === 'FAILED';
    for (const thread of visit.children.values()) this.closeThread(thread, innerFailed ? 'cut' : 'done', at);
    visit.open = false;
    visit.status = status;
    visit.exitedAt = at;
    endTry(visit, TRY_END[status], at);
    this.open.delete(visit);
    const same = this.openByName.get(visit.name);
    if (same) same.splice(same.indexOf(visit), 1);
    // An uncaught failure inside a branch or iteration fails that branch, hence its container.
    const owner = visit.thread.owner;
    if (status === 'FAILED' && owner) {
      this.touch(owner);
      owner.failedChild = true;
    }
  }

  /** A redriven visit runs again (a Map whose map run AWS redrives in place). */
  reopen(visit: Visit) {
    if (visit.open) return;
    this.touch(visit);
    Object.assign(visit, { open: true, status: 'RUNNING', pending: false, failedChild: false, exitedAt: undefined });
    this.open.add(visit);
    const same = this.openByName.get(visit.name);
    if (same) same.push(visit);
    else this.openByName.set(visit.name, [visit]);
  }

  /** Settles open visits of a finished branch/iteration: a pending failure stays a failure. */
  closeThread(thread: Thread, how: 'done' | 'cut', at: number | undefined) {
    const inside: Visit[] = [];
    for (const v of this.open) if (v.thread === thread) inside.push(v);
    // Latest first, so a nested failure reaches its container before the container settles.
    for (let i = inside.length - 1; i >= 0; i--) {
      const v = inside[i] as Visit;
      this.close(v, this.settle(v, how), at);
    }
  }

  settle(v: Visit, how: 'done' | 'cut'): StateStatus {
    if (v.pending) return 'FAILED';
    if (how === 'done') return 'SUCCEEDED';
    return v.failedChild ? 'FAILED' : 'ABORTED';
  }

  /**
   * After a redrive, a state the previous run left unfinished may resume without a new
   * StateEntered (the local engine continues an interrupted visit; AWS re-enters). Its
   * events then point at the old, closed visit: they start a new visit of the same state
   * with the same input, so the old run's ABORTED/FAILED stays history and the state
   * reads as its latest visit. Only the latest visit of its thread can resume, once.
   */
  rerun(candidate: Visit | undefined, at: number | undefined): Visit | undefined {
    if (!candidate || candidate.open || candidate.epoch >= this.epoch) return undefined;
    if (candidate.status === 'SUCCEEDED' || candidate.status === 'CAUGHT' || candidate.node?.type === 'Fail') return undefined;
    if (candidate.thread.current !== candidate) return undefined;
    const visit = this.openVisit(candidate.name, candidate.node, candidate.thread, this.redrivenAt ?? at);
    visit.input = candidate.input;
    return visit;
  }

  /** The visit an event that found no open one may resume after a redrive (see `rerun`). */
  resumable(ctx: Ctx | undefined): Visit | undefined {
    return ctx?.visit ?? ctx?.thread.current ?? this.lastLeaf;
  }

  latestOpenNamed(name: string): Visit | undefined {
    const same = this.openByName.get(name);
    return same?.[same.length - 1];
  }

  /** The open container of this type (and name) that an event pointing at `ctx` belongs to. */
  container(ctx: Ctx | undefined, type: 'Parallel' | 'Map', name?: string): Visit | undefined {
    const matches = (v: Visit) => v.open && isContainer(v, type) && (name === undefined || v.name === name);
    for (let v = ctx?.visit ?? ctx?.thread.owner; v; v = v.thread.owner) if (matches(v)) return v;
    if (name !== undefined) return this.latestOpenNamed(name);
    for (const v of [...this.open].reverse()) if (matches(v)) return v;
    return undefined;
  }

  /** The open Task/Wait/... visit a name-less event (TaskScheduled, TaskStateAborted...) is about. */
  leaf(ctx: Ctx | undefined): Visit | undefined {
    const own = ctx?.visit;
    if (own?.open && !isContainer(own)) return own;
    const current = ctx?.thread.current;
    if (current?.open && !isContainer(current)) return current;
    return this.lastLeaf?.open ? this.lastLeaf : undefined;
  }

  /** The open visit of a named state, preferring the one the event's chain leads to. */
  named(ctx: Ctx | undefined, name: string): Visit | undefined {
    const own = ctx?.visit;
    if (own?.open && own.name === name) return own;
    const current = ctx?.thread.current;
    if (current?.open && current.name === name) return current;
    return this.latestOpenNamed(name);
  }
}
