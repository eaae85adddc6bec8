import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '@/lib/core/token-bucket';
import { loadEngineFixtures } from '@/lib/history/testing/fixtures';
import type { ExecutionSummary } from '@/lib/sfn/types';
import type { HistoryEvent } from '@/lib/history/types';
import { LIST_WINDOW_MS } from '@/lib/executions/list-cache';
import { createAggregateReader, type AggregateClient } from './reader';
import { selectionFor } from './selection';
import { firstPage } from '@/lib/executions/filters';

const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderSaga';
const fixtures = Object.fromEntries(loadEngineFixtures().map((f) => [f.file.replace('.json', ''), f]));
const KINDS = ['completed_happy_path', 'compensated_payment_fails', 'compensation_failed_refund_fails'] as const;

/** 60 finished executions (20 of each kind) on a fake clock; counts history calls and when they came. */
function world() {
  let t = 0;
  const calls: number[] = [];
  const summaries: ExecutionSummary[] = Array.from({ length: 60 }, (_, i) => ({
    executionArn: `${SM.replace('stateMachine', 'execution')}:${KINDS[i % 3]}--bat-aaaa1111-${String(i + 1).padStart(4, '0')}`,
    stateMachineArn: SM,
    name: `happy--bat-aaaa1111-${String(i + 1).padStart(4, '0')}`,
    status: 'SUCCEEDED',
    startedAt: i,
  }));
  const client: AggregateClient = {
    listExecutions: () => Promise.resolve({ executions: summaries }),
    describeStateMachine: () => Promise.resolve({ definition: fixtures.completed_happy_path!.definition }),
    getHistory(arn) {
      calls.push(t);
      const kind = KINDS.find((k) => arn.includes(`:${k}--`)) ?? 'completed_happy_path';
      return Promise.resolve(fixtures[kind]!.events);
    },
  };
  const sleep = (ms: number) => ((t += ms), Promise.resolve());
  const reader = createAggregateReader({
    client,
    historyBucket: createTokenBucket({ ratePerSecond: 19, capacity: 1, now: () => t, sleep }),
    sleep: () => new Promise<void>(() => {}),
    now: () => t,
  });
  return { reader, calls, advance: (ms: number) => (t += ms) };
}

const all = selectionFor(SM, firstPage({ prev: [] }));

describe('the aggregate reader', () => {
  it('reads each history once, never more than 20 in a second, and sums them up', async () => {
    const { reader, calls } = world();
    const snapshot = await reader.request('all', all, 0);
    expect(snapshot.state).toBe('done');
    if (snapshot.state !== 'done') return;
    expect(calls).toHaveLength(60);
    for (const start of calls) expect(calls.filter((c) => c >= start && c < start + 1_000).length).toBeLessThanOrEqual(20);
    expect(snapshot.summary.outcomes).toEqual({ COMPLETED: 20, COMPENSATED: 20, COMPENSATION_FAILED: 20 });
    expect(snapshot.summary.states.ProcessPayment).toEqual({ SUCCEEDED: 20, CAUGHT: 40 });
    expect(snapshot.summary.states.PaymentRefund).toEqual({ SUCCEEDED: 20, FAILED: 20 });
    expect(snapshot.summary.errors[0]).toMatchObject({ state: 'ProcessPayment', count: 40, examples: expect.any(Array) });
  });

  it('answers a warm request from the kept facts, without one history call', async () => {
    const { reader, calls, advance } = world();
    await reader.request('all', all, 0);
    advance(10_000);
    // The fresh reading (list, then kept facts) finishes within the wait on this fake clock.
    const warm = await reader.request('all', all, 0);
    expect(calls).toHaveLength(60);
    expect(warm).toMatchObject({ state: 'done', toRead: 0, total: 60 });
    expect(warm).not.toHaveProperty('refreshing');
  });

  it('hands out the last reading, marked refreshing, while a slow fresh one runs', async () => {
    let t = 0;
    let lists = 0;
    const reader = createAggregateReader({
      client: {
        // The first listing answers (no executions); every later one hangs, as a slow account would.
        listExecutions: () => (lists++ === 0 ? Promise.resolve({ executions: [] }) : new Promise(() => {})),
        getHistory: () => Promise.resolve([]),
        describeStateMachine: () => Promise.resolve({ definition: fixtures.completed_happy_path!.definition }),
      },
      historyBucket: createTokenBucket({ ratePerSecond: 19, capacity: 1, now: () => t, sleep: () => Promise.resolve() }),
      sleep: () => Promise.resolve(),
      now: () => t,
    });
    await reader.request('all', all, 1_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await reader.request('all', all, 1_000)).toMatchObject({ state: 'done', summary: { executions: 0 } });
    t = 10_000;
    expect(await reader.request('all', all, 1_000)).toMatchObject({ state: 'done', refreshing: true, summary: { executions: 0 } });
    expect(await reader.request('other', all, 1_000)).toMatchObject({ state: 'reading' });
  });

  it('narrows by the list filters and the outcome', async () => {
    const { reader } = world();
    const failed = selectionFor(SM, { prev: [], outcome: 'COMPENSATION_FAILED', batch: 'bat-aaaa1111' });
    await reader.request('f', failed, 0);
    const snapshot = await reader.request('f', failed, 0);
    expect(snapshot).toMatchObject({ state: 'done', summary: { executions: 20 } });
    const other = selectionFor(SM, { prev: [], batch: 'bat-bbbb2222' });
    await reader.request('o', other, 0);
    expect(await reader.request('o', other, 0)).toMatchObject({ state: 'done', summary: { executions: 0 } });
  });
});

describe('the aggregate reader as executions come and go', () => {
  /** A machine whose executions and histories the test changes, on a fake clock; counts the ListExecutions calls. */
  function changing() {
    let t = 0;
    let lists = 0;
    const executions: ExecutionSummary[] = [];
    const histories = new Map<string, readonly HistoryEvent[]>();
    const arnOf = (n: number) => `${SM.replace('stateMachine', 'execution')}:happy--bat-aaaa1111-${String(n).padStart(4, '0')}`;
    const sleep = (ms: number) => ((t += ms), Promise.resolve());
    const reader = createAggregateReader({
      client: {
        listExecutions: () => {
          lists++;
          return Promise.resolve({ executions: executions.map((e) => ({ ...e })) });
        },
        describeStateMachine: () => Promise.resolve({ definition: fixtures.completed_happy_path!.definition }),
        getHistory: (arn) => Promise.resolve(histories.get(arn) ?? []),
      },
      // Room for every history at once, so reading them moves no time: the test alone moves the clock.
      historyBucket: createTokenBucket({ ratePerSecond: 19, capacity: 20, now: () => t, sleep }),
      sleep: () => new Promise<void>(() => {}),
      now: () => t,
    });
    /** Execution n, with this history from now on (a redrive bumps its redrive count, as Step Functions does). */
    const set = (n: number, kind: string, { redrive = false } = {}) => {
      const executionArn = arnOf(n);
      const known = executions.find((e) => e.executionArn === executionArn);
      const fixture = fixtures[kind];
      if (!fixture) throw new Error(`no engine fixture ${kind}`);
      const status = kind.startsWith('running') ? 'RUNNING' : 'SUCCEEDED';
      if (known) {
        known.status = status;
        if (redrive) known.redriveCount = (known.redriveCount ?? 0) + 1;
      } else executions.push({ executionArn, stateMachineArn: SM, name: executionArn.split(':').at(-1)!, status, startedAt: n });
      histories.set(executionArn, fixture.events);
    };
    const outcomes = async (key = 'all', selection = all) => {
      const snapshot = await reader.request(key, selection, 0);
      if (snapshot.state !== 'done') throw new Error(`not done: ${snapshot.state}`);
      return snapshot.summary.outcomes;
    };
    return { set, outcomes, lists: () => lists, advance: (ms: number) => (t += ms) };
  }

  it('lists a machine once a window for every selection of it, and shows an execution that ended since once the window has passed', async () => {
    const w = changing();
    w.set(1, 'completed_happy_path');
    w.set(2, 'compensated_payment_fails');
    expect(await w.outcomes()).toEqual({ COMPLETED: 1, COMPENSATED: 1 });
    expect(await w.outcomes('batch', selectionFor(SM, { prev: [], batch: 'bat-aaaa1111' }))).toEqual({ COMPLETED: 1, COMPENSATED: 1 });
    expect(w.lists()).toBe(1);

    w.set(3, 'compensation_failed_refund_fails');
    w.advance(LIST_WINDOW_MS - 1);
    expect(await w.outcomes()).toEqual({ COMPLETED: 1, COMPENSATED: 1 });
    expect(w.lists()).toBe(1);
    w.advance(1);
    expect(await w.outcomes()).toEqual({ COMPLETED: 1, COMPENSATED: 1, COMPENSATION_FAILED: 1 });
    expect(w.lists()).toBe(2);
  });

  it('sums anew when a running execution has ended or a finished one was redriven', async () => {
    const w = changing();
    w.set(1, 'running_cut_during_slow_step');
    w.set(2, 'compensation_failed_refund_fails');
    expect(await w.outcomes()).toEqual({ RUNNING: 1, COMPENSATION_FAILED: 1 });

    // The same two executions are listed again: one has ended since, so nothing summed before still holds.
    w.set(1, 'completed_happy_path');
    w.advance(LIST_WINDOW_MS);
    expect(await w.outcomes()).toEqual({ COMPLETED: 1, COMPENSATION_FAILED: 1 });

    // A redrive finishes the rollback: the execution's facts are read again, under its new redrive count.
    w.set(2, 'redriven_after_compensation_failure', { redrive: true });
    w.advance(LIST_WINDOW_MS);
    expect(await w.outcomes()).toEqual({ COMPLETED: 1, COMPENSATED: 1 });
  });
});
