/**
 * Text for the executions list. Deterministic (UTC, no locale) so the server render and
 * hydration agree, and running durations are measured to the page's read time, not the
 * browser's clock.
 */
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { StateStatus } from '@/lib/history/types';
import { formatDuration } from '@/components/ui/format';

/** A list spans days, so unlike the execution page's clock it shows the date. */
export function formatStart(ms: number, zone: 'with-zone' | 'no-zone' = 'with-zone'): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—';
  const iso = new Date(ms).toISOString();
  const at = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  // In the table the column header says UTC once, which keeps the column narrow.
  return zone === 'with-zone' ? `${at} UTC` : at;
}

/** Longest execution name the list shows whole; it keeps the table inside a 1280 px screen. */
export const NAME_SHOWN_CHARS = 26;

/**
 * A long name cut in the middle: its start (the scenario) and its end (what tells one order
 * from the next) both stay readable. Whole names go in the link and its title.
 */
export function truncateMiddle(text: string, max: number = NAME_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const keep = Math.max(max - 1, 2);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}

export function formatRunTime(row: { startedAt: number; stoppedAt?: number }, asOf: number): string {
  if (!(row.startedAt > 0)) return '—';
  return formatDuration(Math.max(0, (row.stoppedAt ?? asOf) - row.startedAt));
}

export const EXECUTION_STATUS_LABEL: Record<ExecutionStatus, string> = {
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  TIMED_OUT: 'Timed out',
  ABORTED: 'Aborted',
  PENDING_REDRIVE: 'Pending redrive',
};

/** Execution statuses borrow the state palette: each maps to the state status that looks the same. */
export const EXECUTION_STATUS_TONE: Record<ExecutionStatus, StateStatus> = {
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  TIMED_OUT: 'FAILED',
  ABORTED: 'ABORTED',
  PENDING_REDRIVE: 'CAUGHT',
};
