import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '@/lib/saga-data/orders-repo';
import { checkInvariants, type InvariantData } from './check';

const order = (orderId: string, status: OrderRecord['status']): OrderRecord => ({
  orderId,
  status,
  sku: 'sku-a',
  quantity: 2,
  amount: 10,
  executionName: `x--${orderId}`,
  createdAt: '',
  updatedAt: '',
});

/** Three orders: one confirmed, one rolled back, one whose refund failed (still holding stock and money). */
const consistent = (): InvariantData => ({
  seeds: [{ sku: 'sku-a', name: 'A', available: 10 }],
  stock: [{ sku: 'sku-a', available: 6, reservations: {}, stockBefore: {} }],
  reservations: [
    { orderId: 'o1', sku: 'sku-a', quantity: 2, status: 'RESERVED', stockBefore: 10 },
    { orderId: 'o2', sku: 'sku-a', quantity: 2, status: 'RELEASED', stockBefore: 8 },
    { orderId: 'o3', sku: 'sku-a', quantity: 2, status: 'RESERVED', stockBefore: 8 },
  ],
  orders: [order('o1', 'CONFIRMED'), order('o2', 'CANCELLED'), order('o3', 'PENDING')],
  payments: [
    { paymentId: 'pay-o1', orderId: 'o1', amount: 10, status: 'CHARGED', chargedAt: '' },
    { paymentId: 'pay-o2', orderId: 'o2', amount: 10, status: 'REFUNDED', chargedAt: '' },
    { paymentId: 'pay-o3', orderId: 'o3', amount: 10, status: 'CHARGED', chargedAt: '' },
  ],
  executions: new Map([['x--o3', { status: 'FAILED', outcome: 'COMPENSATION_FAILED' }]]),
});

const holding = (data: InvariantData) => Object.fromEntries(checkInvariants(data).results.map((r) => [r.id, r.holds]));
const all = { 'stock-conserved': true, 'confirmed-charged': true, 'cancelled-refunded': true, 'no-stale-pending': true };

describe('checkInvariants', () => {
  it('holds for consistent data, and lists a stopped rollback as needing a human', () => {
    const report = checkInvariants(consistent());
    expect(holding(consistent())).toEqual(all);
    expect(report.balances).toEqual([{ sku: 'sku-a', seed: 10, confirmed: 2, held: 2, available: 6 }]);
    expect(report.needsHuman.map((o) => o.orderId)).toEqual(['o3']);
  });

  it('names the SKU whose stock was taken with no order', () => {
    const data = consistent();
    data.stock = [{ sku: 'sku-a', available: 5, reservations: {}, stockBefore: {} }];
    const report = checkInvariants(data);
    expect(holding(data)).toEqual({ ...all, 'stock-conserved': false });
    expect(report.results[0]?.offenders).toEqual([expect.objectContaining({ sku: 'sku-a', detail: expect.stringContaining('but 5 available') })]);
  });

  it('counts an in-flight take by its marker', () => {
    const data = consistent();
    data.stock = [{ sku: 'sku-a', available: 4, reservations: { o4: { quantity: 2, status: 'RESERVED' } }, stockBefore: { o4: 6 } }];
    data.orders = [...data.orders, order('o4', 'PENDING')];
    expect(holding(data)).toEqual(all);
  });

  it('catches a confirmed order without a charge and a cancelled one still charged', () => {
    const data = consistent();
    data.payments = [
      { paymentId: 'pay-o2', orderId: 'o2', amount: 10, status: 'CHARGED', chargedAt: '' },
      { paymentId: 'pay-o3', orderId: 'o3', amount: 10, status: 'CHARGED', chargedAt: '' },
    ];
    const report = checkInvariants(data);
    expect(holding(data)).toEqual({ ...all, 'confirmed-charged': false, 'cancelled-refunded': false });
    expect(report.results.flatMap((r) => r.offenders.map((o) => o.orderId))).toEqual(['o1', 'o2']);
  });

  it('flags an order left PENDING by an execution that ended otherwise, and ignores running ones', () => {
    const data = consistent();
    data.executions = new Map([['x--o3', { status: 'ABORTED', outcome: 'ABORTED' }]]);
    expect(holding(data)).toEqual({ ...all, 'no-stale-pending': false });
    data.executions = new Map([['x--o3', { status: 'RUNNING' }]]);
    expect(holding(data)).toEqual(all);
  });
});
