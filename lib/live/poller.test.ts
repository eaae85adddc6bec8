import { describe, expect, it } from 'vitest';
import { ThrottledError } from '../sfn/errors';
import type { ExecutionEvent } from '../sfn/types';
import { ExecutionPoller, type LiveListener } from './poller';
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
  const listener: LiveListener = {
    events: (batch) => received.push(...batch.map((e) => e.id)),
    status: (s) => statuses.push(s.state),
  };
  return { received, statuses, listener };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(check()).toBe(true);
};

describe('ExecutionPoller', () => {
  it('feeds every viewer every event exactly once, and stops at the terminal event', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'), event(2));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: 1 });
    const a = recorder();
    const b = recorder();
    poller.subscribe(0, a.listener);
    await until(() => a.received.length === 2);
    // b already has event 1 (say, from the server render): it must only get what it lacks.
    poller.subscribe(1, b.listener);
    history.events.push(event(3), event(4, 'ExecutionSucceeded'));
    await until(() => a.statuses.includes('ended'));
    expect(a.received).toEqual([1, 2, 3, 4]);
    expect(b.received).toEqual([2, 3, 4]);
    const callsAtEnd = history.calls;
    history.events.push(event(5));
    await new Promise((r) => setTimeout(r, 20));
    expect(history.calls).toBe(callsAtEnd);
  });

  it('backs off on throttling, says so, and recovers without losing or repeating events', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: 1, maxBackoffMs: 5 });
    const viewer = recorder();
    poller.subscribe(0, viewer.listener);
    await until(() => viewer.received.length === 1);
    history.failWith(new ThrottledError('slow down'), new ThrottledError('slow down'));
    history.events.push(event(2), event(3, 'ExecutionFailed'));
    await until(() => viewer.statuses.includes('ended'));
    expect(viewer.statuses).toContain('throttled');
    expect(viewer.received).toEqual([1, 2, 3]);
  });

  it('does not poll while nobody watches, and resumes from the last event held', async () => {
    const history = fakeHistory();
    history.events.push(event(1, 'ExecutionStarted'));
    const poller = new ExecutionPoller({ fetchAfter: history.fetchAfter, intervalMs: 1 });
    const first = recorder();
    const leave = poller.subscribe(0, first.listener);
    await until(() => first.received.length === 1);
    leave();
    await new Promise((r) => setTimeout(r, 10));
    const idleCalls = history.calls;
    await new Promise((r) => setTimeout(r, 20));
    expect(history.calls).toBe(idleCalls);
    history.events.push(event(2), event(3, 'ExecutionAborted'));
    const second = recorder();
    poller.subscribe(1, second.listener);
    await until(() => second.statuses.includes('ended'));
    expect(second.received).toEqual([2, 3]);
  });
});
