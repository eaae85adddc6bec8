/**
 * Orders: PENDING -> CONFIRMED or CANCELLED. Every write is a single conditional call, so
 * running it again changes nothing and a crash between calls leaves nothing half-done.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall, isConditionFailure } from './dynamo-errors';
import { PARTITION_KEY } from './tables';

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

const toOrder = (item: Record<string, unknown> | undefined): OrderRecord | undefined => {
  if (!item) return undefined;
  const { [PARTITION_KEY]: _key, ...order } = item;
  return order as OrderRecord;
};

export function ordersRepo({ doc }: SagaClients, table: string) {
  const get = async (orderId: string): Promise<OrderRecord | undefined> => {
    const out = await dynamoCall(() =>
      doc.send(new GetCommand({ TableName: table, Key: { [PARTITION_KEY]: orderId }, ConsistentRead: true })),
    );
    return toOrder(out.Item);
  };

  /** Sets the status if the current one is in `from`; otherwise reports the record as it is. */
  const transition = async (orderId: string, from: OrderStatus[], to: OrderStatus, now: string) => {
    const values = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    try {
      const out = await dynamoCall(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { [PARTITION_KEY]: orderId },
            UpdateExpression: 'SET #status = :to, updatedAt = :now',
            ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ...values, ':to': to, ':now': now },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return { changed: true, record: toOrder(out.Attributes) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { changed: false, record: await get(orderId) };
    }
  };

  return {
    get,
    /** Creates the order as PENDING unless one with this id exists (then returns that one). */
    async createPending(order: Omit<OrderRecord, 'status' | 'updatedAt'>): Promise<WriteOutcome<OrderRecord>> {
      const record: OrderRecord = { ...order, status: 'PENDING', updatedAt: order.createdAt };
      try {
        await dynamoCall(() =>
          doc.send(
            new PutCommand({
              TableName: table,
              Item: { [PARTITION_KEY]: order.orderId, ...record },
              ConditionExpression: `attribute_not_exists(${PARTITION_KEY})`,
            }),
          ),
        );
        return { changed: true, record };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { changed: false, record: await get(order.orderId) };
      }
    },
    confirm: (orderId: string, now: string): Promise<WriteOutcome<OrderRecord>> =>
      transition(orderId, ['PENDING'], 'CONFIRMED', now),
    cancel: (orderId: string, now: string): Promise<WriteOutcome<OrderRecord>> =>
      transition(orderId, ['PENDING', 'CONFIRMED'], 'CANCELLED', now),
  };
}
