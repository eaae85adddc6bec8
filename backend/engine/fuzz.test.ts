/**
 * The HTTP API under fire: thousands of random and mutated requests against a real engine
 * on 127.0.0.1. Every answer must be a valid answer (200 with a JSON object) or one of the
 * engine's typed errors (4xx with `{__type, message}`); never a 500, never a hang, never a
 * crash (the engine runs in this process, so a crash ends the test). Afterwards it serves.
 */
import { CreateStateMachineCommand, DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SFN_ERROR_TYPES } from './errors';
import { OPERATIONS } from './protocol';
import { startTestEngine, TEST_ROLE_ARN, testLambdaArn, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

const RUNS = 2_000;
const TIME_LIMIT_MS = 45_000;
const ECHO = testLambdaArn('fuzz-echo');

let t: TestEngine;
let machineArn: string;
let executionArn: string;

beforeAll(async () => {
  t = await startTestEngine({ saga: false, lambdas: { [ECHO]: async (event) => event } });
  const definition = {
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: ECHO, Next: 'Each' },
      Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true },
    },
  };
  machineArn = (await t.sfn.send(new CreateStateMachineCommand({ name: 'Fuzzed', definition: JSON.stringify(definition), roleArn: TEST_ROLE_ARN })))
    .stateMachineArn!;
  executionArn = (await t.sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: '{"items":[1,2]}' }))).executionArn!;
  await waitForEnd(t.sfn, executionArn);
});
afterAll(() => t.stop());

/** Well-formed parameters for each operation, with the engine's own ARNs: the seeds that mutations start from. */
const seeds = (): Record<string, Record<string, unknown>> => ({
  StartExecution: { stateMachineArn: machineArn, input: '{"items":[1,2,3]}' },
  DescribeExecution: { executionArn },
  StopExecution: { executionArn, error: 'E', cause: 'C' },
  RedriveExecution: { executionArn },
  GetExecutionHistory: { executionArn, maxResults: 2, reverseOrder: true, includeExecutionData: false },
  ListExecutions: { stateMachineArn: machineArn, statusFilter: 'SUCCEEDED', maxResults: 1 },
  ListStateMachines: { maxResults: 1 },
  DescribeStateMachine: { stateMachineArn: machineArn },
  DescribeStateMachineForExecution: { executionArn },
  CreateStateMachine: { name: 'FuzzMade', definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: TEST_ROLE_ARN },
  DeleteStateMachine: { stateMachineArn: `${machineArn}-other` },
});

interface Request {
  method: string;
  path: string;
  target: string | undefined;
  body: string;
}

const operation = fc.oneof(fc.constantFrom(...OPERATIONS), fc.string({ maxLength: 30 }));
const target = fc.oneof(
  operation.map((op) => `AWSStepFunctions.${op}`),
  fc.string({ maxLength: 40 }),
  fc.constant(undefined),
);
const jsonText = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', 'null', '[', '{"a":', '{}', '"x"', '1e999', '\u0000', '['.repeat(3000)),
);

type Mutation = (params: Record<string, unknown>) => Record<string, unknown>;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 4 })).map(([key, value]): Mutation => (p) => ({ ...p, [key]: value })),
  fc.jsonValue({ maxDepth: 4 }).map((value): Mutation => (p) => {
    const keys = Object.keys(p);
    return keys.length === 0 ? p : { ...p, [keys[Math.abs(JSON.stringify(value).length) % keys.length]!]: value };
  }),
  fc.nat().map((n): Mutation => (p) => {
    const keys = Object.keys(p);
    const dropped = keys[n % Math.max(1, keys.length)];
    return Object.fromEntries(Object.entries(p).filter(([key]) => key !== dropped));
  }),
  jsonText.map((input): Mutation => (p) => ({ ...p, input })),
  jsonText.map((definition): Mutation => (p) => ({ ...p, definition })),
  fc.string({ maxLength: 1100 }).map((nextToken): Mutation => (p) => ({ ...p, nextToken })),
  fc.string({ maxLength: 90 }).map((name): Mutation => (p) => ({ ...p, name })),
);

/** A valid request for an operation, then up to three mutations, sometimes cut short as text. */
const mutated: fc.Arbitrary<Request> = fc
  .tuple(fc.constantFrom(...OPERATIONS), fc.array(mutation, { maxLength: 3 }), fc.option(fc.nat(), { nil: undefined }))
  .map(([op, mutations, cut]) => {
    // An operation without a seed (added since) starts from no parameters.
    const params = mutations.reduce((p, m) => m(p), seeds()[op] ?? {});
    const body = JSON.stringify(params);
    return { method: 'POST', path: '/', target: `AWSStepFunctions.${op}`, body: cut === undefined ? body : body.slice(0, cut % (body.length + 1)) };
  });

const random: fc.Arbitrary<Request> = fc.record({
  method: fc.constantFrom('POST', 'POST', 'GET', 'PUT', 'DELETE'),
  path: fc.constantFrom('/', '/', '/x', '/_stats', '//', '/?a=b'),
  target,
  body: jsonText,
});

async function send(request: Request): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
  if (request.target !== undefined) headers['x-amz-target'] = request.target;
  const hasBody = request.method !== 'GET';
  const res = await fetch(`${t.engine.url}${request.path}`, {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as unknown };
}

const typed = new Set<string>(SFN_ERROR_TYPES);

it(`answers ${RUNS} random and mutated requests with a valid answer or a typed error, and keeps serving`, { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutated, random), async (request) => {
      const { status, body } = await send(request);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(typeof body === 'object' && body !== null && !Array.isArray(body), JSON.stringify(request)).toBe(true);
      if (status === 200) return;
      const error = body as { __type?: unknown; message?: unknown };
      expect([400, 413], JSON.stringify({ request, body })).toContain(status);
      expect(typed.has(String(error.__type)), JSON.stringify({ request, body })).toBe(true);
      expect(typeof error.message).toBe('string');
    }),
    { numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS, { failOnInterrupt: false })], seed: Date.now() },
  );
  // Both kinds of answer were exercised, not only refusals.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS / 20);
  // Still serving, and the execution that was there before is intact.
  const described = await t.sfn.send(new DescribeExecutionCommand({ executionArn }));
  expect(described.status).not.toBe('RUNNING');
  const fresh = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, input: '{"items":[7]}' }));
  expect((await waitForEnd(t.sfn, fresh.executionArn!)).status).toBe('SUCCEEDED');
});
