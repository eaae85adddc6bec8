/**
 * At most `concurrency` tasks at a time, the rest queued in arrival order. The list reads
 * histories through one of these, so a page of new executions cannot burst through
 * GetExecutionHistory's rate limit and starve the execution pages' live polling.
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next in line, so a caller that
    // arrives in between cannot slip past the queue and exceed the limit.
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
