import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AslDefinition } from '@/lib/asl/types';
import { TestHistory } from '../history/testing/test-history';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { ExecutionEvent, ExecutionSummary } from '@/lib/sfn/types';
import { createListCache, type ListClient } from './list-cache';

const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:Saga';
const definition: AslDefinition = {
  StartAt: 'Work',
  States: { Work: { Type: 'Task', Resource: 'fn', End: true } },
};

const asEvents = (h: TestHistory): ExecutionEvent[] =>
  h.events.map((e) => ({ ...e, timestamp: e.timestamp instanceof Date ? e.timestamp.getTime() : 0 }));

function runningHistory(): ExecutionEvent[] {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{}' }, 0);
  h.add('TaskStateEntered', { name: 'Work', input: '{}' });
  return asEvents(h);
}

function succeededHistory(): ExecutionEvent[] {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{}' }, 0);
  h.task('Work');
  h.add('ExecutionSucceeded', { output: '{}' });
  return asEvents(h);
}

const summary = (name: string, status: ExecutionStatus = 'SUCCEEDED', redriveCount?: number): ExecutionSummary => ({
  executionArn: `arn:aws:states:us-east-1:000000000000:execution:Saga:${name}`,
  stateMachineArn: SM,
  name,
  status,
  startedAt: 0,
  ...(redriveCount === undefined ? {} : { redriveCount }),
});

/** A fake Step Functions that counts calls and can be told what to answer. */
function fakeClient(historyDelayMs = 0) {
  const calls = { list: 0, history: 0, describe: 0, historyPeak: 0 };
  let historyRunning = 0;
  const histories = new Map<string, ExecutionEvent[]>();
  let failList: Error | undefined;
  const client: ListClient = {
    async listExecutions(_arn, { status, nextToken }) {
      calls.list++;
      await Promise.resolve();
      if (failList) throw failList;
      return { executions: [summary(`${status ?? 'any'}-${nextToken ?? 'first'}`)], nextToken: 'next' };
    },
    async getHistory(executionArn) {
      calls.history++;
      historyRunning++;
      calls.historyPeak = Math.max(calls.historyPeak, historyRunning);
      await (historyDelayMs > 0 ? new Promise((r) => setTimeout(r, historyDelayMs)) : Promise.resolve());
      historyRunning--;
      return histories.get(executionArn) ?? succeededHistory();
    },
    async describeStateMachine() {
      calls.describe++;
      return { definition };
    },
  };
  return {
    client,
    calls,
    setHistory: (name: string, events: ExecutionEvent[]) => histories.set(summary(name).executionArn, events),
    failListWith: (error: Error | undefined) => (failList = error),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ListExecutions sharing', () => {
  it('makes one call for any number of viewers asking at once', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    const pages = await Promise.all(Array.from({ length: 200 }, () => cache.page(SM, undefined, undefined)));
    expect(fake.calls.list).toBe(1);
    expect(new Set(pages).size).toBe(1);
  });

  it('calls at most once per 5 s per key, however often viewers refresh', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    for (let t = 0; t < 20_000; t += 250) {
      await Promise.all(Array.from({ length: 10 }, () => cache.page(SM, undefined, undefined)));
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(fake.calls.list).toBe(4);
  });

  it('keys by state machine, status filter and page token', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    await Promise.all([
      cache.page(SM, undefined, undefined),
      cache.page(SM, 'FAILED', undefined),
      cache.page(SM, 'FAILED', 'next'),
      cache.page(`${SM}2`, undefined, undefined),
      cache.page(SM, 'FAILED', 'next'),
    ]);
    expect(fake.calls.list).toBe(4);
  });

  it('shares a failure for the window too, then tries again', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    fake.failListWith(new Error('Throttled'));
    await expect(cache.page(SM, undefined, undefined)).rejects.toThrow('Throttled');
    await expect(cache.page(SM, undefined, undefined)).rejects.toThrow('Throttled');
    expect(fake.calls.list).toBe(1);
    fake.failListWith(undefined);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(cache.page(SM, undefined, undefined)).resolves.toBeDefined();
    expect(fake.calls.list).toBe(2);
  });
});

describe('execution facts', () => {
  it('reads a terminal execution once, ever, and describes the machine once for all rows', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    const rows = ['a', 'b', 'c'].map((n) => summary(n));
    const first = await Promise.all(rows.flatMap((r) => [cache.facts(r), cache.facts(r)]));
    expect(first[0]).toMatchObject({ status: 'SUCCEEDED', outcome: 'COMPLETED' });
    await vi.advanceTimersByTimeAsync(3_600_000);
    await Promise.all(rows.map((r) => cache.facts(r)));
    expect(fake.calls.history).toBe(3);
    expect(fake.calls.describe).toBe(1);
  });

  it('re-reads a running execution at most once per 5 s, and keeps it once it ends', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    fake.setHistory('r', runningHistory());
    const running = summary('r', 'RUNNING');
    await expect(Promise.all([cache.facts(running), cache.facts(running)])).resolves.toMatchObject([
      { status: 'RUNNING', step: { name: 'Work', status: 'RUNNING' } },
      { status: 'RUNNING' },
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    await cache.facts(running);
    expect(fake.calls.history).toBe(1);

    fake.setHistory('r', succeededHistory());
    await vi.advanceTimersByTimeAsync(5_000);
    // The list may still say RUNNING: the history is newer, and it says the run is over.
    await expect(cache.facts(running)).resolves.toMatchObject({ status: 'SUCCEEDED' });
    await vi.advanceTimersByTimeAsync(60_000);
    await cache.facts(running);
    expect(fake.calls.history).toBe(2);
  });

  it('reads a redriven execution again', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client);
    await cache.facts(summary('x', 'FAILED'));
    await cache.facts(summary('x', 'RUNNING', 1));
    expect(fake.calls.history).toBe(2);
  });

  it('reads at most 4 histories at a time', async () => {
    const fake = fakeClient(10);
    const cache = createListCache(fake.client);
    const reads = Promise.all(Array.from({ length: 25 }, (_, i) => cache.facts(summary(`e${i}`))));
    await vi.runAllTimersAsync();
    await reads;
    expect(fake.calls.history).toBe(25);
    expect(fake.calls.historyPeak).toBe(4);
  });

  it('forgets the oldest terminal facts beyond its bound', async () => {
    const fake = fakeClient();
    const cache = createListCache(fake.client, { maxTerminal: 2 });
    for (const name of ['a', 'b', 'c', 'a']) {
      await cache.facts(summary(name));
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(fake.calls.history).toBe(4);
  });
});
