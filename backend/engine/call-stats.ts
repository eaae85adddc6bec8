/**
 * Counts of Step Functions API calls the engine has served, by operation, since it started
 * or was last reset. Benchmarks read them from `GET /_stats` to show what the dashboard
 * costs the account: the engine is where every viewer's calls end up, so it is the one
 * place a count cannot miss any of them.
 */
import type { Operation } from './protocol';

export type CallStatsSnapshot = {
  /** when counting began (start or last reset), ISO 8601 */
  since: string;
  total: number;
  /** calls answered with an injected ThrottlingException; they are counted in `total` too */
  throttled: number;
  byOperation: Partial<Record<Operation, number>>;
  /**
   * The most calls of each operation within any one second (a sliding window), to hold
   * against AWS's refill rates: a client pacing itself at 20 a second never shows more.
   */
  peakPerSecond: Partial<Record<Operation, number>>;
};

export function createCallStats(now: () => number = Date.now) {
  let since = now();
  let total = 0;
  let throttled = 0;
  let byOperation: Partial<Record<Operation, number>> = {};
  let peakPerSecond: Partial<Record<Operation, number>> = {};
  // Per operation, the times of its calls in the last second: a call's count in the window is the queue's length.
  let recent = new Map<Operation, number[]>();
  return {
    record(operation: Operation): void {
      total += 1;
      byOperation[operation] = (byOperation[operation] ?? 0) + 1;
      const t = now();
      const times = recent.get(operation) ?? [];
      times.push(t);
      while ((times[0] ?? t) <= t - 1_000) times.shift();
      recent.set(operation, times);
      peakPerSecond[operation] = Math.max(peakPerSecond[operation] ?? 0, times.length);
    },
    recordThrottled(): void {
      throttled += 1;
    },
    snapshot(): CallStatsSnapshot {
      return { since: new Date(since).toISOString(), total, throttled, byOperation: { ...byOperation }, peakPerSecond: { ...peakPerSecond } };
    },
    reset(): void {
      since = now();
      total = 0;
      throttled = 0;
      byOperation = {};
      peakPerSecond = {};
      recent = new Map();
    },
  };
}

export type CallStats = ReturnType<typeof createCallStats>;
