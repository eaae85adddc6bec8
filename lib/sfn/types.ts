/**
 * App-side shapes of Step Functions data: dates as epoch ms, JSON payloads parsed.
 * Plain data only, so they cross the server/client boundary and SSE unchanged.
 */
import type { AslDefinition } from '../asl/types';
import type { ExecutionStatus } from '../core/execution-status';
import type { HistoryEvent } from '../history/types';

/** A history event with its timestamp in epoch ms and JSON detail strings parsed. */
export type ExecutionEvent = HistoryEvent & { timestamp: number };

export interface ExecutionSummary {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startedAt: number;
  stoppedAt?: number;
  redriveCount?: number;
}

/** DescribeExecution: the summary plus what went in and came out. */
export interface ExecutionInfo extends ExecutionSummary {
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
}

export interface ExecutionPage {
  executions: ExecutionSummary[];
  nextToken?: string;
}

export interface StateMachineInfo {
  stateMachineArn: string;
  name: string;
  definition: AslDefinition;
  /** changes whenever the definition changes; the key for caching definitions */
  revisionId?: string;
  updatedAt?: number;
}

export interface StateMachineSummary {
  stateMachineArn: string;
  name: string;
  type: string;
  createdAt: number;
}

export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionTimedOut',
  'ExecutionAborted',
]);

export const isTerminalEvent = (event: Pick<HistoryEvent, 'type'>): boolean => TERMINAL_EVENT_TYPES.has(event.type);

/**
 * Whether a history has ended: its last terminal event is not followed by a redrive.
 * A redriven execution keeps its old ExecutionFailed (or Aborted, TimedOut) and runs on
 * after ExecutionRedriven, so "has any terminal event" would stop watching too early.
 */
export function hasEnded(events: readonly Pick<HistoryEvent, 'type'>[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.type === 'ExecutionRedriven') return false;
    if (event && isTerminalEvent(event)) return true;
  }
  return false;
}
