/**
 * The engine's histories have AWS's shape: each recorded AWS history in the shared
 * fixtures is replayed locally (same definition, Lambdas that behave like the recorded
 * ones) and must give the same event types, ids, previousEventIds and details keys.
 */
import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '@/lib/history/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, TEST_ROLE_ARN, testLambdaArn, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';


type Behaviour = 'fails' | 'succeeds';
/** fixture file prefix -> how its Lambda(s) behaved when AWS recorded it */
const CASES: Record<string, Behaviour> = {
  '01': 'fails',
  '03': 'fails',
  '04': 'fails',
  '06': 'succeeds',
  '07': 'succeeds',
  '08': 'fails',
  '10': 'fails',
  '19': 'succeeds',
  '25': 'succeeds',
  '27': 'succeeds',
  '31': 'succeeds',
  '32': 'succeeds',
  '33': 'succeeds',
};

interface Fixture {
  definition: Record<string, unknown>;
  input: unknown;
  events: Record<string, unknown>[];
  executionStatus: string;
}

function loadFixture(prefix: string): Fixture {
  const file = readdirSync(FIXTURES_DIR).find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no fixture ${prefix} in ${FIXTURES_DIR}`);
  return JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) as Fixture;
}

/** Placeholder Lambda names/ARNs -> functions registered on the test engine; retries made quick. */
function localise(prefix: string, fixture: Fixture): { definition: string; input: string; functions: string[] } {
  const functions = new Set<string>();
  const rename = (_: string, name: string) => {
    const local = `fx${prefix}-${name.replaceAll('_', '-')}`;
    functions.add(local);
    return local;
  };
  const definition = JSON.stringify(fixture.definition, (key, value: unknown) => {
    // Recorded retries waited seconds; the shape is the same with the shortest legal wait.
    if (key === 'Retry' && Array.isArray(value)) {
      return value.map((r: Record<string, unknown>) => ({ ...r, IntervalSeconds: 1, BackoffRate: 1, MaxDelaySeconds: undefined }));
    }
    // $$.State.* is not in the local Context object; it only shaped an output no history here shows.
    if (key === 'ResultSelector') return undefined;
    return value;
  })
    .replace(/arn:<partition>:lambda:<region>:111111111111:function:<([a-z0-9_]+)>/g, (_m, name: string) => testLambdaArn(rename(_m, name)))
    .replace(/"<(lambda_function[a-z0-9_]*)>"/g, (_m, name: string) => `"${rename(_m, name)}"`);
  const input = JSON.stringify(fixture.input).replace(/"<(lambda_function[a-z0-9_]*)>"/g, (_m, name: string) => `"${rename(_m, name)}"`);
  return { definition, input, functions: [...functions] };
}

/** What must match: numbering, type and which details keys are present. */
const shapeOf = (event: Record<string, unknown>) => ({
  id: event.id,
  previousEventId: event.previousEventId,
  type: event.type,
  details: Object.entries(event)
    .filter(([key]) => key.endsWith('EventDetails'))
    .map(([key, value]) => `${key}{${Object.keys(value as object).sort().join(',')}}`),
});

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

describe.concurrent('histories match the recorded AWS fixtures', () => {
  for (const [prefix, behaviour] of Object.entries(CASES)) {
    it(`fixture ${prefix}`, async () => {
      const fixture = loadFixture(prefix);
      const local = localise(prefix, fixture);
      for (const name of local.functions) {
        t.engine.registerLambda(testLambdaArn(name), async () => {
          if (behaviour === 'succeeds') return {};
          throw Object.assign(new Error('Some exception was raised.'), { name: 'Exception' });
        });
      }
      const { stateMachineArn } = await t.sfn.send(
        new CreateStateMachineCommand({ name: `fixture-${prefix}`, definition: local.definition, roleArn: TEST_ROLE_ARN }),
      );
      const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn, input: local.input }));
      const ended = await waitForEnd(t.sfn, executionArn!);
      expect(ended.status).toBe(fixture.executionStatus);
      const { events } = await t.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
      const actual = (events ?? []).map((e: HistoryEvent) => shapeOf(e as unknown as Record<string, unknown>));
      expect(actual).toEqual(fixture.events.map(shapeOf));
    });
  }
});
