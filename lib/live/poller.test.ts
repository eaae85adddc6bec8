import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../core/clock';
import { createStepFunctions } from '../sfn/api';
import { ExecutionNotFoundError, ThrottledError } from '../sfn/errors';
import type { ExecutionEvent } from '../sfn/types';
import { backoffDelay, ExecutionPoller, type LiveListener } from './poller';
import type { LiveStatus } from './status';

const event = (id: number, type = 'TaskStateEntered'): ExecutionEvent => ({ id, type, timestamp: id });

/** A fake Step Functions history that grows as the test appends, counting calls. */
function fakeHistory() {
  const events: ExecutionEvent[] = [];
  let calls = 0;
  let failNext: Error[] = [];
  return {
    events,
    get calls() {
      return calls;
    },
    failWith(...errors: Error[]) {
      failNext = errors;
    },
    async fetchAfter(afterId: number) {
      calls += 1;
      const error = failNext.shift();
      if (error) throw error;
      return events.filter((e) => e.id > afterId);
    },
  };
}

function recorder() {
  const received: number[] = [];
  const statuses: LiveStatus['state'][] = [];
  const retries: number[] = [];
  const listener: LiveListener = {
    events: (batch) => received.push(...batch.map((e) => e.id)),
    status: (s) => {
      statuses.push(s.state);
      if ('retryInMs' in s) retries.push(s.retryInMs);
    },
  };
  return { received, statuses, retries, listener };
}

// Fake timers: the poller waits on the clock it is given (the system one by default, which
// these replace), so the tests move time themselves and a loaded machine changes nothing.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Moves fake time on in small steps until `check` holds (at most `maxMs` of fake time). */
const advanceUntil = async (check: () => boolean, stepMs = 1, maxMs = 60_000) => {
  for (let t = 0; t < maxMs && !check(); t += stepMs) await vi.advanceTimersByTimeAsync(stepMs);
  expect(check()).toBe(true);
};

const INTERVAL = 1_000;

describe('ExecutionPoller', () => {
  it('polls at once for a new viewer, then once per interval, never sooner', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'));
    // The clock it is given is the one it waits on (this one defers to the faked globals).
    const clock = { ...systemClock, setTimeout: vi.fn(systemClock.setTimeout) };
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: INTERVAL, clock });
    const viewer = recorder();
    poller.subscribe(0, viewer.listener);
    await vi.advanceTimersByTimeAsync(0);
    expect(history.calls).toBe(1);
    expect(clock.setTimeout.mock.calls.map(([, ms]) => ms)).toEqual([0, INTERVAL]);
    expect(viewer.received).toEqual([1]);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(history.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(history.calls).toBe(2);
    // A second viewer joining does not start a second loop of polls.
    poller.subscribe(1, recorder().listener);
    await vi.advanceTimersByTimeAsync(10 * INTERVAL);
    expect(history.calls).toBe(12);
  });

  it('feeds every viewer every event exactly once, and stops at the terminal event', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'), event(2));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: INTERVAL });
    const a = recorder();
    const b = recorder();
    poller.subscribe(0, a.listener);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.received).toEqual([1, 2]);
    // b already has event 1 (say, from the server render): it must only get what it lacks.
    poller.subscribe(1, b.listener);
    history.events.push(event(3), event(4, 'ExecutionSucceeded'));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(a.statuses.at(-1)).toBe('ended');
    expect(a.received).toEqual([1, 2, 3, 4]);
    expect(b.received).toEqual([2, 3, 4]);
    const callsAtEnd = history.calls;
    history.events.push(event(5));
    await vi.advanceTimersByTimeAsync(60 * INTERVAL);
    expect(history.calls).toBe(callsAtEnd);
  });

  it('backs off on throttling for exactly the delay it announces, and recovers without losing or repeating events', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: INTERVAL, maxBackoffMs: 60_000, random: () => 1 });
    const viewer = recorder();
    poller.subscribe(0, viewer.listener);
    await vi.advanceTimersByTimeAsync(0);
    expect(viewer.received).toEqual([1]);
    history.failWith(new ThrottledError('slow down'), new ThrottledError('slow down'));
    history.events.push(event(2), event(3, 'ExecutionFailed'));

    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(history.calls).toBe(2);
    expect(viewer.statuses.at(-1)).toBe('throttled');
    expect(viewer.retries).toEqual([2 * INTERVAL]);
    await vi.advanceTimersByTimeAsync(2 * INTERVAL - 1);
    expect(history.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(history.calls).toBe(3);
    expect(viewer.retries).toEqual([2 * INTERVAL, 4 * INTERVAL]);
    await vi.advanceTimersByTimeAsync(4 * INTERVAL);
    expect(history.calls).toBe(4);
    expect(viewer.statuses.slice(-2)).toEqual(['live', 'ended']);
    expect(viewer.received).toEqual([1, 2, 3]);
  });

  it('does not poll while nobody watches, and resumes from the last event held', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: INTERVAL });
    const first = recorder();
    const leave = poller.subscribe(0, first.listener);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.received).toEqual([1]);
    leave();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(history.calls).toBe(1);
    history.events.push(event(2), event(3, 'ExecutionAborted'));
    const second = recorder();
    poller.subscribe(1, second.listener);
    await vi.advanceTimersByTimeAsync(0);
    expect(history.calls).toBe(2);
    expect(second.statuses.at(-1)).toBe('ended');
    expect(second.received).toEqual([2, 3]);
  });

  it('gives up on an execution still not found after its allowed misses, and says so', async () => {
    const history = fakeHistory();
    history.failWith(...Array.from({ length: 4 }, () => new ExecutionNotFoundError('Execution does not exist')));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: INTERVAL, notFoundRetries: 3, random: () => 1 });
    const viewer = recorder();
    poller.subscribe(0, viewer.listener);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(history.calls).toBe(4);
    expect(viewer.statuses.at(-1)).toBe('failed');
  });

  it('follows a redriven history past its first terminal event, to the next one', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'), event(2, 'ExecutionFailed'), event(3, 'ExecutionRedriven'));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: INTERVAL });
    const viewer = recorder();
    poller.subscribe(0, viewer.listener);
    await vi.advanceTimersByTimeAsync(0);
    expect(viewer.received).toEqual([1, 2, 3]);
    expect(viewer.statuses).not.toContain('ended');
    history.events.push(event(4), event(5, 'ExecutionSucceeded'));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(viewer.statuses.at(-1)).toBe('ended');
    expect(viewer.received).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('backoffDelay', () => {
  it('doubles from the poll interval (at least 200 ms) up to the cap', () => {
    const noJitter = { intervalMs: 100, maxBackoffMs: 5_000, random: () => 1 };
    expect([1, 2, 3, 4, 5, 6, 30].map((n) => backoffDelay(n, noJitter))).toEqual([400, 800, 1_600, 3_200, 5_000, 5_000, 5_000]);
    expect(backoffDelay(1, { intervalMs: 1_000, random: () => 1 })).toBe(2_000);
  });

  it('jitters down by at most half, never up', () => {
    expect(backoffDelay(3, { intervalMs: 100, maxBackoffMs: 5_000, random: () => 0 })).toBe(800);
    expect(backoffDelay(30, { intervalMs: 100, maxBackoffMs: 5_000, random: () => 0 })).toBe(2_500);
  });
});

type WireEvent = { id: number; type: string; timestamp: Date };

/**
 * A Step Functions client, as the SDK would be, serving one growing history in newest-first
 * pages of `pageSize` with id cursors as tokens. During a spell of `spell` calls it answers
 * every `throttleEvery`-th one (first pages and later pages alike) with AWS's
 * ThrottlingException. The spell ends because a catch-up needing `throttleEvery` pages or
 * more could never get all of them through an endless every-Nth pattern (AWS refills).
 */
function throttlingClient(pageSize: number, throttleEvery: number, spell: number) {
  const history: WireEvent[] = [];
  let calls = 0;
  let throttled = 0;
  let throttledLaterPages = 0;
  const send = async (command: unknown) => {
    if (!(command instanceof GetExecutionHistoryCommand)) throw new Error('unexpected command');
    calls += 1;
    if (calls <= spell && calls % throttleEvery === 0) {
      throttled += 1;
      if (command.input.nextToken) throttledLaterPages += 1;
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    }
    if (!command.input.reverseOrder) throw new Error('the poller reads newest first');
    const before = Number(command.input.nextToken ?? Number.POSITIVE_INFINITY);
    const older = history.filter((e) => e.id < before).reverse();
    const events = older.slice(0, pageSize);
    const last = events.at(-1);
    return { events, nextToken: older.length > pageSize && last ? String(last.id) : undefined };
  };
  return {
    history,
    get throttled() {
      return throttled;
    },
    get throttledLaterPages() {
      return throttledLaterPages;
    },
    client: { send } as unknown as Parameters<typeof createStepFunctions>[0],
  };
}

describe('ExecutionPoller against a throttling Step Functions', () => {
  it('gives every viewer each event exactly once, in order, across throttled first and later pages', async () => {
    const TOTAL = 60;
    const fake = throttlingClient(3, 3, 60);
    const sfn = createStepFunctions(fake.client);
    const append = (id: number) =>
      fake.history.push({ id, type: id === 1 ? 'ExecutionStarted' : id === TOTAL ? 'ExecutionSucceeded' : 'PassStateEntered', timestamp: new Date(id) });
    append(1);
    const poller = new ExecutionPoller({ fetchAfter: (after) => sfn.getEventsAfter('arn:x', after), intervalMs: 1, maxBackoffMs: 4 });
    const first = recorder();
    poller.subscribe(0, first.listener);
    // Joins mid-run from nothing, and as if server-rendered with the first 15 events on screen.
    const late = recorder();
    const rendered = recorder();
    const joins = new Map([[20, () => poller.subscribe(0, late.listener)], [30, () => poller.subscribe(15, rendered.listener)]]);
    // Bursts of 7 are more than a page, so catching up takes several pages, any of which may be refused.
    for (let next = 2; next <= TOTAL; ) {
      for (const end = Math.min(TOTAL, next + 6); next <= end; next++) {
        append(next);
        joins.get(next)?.();
      }
      await vi.advanceTimersByTimeAsync(3);
    }
    await advanceUntil(() => first.statuses.includes('ended') && late.statuses.includes('ended') && rendered.statuses.includes('ended'));
    const ids = (from: number) => Array.from({ length: TOTAL - from + 1 }, (_, i) => from + i);
    expect(first.received).toEqual(ids(1));
    expect(late.received).toEqual(ids(1));
    expect(rendered.received).toEqual(ids(16));
    expect(fake.throttled).toBeGreaterThan(3);
    expect(fake.throttledLaterPages).toBeGreaterThan(0);
    // Throttling was reported, and each spell of it ended in recovery before the end.
    expect(first.statuses).toContain('throttled');
    expect(first.statuses.lastIndexOf('live')).toBeGreaterThan(first.statuses.lastIndexOf('throttled'));
    expect(first.statuses.at(-1)).toBe('ended');
  });
});
