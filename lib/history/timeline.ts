/**
 * A reading -> Gantt rows: one bar per state visit, in the order they started, with the
 * visit's tries and the Retry backoff between them as segments. Pure: times in epoch ms,
 * no clock (a running visit ends at the `until` the caller passes).
 */
import type { StateRole } from '../asl/types';
import type { ExecutionReading, StateStatus, TryOutcome, TryReading } from './types';

export type SegmentKind = 'try' | 'backoff';

export interface TimelineSegment {
  kind: SegmentKind;
  from: number;
  to: number;
  /** tries only */
  outcome?: TryOutcome;
}

export interface TimelineBar {
  state: string;
  /** index into the state's visits */
  visit: number;
  role: StateRole;
  status: StateStatus;
  iteration?: number;
  attempts: number;
  start: number;
  end: number;
  /** still running: `end` is the caller's `until` */
  open: boolean;
  /** tries and backoff gaps, only when there was more than one try or a try failed */
  segments: TimelineSegment[];
}

export interface Timeline {
  bars: TimelineBar[];
  from: number;
  to: number;
  /** visits the history gives no time for (some exported files): they cannot be drawn */
  untimed: number;
}

function segmentsOf(tries: readonly TryReading[], end: number): TimelineSegment[] {
  const segments: TimelineSegment[] = [];
  let previousEnd: number | undefined;
  for (const t of tries) {
    if (t.startedAt === undefined) continue;
    if (previousEnd !== undefined && t.startedAt > previousEnd) {
      segments.push({ kind: 'backoff', from: previousEnd, to: t.startedAt });
    }
    const to = t.endedAt ?? end;
    segments.push({ kind: 'try', from: t.startedAt, to, outcome: t.outcome });
    previousEnd = to;
  }
  return segments;
}

/** `until`: where a running visit's bar ends (the newest event's time). */
export function buildTimeline(reading: ExecutionReading, until?: number): Timeline {
  const bars: TimelineBar[] = [];
  let untimed = 0;
  let last = until ?? reading.stoppedAt ?? Number.NEGATIVE_INFINITY;
  for (const state of Object.values(reading.states)) {
    for (const v of state.visits) last = Math.max(last, v.exitedAt ?? v.enteredAt ?? last);
  }
  for (const state of Object.values(reading.states)) {
    for (const [index, v] of state.visits.entries()) {
      if (v.enteredAt === undefined) {
        untimed++;
        continue;
      }
      const open = v.exitedAt === undefined;
      const end = Math.max(v.enteredAt, v.exitedAt ?? last);
      const tries = v.tries ?? [];
      // A lone successful try says nothing the bar does not: draw it plain.
      const plain = tries.length <= 1 && tries[0]?.outcome !== 'FAILED';
      bars.push({
        state: state.name,
        visit: index,
        role: state.role,
        status: v.status,
        iteration: v.iteration,
        attempts: v.attempts,
        start: v.enteredAt,
        end,
        open,
        segments: plain ? [] : segmentsOf(tries, end),
      });
    }
  }
  bars.sort((a, b) => a.start - b.start || a.end - b.end);
  const from = reading.startedAt ?? bars[0]?.start ?? 0;
  return { bars, from, to: Number.isFinite(last) ? Math.max(from, last) : from, untimed };
}

/** Round steps for a time axis: 1, 2, 5 x 10^n ms. */
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];

/**
 * Where axis ticks go between two offsets from the execution's start (ms): round
 * multiples of one step, at most about `maxTicks` of them.
 */
export function axisTicks(from: number, to: number, maxTicks: number): number[] {
  const span = to - from;
  if (!(span > 0) || maxTicks < 1) return [from];
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / 3_600_000) * 3_600_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
