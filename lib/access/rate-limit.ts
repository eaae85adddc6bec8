/**
 * A fixed-window counter per key: at most `limit` units per `windowMs`. Small and exact
 * enough for a room (a burst at a window's edge can reach twice the limit, which is still
 * far from flooding StartExecution's 300 per second). The clock is injected for tests.
 */
import type { Clock } from '../core/clock';

export type RateLimiter = {
  /** spends `cost` units when they fit; otherwise spends nothing and says when to retry */
  take(key: string, cost?: number): { ok: true } | { ok: false; retryAfterMs: number };
  /** whether the key has already spent its window, without spending */
  spent(key: string): { ok: true } | { ok: false; retryAfterMs: number };
};

type Window = { start: number; used: number };

export function createRateLimiter(options: { limit: number; windowMs: number; clock: Pick<Clock, 'now'> }): RateLimiter {
  const { limit, windowMs, clock } = options;
  const windows = new Map<string, Window>();

  const current = (key: string): Window => {
    const now = clock.now();
    const existing = windows.get(key);
    if (existing && now - existing.start < windowMs) return existing;
    // Forget finished windows as we go, so keys seen once do not accumulate.
    if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
    const fresh = { start: now, used: 0 };
    windows.set(key, fresh);
    return fresh;
  };
  const wait = (w: Window) => ({ ok: false as const, retryAfterMs: w.start + windowMs - clock.now() });

  return {
    take(key, cost = 1) {
      const w = current(key);
      if (w.used + cost > limit) return wait(w);
      w.used += cost;
      return { ok: true };
    },
    spent(key) {
      const w = current(key);
      return w.used >= limit ? wait(w) : { ok: true };
    },
  };
}
