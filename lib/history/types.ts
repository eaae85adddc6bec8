/**
 * The vocabulary shared by the history reader, the CLI and the dashboard.
 * Closed unions: a new status fails to compile until every Record<Status, ...> styles it.
 */
import type { StateRole } from '../asl/types';
import type { ExecutionStatus } from '../core/execution-status';

export const STATE_STATUSES = ['NOT_RUN', 'RUNNING', 'SUCCEEDED', 'CAUGHT', 'FAILED', 'ABORTED'] as const;
export type StateStatus = (typeof STATE_STATUSES)[number];

export const SAGA_OUTCOMES = [
  'COMPLETED',
  'COMPENSATED',
  'COMPENSATION_FAILED',
  'FAILED',
  'RUNNING',
  'ABORTED',
] as const;
export type SagaOutcome = (typeof SAGA_OUTCOMES)[number];


/**
 * One GetExecutionHistory event as the reader accepts it: AWS field names, with
 * `timestamp` as a Date (SDK), epoch seconds/ms number, ISO string, or anything
 * unparseable (the fixtures use the literal "timestamp"). Details objects keep
 * AWS's `<camelType>EventDetails` keys; their JSON payloads may be strings (wire)
 * or already-parsed values (fixtures).
 */
export interface HistoryEvent {
  id: number;
  previousEventId?: number;
  timestamp?: unknown;
  type: string;
  [details: string]: unknown;
}

/** How one try of a visit ended; RUNNING while nothing has said yet. */
export type TryOutcome = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/**
 * One try of a Task (Scheduled..Succeeded/Failed) or of a Parallel/Map (Started..Succeeded/
 * Failed). The time between one try's end and the next one's start is the Retry backoff.
 */
export interface TryReading {
  /** epoch ms, when known */
  startedAt?: number;
  endedAt?: number;
  outcome: TryOutcome;
  error?: string;
}

export interface StateVisit {
  status: StateStatus;
  /** position among all visits of the execution, in the order entered: which visit came last, without clocks */
  seq?: number;
  attempts: number;
  /** every try in order, when the state makes tries (Task, Parallel, Map) */
  tries?: TryReading[];
  /** epoch ms, when known */
  enteredAt?: number;
  exitedAt?: number;
  durationMs?: number;
  input?: unknown;
  /** what the last try was called with, as resolved (TaskScheduled parameters, LambdaFunctionScheduled input) */
  parameters?: unknown;
  /** what the last successful try returned (TaskSucceeded / LambdaFunctionSucceeded output), before ResultSelector and ResultPath */
  result?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  /** Map iteration index or Parallel branch index this visit ran in, when nested. */
  iteration?: number;
  /** JSONata/Variables: the variables this state assigned on exit (values parsed from JSON) */
  assignedVariables?: Record<string, unknown>;
  /**
   * Map visits: items to process and iterations started in the last try. A distributed
   * Map's iterations are child executions, absent from this history: only itemCount shows.
   */
  itemCount?: number;
  iterationCount?: number;
}

export interface StateReading {
  name: string;
  status: StateStatus;
  /** largest number of tries in one visit */
  attempts: number;
  enteredAt?: number;
  exitedAt?: number;
  durationMs?: number;
  visits: StateVisit[];
  role: StateRole;
}

export interface ExecutionReading {
  executionStatus: ExecutionStatus;
  sagaOutcome: SagaOutcome;
  /** every state of the definition, nested ones included, keyed by name */
  states: Record<string, StateReading>;
  /** ids of graph edges (see lib/asl/types.ts edgeId) that were taken */
  edgesRun: string[];
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  startedAt?: number;
  stoppedAt?: number;
  eventCount: number;
  /** ExecutionRedriven events seen (AWS's redriveCount); optional so readings built by hand may omit 0 */
  redriveCount?: number;
}
