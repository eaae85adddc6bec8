/**
 * One run of an execution in aws-local-stepfunctions: from its start state (StartAt, or
 * the interrupted state when resuming or redriving) to an outcome, with every library
 * event and Lambda call translated into AWS history events as they happen.
 */
import type { RunOptions, StateMachine } from 'aws-local-stepfunctions';
import type { AwsHistoryEvent } from './aws-events';
import { machineStartingAt, type CompiledDefinition } from './definition';
import type { LambdaRegistry } from './lambdas';
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
  const handlers = buildTaskHandlers(request.compiled.index, request.registry, recorder, request.region);
  const execution = machineStartingAt(request.compiled, request.startAt).run(request.input as LibraryJson, {
    // Our handlers return whatever the functions return; the library only needs it JSON-shaped.
    overrides: { taskResourceLocalHandlers: handlers as LibraryHandlers },
    context: request.context,
    noThrowOnAbort: true,
  });
  const outcome = (async (): Promise<Outcome> => {
    // Per-event work stays synchronous: task handlers rely on this loop having drained
    // the log by the next macrotask (see task-handlers.ts).
    for await (const event of execution.eventLogs) emit(translator.onLibraryEvent(event));
    await execution.result.catch(() => undefined);
    return translator.outcome ?? { status: 'FAILED', error: 'States.Runtime', cause: 'The executor stopped without an outcome' };
  })();
  return { abort: execution.abort, outcome };
}
