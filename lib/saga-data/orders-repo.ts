/**
 * Orders: PENDING -> CONFIRMED or CANCELLED. Every write is a single conditional call, so
 * running it again changes nothing and a crash between calls leaves nothing half-done.
 */
import type { SagaClients } from './clients';
import { keyedItems, withoutKey } from './keyed-items';

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED';

export type OrderRecord = {
  orderId: string;
  status: OrderStatus;
  sku: string;
  quantity: number;
  amount: number;
  executionName: string;
  createdAt: string;
  updatedAt: string;
};

/** A write and what the record looks like afterwards; `changed` is false on a replay. */
export type WriteOutcome<T> = { changed: boolean; record: T | undefined };

export type OrdersRepo = ReturnType<typeof ordersRepo>;

const toOrder = (item: Record<string, unknown> | undefined) => withoutKey(item) as OrderRecord | undefined;

export function ordersRepo(clients: SagaClients, table: string) {
  const items = keyedItems(clients, table);
  const get = async (orderId: string): Promise<OrderRecord | undefined> => toOrder(await items.get(orderId));

  /** Sets the status if the current one is in `from`; otherwise reports the record as it is. */
  const transition = async (orderId: string, from: OrderStatus[], to: OrderStatus, now: string) => {
    const values = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    const out = await items.updateIf(orderId, {
      UpdateExpression: 'SET #status = :to, updatedAt = :now',
      ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ...values, ':to': to, ':now': now },
    });
    return out ? { changed: true, record: toOrder(out.Attributes) } : { changed: false, record: await get(orderId) };
  };

  return {
    get,
    /** Creates the order as PENDING unless one with this id exists (then returns that one). */
    async createPending(order: Omit<OrderRecord, 'status' | 'updatedAt'>): Promise<WriteOutcome<OrderRecord>> {
      const record: OrderRecord = { ...order, status: 'PENDING', updatedAt: order.createdAt };
      if (await items.putIfAbsent(order.orderId, record)) return { changed: true, record };
      return { changed: false, record: await get(order.orderId) };
    },
    confirm: (orderId: string, now: string): Promise<WriteOutcome<OrderRecord>> =>
      transition(orderId, ['PENDING'], 'CONFIRMED', now),
    cancel: (orderId: string, now: string): Promise<WriteOutcome<OrderRecord>> =>
      transition(orderId, ['PENDING', 'CONFIRMED'], 'CANCELLED', now),
  };
}
