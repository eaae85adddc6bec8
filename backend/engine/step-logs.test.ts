/**
 * A step's log lines, locally: the saga handlers log through Powertools' Logger, the engine
 * keeps each line under its execution and state, and `GET /_logs` serves them.
 */
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepLogStore, type StepLogLine } from './step-logs';
import { startTestEngine, type TestEngine } from './testing/test-engine';
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
  });

  it('refuses a request that names no execution', async () => {
    const res = await fetch(`${t.engine.url}/_logs`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/execution=/) });
  });
});

describe('StepLogStore', () => {
  const line = (executionName: string, stateName: string, message: string): StepLogLine => ({ executionName, stateName, message, level: 'INFO', timestamp: new Date(0).toISOString() });

  it('keeps the lines of the most recent executions and forgets the oldest', () => {
    const store = new StepLogStore();
    for (let i = 0; i <= 1_000; i++) store.add(line(`run-${i}`, 'CreateOrder', 'started'));
    expect(store.read('run-0')).toEqual([]);
    expect(store.read('run-1')).toHaveLength(1);
    store.add(line('run-1', 'Notify', 'again'));
    store.add(line('run-1001', 'CreateOrder', 'started'));
    // run-1 was logged to again, so run-2 is now the oldest.
    expect(store.read('run-1')).toHaveLength(2);
    expect(store.read('run-2')).toEqual([]);
    expect(store.read('run-1', 'Notify').map((l) => l.message)).toEqual(['again']);
  });
});
