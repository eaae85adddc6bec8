/**
 * Stop, redrive, and durability across restarts, through the SDK against a real engine
 * whose data directory outlives it.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { LambdaFunction } from './lambdas';
import { startTestEngine, TEST_ROLE_ARN, testLambdaArn, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

const FIRST = testLambdaArn('life-first');
const SECOND = testLambdaArn('life-second');

const TWO_TASKS = {
  StartAt: 'First',
  States: {
    First: { Type: 'Task', Resource: FIRST, ResultPath: '$.first', Next: 'Second' },
    Second: { Type: 'Task', Resource: SECOND, ResultPath: '$.second', End: true },
  },
};

let t: TestEngine | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function setUp(lambdas: Record<string, LambdaFunction>, definition: object = TWO_TASKS) {
  t = await startTestEngine({ saga: false, lambdas });
  const { stateMachineArn } = await t.sfn.send(
    new CreateStateMachineCommand({ name: 'Lifecycle', definition: JSON.stringify(definition), roleArn: TEST_ROLE_ARN }),
  );
  return { engine: t, stateMachineArn: stateMachineArn! };
}

const historyOf = async (engine: TestEngine, executionArn: string): Promise<HistoryEvent[]> =>
  (await engine.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events!;

/** A Lambda that never answers until released, to hold an execution mid-state. */
function blocking(): { fn: LambdaFunction; calls: () => number } {
  let calls = 0;
  return { fn: () => (calls++, new Promise(() => undefined)), calls: () => calls };
}

const until = async (check: () => boolean | Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
};

describe('StopExecution', () => {
  it('aborts a running execution: ABORTED, stopDate, error and cause, and the running state gets no exit', async () => {
    const held = blocking();
    const { engine, stateMachineArn } = await setUp({ [FIRST]: held.fn, [SECOND]: async () => 'two' });
    const { executionArn } = await engine.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await until(() => held.calls() === 1);
    const { stopDate } = await engine.sfn.send(new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'demo over' }));
    const described = await engine.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'demo over', stopDate, redriveStatus: 'REDRIVABLE' });
    const events = await historyOf(engine, executionArn!);
    expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'ExecutionAborted']);
    expect(events.at(-1)).toMatchObject({ previousEventId: 0, executionAbortedEventDetails: { error: 'Operator', cause: 'demo over' } });
  });
});

describe('RedriveExecution', () => {
  it('reruns the failed state with its recorded input, keeping the successful ones', async () => {
    let firstCalls = 0;
    let secondCalls = 0;
    const { engine, stateMachineArn } = await setUp({
      [FIRST]: async () => ++firstCalls,
      [SECOND]: async (event) => {
        if (++secondCalls === 1) throw Object.assign(new Error('not yet'), { name: 'NotYet' });
        return { sawFirst: (event as { first: number }).first };
      },
    });
    const { executionArn } = await engine.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":7}' }));
    expect(await waitForEnd(engine.sfn, executionArn!)).toMatchObject({ status: 'FAILED', error: 'NotYet' });
    const { redriveDate } = await engine.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const ended = await waitForEnd(engine.sfn, executionArn!);
    expect(ended).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, redriveDate });
    expect(JSON.parse(ended.output!)).toEqual({ order: 7, first: 1, second: { sawFirst: 1 } });
    expect(firstCalls).toBe(1);
    const types = (await historyOf(engine, executionArn!)).map((e) => e.type);
    expect(types.slice(6)).toEqual([
      'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'ExecutionFailed',
      'ExecutionRedriven', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    const listed = await engine.sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(listed.executions![0]).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
  });
});

describe('durability', () => {
  it('keeps machines, executions and histories across a restart', async () => {
    const { engine, stateMachineArn } = await setUp({ [FIRST]: async () => 1, [SECOND]: async () => 2 });
    const { executionArn } = await engine.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'kept' }));
    await waitForEnd(engine.sfn, executionArn!);
    const before = await historyOf(engine, executionArn!);
    await engine.restart();
    expect(await engine.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'SUCCEEDED', name: 'kept' });
    expect(await historyOf(engine, executionArn!)).toEqual(before);
  });

  it('resumes an execution interrupted mid-state, re-running that state in the same history', async () => {
    const held = blocking();
    const { engine, stateMachineArn } = await setUp({ [FIRST]: async () => 1, [SECOND]: held.fn });
    const { executionArn } = await engine.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"keep":true}' }));
    await until(() => held.calls() === 1);
    await engine.restart({ saga: false, lambdas: { [FIRST]: async () => 1, [SECOND]: async (e) => ({ resumedWith: e }) } });
    expect(engine.engine.resumed).toBe(1);
    const ended = await waitForEnd(engine.sfn, executionArn!);
    expect(ended.status).toBe('SUCCEEDED');
    expect(JSON.parse(ended.output!).second).toEqual({ resumedWith: { keep: true, first: 1 } });
    const events = await historyOf(engine, executionArn!);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.type).slice(6)).toEqual([
      'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted',
      'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('ends an execution interrupted inside a Parallel as FAILED with States.EngineRestarted', async () => {
    const held = blocking();
    const parallel = {
      StartAt: 'Fan',
      States: { Fan: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Second', States: { Second: { Type: 'Task', Resource: SECOND, End: true } } }] } },
    };
    const { engine, stateMachineArn } = await setUp({ [SECOND]: held.fn }, parallel);
    const { executionArn } = await engine.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await until(() => held.calls() === 1);
    await engine.restart();
    const ended = await waitForEnd(engine.sfn, executionArn!);
    expect(ended).toMatchObject({ status: 'FAILED', error: 'States.EngineRestarted' });
    expect(ended.cause).toContain("Parallel state 'Fan'");
    expect((await historyOf(engine, executionArn!)).at(-1)?.type).toBe('ExecutionFailed');
  });
});
