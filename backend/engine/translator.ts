/**
 * Turns aws-local-stepfunctions' event log (StateEntered/Exited/Failed/Retried/Caught,
 * Map/Parallel events) into AWS GetExecutionHistory events. Synchronous and free of I/O:
 * the runner feeds it library events as they arrive, and the task handlers tell it when a
 * Lambda call starts and ends, because the library logs nothing of its own for those.
 *
 * Rules copied from recorded AWS histories (shared fixtures): the first state's entry has
 * previousEventId 0; retries add no event (the next *Scheduled points at the failure); a
 * caught failure still gets its *StateExited; a Fail state has no exit; ExecutionAborted
 * has previousEventId 0 and empty details. Inside Parallel branches and Map iterations
 * each branch or iteration chains its own previousEventIds.
 *
 * A chain is named by its path from the root (`root/Outer[1]/Inner[0]`, `root/Par#1`).
 * The library tags a nested state's events with the index of its OUTERMOST Map only (each
 * Map level overwrites `index` as it forwards), so inner Map levels are resolved to the
 * oldest iteration of that Map still open in the enclosing chain: exact whenever the
 * inner Map runs one iteration at a time, as in every nested Map recorded on AWS.
 */
import * as aws from './aws-events';
import type { AwsHistoryEvent, EventDraft, Invocation } from './aws-events';
import type { DefinitionIndex, StateInfo } from './definition';

/** The library's event log, structurally (its own types are not exported). */
export interface LibraryEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
}

export type TerminalStatus = 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
export interface Outcome {
  status: TerminalStatus;
  output?: string;
  error?: string;
  cause?: string;
}

export interface CallHandle {
  key: string;
  scope: string;
  call: Invocation;
  closed: boolean;
}

interface OpenIteration {
  scope: string;
  /** the Map visit: `${enclosing chain}|${map name}` */
  visit: string;
  map: string;
  index: number;
  at: number;
  /** its MapIterationStarted is written */
  started: boolean;
}

const ROOT = 'root';
const EXECUTION = 'execution';
const causeText = (cause: unknown): string | undefined =>
  cause === undefined ? undefined : typeof cause === 'string' ? cause : JSON.stringify(cause);

export class HistoryTranslator {
  private lastId: number;
  /** AWS chains composite-state events past MapIteration* events, to the last other event */
  private lastNonIteration: number;
  /** last event id per chain: root, each Parallel branch, each Map iteration */
  private readonly scopes = new Map<string, number>();
  /** per state name, the scopes of Task attempts whose Lambda call has not begun yet (FIFO) */
  private readonly pendingCalls = new Map<string, string[]>();
  private readonly calls = new Map<string, CallHandle>();
  /** per open Task visit (`${scope}|${name}`), its timeouts, resolved against the state's input on entry */
  private readonly timeouts = new Map<string, aws.TaskTimeouts>();
  /** states entered and not exited, by `${scope}|${name}`, for aborting a failed Parallel/Map's siblings */
  private readonly open = new Map<string, { info: StateInfo; scope: string; failed: boolean }>();
  /** composite visits (`${scope}|${name}`) whose current attempt failed */
  private readonly failedComposites = new Set<string>();
  /** per Map visit (`${scope}|${name}`), its open iterations in the order they started */
  private readonly openIterations = new Map<string, number[]>();
  /**
   * Map visits with a failed iteration. The library may still start a queued iteration
   * before it cancels the rest; AWS starts none, so such iterations are dropped whole.
   */
  private readonly failedMapVisits = new Set<string>();
  private readonly droppedScopes = new Set<string>();
  /**
   * A Parallel/Map failure is logged before the library decides whether to retry it; AWS
   * writes *StateFailed only for a failure that is not retried, so it waits for the next event.
   */
  private pendingFailure: { info: StateInfo; scope: string; at: number } | undefined;
  /**
   * Map iterations begun and not ended, by chain. The library can report iteration N+1's
   * start before iteration N's end; AWS writes each MapIterationStarted just before that
   * iteration's first state, so the start is written then (`started`).
   */
  private readonly iterations = new Map<string, OpenIteration>();
  private lastFail?: { info: StateInfo; error: string | undefined };
  private taskTimedOut = false;
  private continueVisit: string | undefined;
  outcome: Outcome | undefined;

  /**
   * @param lastEventId id of the last event already in the history (0 for a new execution)
   * @param continueVisit a top-level state whose open visit a resumed run continues: its
   *   re-entry is not logged again, so the state reads as one visit with another attempt
   */
  constructor(
    private readonly index: DefinitionIndex,
    lastEventId = 0,
    continueVisit?: string,
  ) {
    this.lastId = lastEventId;
    this.lastNonIteration = lastEventId;
    if (lastEventId > 0) this.scopes.set(ROOT, lastEventId);
    this.continueVisit = continueVisit;
  }

  get terminal(): boolean {
    return this.outcome !== undefined;
  }

  started(input: string, roleArn: string, at: number): AwsHistoryEvent {
    return this.emit(aws.executionStarted(input, roleArn), EXECUTION, at, 0);
  }

  redriven(redriveCount: number, at: number): AwsHistoryEvent {
    return this.emit(aws.draft('ExecutionRedriven', { redriveCount }), ROOT, at, this.lastId);
  }

  aborted(error: string | undefined, cause: string | undefined, at: number): AwsHistoryEvent[] {
    if (this.terminal) return [];
    this.outcome = { status: 'ABORTED', error, cause };
    return [this.emit(aws.draft('ExecutionAborted', aws.errorDetails(error, cause)), ROOT, at, 0)];
  }

  /** The engine itself ends the execution (e.g. a restart it cannot resume from). */
  failed(error: string, cause: string, at: number): AwsHistoryEvent[] {
    if (this.terminal) return [];
    this.outcome = { status: 'FAILED', error, cause };
    return [this.emit(aws.draft('ExecutionFailed', aws.errorDetails(error, cause)), ROOT, at, this.lastId)];
  }

  /** A task handler is about to call its function: *Scheduled and *Started. */
  beginCall(stateName: string, call: Invocation, input: string, at: number): { handle: CallHandle; events: AwsHistoryEvent[] } {
    // No pending attempt: the Task runs in an iteration AWS would not have started (dropped).
    const scope = this.pendingCalls.get(stateName)?.shift();
    if (scope === undefined) return { handle: { key: '', scope: ROOT, call, closed: true }, events: [] };
    const handle: CallHandle = { key: `${scope}|${stateName}`, scope, call, closed: this.terminal };
    this.calls.set(handle.key, handle);
    if (handle.closed) return { handle, events: [] };
    const timeouts = this.timeouts.get(handle.key);
    return { handle, events: aws.invocationScheduled(call, input, timeouts).map((d) => this.emit(d, scope, at)) };
  }

  callSucceeded(handle: CallHandle, output: string, at: number): AwsHistoryEvent[] {
    if (handle.closed || this.terminal) return [];
    handle.closed = true;
    return [this.emit(aws.invocationSucceeded(handle.call, output), handle.scope, at)];
  }

  callFailed(handle: CallHandle, error: string, cause: string, at: number): AwsHistoryEvent[] {
    if (handle.closed || this.terminal) return [];
    handle.closed = true;
    const open = this.open.get(handle.key);
    if (open) open.failed = true;
    return [this.emit(aws.invocationFailed(handle.call, error, cause), handle.scope, at)];
  }

  /** Translate one library event; returns the AWS events it produces (often none). */
  onLibraryEvent(event: LibraryEvent): AwsHistoryEvent[] {
    if (this.terminal) return [];
    const settled = this.settlePendingFailure(event);
    const translated = this.translate(event);
    return settled.length === 0 ? translated : [...settled, ...translated];
  }

  private settlePendingFailure(event: LibraryEvent): AwsHistoryEvent[] {
    const pending = this.pendingFailure;
    if (!pending) return [];
    this.pendingFailure = undefined;
    if (event.type === 'StateRetried' && event.state?.name === pending.info.name) return [];
    return [this.emit(aws.draft(`${pending.info.type}StateFailed`), pending.scope, pending.at, this.lastNonIteration)];
  }

  private translate(event: LibraryEvent): AwsHistoryEvent[] {
    const at = event.timestamp;
    switch (event.type) {
      case 'StateEntered':
        return this.entered(event, at);
      case 'StateExited':
        return this.exited(event, at);
      case 'StateFailed':
        return this.stateFailed(event, at);
      case 'StateRetried':
        return this.retried(event, at);
      case 'MapIterationStarted':
        return this.iterationStarted(event);
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        return this.iterationEnded(event, at);
      case 'ExecutionSucceeded':
        return this.finish({ status: 'SUCCEEDED', output: aws.json(event.output) }, at);
      case 'ExecutionFailed':
        return this.finish(this.failureOutcome(event), at);
      case 'ExecutionTimeout':
        return this.finish({ status: 'TIMED_OUT', error: 'States.Timeout' }, at);
      case 'ExecutionAborted':
        return this.aborted(undefined, undefined, at);
      default:
        // ExecutionStarted is written by the engine itself; StateCaught and
        // ParallelBranch* have no AWS event of their own.
        return [];
    }
  }

  private info(name: string | undefined): StateInfo | undefined {
    return name === undefined ? undefined : this.index.states.get(name);
  }

  /**
   * The chain a state's events belong to. `outermostIndex` is the library's `index`: the
   * iteration of the state's outermost enclosing Map (see the file comment).
   */
  private scopeOf(info: StateInfo, outermostIndex: number | undefined): string {
    const chain: StateInfo[] = [info];
    for (let p = this.info(info.parent); p; p = this.info(p.parent)) chain.push(p);
    let scope = ROOT;
    let indexUsed = false;
    for (let i = chain.length - 1; i >= 1; i--) {
      const composite = chain[i];
      const child = chain[i - 1];
      if (!composite || !child) continue;
      if (composite.type === 'Map') {
        const index = !indexUsed && outermostIndex !== undefined ? outermostIndex : this.openIterations.get(`${scope}|${composite.name}`)?.[0] ?? 0;
        indexUsed = true;
        scope = `${scope}/${composite.name}[${index}]`;
      } else {
        scope = `${scope}/${composite.name}#${child.branch ?? 0}`;
      }
    }
    return scope;
  }

  private isDropped(scope: string): boolean {
    if (this.droppedScopes.size === 0) return false;
    for (const dropped of this.droppedScopes) if (scope === dropped || scope.startsWith(`${dropped}/`)) return true;
    return false;
  }

  /** The state an event is about and the chain it runs in; undefined for an unknown state or a dropped chain. */
  private placeOf(event: LibraryEvent): { info: StateInfo; scope: string } | undefined {
    const info = this.info(event.state?.name);
    if (!info) return undefined;
    const scope = this.scopeOf(info, event.index);
    return this.isDropped(scope) ? undefined : { info, scope };
  }

  private emit(d: EventDraft, scope: string, at: number, previousEventId?: number): AwsHistoryEvent {
    const id = ++this.lastId;
    const event: AwsHistoryEvent = {
      id,
      previousEventId: previousEventId ?? this.scopes.get(scope) ?? 0,
      timestamp: at / 1000,
      type: d.type,
    };
    if (d.details) event[aws.detailsKey(d.type)] = d.details;
    this.scopes.set(scope, id);
    if (!d.type.startsWith('MapIteration')) this.lastNonIteration = id;
    return event;
  }

  /** Parallel/Map attempts open with a *StateStarted event and give each branch/iteration its chain. */
  private compositeStarted(info: StateInfo, input: unknown, scope: string, at: number): AwsHistoryEvent[] {
    const visit = `${scope}|${info.name}`;
    this.failedComposites.delete(visit);
    if (info.type === 'Parallel') {
      const started = this.emit(aws.draft('ParallelStateStarted'), scope, at, this.lastNonIteration);
      const branches = Array.isArray(info.def.Branches) ? info.def.Branches.length : 0;
      for (let b = 0; b < branches; b++) this.scopes.set(`${scope}/${info.name}#${b}`, started.id);
      return [started];
    }
    this.failedMapVisits.delete(visit);
    this.openIterations.delete(visit);
    const length = itemCount(info.def, input);
    const details = length === undefined ? undefined : { length };
    const started = this.emit(aws.draft('MapStateStarted', details), scope, at, this.lastNonIteration);
    return [started];
  }

  private entered(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const place = this.placeOf(event);
    if (!place || !event.state) return [];
    const { info, scope } = place;
    this.open.set(`${scope}|${info.name}`, { info, scope, failed: false });
    const out: AwsHistoryEvent[] = this.releaseIterationStarts(scope);
    if (this.continueVisit === info.name && scope === ROOT) this.continueVisit = undefined;
    else out.push(this.emit(aws.stateEntered(info.type, info.name, aws.json(event.state.input)), scope, at));
    if (info.type === 'Task') {
      this.queueCall(info.name, scope);
      this.timeouts.set(`${scope}|${info.name}`, taskTimeouts(info.def, event.state.input));
    }
    if (info.type === 'Parallel' || info.type === 'Map') out.push(...this.compositeStarted(info, event.state.input, scope, at));
    return out;
  }

  private exited(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const place = this.placeOf(event);
    if (!place) return [];
    const { info, scope } = place;
    this.open.delete(`${scope}|${info.name}`);
    this.dropPendingCall(info, scope);
    const exit = aws.stateExited(info.type, info.name, aws.json(event.state?.output));
    const out: AwsHistoryEvent[] = [];
    if ((info.type === 'Parallel' || info.type === 'Map') && !this.failedComposites.has(`${scope}|${info.name}`)) {
      // As recorded on AWS, both the *StateSucceeded and the *StateExited point at the last branch/iteration event.
      const last = this.lastId;
      out.push(this.emit(aws.draft(`${info.type}StateSucceeded`), scope, at, last), this.emit(exit, scope, at, last));
    } else {
      out.push(this.emit(exit, scope, at));
    }
    const endsIteration = info.def.End === true || info.type === 'Succeed';
    if (endsIteration && this.iterations.has(scope)) out.push(...this.endIteration(scope, 'MapIterationSucceeded', at));
    return out;
  }

  private stateFailed(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const place = this.placeOf(event);
    if (!place) return [];
    const { info, scope } = place;
    const key = `${scope}|${info.name}`;
    const open = this.open.get(key);
    if (open) open.failed = true;
    this.dropPendingCall(info, scope);
    if (info.type === 'Fail') this.lastFail = { info, error: event.Error };
    const out: AwsHistoryEvent[] = [];
    const call = this.calls.get(key);
    if (info.type === 'Task' && event.Error === 'States.Timeout' && call && !call.closed) {
      call.closed = true;
      // AWS writes a Task timeout with its error alone, here and in ExecutionFailed.
      out.push(this.emit(aws.invocationFailed(call.call, 'States.Timeout', undefined, true), scope, at));
      this.taskTimedOut = true;
    }
    if (info.type === 'Parallel' || info.type === 'Map') {
      this.failedComposites.add(key);
      out.push(...this.abortInside(scope, info.name, at));
      this.pendingFailure = { info, scope, at };
    }
    return out;
  }

  private retried(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const place = this.placeOf(event);
    if (!place) return [];
    const { info, scope } = place;
    const open = this.open.get(`${scope}|${info.name}`);
    if (open) open.failed = false;
    if (info.type === 'Task') this.queueCall(info.name, scope);
    if (info.type === 'Parallel' || info.type === 'Map') return this.compositeStarted(info, event.state?.input, scope, at);
    return [];
  }

  /** The chain of a Map's iteration and the key of the Map visit it belongs to. */
  private iterationScope(event: LibraryEvent): OpenIteration | undefined {
    const map = this.info(event.parentState?.name);
    if (!map || event.index === undefined) return undefined;
    // The iteration's own index is `event.index`; the Map's enclosing Maps resolve to their open iterations.
    const parent = this.scopeOf(map, undefined);
    return { scope: `${parent}/${map.name}[${event.index}]`, visit: `${parent}|${map.name}`, map: map.name, index: event.index, at: event.timestamp, started: false };
  }

  /** Held until the iteration's first state: the library can report it before the previous iteration's end. */
  private iterationStarted(event: LibraryEvent): AwsHistoryEvent[] {
    const it = this.iterationScope(event);
    if (!it || this.isDropped(it.scope)) return [];
    if (this.failedMapVisits.has(it.visit)) {
      this.droppedScopes.add(it.scope);
      return [];
    }
    this.iterations.set(it.scope, it);
    const open = this.openIterations.get(it.visit);
    if (open) open.push(it.index);
    else this.openIterations.set(it.visit, [it.index]);
    return [];
  }

  /**
   * The library's iteration ends are forwarded late, after the next iteration's first
   * events (or, for the last one, after the Map has moved on), so a success is written
   * when the iteration's end state exits and the library's own report is ignored.
   */
  private iterationEnded(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const it = this.iterationScope(event);
    if (!it || this.isDropped(it.scope) || !this.iterations.has(it.scope)) return [];
    if (event.type === 'MapIterationFailed') {
      this.failedMapVisits.add(it.visit);
      // Iterations the library queued but that have not run a state yet: AWS never starts them.
      for (const other of this.iterations.values()) {
        if (other.visit !== it.visit || other.started || other.scope === it.scope) continue;
        this.closeIteration(other);
        this.droppedScopes.add(other.scope);
      }
    }
    return this.endIteration(it.scope, event.type, at);
  }

  private endIteration(scope: string, type: string, at: number): AwsHistoryEvent[] {
    const it = this.iterations.get(scope);
    if (!it) return [];
    const out = this.releaseIterationStarts(scope);
    this.closeIteration(it);
    out.push(this.emit(aws.draft(type, { index: it.index, name: it.map }), scope, at));
    return out;
  }

  private closeIteration(it: OpenIteration): void {
    this.iterations.delete(it.scope);
    const open = this.openIterations.get(it.visit);
    const position = open?.indexOf(it.index) ?? -1;
    if (open && position >= 0) open.splice(position, 1);
  }

  /** Writes the MapIterationStarted of `scope` and of every chain enclosing it not yet written, outermost first. */
  private releaseIterationStarts(scope: string): AwsHistoryEvent[] {
    if (this.iterations.size === 0) return [];
    const out: AwsHistoryEvent[] = [];
    const parts = scope.split('/');
    for (let i = 2; i <= parts.length; i++) {
      const it = this.iterations.get(parts.slice(0, i).join('/'));
      if (!it || it.started) continue;
      it.started = true;
      out.push(this.emit(aws.draft('MapIterationStarted', { index: it.index, name: it.map }), it.scope, it.at, this.lastNonIteration));
    }
    return out;
  }

  /** Siblings still running when a branch or iteration fails end as `<Type>StateAborted`. */
  private abortInside(scope: string, composite: string, at: number): AwsHistoryEvent[] {
    const out: AwsHistoryEvent[] = [];
    const inside = [`${scope}/${composite}[`, `${scope}/${composite}#`];
    for (const [key, entry] of this.open) {
      if (entry.failed || !inside.some((prefix) => entry.scope.startsWith(prefix))) continue;
      this.open.delete(key);
      out.push(this.emit(aws.draft(`${entry.info.type}StateAborted`), entry.scope, at));
    }
    return out;
  }

  private queueCall(name: string, scope: string): void {
    const queue = this.pendingCalls.get(name);
    if (queue) queue.push(scope);
    else this.pendingCalls.set(name, [scope]);
  }

  /** An attempt that ended before its handler ran (e.g. a path error) leaves no call behind. */
  private dropPendingCall(info: StateInfo, scope: string): void {
    if (info.type !== 'Task') return;
    const queue = this.pendingCalls.get(info.name);
    const at = queue?.indexOf(scope) ?? -1;
    if (queue && at >= 0) queue.splice(at, 1);
  }

  /** A Fail state without Error/Cause fails the execution without them, as on AWS. */
  private failureOutcome(event: LibraryEvent): Outcome {
    let error: string | undefined = event.Error;
    let cause = causeText(event.Cause);
    if (event.Error === 'States.Timeout' && this.taskTimedOut) cause = undefined;
    const fail = this.lastFail;
    if (fail && fail.error === event.Error) {
      if (fail.info.def.Error === undefined && fail.info.def.ErrorPath === undefined) error = undefined;
      if (fail.info.def.Cause === undefined && fail.info.def.CausePath === undefined) cause = undefined;
    }
    return { status: 'FAILED', error, cause };
  }

  private finish(outcome: Outcome, at: number): AwsHistoryEvent[] {
    this.outcome = outcome;
    const type = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', ABORTED: 'ExecutionAborted', TIMED_OUT: 'ExecutionTimedOut' }[outcome.status];
    const d =
      outcome.status === 'SUCCEEDED'
        ? aws.executionSucceeded(outcome.output ?? 'null')
        : aws.draft(type, aws.errorDetails(outcome.error, outcome.cause));
    return [this.emit(d, ROOT, at, this.lastId)];
  }
}

/** A `$`, `$.a` or `$.a.b` path applied to a value; undefined when the path is anything fancier. */
function simplePath(path: string, value: unknown): { value: unknown } | undefined {
  if (!/^\$(\.[A-Za-z_][\w-]*)*$/.test(path)) return undefined;
  let current = value;
  for (const key of path.split('.').slice(1)) {
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return { value: current };
}

function seconds(def: Record<string, unknown>, field: string, input: unknown): number | undefined {
  const fixed = def[field];
  if (typeof fixed === 'number') return fixed;
  const path = def[`${field}Path`];
  const value = typeof path === 'string' ? simplePath(path, input)?.value : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** A Task's TimeoutSeconds/HeartbeatSeconds, fixed or read from the state's input by *Path. */
function taskTimeouts(def: Record<string, unknown>, input: unknown): aws.TaskTimeouts {
  const timeoutInSeconds = seconds(def, 'TimeoutSeconds', input);
  const heartbeatInSeconds = seconds(def, 'HeartbeatSeconds', input);
  return {
    ...(timeoutInSeconds !== undefined ? { timeoutInSeconds } : {}),
    ...(heartbeatInSeconds !== undefined ? { heartbeatInSeconds } : {}),
  };
}

/** Map's `length`: the items after InputPath and ItemsPath, when both are simple paths. */
function itemCount(def: Record<string, unknown>, input: unknown): number | undefined {
  const afterInputPath = typeof def.InputPath === 'string' ? simplePath(def.InputPath, input) : { value: input };
  const items = afterInputPath && simplePath(typeof def.ItemsPath === 'string' ? def.ItemsPath : '$', afterInputPath.value);
  return Array.isArray(items?.value) ? items.value.length : undefined;
}
