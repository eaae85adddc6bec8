/**
 * The conformance suite: every case holds an answer recorded on real AWS (LocalStack's
 * AWS-validated snapshots, or the shared AWS histories), names where it was recorded, and
 * is replayed here against a real engine over HTTP with raw AWS JSON 1.0 requests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, TEST_ROLE_ARN, type TestEngine } from '../testing/test-engine';
import type { ApiCaseFile, ApiStep } from './api-case';
import { sfnApiCases } from './cases/localstack-sfn-api';
import { otherApiCases } from './cases/localstack-other-api';
import { CONFORMANCE_LAMBDAS, type HistoryCaseFile } from './history-case';
import { asParallelRecording, canonicalPayloads, lambdaCauseCore, maskRequestIds, recordedForm, substitute } from './normalise';

const CASES_DIR = join(import.meta.dirname, 'cases');
const historyFiles = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8')) as HistoryCaseFile);
const apiFiles: ApiCaseFile[] = [sfnApiCases, otherApiCases];

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ saga: false, lambdas: CONFORMANCE_LAMBDAS });
});
afterAll(async () => {
  await t?.stop();
});

async function call(op: string, params: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(t.engine.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${op}` },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Polls through the public API, as any client would. */
async function waitForEnd(executionArn: string): Promise<void> {
  for (;;) {
    const { body } = await call('DescribeExecution', { executionArn });
    if (body.status !== 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Fills `${var}` in strings; definitions given as objects are sent as JSON text, as the API takes them. */
function fill(value: unknown, vars: Record<string, string>, asRequest = false, key?: string): unknown {
  if (typeof value === 'string') return value.replace(/\$\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
  if (asRequest && key === 'definition' && typeof value === 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => fill(v, vars, asRequest));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars, asRequest, k)]));
  return value;
}

/** The engine's answer with dates and UUIDs in the recording's words, only where AWS recorded those words. */
function asRecorded(actual: unknown, expected: unknown): unknown {
  if (expected === 'datetime' && typeof actual === 'number') return 'datetime';
  if (expected === '<uuid>' && typeof actual === 'string' && UUID.test(actual)) return '<uuid>';
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((a, i) => asRecorded(a, expected[i]));
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null && !Array.isArray(actual)) {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    // A DescribeStateMachine definition comes back as text; AWS's recording parsed it.
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, k === 'definition' && typeof v === 'string' ? JSON.parse(v) : asRecorded(v, e[k])]));
  }
  return actual;
}

async function runStep(step: ApiStep, vars: Record<string, string>): Promise<void> {
  if (step.waitForEnd) await waitForEnd(String(fill(step.waitForEnd, vars)));
  const { status, body } = await call(step.op, fill(step.params, vars, true) as Record<string, unknown>);
  if (step.error) {
    expect({ status, body }, step.op).toEqual({ status: 400, body: fill({ __type: step.error.type, message: step.error.message }, vars) });
    return;
  }
  expect(status, `${step.op}: ${JSON.stringify(body)}`).toBe(200);
  for (const [name, field] of Object.entries(step.save ?? {})) vars[name] = String(body[field]);
  const expected = fill(step.body ?? {}, { ...vars });
  // The key check on events is exact: AWS's recorded events are whole.
  expect(asRecorded(body, expected), step.op).toMatchObject(expected as object);
  if (step.body && 'events' in step.body) expect(asRecorded(body.events, (expected as { events: unknown }).events)).toEqual((expected as { events: unknown }).events);
  for (const field of step.absent ?? []) expect(body, `${step.op} leaves out ${field}`).not.toHaveProperty(field);
}

let serial = 0;
for (const file of apiFiles) {
  describe(`API: ${file.source.file}`, () => {
    for (const c of file.cases) {
      it(c.name, async () => {
        const vars: Record<string, string> = { name: `conf-${process.pid}-${++serial}` };
        for (const step of c.steps) await runStep(step, vars);
      });
    }
  });
}

for (const file of historyFiles) {
  describe(`history: ${file.source.file}`, () => {
    for (const c of file.cases) {
      it(c.name, { timeout: 30_000 }, async () => {
        const name = `conf-${process.pid}-${++serial}`;
        const toEngine = c.placeholders ?? {};
        const toRecording = Object.fromEntries(Object.entries(toEngine).map(([k, v]) => [v, k]));
        const definition = JSON.stringify(substitute(c.definition, toEngine));
        const created = await call('CreateStateMachine', { name, definition, roleArn: TEST_ROLE_ARN });
        expect(created.status, JSON.stringify(created.body)).toBe(200);
        const started = await call('StartExecution', { stateMachineArn: created.body.stateMachineArn, input: substitute(c.input, toEngine) });
        const executionArn = String(started.body.executionArn);
        await waitForEnd(executionArn);
        const { body } = await call('GetExecutionHistory', { executionArn, maxResults: 1000 });
        const recorded = maskRequestIds(substitute((body.events as Record<string, unknown>[]).map(recordedForm), toRecording));
        const events = c.recordedWith === 'SfnNoneRecursiveParallelTransformer' ? asParallelRecording(recorded) : recorded;
        const comparable = (list: Record<string, unknown>[]) => {
          const canonical = canonicalPayloads(list);
          return c.lambdaCauses === 'errorTypeAndMessage' ? lambdaCauseCore(canonical) : canonical;
        };
        expect(comparable(events)).toEqual(comparable(c.expected.events));
      });
    }
  });
}
