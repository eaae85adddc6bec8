/**
 * Each handler against a real (in-memory) dynalite: the data it writes, and that running it
 * again, or compensating something that never happened, changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrderRecords } from '@/lib/saga-data/read-order';
import type { SagaFunctionKey } from './functions';
import { startSagaHarness, type SagaHarness } from '../local/testing/saga-harness';
import { dumpTables } from './testing/test-dump';

let h: SagaHarness;
beforeAll(async () => {
  h = await startSagaHarness();
});
afterAll(() => h?.close());

const event = (executionName: string, payload: Record<string, unknown> = {}) => ({ executionName, payload });
const call = (key: SagaFunctionKey, ev: unknown) => h.handlers[key](ev);
const dump = () => dumpTables(h.clients, h.tables);
const records = (orderId: string, sku = 'sku-gadget') => readOrderRecords(h.clients, h.tables, orderId, sku);

describe('forward handlers', () => {
  it('write the order, take stock, charge and confirm; a second run of each changes nothing', async () => {
    const ev = event('idem-1', { item: 'sku-gadget', quantity: 3, amount: 12.5 });
    const stockBefore = (await records('ord-idem-1')).stock?.available ?? NaN;
    for (const key of ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify'] as const) {
      const first = await call(key, ev);
      const after = await dump();
      expect(await call(key, ev)).toEqual(first);
      expect(await dump()).toEqual(after);
    }
    const r = await records('ord-idem-1');
    expect(r.order).toMatchObject({ status: 'CONFIRMED', sku: 'sku-gadget', quantity: 3, amount: 12.5 });
    expect(r.stock).toMatchObject({ available: stockBefore - 3, stockBefore, reservation: { quantity: 3, status: 'RESERVED' } });
    expect(r.payment).toMatchObject({ paymentId: 'pay-ord-idem-1', status: 'CHARGED', amount: 12.5 });
    expect(r.notifications.map((n) => n.kind)).toEqual(['ORDER_CONFIRMED']);
  });

  it('CreateOrder refuses an invalid input without writing anything', async () => {
    const before = await dump();
    await expect(call('CreateOrder', event('bad-1', { quantity: -1 }))).rejects.toMatchObject({ name: 'InvalidSagaInput' });
    expect(await dump()).toEqual(before);
  });

  it('UpdateInventory refuses more than is on hand, a business error, and takes nothing', async () => {
    const before = await dump();
    await expect(call('UpdateInventory', event('short-1', { item: 'sku-rare', quantity: 3 }))).rejects.toMatchObject({
      name: 'InventoryUnavailable',
    });
    await expect(call('UpdateInventory', event('short-2', { item: 'sku-nope' }))).rejects.toMatchObject({ name: 'InventoryUnavailable' });
    expect(await dump()).toEqual(before);
  });

  it('a failure switch fails the step after its write, and the replay writes nothing more', async () => {
    const ev = event('sw-1', { failProcessPayment: true });
    await expect(call('ProcessPayment', ev)).rejects.toMatchObject({ name: 'PaymentFailed' });
    const after = await dump();
    await expect(call('ProcessPayment', ev)).rejects.toMatchObject({ name: 'PaymentFailed' });
    expect(await dump()).toEqual(after);
    expect((await records('ord-sw-1')).payment?.status).toBe('CHARGED');
  });

  it('a flaky step throws TransientError for its first attempts, counted durably', async () => {
    const ev = event('flaky-1', { flakyStep: 'CreateOrder', flakyAttempts: 2 });
    await expect(call('CreateOrder', ev)).rejects.toMatchObject({ name: 'TransientError' });
    await expect(call('CreateOrder', ev)).rejects.toMatchObject({ name: 'TransientError' });
    await expect(call('CreateOrder', ev)).resolves.toMatchObject({ orderId: 'ord-flaky-1', status: 'PENDING' });
  });
});

describe('compensations', () => {
  it('for something that never happened succeed and change nothing', async () => {
    const before = await dump();
    for (const key of ['PaymentRefund', 'InventoryRollback', 'CancelOrder'] as const) {
      await expect(call(key, event('never-1', { item: 'sku-gadget' }))).resolves.toMatchObject({ changed: false });
    }
    expect(await dump()).toEqual(before);
  });

  it('undo exactly what the forward steps did, once', async () => {
    const ev = event('undo-1', { item: 'sku-gizmo', quantity: 4 });
    const stockAtStart = (await records('ord-undo-1', 'sku-gizmo')).stock?.available;
    for (const key of ['CreateOrder', 'UpdateInventory', 'ProcessPayment'] as const) await call(key, ev);
    for (const key of ['PaymentRefund', 'InventoryRollback', 'CancelOrder'] as const) {
      await expect(call(key, ev)).resolves.toMatchObject({ changed: true });
      const after = await dump();
      await expect(call(key, ev)).resolves.toMatchObject({ changed: false });
      expect(await dump()).toEqual(after);
    }
    const r = await records('ord-undo-1', 'sku-gizmo');
    expect(r.order?.status).toBe('CANCELLED');
    expect(r.payment?.status).toBe('REFUNDED');
    expect(r.stock).toMatchObject({ available: stockAtStart, stockBefore: stockAtStart, reservation: { status: 'RELEASED' } });
  });

  it('skip an invalid input (nothing was written for it)', async () => {
    await expect(call('CancelOrder', event('bad-2', { quantity: 'x' }))).resolves.toMatchObject({ changed: false, skipped: expect.any(String) });
  });

  it('an order cancelled earlier cannot be revived by replaying its id', async () => {
    await expect(call('CreateOrder', event('again', { orderId: 'ord-undo-1' }))).rejects.toMatchObject({ name: 'OrderClosed' });
    await expect(call('UpdateInventory', event('again', { orderId: 'ord-undo-1', item: 'sku-gizmo', quantity: 4 }))).rejects.toMatchObject({
      name: 'OrderClosed',
    });
  });
});

describe('NotifyFailure', () => {
  it('logs one notification however often it runs', async () => {
    const ev = event('nf-1', { errors: { payment: { Error: 'PaymentFailed', Cause: 'x' } } });
    await call('NotifyFailure', ev);
    const after = await dump();
    await call('NotifyFailure', ev);
    expect(await dump()).toEqual(after);
    expect((await records('ord-nf-1')).notifications).toMatchObject([{ kind: 'ORDER_ROLLED_BACK' }]);
  });
});

describe('failCompensation', () => {
  it('fails its compensation on the first run only, so a Redrive finishes the rollback', async () => {
    const payload = { failProcessPayment: true, failCompensation: 'PaymentRefund' };
    await call('CreateOrder', event('fc-1', payload));
    await expect(call('ProcessPayment', event('fc-1', payload))).rejects.toMatchObject({ name: 'PaymentFailed' });
    await expect(call('PaymentRefund', { ...event('fc-1', payload), redriveCount: 0 })).rejects.toMatchObject({ name: 'CompensationStepFailed' });
    expect((await records('ord-fc-1')).payment?.status).toBe('CHARGED');
    await expect(call('PaymentRefund', { ...event('fc-1', payload), redriveCount: 1 })).resolves.toMatchObject({ changed: true, status: 'REFUNDED' });
    expect((await records('ord-fc-1')).payment?.status).toBe('REFUNDED');
  });
});
