import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '@/lib/core/token-bucket';
import { loadEngineFixtures } from '@/lib/history/testing/fixtures';
import type { ExecutionSummary } from '@/lib/sfn/types';
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
