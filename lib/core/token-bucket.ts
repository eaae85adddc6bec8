/**
 * A token bucket: at most `capacity` calls at once, refilled at `ratePerSecond`. Step
 * Functions meters its APIs this way per account, so a client that paces itself the same
 * way never sees ThrottlingException in the first place. Waiters are served in arrival
 * order. Time is injected: `now` (ms, monotonic) and `sleep`.
 */
export interface TokenBucketOptions {
  ratePerSecond: number;
  capacity: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface TokenBucket {
  /** resolves when a token has been taken */
  take(): Promise<void>;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond, capacity, now, sleep } = options;
  let tokens = capacity;
  let last = now();
  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + ((t - last) * ratePerSecond) / 1_000);
    last = t;
  };
  // One chain: each take waits for the one before, so a waiter cannot be overtaken.
  let queue: Promise<void> = Promise.resolve();
  return {
    take() {
      const turn = queue.then(async () => {
        refill();
        if (tokens < 1) {
          await sleep(Math.ceil(((1 - tokens) * 1_000) / ratePerSecond));
          refill();
        }
        tokens = Math.max(0, tokens - 1);
      });
      queue = turn;
      return turn;
    },
  };
}

/**
 * Exponential backoff with full jitter (AWS's recommendation): a random wait below
 * base·2^attempt, capped. `random` is injected so a seeded run repeats exactly.
 */
export const backoffMs = (attempt: number, random: () => number, baseMs = 100, capMs = 5_000): number =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
