/**
 * Nothing a client sends stops the engine: oversized bodies are refused before they are
 * read, inputs too deep or too large are refused with AWS's error types, and a fault in
 * the executor fails that one execution as States.Runtime. After each, the engine serves.
 */
import { connect } from 'node:net';
import {
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDefinition } from './definition';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './json-depth';
import { LambdaRegistry } from './lambdas';
import { MAX_BODY_BYTES } from './protocol';
import { startRun } from './runner';
import { startTestEngine, TEST_ROLE_ARN, testLambdaArn, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';
import { HistoryTranslator } from './translator';

const TOO_DEEP = testLambdaArn('too-deep');
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

let t: TestEngine;
let passArn: string;

beforeAll(async () => {
  t = await startTestEngine({ saga: false, lambdas: { [TOO_DEEP]: async () => nested(6000) } });
  const created = await t.sfn.send(
    new CreateStateMachineCommand({ name: 'Robust', definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), roleArn: TEST_ROLE_ARN }),
  );
  passArn = created.stateMachineArn!;
});
afterAll(() => t.stop());

async function stillServes(): Promise<void> {
  const { stateMachines } = await t.sfn.send(new ListStateMachinesCommand({}));
  expect(stateMachines?.map((m) => m.name)).toContain('Robust');
}

/** Sends headers and the first part of a body on a raw socket; resolves with what comes back and how much was sent. */
function sendPartOfLargeBody(url: string, headers: string, part: Buffer): Promise<{ response: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve({ response, closed: true }));
    socket.write(headers);
    socket.write(part);
  });
}

describe('request limits', () => {
  it('refuses the `[`×5000 input with InvalidExecutionInput, and keeps serving', async () => {
    const input = '['.repeat(5000) + ']'.repeat(5000);
    await expect(t.sfn.send(new StartExecutionCommand({ stateMachineArn: passArn, input }))).rejects.toMatchObject({
      name: 'InvalidExecutionInput',
      message: expect.stringContaining(`deeper than ${MAX_INPUT_DEPTH}`),
    });
    // Just inside the bound still runs.
    const ok = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: passArn, input: JSON.stringify(nested(MAX_INPUT_DEPTH - 1)) }));
    expect((await waitForEnd(t.sfn, ok.executionArn!)).status).toBe('SUCCEEDED');
    await stillServes();
  });

  it('refuses an input over 256 KiB with InvalidExecutionInput', async () => {
    const input = JSON.stringify({ pad: 'x'.repeat(256 * 1024) });
    await expect(t.sfn.send(new StartExecutionCommand({ stateMachineArn: passArn, input }))).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
    await stillServes();
  });

  it('answers a declared 10 MB body with 413 after reading only its first bytes, and closes the connection', async () => {
    const size = 10 * 1024 * 1024;
    const headers = `POST / HTTP/1.1\r\nhost: engine\r\ncontent-type: application/x-amz-json-1.0\r\nx-amz-target: AWSStepFunctions.StartExecution\r\ncontent-length: ${size}\r\n\r\n`;
    const { response, closed } = await sendPartOfLargeBody(t.engine.url, headers, Buffer.alloc(64 * 1024, 0x20));
    expect(response).toMatch(/^HTTP\/1.1 413/);
    expect(response).toContain('"__type":"ValidationException"');
    expect(closed).toBe(true);
    await stillServes();
  });

  it('counts a chunked body with no length while it streams, and refuses it past the limit', async () => {
    const headers = 'POST / HTTP/1.1\r\nhost: engine\r\nx-amz-target: AWSStepFunctions.StartExecution\r\ntransfer-encoding: chunked\r\n\r\n';
    const chunk = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const { response } = await sendPartOfLargeBody(t.engine.url, headers, framed);
    expect(response).toMatch(/^HTTP\/1.1 413/);
    await stillServes();
  });

  it('refuses a request body nested deeper than any request is, as SerializationException', async () => {
    const res = await fetch(t.engine.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' },
      body: `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: 'SerializationException' });
    await stillServes();
  });
});

describe('faults inside the executor', () => {
  it('fail only that execution, as States.Runtime that even a States.ALL Catch does not catch', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: TOO_DEEP, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const { stateMachineArn } = await t.sfn.send(new CreateStateMachineCommand({ name: 'Faulty', definition: JSON.stringify(definition), roleArn: TEST_ROLE_ARN }));
    const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const ended = await waitForEnd(t.sfn, executionArn!);
    expect(ended).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining('Maximum call stack size exceeded') });
    expect(ended.cause).not.toMatch(/\/|at /);
    const { events } = await t.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
    expect(events?.[0]?.executionFailedEventDetails).toEqual({ error: 'States.Runtime', cause: ended.cause });
    await stillServes();
  });

  it('a throw in the library outside its own error handling still ends the run, as States.Runtime', async () => {
    // Bypasses the API's depth check to reach the library's recursive clone directly.
    const compiled = compileDefinition(JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }));
    const recorded: string[] = [];
    const run = startRun({
      compiled,
      registry: new LambdaRegistry(),
      region: 'us-east-1',
      translator: new HistoryTranslator(compiled.index),
      startAt: 'P',
      input: nested(20_000),
      context: {},
      record: (events) => recorded.push(...events.map((e) => e.type)),
    });
    expect(await run.outcome).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining('RangeError') });
    expect(recorded).toEqual(['ExecutionFailed']);
  });
});

describe('nestsDeeperThan', () => {
  it('counts brackets outside strings only', () => {
    expect(nestsDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestsDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":1}}', 2)).toBe(false);
    expect(nestsDeeperThan('["[[[[", "\\"[[[["]', 1)).toBe(false);
    expect(nestsDeeperThan('[[],[],[]]', 2)).toBe(false);
  });
});
