/**
 * The holdStep switch against a real (in-memory) dynalite: a held step writes nothing and
 * waits, on its injected sleep, until the test releases it; unreleased, it gives up with
 * its own error before the Lambda timeout would.
 */
import { capturingStepLogger, discardedStepLogs } from '@/backend/engine/step-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAGA_STEPS } from '@/lib/saga/steps';
import { startSagaHarness, type SagaHarness } from '../local/testing/saga-harness';
import { readOrderRecords } from '@/lib/saga-data/read-order';
import { HOLD_TABLE } from '@/lib/saga-data/holds-repo';
import { HOLD_LIMIT_MS, HOLD_POLL_MS } from './domain/faults';
import { createSagaFunctions, SAGA_FUNCTIONS } from './functions';
import { holdReleaser, type ReleaseHold } from './testing/holds';

let h: SagaHarness;
let release: ReleaseHold;
beforeAll(async () => {
  h = await startSagaHarness();
  release = holdReleaser(h.data);
});
afterAll(() => h?.close());

/** Handlers whose sleep is the test's: each sleep is counted, and `onSleep` runs in it. */
function heldHandlers(onSleep: (count: number) => Promise<void> = async () => {}) {
  const slept: number[] = [];
  const handlers = createSagaFunctions(h.data, {
    now: () => '2030-01-01T00:00:00.000Z',
    sleep: async (ms) => {
      slept.push(ms);
      await onSleep(slept.length);
    },
  }, capturingStepLogger(discardedStepLogs));
  return { handlers, slept };
}

const event = (executionName: string, payload: Record<string, unknown>) => ({ executionName, payload });

describe('holdStep', () => {
  it('keeps the step from doing anything until the release record appears, then it runs', async () => {
    let released = false;
    let orderWhileHeld: unknown = 'not looked';
    const { handlers, slept } = heldHandlers(async (count) => {
      if (count < 3) return;
      orderWhileHeld = (await readOrderRecords(h.clients, h.tables, 'ord-held-1', 'sku-widget')).order;
      await release('ord-held-1', 'CreateOrder');
      released = true;
    });
    const result = await handlers.CreateOrder(event('held-1', { holdStep: 'CreateOrder' }));
    expect(released).toBe(true);
    expect(orderWhileHeld).toBeUndefined();
    expect(slept).toEqual([HOLD_POLL_MS, HOLD_POLL_MS, HOLD_POLL_MS]);
    expect(result).toMatchObject({ orderId: 'ord-held-1', status: 'PENDING' });
    // Released for good: a retry or a redrive of the step goes straight on.
    await handlers.CreateOrder(event('held-1', { holdStep: 'CreateOrder' }));
    expect(slept).toHaveLength(3);
  });

  it('holds only the named step, and holds a compensation too', async () => {
    const { handlers, slept } = heldHandlers(async () => release('ord-held-2', 'PaymentRefund'));
    const ev = event('held-2', { holdStep: 'PaymentRefund' });
    await handlers.CreateOrder(ev);
    await handlers.ProcessPayment(ev);
    expect(slept).toEqual([]);
    await expect(handlers.PaymentRefund(ev)).resolves.toMatchObject({ status: 'REFUNDED' });
    expect(slept).toEqual([HOLD_POLL_MS]);
  });

  it('gives up unreleased after its bound with HoldNotReleased, having written nothing', async () => {
    const { handlers, slept } = heldHandlers();
    await expect(handlers.ProcessPayment(event('held-3', { holdStep: 'ProcessPayment' }))).rejects.toMatchObject({
      name: 'HoldNotReleased',
      message: expect.stringContaining('ProcessPayment was held for order ord-held-3'),
    });
    expect(slept.reduce((sum, ms) => sum + ms, 0)).toBe(HOLD_LIMIT_MS);
    expect((await readOrderRecords(h.clients, h.tables, 'ord-held-3', 'sku-widget')).payment).toBeUndefined();
  });

  it('keeps each release record in a table its step may write (its IAM grant)', () => {
    for (const step of SAGA_STEPS) {
      const spec = SAGA_FUNCTIONS.find((f) => f.key === step);
      expect(spec?.tables).toContain(HOLD_TABLE[step]);
    }
  });
});
