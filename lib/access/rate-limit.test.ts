import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('allows the limit per window and key, then says how long to wait; a new window starts afresh', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, clock: { now: () => now } });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(limiter.take('b').ok).toBe(true);
    now = 45_000;
    expect(limiter.spent('a')).toEqual({ ok: false, retryAfterMs: 15_000 });
    now = 60_000;
    expect(limiter.spent('a').ok).toBe(true);
    expect(limiter.take('a', 3).ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('a cost that does not fit spends nothing', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 1_000, clock: { now: () => 0 } });
    expect(limiter.take('k', 4).ok).toBe(true);
    expect(limiter.take('k', 2).ok).toBe(false);
    expect(limiter.take('k', 1).ok).toBe(true);
  });
});
