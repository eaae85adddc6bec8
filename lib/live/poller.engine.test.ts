/**
 * The shared poller against a real engine that refuses every third history read with
 * AWS's ThrottlingException (ENGINE_THROTTLE_EVERY), through the dashboard's own Step
 * Functions adapter: what viewers receive must be the execution's history, exactly once.
 * Each step is held until the test has seen it start through the poller, so the run moves
 * at the poller's pace, whatever the machine's load, and every step costs refused reads.
 */
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestEngine, TEST_ROLE_ARN, testLambdaArn, type TestEngine } from '@/backend/engine/testing/test-engine';
import { createStepFunctions } from '../sfn/api';
import { ThrottledError } from '../sfn/errors';
import type { ExecutionEvent } from '../sfn/types';
import { ExecutionPoller, type LiveListener } from './poller';
import type { LiveStatus } from './status';

const STEP = testLambdaArn('throttle-step');
const STEPS = 12;
/** A chain of held Tasks, so events keep arriving while the poller is refused. */
const CHAIN = {
  StartAt: 'Step1',
  States: Object.fromEntries(
    Array.from({ length: STEPS }, (_, i) => [
      `Step${i + 1}`,
      { Type: 'Task', Resource: STEP, ...(i + 1 === STEPS ? { End: true } : { Next: `Step${i + 2}` }) },
    ]),
  ),
};

let t: TestEngine;
/** One release per step invoked so far, in order. */
const releases: (() => void)[] = [];
beforeAll(async () => {
  const step = (input: unknown) => new Promise<unknown>((resolve) => releases.push(() => resolve(input)));
  t = await startTestEngine({ saga: false, lambdas: { [STEP]: step } }, undefined, { throttleEvery: 3 });
});
afterAll(() => t.stop());

function viewer() {
  const events: ExecutionEvent[] = [];
  const statuses: LiveStatus['state'][] = [];
  const listener: LiveListener = { events: (batch) => events.push(...batch), status: (s) => statuses.push(s.state) };
  return { events, statuses, listener };
}

/** The test's own reads are throttled too; it simply tries again. */
async function unthrottled<T>(read: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof ThrottledError)) throw error;
    }
  }
}

it('loses and repeats no event while the engine throttles, and recovers to the end', async () => {
  const { stateMachineArn } = await t.sfn.send(
    new CreateStateMachineCommand({ name: 'SlowChain', definition: JSON.stringify(CHAIN), roleArn: TEST_ROLE_ARN }),
  );
  const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
  const sfn = createStepFunctions(t.sfn);
  const poller = new ExecutionPoller({ fetchAfter: (after) => sfn.getEventsAfter(executionArn!, after), intervalMs: 5, maxBackoffMs: 20 });
  const early = viewer();
  const late = viewer();
  poller.subscribe(0, early.listener);
  const startedSteps = () => early.events.filter((e) => e.type === 'LambdaFunctionStarted').length;
  for (let step = 1; step <= STEPS; step++) {
    // Released only once the step is invoked and the poller has shown it running.
    await vi.waitFor(
      () => {
        expect(releases).toHaveLength(step);
        expect(startedSteps()).toBe(step);
      },
      { timeout: 20_000, interval: 5 },
    );
    // A viewer joining mid-run, from nothing, gets the history so far and then the rest.
    if (step === STEPS / 2) poller.subscribe(0, late.listener);
    releases[step - 1]?.();
  }
  await vi.waitFor(() => expect(early.statuses.includes('ended') && late.statuses.includes('ended')).toBe(true), {
    timeout: 20_000,
    interval: 5,
  });

  const history = await unthrottled(() => sfn.getHistory(executionArn!));
  expect(history.at(-1)?.type).toBe('ExecutionSucceeded');
  for (const seen of [early, late]) {
    expect(seen.events.map((e) => e.id)).toEqual(history.map((e) => e.id));
    expect(seen.events).toEqual(history);
    expect(seen.statuses).toContain('throttled');
    expect(seen.statuses.at(-1)).toBe('ended');
  }
  const stats = (await (await fetch(`${t.engine.url}/_stats`)).json()) as { throttled: number };
  expect(stats.throttled).toBeGreaterThan(0);
});
