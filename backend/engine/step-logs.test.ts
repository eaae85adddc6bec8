/**
 * A step's log lines, locally: the saga handlers log through Powertools' Logger, the engine
 * keeps each line under its execution and state, and `GET /_logs` serves them.
 */
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { MAX_LINES_PER_EXECUTION, StepLogStore, type StepLogLine } from './step-logs';
import { EngineStore } from './store';
import { startTestEngine, tempDataDir, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ saga: true });
});
afterAll(() => t.stop());

async function logsOf(execution: string, state?: string): Promise<StepLogLine[]> {
  const query = new URLSearchParams({ execution, ...(state ? { state } : {}) });
  const res = await fetch(`${t.engine.url}/_logs?${query.toString()}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { lines: StepLogLine[] }).lines;
}

describe('step logs on the local engine', () => {
  it("serves each step's structured lines, with the failure message of a failed step", async () => {
    const name = 'logs-payment-fails';
    const { executionArn } = await t.sfn.send(
      new StartExecutionCommand({ stateMachineArn: t.engine.saga!.stateMachineArn, name, input: JSON.stringify({ failProcessPayment: true }) }),
    );
    expect(await waitForEnd(t.sfn, executionArn!)).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });

    const payment = await logsOf(name, 'ProcessPayment');
    expect(payment.map((l) => [l.level, l.message])).toEqual([
      ['INFO', 'ProcessPayment started'],
      ['ERROR', expect.stringMatching(/^ProcessPayment failed: PaymentFailed: .+/)],
    ]);
    for (const line of payment) {
      expect(line).toMatchObject({ executionName: name, stateName: 'ProcessPayment', orderId: `ord-${name}`, service: 'order-saga' });
      expect(Date.parse(line.timestamp)).not.toBeNaN();
    }
    expect(payment[1]).toMatchObject({ error: { name: 'PaymentFailed' } });

    const all = await logsOf(name);
    expect([...new Set(all.map((l) => l.stateName))]).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'PaymentRefund', 'InventoryRollback', 'CancelOrder', 'NotifyFailure']);
    expect(await logsOf('no-such-execution')).toEqual([]);

    // As CloudWatch's would, the lines outlive the engine that wrote them.
    await t.restart();
    expect(await logsOf(name, 'ProcessPayment')).toEqual(payment);
  });

  it('refuses a request that names no execution', async () => {
    const res = await fetch(`${t.engine.url}/_logs`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/execution=/) });
  });
});

describe('StepLogStore', () => {
  const line = (executionName: string, stateName: string, message: string): StepLogLine => ({ executionName, stateName, message, level: 'INFO', timestamp: new Date(0).toISOString() });
  const dirs: string[] = [];
  const openStore = (dataDir = tempDataDir()) => {
    dirs.push(dataDir);
    return new EngineStore(dataDir);
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps an execution's lines on disk: a store opened again after a crash serves them", () => {
    const first = openStore();
    const logs = new StepLogStore(first);
    logs.add(line('run-1', 'CreateOrder', 'started'));
    logs.add(line('run-1', 'ProcessPayment', 'failed'));
    logs.add(line('run-2', 'CreateOrder', 'started'));
    first.flush();
    // No close(): the process dies here; what was committed is all the next one has.
    const again = new StepLogStore(openStore(dirs[0]));
    expect(again.read('run-1').map((l) => l.message)).toEqual(['started', 'failed']);
    expect(again.read('run-1', 'ProcessPayment')).toEqual([line('run-1', 'ProcessPayment', 'failed')]);
    expect(again.read('run-3')).toEqual([]);
  });

  it(`keeps the first ${MAX_LINES_PER_EXECUTION} lines of one execution, also across a restart`, () => {
    const store = openStore();
    const logs = new StepLogStore(store);
    for (let i = 0; i < MAX_LINES_PER_EXECUTION - 1; i++) logs.add(line('chatty', 'Notify', `line ${i}`));
    store.flush();
    const restarted = new StepLogStore(openStore(dirs.at(-1)));
    restarted.add(line('chatty', 'Notify', 'the last one kept'));
    restarted.add(line('chatty', 'Notify', 'dropped'));
    restarted.add(line('quiet', 'Notify', 'another execution is not affected'));
    const kept = restarted.read('chatty');
    expect(kept).toHaveLength(MAX_LINES_PER_EXECUTION);
    expect(kept.at(-1)?.message).toBe('the last one kept');
    expect(restarted.read('quiet')).toHaveLength(1);
  });
});
