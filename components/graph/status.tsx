import type { SagaOutcome, StateStatus } from '@/lib/history/types';

/**
 * How each status looks. Exhaustive Records: a new status in lib/history/types fails to
 * compile here until it has a word, an icon and a colour. Never colour alone: every
 * status also shows its word and its icon.
 */
export const STATUS_LABEL: Record<StateStatus, string> = {
  NOT_RUN: 'Not run',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  CAUGHT: 'Caught',
  FAILED: 'Failed',
  ABORTED: 'Aborted',
};

/** 24×24 icon outlines, shared by the page and the SVG export. */
export const STATUS_ICON_PATH: Record<StateStatus, string> = {
  NOT_RUN: 'M12 4a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12Z',
  RUNNING: 'M12 3a9 9 0 0 1 9 9h-2.5A6.5 6.5 0 0 0 12 5.5V3Z',
  SUCCEEDED: 'm9.5 16.2-4.2-4.2-1.4 1.4 5.6 5.6 11-11-1.4-1.4z',
  CAUGHT: 'M10 8V4l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11Z',
  FAILED: 'M18.3 5.7 16.9 4.3 12 9.2 7.1 4.3 5.7 5.7l4.9 4.9-4.9 4.9 1.4 1.4 4.9-4.9 4.9 4.9 1.4-1.4-4.9-4.9z',
  ABORTED: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 2c1.6 0 3 .5 4.2 1.4L6.4 16.2A7 7 0 0 1 12 5Zm0 14c-1.6 0-3-.5-4.2-1.4l9.8-9.8A7 7 0 0 1 12 19Z',
};

/** CSS custom property holding the status colour (see globals.css). */
export const STATUS_VAR: Record<StateStatus, string> = {
  NOT_RUN: 'not-run',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  CAUGHT: 'caught',
  FAILED: 'failed',
  ABORTED: 'aborted',
};

export function StatusIcon({ status, size = 18 }: { status: StateStatus; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      className={status === 'RUNNING' ? 'status-icon--spin' : undefined}
    >
      <path fill="currentColor" d={STATUS_ICON_PATH[status]} />
    </svg>
  );
}

export const OUTCOME_LABEL: Record<SagaOutcome, string> = {
  COMPLETED: 'Completed',
  COMPENSATED: 'Compensated',
  COMPENSATION_FAILED: 'Compensation failed',
  FAILED: 'Failed',
  RUNNING: 'Running',
  ABORTED: 'Aborted',
};

/** One sentence a presenter can read out: what the outcome means, for any saga-shaped machine. */
export const OUTCOME_MEANING: Record<SagaOutcome, string> = {
  COMPLETED: 'The execution succeeded and no undo step had to run.',
  COMPENSATED: 'A step failed and every completed step was undone. Rolled back cleanly.',
  COMPENSATION_FAILED: 'A step failed and an undo step could not finish: a person must finish the rollback.',
  FAILED: 'A step failed and nothing was undone.',
  RUNNING: 'The saga is still running.',
  ABORTED: 'The execution was stopped before it finished.',
};

/** Outcomes share the status palette: each maps to the status colour that means the same. */
export const OUTCOME_TONE: Record<SagaOutcome, StateStatus> = {
  COMPLETED: 'SUCCEEDED',
  COMPENSATED: 'CAUGHT',
  COMPENSATION_FAILED: 'FAILED',
  FAILED: 'FAILED',
  RUNNING: 'RUNNING',
  ABORTED: 'ABORTED',
};
