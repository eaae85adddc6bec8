import { describe, expect, it } from 'vitest';
import { toOrderData } from './order-view';

const base = { orderId: 'o1', order: undefined, payment: undefined, notifications: [] };

describe('toOrderData', () => {
  it('shows a rolled-back order with its stock back where it was, whatever other orders did since', () => {
    const data = toOrderData({
      ...base,
      stock: { sku: 'sku-widget', available: 90, stockBefore: 100, reservation: { quantity: 2, status: 'RELEASED' } },
    });
    expect(data).toMatchObject({ stockBefore: 100, stockAfter: 100, stockNow: 90 });
  });

  it('shows stock still held by an order that kept it', () => {
    const data = toOrderData({
      ...base,
      stock: { sku: 'sku-widget', available: 97, stockBefore: 100, reservation: { quantity: 3, status: 'RESERVED' } },
    });
    expect(data).toMatchObject({ stockBefore: 100, stockAfter: 97 });
  });

  it('gives no before/after to an order that never took stock', () => {
    const data = toOrderData({ ...base, stock: { sku: 'sku-widget', available: 50, stockBefore: undefined, reservation: undefined } });
    expect(data.stockBefore).toBeUndefined();
    expect(data.stockAfter).toBeUndefined();
    expect(data.stockNow).toBe(50);
  });
});
