import { describe, expect, it } from 'vitest';
import { backoffMs, createTokenBucket } from './token-bucket';

/** A clock that only moves when the bucket sleeps, so every wait is counted exactly. */
function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: (ms: number) => ((t += ms), Promise.resolve()), at: () => t };
}

describe('token bucket', () => {
  it('lets a burst of its capacity through at once, then paces at its rate', async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ ratePerSecond: 20, capacity: 5, ...time });
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      await bucket.take();
      times.push(time.at());
    }
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // 20 more at 20/s take one second.
    expect(times.at(-1)).toBe(1_000);
  });

  it('never lets more than capacity + rate through in any one-second window', async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ ratePerSecond: 19, capacity: 1, ...time });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 100 }, () => bucket.take().then(() => times.push(time.at()))));
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(20);
  });

  it('serves waiters in arrival order', async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ ratePerSecond: 10, capacity: 1, ...time });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});

describe('backoff', () => {
  it('grows exponentially under full jitter, capped', () => {
    expect(backoffMs(0, () => 0.999)).toBe(99);
    expect(backoffMs(3, () => 0.5)).toBe(400);
    expect(backoffMs(20, () => 0.999)).toBe(4_995);
    expect(backoffMs(5, () => 0)).toBe(0);
  });
});
