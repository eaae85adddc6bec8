import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../core/clock';
import { ThrottledError } from '../sfn/errors';
import type { ExecutionEvent } from '../sfn/types';
import { createLiveRegistry } from './registry';

// Fake timers: polls and evictions wait on the registry's clock (the system one by
// default, which these replace), so the tests move time themselves.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Lets fake time pass, running whatever polls and evictions fall due. */
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('createLiveRegistry', () => {
  it('shares one poller per execution: 50 viewers cause one history call, and all get its events', async () => {
    const calls: string[] = [];
    let release: (events: ExecutionEvent[]) => void = () => {};
    const registry = createLiveRegistry({
      fetchAfter: (arn) => {
        calls.push(arn);
        return new Promise((resolve) => (release = resolve));
      },
      intervalMs: 1_000,
      lingerMs: 30_000,
    });
    const received: number[][] = [];
    const leaves = Array.from({ length: 50 }, (_, i) => {
      received[i] = [];
      return registry.subscribe('arn:exec', 0, { events: (b) => received[i]?.push(...b.map((e) => e.id)), status: () => {} });
    });
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 50 });
    await tick();
    expect(calls).toEqual(['arn:exec']);

    release([
      { id: 1, type: 'ExecutionStarted', timestamp: 0 },
      { id: 2, type: 'ExecutionSucceeded', timestamp: 0 },
    ]);
    await tick();
    expect(received.every((ids) => ids.join() === '1,2')).toBe(true);
    expect(calls).toHaveLength(1);

    for (const leave of leaves) leave();
    // The poller lingers, so a reload soon after resumes without a read; then it goes.
    await tick(29_999);
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 0 });
    await tick(1);
    expect(registry.stats()).toEqual({ pollers: 0, listeners: 0 });
  });

  it('keeps a poller a viewer comes back to within the linger time, reading nothing while nobody watches', async () => {
    const calls: number[] = [];
    // The clock it is given is the one its pollers and evictions wait on.
    const clock = { ...systemClock, setTimeout: vi.fn(systemClock.setTimeout) };
    const registry = createLiveRegistry({
      clock,
      fetchAfter: async (_arn, after) => {
        calls.push(after);
        return after < 1 ? [{ id: 1, type: 'ExecutionStarted', timestamp: 0 }] : [];
      },
      intervalMs: 1_000,
      lingerMs: 30_000,
    });
    const leave = registry.subscribe('arn:exec', 0, { events: () => {}, status: () => {} });
    await tick(2_500);
    expect(calls).toEqual([0, 1, 1]);
    leave();
    expect(clock.setTimeout.mock.calls.map(([, ms]) => ms)).toEqual([0, 1_000, 1_000, 1_000, 30_000]);
    await tick(20_000);
    expect(calls).toHaveLength(3);
    const back: number[] = [];
    registry.subscribe('arn:exec', 0, { events: (b) => back.push(...b.map((e) => e.id)), status: () => {} });
    // The event held is served at once; polling resumes from it, not from the start.
    expect(back).toEqual([1]);
    await tick(60_000);
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 1 });
    expect(calls.slice(3).every((after) => after === 1)).toBe(true);
  });
});

describe('currentEvents (a page load)', () => {
  const started = { id: 1, type: 'ExecutionStarted', timestamp: 0 };
  const entered = { id: 2, type: 'PassStateEntered', timestamp: 0 };

  it('costs one history read for a room loading the page one after another, and leaves no listener behind', async () => {
    const calls: number[] = [];
    const registry = createLiveRegistry({
      fetchAfter: async (_arn, after) => {
        calls.push(after);
        return [started, entered].filter((e) => e.id > after);
      },
      intervalMs: 1_000,
      lingerMs: 30_000,
    });
    const loading = registry.currentEvents('arn:exec');
    await tick();
    expect((await loading)?.map((e) => e.id)).toEqual([1, 2]);
    // Later loads are served from what the poller holds, with no timer needed.
    for (let i = 0; i < 49; i++) expect((await registry.currentEvents('arn:exec'))?.map((e) => e.id)).toEqual([1, 2]);
    await tick(10_000);
    expect(calls).toEqual([0]);
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 0 });
  });

  it('shares the first read among concurrent loads', async () => {
    let calls = 0;
    const registry = createLiveRegistry({
      fetchAfter: async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 100));
        return [started];
      },
      intervalMs: 1_000,
    });
    const pending = Promise.all(Array.from({ length: 50 }, () => registry.currentEvents('arn:exec')));
    await tick(100);
    const loads = await pending;
    expect(loads.every((events) => events?.length === 1)).toBe(true);
    expect(calls).toBe(1);
  });

  it('resolves undefined when the poller cannot read, so the page reads directly and shows why', async () => {
    const registry = createLiveRegistry({
      fetchAfter: async () => {
        throw new ThrottledError('slow down');
      },
      intervalMs: 1_000,
    });
    const load = registry.currentEvents('arn:exec');
    await tick();
    expect(await load).toBeUndefined();
    await tick();
    expect(registry.stats().listeners).toBe(0);
  });
});

describe('forget (after a redrive)', () => {
  it('lets the next load read the redriven history, where the ended poller would serve the old one', async () => {
    const history: ExecutionEvent[] = [
      { id: 1, type: 'ExecutionStarted', timestamp: 0 },
      { id: 2, type: 'ExecutionFailed', timestamp: 0 },
    ];
    const registry = createLiveRegistry({
      fetchAfter: async (_arn, after) => history.filter((e) => e.id > after),
      intervalMs: 1_000,
      lingerMs: 30_000,
    });
    const load = async () => {
      const loading = registry.currentEvents('arn:exec');
      await tick();
      return (await loading)?.map((e) => e.id);
    };
    expect(await load()).toEqual([1, 2]);
    history.push({ id: 3, type: 'ExecutionRedriven', timestamp: 0 });
    expect(await load()).toEqual([1, 2]);

    registry.forget('arn:exec');
    expect(await load()).toEqual([1, 2, 3]);
  });

  it('keeps the fresh poller when the forgotten one is evicted later', async () => {
    const registry = createLiveRegistry({ fetchAfter: async () => [], intervalMs: 1_000, lingerMs: 30_000 });
    const leaveOld = registry.subscribe('arn:exec', 0, { events: () => {}, status: () => {} });
    registry.forget('arn:exec');
    registry.subscribe('arn:exec', 0, { events: () => {}, status: () => {} });
    leaveOld();
    await tick(60_000);
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 1 });
  });
});
