import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '@/lib/core/token-bucket';
import { planBatch } from './plan';
import { runBatch, type RunnerDeps } from './runner';

const plan = planBatch('bat-abcd1234', { mode: 'mix', count: 30, concurrency: 5, mix: { happy: 100 } });

/** A pretend Step Functions: an execution runs until `finish` is called; every Nth start is throttled. */
function fakeService(throttleEvery = 0) {
  let t = 0;
  let calls = 0;
  const running = new Set<string>();
  const started: string[] = [];
  let maxRunning = 0;
  const deps: RunnerDeps = {
    start(order) {
      calls++;
      if (throttleEvery && calls % throttleEvery === 0) return Promise.reject(new Error('throttled'));
      if (started.includes(order.name)) return Promise.resolve('exists');
      started.push(order.name);
      running.add(order.name);
      maxRunning = Math.max(maxRunning, running.size);
      return Promise.resolve('started');
    },
    running(names) {
      // Time passes as the runner waits: the oldest running execution finishes.
      const oldest = [...running][0];
      if (oldest) running.delete(oldest);
      return Promise.resolve([...names].filter((n) => running.has(n)).length);
    },
    isThrottle: (e) => e instanceof Error && e.message === 'throttled',
    startBucket: createTokenBucket({ ratePerSecond: 1_000, capacity: 10, now: () => t, sleep: (ms) => ((t += ms), Promise.resolve()) }),
    sleep: (ms) => ((t += ms), Promise.resolve()),
    random: () => 0.5,
  };
  return { deps, started, maxRunning: () => maxRunning };
}

describe('runBatch', () => {
  it('starts every order, never more than the concurrency at once', async () => {
    const service = fakeService();
    const progress = await runBatch(plan, 5, service.deps, new AbortController().signal);
    expect(progress).toMatchObject({ planned: 30, started: 30, existing: 0, failed: [], state: 'finished' });
    expect(service.started).toEqual(plan.map((o) => o.name));
    expect(service.maxRunning()).toBe(5);
  });

  it('backs off and retries a throttled start, losing no order', async () => {
    const service = fakeService(4);
    const progress = await runBatch(plan, 50, service.deps, new AbortController().signal);
    expect(progress.started).toBe(30);
    expect(progress.throttled).toBeGreaterThan(5);
    expect(progress.failed).toEqual([]);
  });

  it('counts what is already started as started when resumed, and stops starting when cancelled', async () => {
    const service = fakeService();
    const cancel = new AbortController();
    const first = await runBatch(plan.slice(0, 10), 50, service.deps, cancel.signal);
    expect(first.started).toBe(10);
    const resumed = await runBatch(plan, 50, service.deps, new AbortController().signal);
    expect(resumed).toMatchObject({ started: 20, existing: 10 });
    cancel.abort();
    const cancelled = await runBatch(planBatch('bat-zzzz9999', { mode: 'mix', count: 5, concurrency: 1, mix: { happy: 100 } }), 1, service.deps, cancel.signal);
    expect(cancelled).toMatchObject({ started: 0, state: 'cancelled' });
  });
});
