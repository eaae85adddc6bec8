/**
 * The definition end-to-end in aws-local-stepfunctions with the real handlers and a real
 * (in-memory) DynamoDB: for every scenario, the states visited and the data afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrderRecords } from '@/lib/saga-data/read-order';
import { startSagaHarness, type SagaHarness } from '../local/testing/saga-harness';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';

let h: SagaHarness;
beforeAll(async () => {
  h = await startSagaHarness();
});
afterAll(() => h?.close());

const stockOf = async (sku: string) => (await readOrderRecords(h.clients, h.tables, 'none', sku)).stock?.available;

/** Runs a saga and returns what happened plus the order's data afterwards. */
async function runSaga(name: string, input: Record<string, unknown>, sku = 'sku-widget') {
  const stockBefore = await stockOf(sku);
  const run = await h.run(input, name);
  const data = await readOrderRecords(h.clients, h.tables, `ord-${name}`, sku);
  return { run, data, stockBefore };
}

const ROLLBACK_TAIL = ['NotifyFailure', 'SagaRolledBack'];

describe('the order saga', () => {
  it('happy path: SUCCEEDED, order confirmed, stock taken, payment charged, customer notified', async () => {
    const { run, data, stockBefore } = await runSaga('happy', {});
    expect(run.status).toBe('SUCCEEDED');
    expect(run.visited).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed']);
    expect(data.order?.status).toBe('CONFIRMED');
    expect(data.stock).toMatchObject({ available: (stockBefore ?? 0) - 1, stockBefore });
    expect(data.payment?.status).toBe('CHARGED');
    expect(data.notifications.map((n) => n.kind)).toEqual(['ORDER_CONFIRMED']);
    // the payload survived: every step's result under its own key
    expect(run.output).toMatchObject({
      results: { createOrder: { orderId: 'ord-happy' }, inventory: { stockBefore }, payment: { status: 'CHARGED' }, notify: {} },
    });
  });

  it('payment fails (blueprint body form): refund, stock back, order cancelled, FAILED with SagaRolledBack', async () => {
    const { run, data, stockBefore } = await runSaga('pay-fails', { body: '{"failProcessPayment": true}' });
    expect(run).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(run.cause).toMatch(/^ProcessPayment failed \(PaymentFailed/);
    expect(run.visited).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'PaymentRefund', 'InventoryRollback', 'CancelOrder', ...ROLLBACK_TAIL]);
    expect(data.order?.status).toBe('CANCELLED');
    expect(data.payment?.status).toBe('REFUNDED');
    expect(data.stock).toMatchObject({ available: stockBefore, reservation: { status: 'RELEASED' } });
    expect(data.notifications.map((n) => n.kind)).toEqual(['ORDER_ROLLED_BACK']);
  });

  it('inventory fails (blueprint body form): stock back, order cancelled, never charged', async () => {
    const { run, data, stockBefore } = await runSaga('inv-fails', { body: '{"failInventoryUpdate": true}' });
    expect(run).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(run.visited).toEqual(['CreateOrder', 'UpdateInventory', 'InventoryRollback', 'CancelOrder', ...ROLLBACK_TAIL]);
    expect(data.order?.status).toBe('CANCELLED');
    expect(data.stock?.available).toBe(stockBefore);
    expect(data.payment).toBeUndefined();
  });

  it('order fails (blueprint body form): order cancelled, stock untouched', async () => {
    const { run, data, stockBefore } = await runSaga('order-fails', { body: '{"failCreateOrder": true}' });
    expect(run).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(run.visited).toEqual(['CreateOrder', 'CancelOrder', ...ROLLBACK_TAIL]);
    expect(data.order?.status).toBe('CANCELLED');
    expect(data.stock).toMatchObject({ available: stockBefore, reservation: undefined });
  });

  it('out of stock is a business error: no retry, rolled back', async () => {
    const { run, data, stockBefore } = await runSaga('rare', { item: 'sku-rare', quantity: 3 }, 'sku-rare');
    expect(run).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack', retries: {} });
    expect(run.cause).toContain('InventoryUnavailable');
    expect(data.stock?.available).toBe(stockBefore);
  });

  it('a failing refund stops the rollback right there: FAILED at PaymentRefund, the data left for a person', async () => {
    const { run, data, stockBefore } = await runSaga('refund-fails', { failProcessPayment: true, failCompensation: 'PaymentRefund' });
    // A refusal is not an outage: it is not retried, and no Catch hides it.
    expect(run).toMatchObject({ status: 'FAILED', error: 'CompensationStepFailed', retries: {} });
    expect(run.visited).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'PaymentRefund']);
    expect(data.payment?.status).toBe('CHARGED');
    expect(data.stock?.available).toBe((stockBefore ?? 0) - 1);
    expect(data.order?.status).toBe('PENDING');
  });

  it('a failing rollback stops the chain after the refund already happened', async () => {
    const { run, data } = await runSaga('rollback-fails', { failProcessPayment: true, failCompensation: 'InventoryRollback' });
    expect(run.error).toBe('CompensationStepFailed');
    expect(run.visited.slice(3)).toEqual(['PaymentRefund', 'InventoryRollback']);
    expect(data.payment?.status).toBe('REFUNDED');
    expect(data.order?.status).toBe('PENDING');
  });

  it('a transient failure is retried away and the saga succeeds', async () => {
    const { run, data } = await runSaga('flaky', { flakyStep: 'ProcessPayment', flakyAttempts: 2 });
    expect(run).toMatchObject({ status: 'SUCCEEDED', retries: { ProcessPayment: 2 } });
    expect(data.payment?.status).toBe('CHARGED');
  });

  it('a transient failure that outlasts the retries rolls the saga back', async () => {
    const { run, data, stockBefore } = await runSaga('too-flaky', { flakyStep: 'Notify', flakyAttempts: 4 });
    expect(run).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack', retries: { Notify: 3 } });
    expect(run.visited.slice(4)).toEqual(['PaymentRefund', 'InventoryRollback', 'CancelOrder', ...ROLLBACK_TAIL]);
    expect(data.payment?.status).toBe('REFUNDED');
    expect(data.stock?.available).toBe(stockBefore);
  });

  it('an invalid input is refused by CreateOrder and rolls back nothing', async () => {
    const { run, data } = await runSaga('invalid', { failPayment: true });
    expect(run).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(run.cause).toContain('InvalidSagaInput: failPayment: unknown switch');
    expect(data.order).toBeUndefined();
  });

  it('rerunning a completed order id is a no-op success', async () => {
    await runSaga('replay-a', { orderId: 'ord-replay' });
    const stock = await stockOf('sku-widget');
    const again = await h.run({ orderId: 'ord-replay' }, 'replay-b');
    expect(again.status).toBe('SUCCEEDED');
    expect(await stockOf('sku-widget')).toBe(stock);
  });

  it.each(SAGA_PRESETS.map((p) => [p.id, p.input] as const))('preset %s runs to its expected end', async (id, input) => {
    const { run } = await runSaga(`preset-${id}`, input);
    const rolledBack = id.startsWith('fail-') || id === 'slow-payment-fails';
    const expected = id === 'fail-refund' ? 'CompensationStepFailed' : rolledBack ? 'SagaRolledBack' : undefined;
    expect(run.error).toBe(expected);
  });
});
