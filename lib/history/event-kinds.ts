/**
 * Every Step Functions history event type, mapped to what it means for the reader.
 * The list mirrors the SDK's HistoryEventType (a test keeps them in step) so that a
 * type AWS adds later shows up as a failing test, while at run time it is ignored.
 */
import { detailsKeyOf } from '../core/events';

export type EventKind =
  | 'execution-started'
  | 'execution-succeeded'
  | 'execution-failed'
  | 'execution-aborted'
  | 'execution-timed-out'
  | 'execution-redriven'
  | 'state-entered'
  | 'state-exited'
  /** a try of a Task starts (a retry adds no event of its own: a second one means retry) */
  | 'attempt'
  /** a try that could not even be scheduled: counts as a try and as a failure */
  | 'attempt-failed'
  | 'progress'
  | 'succeeded'
  | 'failed'
  | 'evaluation-failed'
  | 'aborted'
  | 'container-started'
  | 'container-progress'
  | 'container-succeeded'
  | 'container-failed'
  | 'container-aborted'
  | 'map-run-redriven'
  | 'iteration-started'
  | 'iteration-succeeded'
  | 'iteration-failed'
  | 'iteration-aborted';

export type ContainerType = 'Parallel' | 'Map';

export interface EventMeaning {
  kind: EventKind;
  /** for container/iteration events: which kind of state owns them */
  container?: ContainerType;
}

const k = (kind: EventKind, container?: ContainerType): EventMeaning => ({ kind, container });

export const EVENT_MEANINGS = {
  ActivityFailed: k('failed'),
  ActivityScheduleFailed: k('attempt-failed'),
  ActivityScheduled: k('attempt'),
  ActivityStarted: k('progress'),
  ActivitySucceeded: k('succeeded'),
  ActivityTimedOut: k('failed'),
  ChoiceStateEntered: k('state-entered'),
  ChoiceStateExited: k('state-exited'),
  EvaluationFailed: k('evaluation-failed'),
  ExecutionAborted: k('execution-aborted'),
  ExecutionFailed: k('execution-failed'),
  ExecutionRedriven: k('execution-redriven'),
  ExecutionStarted: k('execution-started'),
  ExecutionSucceeded: k('execution-succeeded'),
  ExecutionTimedOut: k('execution-timed-out'),
  FailStateEntered: k('state-entered'),
  LambdaFunctionFailed: k('failed'),
  LambdaFunctionScheduleFailed: k('attempt-failed'),
  LambdaFunctionScheduled: k('attempt'),
  LambdaFunctionStartFailed: k('failed'),
  LambdaFunctionStarted: k('progress'),
  LambdaFunctionSucceeded: k('succeeded'),
  LambdaFunctionTimedOut: k('failed'),
  MapIterationAborted: k('iteration-aborted', 'Map'),
  MapIterationFailed: k('iteration-failed', 'Map'),
  MapIterationStarted: k('iteration-started', 'Map'),
  MapIterationSucceeded: k('iteration-succeeded', 'Map'),
  // A map run's own abort is followed by the Map state's (or the execution's) verdict.
  MapRunAborted: k('container-progress', 'Map'),
  MapRunFailed: k('container-failed', 'Map'),
  MapRunRedriven: k('map-run-redriven', 'Map'),
  MapRunStarted: k('container-progress', 'Map'),
  MapRunSucceeded: k('container-succeeded', 'Map'),
  MapStateAborted: k('container-aborted', 'Map'),
  MapStateEntered: k('state-entered'),
  MapStateExited: k('state-exited'),
  MapStateFailed: k('container-failed', 'Map'),
  MapStateStarted: k('container-started', 'Map'),
  MapStateSucceeded: k('container-succeeded', 'Map'),
  ParallelStateAborted: k('container-aborted', 'Parallel'),
  ParallelStateEntered: k('state-entered'),
  ParallelStateExited: k('state-exited'),
  ParallelStateFailed: k('container-failed', 'Parallel'),
  ParallelStateStarted: k('container-started', 'Parallel'),
  ParallelStateSucceeded: k('container-succeeded', 'Parallel'),
  PassStateEntered: k('state-entered'),
  PassStateExited: k('state-exited'),
  SucceedStateEntered: k('state-entered'),
  SucceedStateExited: k('state-exited'),
  TaskFailed: k('failed'),
  TaskScheduled: k('attempt'),
  TaskStartFailed: k('failed'),
  TaskStarted: k('progress'),
  TaskStateAborted: k('aborted'),
  TaskStateEntered: k('state-entered'),
  TaskStateExited: k('state-exited'),
  TaskSubmitFailed: k('failed'),
  TaskSubmitted: k('progress'),
  TaskSucceeded: k('succeeded'),
  TaskTimedOut: k('failed'),
  WaitStateAborted: k('aborted'),
  WaitStateEntered: k('state-entered'),
  WaitStateExited: k('state-exited'),
} as const satisfies Record<string, EventMeaning>;

export type KnownEventType = keyof typeof EVENT_MEANINGS;

export type KnownMeaning = EventMeaning & { detailsKey: string };

// Built once: reading 25,000 events should not rebuild the same strings 25,000 times.
const MEANINGS = new Map<string, KnownMeaning>(
  Object.entries(EVENT_MEANINGS).map(([type, m]) => [type, { ...m, detailsKey: detailsKeyOf(type) }]),
);

/** undefined for types this reader does not know (future AWS additions): they are skipped. */
export function meaningOf(type: unknown): KnownMeaning | undefined {
  return typeof type === 'string' ? MEANINGS.get(type) : undefined;
}
