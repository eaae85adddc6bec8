import { describe, expect, it } from 'vitest';
import { loadEngineFixtures } from '@/lib/history/testing/fixtures';
import type { HistoryEvent } from '@/lib/history/types';
import { stockNote } from '@/lib/saga/partial-writes';
import { orderAt } from './order-at';

const fixture = (name: string) => {
  const found = loadEngineFixtures().find((f) => f.file.startsWith(name));
  if (!found) throw new Error(`no fixture ${name}`);
  return found.events;
};

describe('orderAt over a recorded Payment fails run', () => {
  const events = fixture('compensated_payment_fails');
  // Event 20 is PaymentRefund's Lambda success in the recording.
  const refunded = events.findIndex((e) => e.id === 20 && e.type === 'LambdaFunctionSucceeded') + 1;

  it('shows nothing before any handler returned', () => {
    expect(orderAt('o', events, 3)).toEqual({ orderId: 'o', notifications: [] });
  });

  it('shows the charge from the failed payment, then the refund', () => {
    expect(refunded).toBeGreaterThan(0);
    const before = orderAt('o', events, refunded - 1);
    expect(before).toMatchObject({ paymentStatus: 'CHARGED', paymentAmount: 49.99, orderStatus: 'PENDING', stockBefore: 999, stockAfter: 998 });
    expect(orderAt('o', events, refunded)).toMatchObject({ paymentStatus: 'REFUNDED', changedAt: 20 });
  });

  it('ends rolled back: stock as it was, order cancelled, the failure notified', () => {
    expect(orderAt('o', events)).toMatchObject({
      orderStatus: 'CANCELLED',
      paymentStatus: 'REFUNDED',
      stockBefore: 999,
      stockAfter: 999,
      stockNow: 999,
      notifications: ['ORDER_ROLLED_BACK'],
    });
  });
});

describe('orderAt over other outcomes', () => {
  it('a happy path ends confirmed and charged, holding its stock', () => {
    const events = fixture('completed_happy_path');
    expect(orderAt('o', events)).toMatchObject({ orderStatus: 'CONFIRMED', paymentStatus: 'CHARGED', notifications: ['ORDER_CONFIRMED'] });
    const { stockBefore, stockAfter } = orderAt('o', events);
    expect(stockAfter).toBe((stockBefore ?? 0) - 1);
  });

  it('reads the stock a failed UpdateInventory took from its message', () => {
    const events: HistoryEvent[] = [
      { id: 1, type: 'TaskStateEntered', timestamp: 0, stateEnteredEventDetails: { name: 'UpdateInventory' } },
      {
        id: 2,
        type: 'LambdaFunctionFailed',
        timestamp: 0,
        lambdaFunctionFailedEventDetails: {
          error: 'InventoryUpdateFailed',
          cause: JSON.stringify({ errorType: 'InventoryUpdateFailed', errorMessage: `failed after taking 2 sku-widget, ${stockNote({ stockBefore: 10, stockAfter: 8 })}` }),
        },
      },
    ] as HistoryEvent[];
    expect(orderAt('o', events)).toMatchObject({ stockBefore: 10, stockAfter: 8, changedAt: 2 });
  });

  it('ignores events of states that are not the saga (another machine reads as no data)', () => {
    const events = fixture('completed_happy_path').map<HistoryEvent>((e) =>
      e.type.endsWith('StateEntered') ? { ...e, stateEnteredEventDetails: { name: 'Other' } } : e,
    );
    expect(orderAt('o', events)).toEqual({ orderId: 'o', notifications: [] });
  });
});
