/**
 * Test-only fault injection: every Nth call of an operation the dashboard repeats is
 * refused the way AWS refuses it over quota, so the poller's and the batch runner's
 * backoff can be exercised against a real engine. Off unless ENGINE_THROTTLE_EVERY is set.
 */
import type { Operation } from './protocol';

/**
 * The reads a live view repeats, and StartExecution, which a batch repeats and AWS meters
 * with its own token bucket (a refused start starts nothing, so calling again is safe).
 * Other writes are never throttled, so a test's setup cannot fail.
 */
const THROTTLED_OPERATIONS: ReadonlySet<Operation> = new Set(['GetExecutionHistory', 'DescribeExecution', 'StartExecution']);

/**
 * `every` undefined: never throttles. Each operation counts on its own, so a client that
 * alternates two operations cannot have all its refusals land on one of them.
 */
export function createThrottle(every: number | undefined) {
  const counts = new Map<Operation, number>();
  return {
    shouldThrottle(operation: Operation): boolean {
      if (every === undefined || !THROTTLED_OPERATIONS.has(operation)) return false;
      const count = (counts.get(operation) ?? 0) + 1;
      counts.set(operation, count);
      return count % every === 0;
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
