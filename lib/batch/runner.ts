/**
 * Runs a batch's plan: starts its orders, at most `concurrency` of them running at once,
 * paced by a token bucket below StartExecution's refill rate, and backs off with jitter
 * when Step Functions throttles anyway. An order Step Functions already has (a batch
 * resumed after a restart) counts as started. Cancelling stops further starts; the
 * sagas already running finish, so their data ends consistent. Framework-free: the
 * service, the bucket, the randomness and the clock are injected.
 */
import { backoffMs, type TokenBucket } from '@/lib/core/token-bucket';
import type { PlannedOrder } from './plan';

export type StartOutcome = 'started' | 'exists';

export interface RunnerDeps {
  /** StartExecution; resolves 'exists' when the name is already taken by this order */
  start(order: PlannedOrder): Promise<StartOutcome>;
  /** how many of these names are running now (ListExecutions) */
  running(names: ReadonlySet<string>): Promise<number>;
  isThrottle(error: unknown): boolean;
  startBucket: TokenBucket;
  sleep(ms: number): Promise<void>;
  random(): number;
  /** how long to wait before asking again whether a slot is free */
  pollMs?: number;
  /** tries per order when throttled */
  maxAttempts?: number;
}

export type RunnerProgress = {
  planned: number;
  started: number;
  /** found already started (a resumed batch) */
  existing: number;
  failed: { name: string; message: string }[];
  throttled: number;
  state: 'running' | 'finished' | 'cancelled';
};

export const newProgress = (planned: number): RunnerProgress => ({ planned, started: 0, existing: 0, failed: [], throttled: 0, state: 'running' });

async function startOne(order: PlannedOrder, deps: RunnerDeps, progress: RunnerProgress): Promise<void> {
  const maxAttempts = deps.maxAttempts ?? 8;
  for (let attempt = 0; ; attempt++) {
    await deps.startBucket.take();
    try {
      const outcome = await deps.start(order);
      if (outcome === 'exists') progress.existing++;
      else progress.started++;
      return;
    } catch (error) {
      if (deps.isThrottle(error) && attempt + 1 < maxAttempts) {
        progress.throttled++;
        await deps.sleep(backoffMs(attempt, () => deps.random()));
        continue;
      }
      progress.failed.push({ name: order.name, message: error instanceof Error ? error.message : String(error) });
      return;
    }
  }
}

export async function runBatch(
  plan: readonly PlannedOrder[],
  concurrency: number,
  deps: RunnerDeps,
  signal: AbortSignal,
  progress: RunnerProgress = newProgress(plan.length),
): Promise<RunnerProgress> {
  const launched = new Set<string>();
  // Started orders believed running; refreshed from Step Functions only when the window looks full.
  let inFlight = 0;
  for (const order of plan) {
    while (!signal.aborted && inFlight >= concurrency) {
      inFlight = await deps.running(launched);
      if (inFlight >= concurrency) await deps.sleep(deps.pollMs ?? 250);
    }
    if (signal.aborted) break;
    await startOne(order, deps, progress);
    launched.add(order.name);
    inFlight++;
  }
  progress.state = signal.aborted ? 'cancelled' : 'finished';
  return progress;
}
