/**
 * An execution's status as Step Functions reports it, and what each status allows.
 * Closed union: a new status fails to compile until every Record<ExecutionStatus, ...> handles it.
 */
export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** Statuses nothing changes any more (a redrive may still start the run again). */
export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** AWS redrives only these; RedriveExecution answers ExecutionNotRedrivable for the rest. */
const REDRIVABLE_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** Whether AWS would accept a redrive of an execution in this status. */
export const isRedrivable = (status: string): boolean => (REDRIVABLE_STATUSES as ReadonlySet<string>).has(status);
