/** Display formatting shared by the execution panels. Deterministic: same text on server and browser. */
import { parsePayload } from '@/lib/core/values';
import type { ExecutionReading } from '@/lib/history/types';

/** The whole run's duration, when both ends are known (a running execution has no end yet). */
export const executionDuration = (reading: ExecutionReading): number | undefined =>
  reading.startedAt !== undefined && reading.stoppedAt !== undefined ? reading.stoppedAt - reading.startedAt : undefined;

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** UTC wall-clock time with milliseconds: identical in SSR and hydration, and precise enough to compare steps. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return `${new Date(ms).toISOString().slice(11, 23)} UTC`;
}

export function formatJson(value: unknown): string {
  if (value === undefined) return '—';
  // Causes are often JSON inside a string; show them as structure when they are. Text that
  // is not JSON comes back as the very same string, and is shown as it is.
  const parsed = parsePayload(value);
  return parsed === value && typeof value === 'string' ? value : JSON.stringify(parsed, null, 2);
}
