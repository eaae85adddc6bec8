/**
 * The engine's instruments over HTTP, against a real engine: call counts at `/_stats`, and
 * injected throttling that the AWS SDK sees exactly as it sees AWS's own.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallStatsSnapshot } from './call-stats';
import { startTestEngine, TEST_ROLE_ARN, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

let t: TestEngine | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function stats(url: string, path = '/_stats', method = 'GET'): Promise<CallStatsSnapshot> {
  const res = await fetch(`${url}${path}`, { method });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return (await res.json()) as CallStatsSnapshot;
}

async function startedExecution(engine: TestEngine): Promise<string> {
  const { stateMachineArn } = await engine.sfn.send(
    new CreateStateMachineCommand({ name: 'Counted', definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), roleArn: TEST_ROLE_ARN }),
  );
  const { executionArn } = await engine.sfn.send(new StartExecutionCommand({ stateMachineArn }));
  return executionArn!;
}

describe('GET /_stats', () => {
  it('counts every API call by operation since start, and POST /_stats/reset starts again', async () => {
    t = await startTestEngine();
    const executionArn = await startedExecution(t);
    await waitForEnd(t.sfn, executionArn, 5);
    const afterRun = await stats(t.engine.url);
    const polls = afterRun.byOperation.DescribeExecution ?? 0;
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(afterRun).toMatchObject({ total: 2 + polls, throttled: 0, byOperation: { CreateStateMachine: 1, StartExecution: 1 } });

    const reset = await stats(t.engine.url, '/_stats/reset', 'POST');
    expect(reset).toMatchObject({ total: 0, byOperation: {} });
    expect(Date.parse(reset.since)).toBeGreaterThanOrEqual(Date.parse(afterRun.since));
    await t.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    await t.sfn.send(new ListStateMachinesCommand({}));
    // Reading the counts is not itself an API call.
    await stats(t.engine.url);
    expect(await stats(t.engine.url)).toMatchObject({ total: 2, byOperation: { GetExecutionHistory: 1, ListStateMachines: 1 } });
  });

  it('leaves the API as it was: other paths and methods are still refused in AWS terms', async () => {
    t = await startTestEngine();
    const res = await fetch(`${t.engine.url}/_stats`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});

describe('ENGINE_THROTTLE_EVERY', () => {
  it('refuses every Nth history, describe or start call with AWS ThrottlingException, and counts it', async () => {
    t = await startTestEngine({ saga: false }, undefined, { throttleEvery: 2 });
    const executionArn = await startedExecution(t);
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      try {
        await t.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
        outcomes.push('ok');
      } catch (error) {
        const e = error as Error & { $metadata?: { httpStatusCode?: number } };
        outcomes.push(`${e.name} ${e.message} ${e.$metadata?.httpStatusCode}`);
      }
    }
    expect(outcomes).toEqual(['ok', 'ThrottlingException Rate exceeded 400', 'ok', 'ThrottlingException Rate exceeded 400']);
    await t.sfn.send(new DescribeExecutionCommand({ executionArn }));
    await expect(t.sfn.send(new DescribeExecutionCommand({ executionArn }))).rejects.toMatchObject({ name: 'ThrottlingException' });
    // The second start is refused, as AWS refuses one over its quota: it starts nothing, so the name stays free.
    const stateMachineArn = executionArn.replace(':execution:', ':stateMachine:').replace(/:[^:]+$/, '');
    await expect(t.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'again' }))).rejects.toMatchObject({ name: 'ThrottlingException' });
    await t.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'again' }));
    expect(await stats(t.engine.url)).toMatchObject({ throttled: 4, byOperation: { GetExecutionHistory: 4, DescribeExecution: 2, StartExecution: 3 } });
  });

  it('is off by default', async () => {
    t = await startTestEngine();
    const executionArn = await startedExecution(t);
    for (let i = 0; i < 5; i++) await t.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect((await stats(t.engine.url)).throttled).toBe(0);
  });
});
