import { describe, expect, it } from 'vitest';
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
