/**
 * The saga outcome, from the graph's roles only (never from state names). Only Tasks
 * have side effects, so only compensation-role Tasks count as compensating work:
 * a Catch that goes straight to a Fail or Pass state rolled nothing back.
 */
import type { ExecutionStatus } from '../core/execution-status';
import type { SagaOutcome, StateReading, StateStatus } from './types';

type Compensation = 'none' | 'succeeded' | 'failed';

/** A compensation that did not finish cleanly means the rollback is incomplete. */
const COMPENSATION_BROKEN: Record<StateStatus, boolean> = {
  NOT_RUN: false,
  SUCCEEDED: false,
  RUNNING: false,
  CAUGHT: true,
  FAILED: true,
  ABORTED: true,
};

const OUTCOME: Record<ExecutionStatus, Record<Compensation, SagaOutcome>> = {
  RUNNING: { none: 'RUNNING', succeeded: 'RUNNING', failed: 'RUNNING' },
  // Redrive is possible: until then nothing more runs, so it reads like the failure it was.
  PENDING_REDRIVE: { none: 'FAILED', succeeded: 'COMPENSATED', failed: 'COMPENSATION_FAILED' },
  SUCCEEDED: { none: 'COMPLETED', succeeded: 'COMPENSATED', failed: 'COMPENSATION_FAILED' },
  FAILED: { none: 'FAILED', succeeded: 'COMPENSATED', failed: 'COMPENSATION_FAILED' },
  TIMED_OUT: { none: 'FAILED', succeeded: 'COMPENSATED', failed: 'COMPENSATION_FAILED' },
  ABORTED: { none: 'ABORTED', succeeded: 'ABORTED', failed: 'ABORTED' },
};

export function sagaOutcome(
  executionStatus: ExecutionStatus,
  states: ReadonlyArray<StateReading & { type: string }>,
): SagaOutcome {
  const compensations = states.filter((s) => s.role === 'compensation' && s.type === 'Task' && s.status !== 'NOT_RUN');
  const compensation: Compensation =
    compensations.length === 0 ? 'none' : compensations.some((s) => COMPENSATION_BROKEN[s.status]) ? 'failed' : 'succeeded';
  return OUTCOME[executionStatus][compensation];
}
