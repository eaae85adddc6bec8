/**
 * The saga's business invariants, checked over the real tables' contents: what must
 * hold however many sagas ran at once and however they failed. Pure: the loader reads
 * the tables and the executions, these functions judge them.
 */
import type { ExecutionStatus } from '@/lib/core/execution-status';
import { TERMINAL_STATUSES } from '@/lib/core/execution-status';
import type { SagaOutcome } from '@/lib/history/types';
import type { ReservationRecord, StockRecord } from '@/lib/saga-data/inventory-repo';
import type { OrderRecord } from '@/lib/saga-data/orders-repo';
import { paymentIdFor, type PaymentRecord } from '@/lib/saga-data/payments-repo';
import type { StockSeed } from '@/lib/saga-data/tables';

export type InvariantData = {
  seeds: readonly StockSeed[];
  stock: readonly StockRecord[];
  reservations: readonly ReservationRecord[];
  orders: readonly OrderRecord[];
  payments: readonly PaymentRecord[];
  /** the executions of PENDING orders, by name; outcome known once ended */
  executions: ReadonlyMap<string, { status: ExecutionStatus; outcome?: SagaOutcome }>;
};

export const INVARIANT_IDS = ['stock-conserved', 'confirmed-charged', 'cancelled-refunded', 'no-stale-pending'] as const;
export type InvariantId = (typeof INVARIANT_IDS)[number];

/** One thing that breaks an invariant, named so a person can go and look. */
export type Offender = { key: string; orderId?: string; sku?: string; executionName?: string; detail: string };

export type SkuBalance = { sku: string; seed: number; confirmed: number; held: number; available: number };

export interface InvariantResult {
  id: InvariantId;
  title: string;
  holds: boolean;
  offenders: Offender[];
}

export interface InvariantReport {
  results: InvariantResult[];
  balances: SkuBalance[];
  /** orders whose rollback could not finish: not a broken invariant, but a person's job */
  needsHuman: Offender[];
  counts: { orders: number; payments: number; skus: number };
}

const result = (id: InvariantId, title: string, offenders: Offender[]): InvariantResult => ({ id, title, holds: offenders.length === 0, offenders });

/**
 * seed − confirmed − held = available, per SKU. Reservations still RESERVED are held (or
 * confirmed, when their order is); an in-flight marker is a take or a return whose
 * reservation item is not written yet, so it counts as the marker says.
 */
export function skuBalances(data: InvariantData): SkuBalance[] {
  const orders = new Map(data.orders.map((o) => [o.orderId, o]));
  const reservations = new Map(data.reservations.map((r) => [r.orderId + '#' + r.sku, r]));
  return data.stock.map((s) => {
    const seed = data.seeds.find((x) => x.sku === s.sku)?.available ?? 0;
    let confirmed = 0;
    let held = 0;
    const reserve = (orderId: string, quantity: number) => {
      if (orders.get(orderId)?.status === 'CONFIRMED') confirmed += quantity;
      else held += quantity;
    };
    for (const r of data.reservations) if (r.sku === s.sku && r.status === 'RESERVED') reserve(r.orderId, r.quantity);
    for (const [orderId, marker] of Object.entries(s.reservations)) {
      const recorded = reservations.get(orderId + '#' + s.sku);
      if (marker.status === 'RESERVED' && !recorded) reserve(orderId, marker.quantity);
      if (marker.status === 'RELEASED' && recorded?.status === 'RESERVED') reserve(orderId, -marker.quantity);
    }
    return { sku: s.sku, seed, confirmed, held, available: s.available };
  });
}

export function checkInvariants(data: InvariantData): InvariantReport {
  const payments = new Map(data.payments.map((p) => [p.paymentId, p]));
  const paymentOf = (o: OrderRecord) => payments.get(paymentIdFor(o.orderId));
  const balances = skuBalances(data);

  const stock = balances
    .filter((b) => b.seed - b.confirmed - b.held !== b.available)
    .map((b) => ({
      key: b.sku,
      sku: b.sku,
      detail: `${b.sku}: seed ${b.seed} − confirmed ${b.confirmed} − held ${b.held} = ${b.seed - b.confirmed - b.held}, but ${b.available} available`,
    }));

  const confirmed = data.orders
    .filter((o) => o.status === 'CONFIRMED' && paymentOf(o)?.status !== 'CHARGED')
    .map((o) => ({
      key: o.orderId,
      orderId: o.orderId,
      executionName: o.executionName,
      detail: `${o.orderId} is CONFIRMED but its payment is ${paymentOf(o)?.status ?? 'missing'}`,
    }));

  const cancelled = data.orders
    .filter((o) => o.status === 'CANCELLED' && paymentOf(o)?.status === 'CHARGED')
    .map((o) => ({ key: o.orderId, orderId: o.orderId, executionName: o.executionName, detail: `${o.orderId} is CANCELLED but its payment is still CHARGED` }));

  const stale: Offender[] = [];
  const needsHuman: Offender[] = [];
  for (const o of data.orders) {
    if (o.status !== 'PENDING') continue;
    const execution = data.executions.get(o.executionName);
    if (!execution || !TERMINAL_STATUSES.has(execution.status)) continue;
    const offender = { key: o.orderId, orderId: o.orderId, executionName: o.executionName };
    if (execution.outcome === 'COMPENSATION_FAILED') {
      needsHuman.push({ ...offender, detail: `${o.orderId}: the rollback stopped (COMPENSATION_FAILED); finish it from the execution page` });
    } else {
      stale.push({ ...offender, detail: `${o.orderId} is PENDING but its execution ended ${execution.status}${execution.outcome ? ` (${execution.outcome})` : ''}` });
    }
  }

  return {
    results: [
      result('stock-conserved', 'Stock is conserved per SKU: seed − confirmed − held = available', stock),
      result('confirmed-charged', 'Every CONFIRMED order has a CHARGED payment', confirmed),
      result('cancelled-refunded', "Every CANCELLED order's payment is REFUNDED or was never charged", cancelled),
      result('no-stale-pending', 'No order is PENDING after its execution ended (except rollbacks that need a human)', stale),
    ],
    balances,
    needsHuman,
    counts: { orders: data.orders.length, payments: data.payments.length, skus: data.stock.length },
  };
}
