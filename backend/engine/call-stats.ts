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
};

export function createCallStats(now: () => number = Date.now) {
  let since = now();
  let total = 0;
  let throttled = 0;
  let byOperation: Partial<Record<Operation, number>> = {};
  return {
    record(operation: Operation): void {
      total += 1;
      byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    },
    recordThrottled(): void {
      throttled += 1;
    },
    snapshot(): CallStatsSnapshot {
      return { since: new Date(since).toISOString(), total, throttled, byOperation: { ...byOperation } };
    },
    reset(): void {
      since = now();
      total = 0;
      throttled = 0;
      byOperation = {};
    },
  };
}

export type CallStats = ReturnType<typeof createCallStats>;
