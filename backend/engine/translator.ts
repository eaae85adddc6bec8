/**
 * Turns aws-local-stepfunctions' event log (StateEntered/Exited/Failed/Retried/Caught,
 * Map/Parallel events) into AWS GetExecutionHistory events. Synchronous and free of I/O:
 * the runner feeds it library events as they arrive, and the task handlers tell it when a
 * Lambda call starts and ends, because the library logs nothing of its own for those.
 *
 * Rules copied from recorded AWS histories (shared fixtures): the first state's entry has
 * previousEventId 0; retries add no event (the next *Scheduled points at the failure); a
 * caught failure still gets its *StateExited; a Fail state has no exit; ExecutionAborted
 * has previousEventId 0. Inside Parallel branches and Map iterations each branch or
 * iteration chains its own previousEventIds.
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
  /** states entered and not exited, by `${scope}|${name}`, for aborting a failed Parallel/Map's siblings */
  private readonly open = new Map<string, { info: StateInfo; scope: string; failed: boolean }>();
  private failedComposites = new Set<string>();
  /**
   * A Parallel/Map failure is logged before the library decides whether to retry it; AWS
   * writes *StateFailed only for a failure that is not retried, so it waits for the next event.
   */
  private pendingFailure: { info: StateInfo; scope: string; at: number } | undefined;
  /**
   * The library can report iteration N+1's start before iteration N's end; AWS writes each
   * MapIterationStarted just before that iteration's first state, so starts wait until then.
   */
  private readonly heldIterationStarts = new Map<string, LibraryEvent>();
  private lastFail?: { info: StateInfo; error: string | undefined };
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
    const details = aws.errorDetails(error, cause);
    return [this.emit(aws.draft('ExecutionAborted', Object.keys(details).length ? details : undefined), ROOT, at, 0)];
  }

  /** The engine itself ends the execution (e.g. a restart it cannot resume from). */
  failed(error: string, cause: string, at: number): AwsHistoryEvent[] {
    if (this.terminal) return [];
    this.outcome = { status: 'FAILED', error, cause };
    return [this.emit(aws.draft('ExecutionFailed', aws.errorDetails(error, cause)), ROOT, at, this.lastId)];
  }

  /** A task handler is about to call its function: *Scheduled and *Started. */
  beginCall(stateName: string, call: Invocation, input: string, at: number): { handle: CallHandle; events: AwsHistoryEvent[] } {
    const scope = this.pendingCalls.get(stateName)?.shift() ?? ROOT;
    const handle: CallHandle = { key: `${scope}|${stateName}`, scope, call, closed: this.terminal };
    this.calls.set(handle.key, handle);
    if (handle.closed) return { handle, events: [] };
    return { handle, events: aws.invocationScheduled(call, input).map((d) => this.emit(d, scope, at)) };
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
        if (event.parentState && event.index !== undefined) this.heldIterationStarts.set(`${event.parentState.name}[${event.index}]`, event);
        return [];
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

  private scopeOf(info: StateInfo, iteration: number | undefined): string {
    if (info.parent === undefined) return ROOT;
    const parent = this.info(info.parent);
    return parent?.type === 'Map' ? `${info.parent}[${iteration ?? 0}]` : `${info.parent}/${info.branch ?? 0}`;
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
    this.failedComposites.delete(info.name);
    if (info.type === 'Parallel') {
      const started = this.emit(aws.draft('ParallelStateStarted'), scope, at, this.lastNonIteration);
      const branches = Array.isArray(info.def.Branches) ? info.def.Branches.length : 0;
      for (let b = 0; b < branches; b++) this.scopes.set(`${info.name}/${b}`, started.id);
      return [started];
    }
    const length = itemCount(info.def, input);
    const details = length === undefined ? undefined : { length };
    const started = this.emit(aws.draft('MapStateStarted', details), scope, at, this.lastNonIteration);
    return [started];
  }

  private entered(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const info = this.info(event.state?.name);
    if (!info || !event.state) return [];
    const scope = this.scopeOf(info, event.index);
    this.open.set(`${scope}|${info.name}`, { info, scope, failed: false });
    const out: AwsHistoryEvent[] = this.releaseIterationStart(scope);
    if (this.continueVisit === info.name && scope === ROOT) this.continueVisit = undefined;
    else out.push(this.emit(aws.stateEntered(info.type, info.name, aws.json(event.state.input)), scope, at));
    if (info.type === 'Task') this.queueCall(info.name, scope);
    if (info.type === 'Parallel' || info.type === 'Map') out.push(...this.compositeStarted(info, event.state.input, scope, at));
    return out;
  }

  private exited(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const info = this.info(event.state?.name);
    if (!info) return [];
    const scope = this.scopeOf(info, event.index);
    this.open.delete(`${scope}|${info.name}`);
    this.dropPendingCall(info, scope);
    const exit = aws.stateExited(info.type, info.name, aws.json(event.state?.output));
    if ((info.type === 'Parallel' || info.type === 'Map') && !this.failedComposites.has(info.name)) {
      // As recorded on AWS, both the *StateSucceeded and the *StateExited point at the last branch/iteration event.
      const last = this.lastId;
      return [this.emit(aws.draft(`${info.type}StateSucceeded`), scope, at, last), this.emit(exit, scope, at, last)];
    }
    return [this.emit(exit, scope, at)];
  }

  private stateFailed(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const info = this.info(event.state?.name);
    if (!info) return [];
    const scope = this.scopeOf(info, event.index);
    const key = `${scope}|${info.name}`;
    const open = this.open.get(key);
    if (open) open.failed = true;
    this.dropPendingCall(info, scope);
    if (info.type === 'Fail') this.lastFail = { info, error: event.Error };
    const out: AwsHistoryEvent[] = [];
    const call = this.calls.get(key);
    if (info.type === 'Task' && event.Error === 'States.Timeout' && call && !call.closed) {
      call.closed = true;
      out.push(this.emit(aws.invocationFailed(call.call, 'States.Timeout', '', true), scope, at));
    }
    if (info.type === 'Parallel' || info.type === 'Map') {
      this.failedComposites.add(info.name);
      out.push(...this.abortInside(info.name, at));
      this.pendingFailure = { info, scope, at };
    }
    return out;
  }

  private retried(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const info = this.info(event.state?.name);
    if (!info) return [];
    const scope = this.scopeOf(info, event.index);
    const open = this.open.get(`${scope}|${info.name}`);
    if (open) open.failed = false;
    if (info.type === 'Task') this.queueCall(info.name, scope);
    if (info.type === 'Parallel' || info.type === 'Map') return this.compositeStarted(info, event.state?.input, scope, at);
    return [];
  }

  private iterationEnded(event: LibraryEvent, at: number): AwsHistoryEvent[] {
    const map = event.parentState?.name;
    if (map === undefined || event.index === undefined) return [];
    const scope = `${map}[${event.index}]`;
    const out = this.releaseIterationStart(scope);
    out.push(this.emit(aws.draft(event.type, { index: event.index, name: map }), scope, at));
    return out;
  }

  private releaseIterationStart(scope: string): AwsHistoryEvent[] {
    const held = this.heldIterationStarts.get(scope);
    if (!held?.parentState || held.index === undefined) return [];
    this.heldIterationStarts.delete(scope);
    const d = aws.draft('MapIterationStarted', { index: held.index, name: held.parentState.name });
    return [this.emit(d, scope, held.timestamp, this.lastNonIteration)];
  }

  /** Siblings still running when a branch or iteration fails end as `<Type>StateAborted`. */
  private abortInside(composite: string, at: number): AwsHistoryEvent[] {
    const out: AwsHistoryEvent[] = [];
    for (const [key, entry] of this.open) {
      if (entry.failed || !this.isInside(entry.info, composite)) continue;
      this.open.delete(key);
      out.push(this.emit(aws.draft(`${entry.info.type}StateAborted`), entry.scope, at));
    }
    return out;
  }

  private isInside(info: StateInfo, composite: string): boolean {
    for (let p = info.parent; p !== undefined; p = this.info(p)?.parent) if (p === composite) return true;
    return false;
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

/** Map's `length`: the items after InputPath and ItemsPath, when both are simple paths. */
function itemCount(def: Record<string, unknown>, input: unknown): number | undefined {
  const afterInputPath = typeof def.InputPath === 'string' ? simplePath(def.InputPath, input) : { value: input };
  const items = afterInputPath && simplePath(typeof def.ItemsPath === 'string' ? def.ItemsPath : '$', afterInputPath.value);
  return Array.isArray(items?.value) ? items.value.length : undefined;
}
