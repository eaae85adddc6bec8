import type { OrderRecords } from './read-order';

/** The order's business records as the data panel shows them (plain data: it crosses to the browser). */
export type OrderData = {
  orderId: string;
  sku?: string;
  /** PENDING, CONFIRMED or CANCELLED; undefined while no order record exists */
  orderStatus?: string;
  /** the item's stock just before this order took any */
  stockBefore?: number;
  /** the stock as this order left it: before, minus what it still holds */
  stockAfter?: number;
  /** the item's stock right now, all orders included */
  stockNow?: number;
  /** CHARGED or REFUNDED; undefined while nothing was charged */
  paymentStatus?: string;
  notifications: { kind: string; message: string }[];
};

export const orderDataKey = (orderId: string) => ['order-data', orderId] as const;

/**
 * The data panel's view of an order. "Stock after" is the level this order left behind
 * (before, minus what it still holds), not the live level: other orders moving the same
 * SKU must not make a clean rollback look dirty.
 */
export function toOrderData(records: OrderRecords): OrderData {
  const { stock } = records;
  const held = stock?.reservation?.status === 'RESERVED' ? stock.reservation.quantity : 0;
  return {
    orderId: records.orderId,
    sku: stock?.sku ?? records.order?.sku,
    orderStatus: records.order?.status,
    stockBefore: stock?.stockBefore,
    // An order that never took stock has no before/after of its own.
    stockAfter: stock?.stockBefore === undefined ? undefined : stock.stockBefore - held,
    stockNow: stock?.available,
    paymentStatus: records.payment?.status,
    notifications: records.notifications.map((n) => ({ kind: n.kind, message: n.message })),
  };
}
