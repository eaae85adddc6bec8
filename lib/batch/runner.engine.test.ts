/**
 * The batch runner against a real engine that refuses every third StartExecution the way
 * AWS refuses one over its quota (ENGINE_THROTTLE_EVERY), through the dashboard's own
 * Step Functions adapter with no SDK retries: the runner itself must back off and start
 * every order exactly once.
 */
import { CreateStateMachineCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterEach, expect, it } from 'vitest';
import { localSfnClient } from '@/backend/engine/local-client';
import { startTestEngine, TEST_ROLE_ARN, type TestEngine } from '@/backend/engine/testing/test-engine';
import { createTokenBucket } from '../core/token-bucket';
import { createStepFunctions } from '../sfn/api';
import { ExecutionAlreadyExistsError, ThrottledError } from '../sfn/errors';
import { planBatch } from './plan';
import { runBatch } from './runner';

let t: TestEngine | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

it('backs off when the engine throttles starts, and starts every order exactly once', async () => {
  t = await startTestEngine({ saga: false }, undefined, { throttleEvery: 3 });
  const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  const { stateMachineArn = '' } = await t.sfn.send(new CreateStateMachineCommand({ name: 'Batch', definition, roleArn: TEST_ROLE_ARN }));
  const client = localSfnClient(t.engine.url, { maxAttempts: 1 });
  const sfn = createStepFunctions(client);
  const plan = planBatch('bat-abcd1234', { mode: 'mix', count: 12, concurrency: 4, mix: { happy: 100 } });

  const progress = await runBatch(
    plan,
    4,
    {
      async start(order) {
        try {
          await sfn.startExecution(stateMachineArn, order.name, order.input);
          return 'started';
        } catch (error) {
          if (error instanceof ExecutionAlreadyExistsError) return 'exists';
          throw error;
        }
      },
      running: async (names) => (await sfn.listExecutions(stateMachineArn, { status: 'RUNNING' })).executions.filter((e) => names.has(e.name)).length,
      isThrottle: (error) => error instanceof ThrottledError,
      startBucket: createTokenBucket({ ratePerSecond: 100, capacity: 20, now: () => performance.now(), sleep }),
      sleep,
      random: () => 0.5,
      pollMs: 20,
    },
    new AbortController().signal,
  );
  client.destroy();

  const stats = (await (await fetch(`${t.engine.url}/_stats`)).json()) as { throttled: number; byOperation: { StartExecution?: number } };
  expect(progress).toMatchObject({ planned: 12, started: 12, existing: 0, failed: [], state: 'finished' });
  // Every refusal the engine made reached the runner, which called again: 12 starts took the refused ones more.
  expect(stats.throttled).toBeGreaterThan(0);
  expect(progress.throttled).toBe(stats.throttled);
  expect(stats.byOperation.StartExecution).toBe(12 + stats.throttled);
  const listed = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 100 }));
  expect((listed.executions ?? []).map((e) => e.name).sort()).toEqual(plan.map((o) => o.name).sort());
});
