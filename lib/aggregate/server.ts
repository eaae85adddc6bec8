import 'server-only';
import { systemClock } from '@/lib/core/clock';
import { createTokenBucket } from '@/lib/core/token-bucket';
import { stepFunctions } from '@/lib/sfn';
import { createAggregateReader, type AggregateReader } from './reader';

/**
 * AWS refills GetExecutionHistory at 20 calls per second per account. One token at a
 * time at 19 per second keeps every one-second window at 20 or fewer, even across a
 * window's edge.
 */
export const HISTORY_RATE = { ratePerSecond: 19, capacity: 1 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Process-wide, like the list cache: every page and route handler shares the kept facts and the bucket. */
const KEY = Symbol.for('saga-dashboard.aggregate-reader');
type WithReader = typeof globalThis & { [KEY]?: AggregateReader };

export function aggregateReader(): AggregateReader {
  const scope = globalThis as WithReader;
  // The poller's client surfaces ThrottlingException at once: the reader backs off itself.
  scope[KEY] ??= createAggregateReader({
    client: stepFunctions('poller'),
    historyBucket: createTokenBucket({ ...HISTORY_RATE, now: () => systemClock.now(), sleep }),
    sleep,
    now: () => systemClock.now(),
  });
  return scope[KEY];
}
