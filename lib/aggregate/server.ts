import 'server-only';
import { systemClock } from '@/lib/core/clock';
import { createTokenBucket } from '@/lib/core/token-bucket';
import { stepFunctions } from '@/lib/sfn';
import { createAggregateReader, type AggregateReader } from './reader';

/**
 * AWS refills GetExecutionHistory at 20 calls per second per account, counted where the
 * calls arrive. One token at a time at 18 per second sends at most 19 in any one-second
 * window, even across a window's edge; the one to spare absorbs calls that leave evenly
 * but arrive bunched (a busy network or event loop delays one, and it lands with the
 * next). At 19 a second a loaded machine's engine counted 21.
 */
export const HISTORY_RATE = { ratePerSecond: 18, capacity: 1 } as const;

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
