/**
 * The Step Functions API as a client sees it: the AWS SDK against a running engine.
 * Shapes, errors (every __type the engine returns), pagination and filters.
 */
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, TEST_ROLE_ARN, testLambdaArn, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

const DOUBLE = testLambdaArn('api-double');

const EVERY_STATE_TYPE = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { items: [1, 2, 3], route: 'on' }, Next: 'Route' },
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.route', StringEquals: 'on', Next: 'Both' }],
      Default: 'Stop',
    },
    Both: {
      Type: 'Parallel',
      Next: 'EachItem',
      ResultPath: '$.branches',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'L', End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Wait', Seconds: 1, End: true } } },
      ],
    },
    EachItem: {
      Type: 'Map',
      ItemsPath: '$.items',
      ResultPath: '$.doubled',
      ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Task', Resource: DOUBLE, End: true } } },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
    Stop: { Type: 'Fail', Error: 'NoRoute', Cause: 'route was not on' },
  },
};

let t: TestEngine;
let sfn: SFNClient;
let machineArn: string;

async function createMachine(name: string, definition: object): Promise<string> {
  const out = await sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: TEST_ROLE_ARN }));
  return out.stateMachineArn!;
}

async function runToEnd(stateMachineArn: string, input = '{}', name?: string) {
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input, name }));
  return waitForEnd(sfn, executionArn!);
}

/** The __type of a rejected call (the SDK exposes it as the exception's name). */
async function errorType(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as Error).name;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  t = await startTestEngine({ saga: false, lambdas: { [DOUBLE]: async (n) => Number(n) * 2 } });
  sfn = t.sfn;
  machineArn = await createMachine('EveryStateType', EVERY_STATE_TYPE);
});
afterAll(() => t.stop());

describe('running any ASL', () => {
  it('runs Pass, Choice, Parallel, Wait, Map and Task states to the AWS result', async () => {
    const ended = await runToEnd(machineArn);
    expect(ended.status).toBe('SUCCEEDED');
    expect(JSON.parse(ended.output!)).toEqual({ items: [1, 2, 3], route: 'on', branches: ['L', { items: [1, 2, 3], route: 'on' }], doubled: [2, 4, 6] });
    expect(ended.startDate).toBeInstanceOf(Date);
    expect(ended.stopDate!.getTime()).toBeGreaterThanOrEqual(ended.startDate!.getTime());
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn }));
    const types = events!.map((e) => e.type);
    expect(types.slice(0, 6)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ChoiceStateEntered', 'ChoiceStateExited', 'ParallelStateEntered']);
    expect(types).toContain('ParallelStateSucceeded');
    expect(types.filter((x) => x === 'MapIterationSucceeded')).toHaveLength(3);
    expect(types.filter((x) => x === 'LambdaFunctionSucceeded')).toHaveLength(3);
    expect(types.slice(-4)).toEqual(['MapStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
    expect(events!.map((e) => e.id)).toEqual(events!.map((_, i) => i + 1));
    expect(events![1]!.previousEventId).toBe(0);
    expect(events![1]!.stateEnteredEventDetails).toEqual({ name: 'Prepare', input: '{}', inputDetails: { truncated: false } });
  });

  it('ends in FAILED with the Fail state error and cause', async () => {
    const arn = await createMachine('GoesToFail', { ...EVERY_STATE_TYPE, States: { ...EVERY_STATE_TYPE.States, Prepare: { Type: 'Pass', Next: 'Route' } } });
    const ended = await runToEnd(arn, '{"route":"off"}');
    expect(ended).toMatchObject({ status: 'FAILED', error: 'NoRoute', cause: 'route was not on' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn, reverseOrder: true }));
    expect(events!.slice(0, 2).map((e) => e.type)).toEqual(['ExecutionFailed', 'FailStateEntered']);
    expect(events![0]!.executionFailedEventDetails).toEqual({ error: 'NoRoute', cause: 'route was not on' });
  });

  it('fails a Task whose Lambda is not registered, saying so', async () => {
    const arn = await createMachine('Unregistered', { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: testLambdaArn('nobody'), End: true } } });
    const ended = await runToEnd(arn);
    expect(ended.status).toBe('FAILED');
    expect(ended.error).toBe('Lambda.ResourceNotFoundException');
    expect(ended.cause).toMatch(/^Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody:\$LATEST \(Service: AWSLambda; Status Code: 404;/);
  });

  it('wraps lambda:invoke results like AWS and logs Task* events', async () => {
    const arn = await createMachine('Invoke', {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: DOUBLE, 'Payload.$': '$.n' }, End: true } },
    });
    const ended = await runToEnd(arn, '{"n":21}');
    expect(JSON.parse(ended.output!)).toMatchObject({ Payload: 42, StatusCode: 200 });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn }));
    expect(events!.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    expect(events![2]!.taskScheduledEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', region: 'us-east-1' });
    expect(JSON.parse(events![2]!.taskScheduledEventDetails!.parameters!)).toEqual({ FunctionName: DOUBLE, Payload: 21 });
  });
});

describe('state machines', () => {
  it('lists, describes and deletes them with AWS fields', async () => {
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }));
    expect(described).toMatchObject({ stateMachineArn: machineArn, name: 'EveryStateType', status: 'ACTIVE', type: 'STANDARD', roleArn: TEST_ROLE_ARN });
    expect(JSON.parse(described.definition!)).toEqual(EVERY_STATE_TYPE);
    expect(described.creationDate).toBeInstanceOf(Date);
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines!.map((m) => m.name)).toContain('EveryStateType');
    const doomed = await createMachine('Doomed', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: doomed }));
    expect(await errorType(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: doomed })))).toBe('StateMachineDoesNotExist');
  });

  it('gives back the existing machine for an identical CreateStateMachine, refuses a different one', async () => {
    const again = await createMachine('EveryStateType', EVERY_STATE_TYPE);
    expect(again).toBe(machineArn);
    expect(await errorType(createMachine('EveryStateType', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }))).toBe('StateMachineAlreadyExists');
  });

  it('describes the definition an execution ran with', async () => {
    const ended = await runToEnd(machineArn);
    const out = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: ended.executionArn }));
    expect(out.stateMachineArn).toBe(machineArn);
    expect(JSON.parse(out.definition!)).toEqual(EVERY_STATE_TYPE);
  });
});

describe('errors in AWS shape, changing nothing', () => {
  const executionCount = async () => (await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1000 }))).executions!.length;
  const executionArnOf = (name: string) => machineArn.replace(':stateMachine:', ':execution:') + `:${name}`;

  it('answers each bad request with its __type', async () => {
    const before = await executionCount();
    const missingMachine = machineArn.replace('EveryStateType', 'Missing');
    const cases: [string, Promise<unknown>][] = [
      ['ExecutionDoesNotExist', sfn.send(new DescribeExecutionCommand({ executionArn: executionArnOf('never-started') }))],
      ['StateMachineDoesNotExist', sfn.send(new StartExecutionCommand({ stateMachineArn: missingMachine }))],
      ['InvalidArn', sfn.send(new DescribeExecutionCommand({ executionArn: 'not-an-arn' }))],
      ['InvalidArn', sfn.send(new StartExecutionCommand({ stateMachineArn: executionArnOf('x') }))],
      ['InvalidExecutionInput', sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: '{"broken": ' }))],
      ['InvalidExecutionInput', sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: JSON.stringify({ big: 'x'.repeat(257 * 1024) }) }))],
      ['InvalidName', sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'has space' }))],
      ['InvalidDefinition', createMachine('Broken', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } })],
      ['InvalidDefinition', sfn.send(new CreateStateMachineCommand({ name: 'NotJson', definition: '{', roleArn: TEST_ROLE_ARN }))],
      ['InvalidName', createMachine('bad/name', EVERY_STATE_TYPE)],
      ['ValidationException', sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 5000 }))],
      ['ValidationException', sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: 'NOPE' as 'FAILED' }))],
      ['InvalidToken', sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, nextToken: 'garbage' }))],
    ];
    for (const [type, call] of cases) expect(await errorType(call), type).toBe(type);
    expect(await executionCount()).toBe(before);
    const names = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines!.map((m) => m.name);
    expect(names).not.toContain('Broken');
    expect(names).not.toContain('NotJson');
  });

  it('makes a repeated start with the same name and input idempotent while running, refuses other input', async () => {
    const slow = await createMachine('Slow', { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } });
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn: slow, name: 'once', input: '{"a":1}' }));
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn: slow, name: 'once', input: '{"a":1}' }));
    expect(again).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    expect(await errorType(sfn.send(new StartExecutionCommand({ stateMachineArn: slow, name: 'once', input: '{"a":2}' })))).toBe('ExecutionAlreadyExists');
    await waitForEnd(sfn, first.executionArn!);
    expect(await errorType(sfn.send(new StartExecutionCommand({ stateMachineArn: slow, name: 'once', input: '{"a":1}' })))).toBe('ExecutionAlreadyExists');
  });

  it('refuses to redrive an execution that succeeded', async () => {
    const ended = await runToEnd(machineArn);
    expect(await errorType(sfn.send(new RedriveExecutionCommand({ executionArn: ended.executionArn })))).toBe('ExecutionNotRedrivable');
    const after = await sfn.send(new DescribeExecutionCommand({ executionArn: ended.executionArn }));
    expect(after).toMatchObject({ status: 'SUCCEEDED', redriveCount: 0, redriveStatus: 'NOT_REDRIVABLE' });
  });

  it('answers unknown operations and malformed bodies with a 400 and a clear message', async () => {
    const post = (target: string, body: string) =>
      fetch(t.engine.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target }, body });
    const unknown = await post('AWSStepFunctions.LaunchRocket', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const malformed = await post('AWSStepFunctions.StartExecution', '{"stateMachineArn": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ __type: 'SerializationException', message: expect.stringContaining('not valid JSON') });
    const missingField = await post('AWSStepFunctions.DescribeExecution', '{}');
    expect(await missingField.json()).toMatchObject({ __type: 'ValidationException', message: expect.stringContaining('executionArn') });
  });
});

describe('pagination and filters', () => {
  it('pages a history forwards and backwards, with or without data', async () => {
    const ended = await runToEnd(machineArn);
    const all = (await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn, maxResults: 1000 }))).events!;
    const collect = async (reverseOrder: boolean) => {
      const ids: number[] = [];
      let nextToken: string | undefined;
      do {
        const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn, maxResults: 4, reverseOrder, nextToken }));
        expect(page.events!.length).toBeLessThanOrEqual(4);
        ids.push(...page.events!.map((e) => e.id!));
        nextToken = page.nextToken;
      } while (nextToken);
      return ids;
    };
    expect(await collect(false)).toEqual(all.map((e) => e.id));
    expect(await collect(true)).toEqual(all.map((e) => e.id).reverse());
    const lean = await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn, includeExecutionData: false }));
    expect(lean.events![0]!.executionStartedEventDetails).toEqual({ roleArn: TEST_ROLE_ARN });
    const otherToken = (await sfn.send(new GetExecutionHistoryCommand({ executionArn: ended.executionArn, maxResults: 1 }))).nextToken;
    const other = await runToEnd(machineArn);
    expect(await errorType(sfn.send(new GetExecutionHistoryCommand({ executionArn: other.executionArn, nextToken: otherToken })))).toBe('InvalidToken');
  });

  it('lists executions newest first, filtered by status, page by page', async () => {
    const arn = await createMachine('Listed', { StartAt: 'Check', States: {
      Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Fine' }], Default: 'Bad' },
      Fine: { Type: 'Succeed' },
      Bad: { Type: 'Fail', Error: 'Bad' },
    } });
    const started: string[] = [];
    for (let i = 0; i < 5; i++) started.push((await runToEnd(arn, JSON.stringify({ ok: i % 2 === 0 }), `run-${i}`)).executionArn!);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken }));
      names.push(...page.executions!.map((e) => e.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(names).toEqual(['run-4', 'run-3', 'run-2', 'run-1', 'run-0']);
    const failed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'FAILED' }));
    expect(failed.executions!.map((e) => e.name)).toEqual(['run-3', 'run-1']);
    expect(failed.executions![0]).toMatchObject({ status: 'FAILED', stateMachineArn: arn, executionArn: started[3] });
    expect(failed.executions![0]!.stopDate).toBeInstanceOf(Date);
  });
});
