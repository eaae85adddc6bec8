import { describe, expect, it } from 'vitest';
import { ThrottledError } from '../sfn/errors';
import type { ExecutionEvent } from '../sfn/types';
import { createLiveRegistry } from './registry';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createLiveRegistry', () => {
  it('shares one poller per execution: 50 viewers cause one history call, and all get its events', async () => {
    const calls: string[] = [];
    let release: (events: ExecutionEvent[]) => void = () => {};
    const registry = createLiveRegistry({
      fetchAfter: (arn) => {
        calls.push(arn);
        return new Promise((resolve) => (release = resolve));
      },
      intervalMs: 1,
      lingerMs: 1,
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
    await tick();
    expect(registry.stats()).toEqual({ pollers: 0, listeners: 0 });
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
      intervalMs: 1,
      lingerMs: 1_000,
    });
    const first = await registry.currentEvents('arn:exec');
    expect(first?.map((e) => e.id)).toEqual([1, 2]);
    for (let i = 0; i < 49; i++) expect((await registry.currentEvents('arn:exec'))?.map((e) => e.id)).toEqual([1, 2]);
    await tick();
    expect(calls).toEqual([0]);
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 0 });
  });

  it('shares the first read among concurrent loads', async () => {
    let calls = 0;
    const registry = createLiveRegistry({
      fetchAfter: async () => {
        calls += 1;
        await tick();
        return [started];
      },
      intervalMs: 1,
    });
    const loads = await Promise.all(Array.from({ length: 50 }, () => registry.currentEvents('arn:exec')));
    expect(loads.every((events) => events?.length === 1)).toBe(true);
    expect(calls).toBe(1);
  });

  it('resolves undefined when the poller cannot read, so the page reads directly and shows why', async () => {
    const registry = createLiveRegistry({
      fetchAfter: async () => {
        throw new ThrottledError('slow down');
      },
      intervalMs: 1,
    });
    expect(await registry.currentEvents('arn:exec')).toBeUndefined();
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
      intervalMs: 1,
      lingerMs: 1,
    });
    expect((await registry.currentEvents('arn:exec'))?.map((e) => e.id)).toEqual([1, 2]);
    history.push({ id: 3, type: 'ExecutionRedriven', timestamp: 0 });
    expect((await registry.currentEvents('arn:exec'))?.map((e) => e.id)).toEqual([1, 2]);

    registry.forget('arn:exec');
    expect((await registry.currentEvents('arn:exec'))?.map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it('keeps the fresh poller when the forgotten one is evicted later', async () => {
    const registry = createLiveRegistry({ fetchAfter: async () => [], intervalMs: 50, lingerMs: 1 });
    const leaveOld = registry.subscribe('arn:exec', 0, { events: () => {}, status: () => {} });
    registry.forget('arn:exec');
    registry.subscribe('arn:exec', 0, { events: () => {}, status: () => {} });
    leaveOld();
    await tick();
    expect(registry.stats()).toEqual({ pollers: 1, listeners: 1 });
  });
});
