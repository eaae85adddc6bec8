/**
 * One run of an execution in aws-local-stepfunctions: from its start state (StartAt, or
 * the interrupted state when resuming or redriving) to an outcome, with every library
 * event and Lambda call translated into AWS history events as they happen.
 */
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, type RunOptions, type StateMachine } from 'aws-local-stepfunctions';
import type { AwsHistoryEvent } from './aws-events';
import { machineStartingAt, type CompiledDefinition } from './definition';
import { LambdaInvocationError, type LambdaRegistry } from './lambdas';
import { buildTaskHandlers, type CallRecorder } from './task-handlers';
import type { CallHandle, HistoryTranslator, Outcome } from './translator';

type LibraryJson = Parameters<StateMachine['run']>[0];
type LibraryHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

export interface RunRequest {
  compiled: CompiledDefinition;
  registry: LambdaRegistry;
  region: string;
  translator: HistoryTranslator;
  startAt: string;
  input: unknown;
  /** the Context object ($$): Execution and StateMachine */
  context: Record<string, unknown>;
  /** called synchronously with each batch of new events, in order */
  record: (events: AwsHistoryEvent[]) => void;
}

export interface RunHandle {
  /** stop the executor; the caller records ExecutionAborted through the translator first */
  abort: () => void;
  outcome: Promise<Outcome>;
}

export function startRun(request: RunRequest): RunHandle {
  const { translator, record } = request;
  const emit = (events: AwsHistoryEvent[]) => {
    if (events.length > 0) record(events);
  };
  const recorder: CallRecorder<CallHandle> = {
    begin: (name, call, input) => {
      const { handle, events } = translator.beginCall(name, call, input, Date.now());
      emit(events);
      return handle;
    },
    succeed: (handle, output) => emit(translator.callSucceeded(handle, output, Date.now())),
    fail: (handle, failure) => emit(translator.callFailed(handle, failure.errorType, failure.cause, Date.now())),
  };
  const handlers = guardHandlers(buildTaskHandlers(request.compiled.index, request.registry, recorder, request.region));
  const execution = machineStartingAt(request.compiled, request.startAt).run(request.input as LibraryJson, {
    // Our handlers return whatever the functions return; the library only needs it JSON-shaped.
    overrides: { taskResourceLocalHandlers: handlers as LibraryHandlers },
    context: request.context,
    noThrowOnAbort: true,
  });
  /**
   * The library logs every failure of a state machine as ExecutionFailed, but a throw in its
   * own code outside that (e.g. cloning an input) only rejects `result` and ends no log: the
   * loop below would wait forever and the rejection would go unhandled. So `result` is
   * watched from the start, and such a throw ends the execution as States.Runtime.
   */
  const crashed = execution.result.then(
    () => undefined,
    (error: unknown) => (isLibraryVerdict(error) ? undefined : error),
  );
  const logged = (async (): Promise<Outcome | undefined> => {
    // Per-event work stays synchronous: task handlers rely on this loop having drained
    // the log by the next macrotask (see task-handlers.ts).
    for await (const event of execution.eventLogs) emit(translator.onLibraryEvent(event));
    return translator.outcome;
  })();
  const outcome = Promise.race([logged, crashed.then((error) => (error === undefined ? logged : runtimeFailure(error)))]).then(
    (result) => result ?? runtimeFailure('The executor stopped without an outcome'),
    runtimeFailure,
  );
  function runtimeFailure(error: unknown): Outcome {
    execution.abort();
    emit(translator.failed('States.Runtime', executorFailureCause(error), Date.now()));
    return translator.outcome ?? { status: 'FAILED', error: 'States.Runtime', cause: executorFailureCause(error) };
  }
  return { abort: execution.abort, outcome };
}

/**
 * A task handler throws a LambdaInvocationError when the function fails; anything else it
 * throws is the engine's own bookkeeping breaking (e.g. a result too deep to serialise).
 * That is States.Runtime, which on AWS neither Retry nor Catch (not even States.ALL) matches.
 */
export class EngineFault extends Error {
  override name = 'States.Runtime';
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(thrown: unknown) {
    super(executorFailureCause(thrown));
  }
}

function guardHandlers<H extends Record<string, (input: unknown) => Promise<unknown>>>(handlers: H): H {
  const guarded: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    guarded[name] = async (input) => {
      try {
        return await handler(input);
      } catch (thrown) {
        throw thrown instanceof LambdaInvocationError ? thrown : new EngineFault(thrown);
      }
    };
  }
  return guarded as H;
}

/** The library's own ways of ending a run (its log says how); anything else is a fault in the executor. */
const isLibraryVerdict = (error: unknown): boolean =>
  error instanceof ExecutionError || error instanceof ExecutionAbortedError || error instanceof ExecutionTimeoutError;

/** A cause a user can act on: what broke, with no stack frames or server paths. */
export function executorFailureCause(error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `The local engine failed while running this execution (${what})`;
}
