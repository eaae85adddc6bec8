/**
 * Stock per SKU. A reservation is a map entry keyed by order id INSIDE the stock item, so
 * taking stock and recording who took it is one conditional UpdateItem: there is no moment
 * where stock is gone but unrecorded (dynalite has no transactions to paper over that).
 * The same entry makes a replay a no-op and lets the rollback return exactly what was taken.
 */
import { GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall, isConditionFailure } from './dynamo-errors';
import { PARTITION_KEY } from './tables';

export type Reservation = { quantity: number; status: 'RESERVED' | 'RELEASED' };

export type StockRecord = {
  sku: string;
  name?: string;
  available: number;
  reservations: Record<string, Reservation>;
  /** the `available` figure each order saw just before taking its stock */
  stockBefore: Record<string, number>;
};

export type ReserveOutcome =
  | { kind: 'reserved' | 'already-reserved'; stock: StockRecord }
  | { kind: 'released-earlier'; stock: StockRecord }
  | { kind: 'insufficient'; stock: StockRecord }
  | { kind: 'unknown-sku' };

export type InventoryRepo = ReturnType<typeof inventoryRepo>;

const toStock = (item: Record<string, unknown>): StockRecord => {
  const { [PARTITION_KEY]: sku, ...rest } = item;
  return { sku: String(sku), reservations: {}, stockBefore: {}, ...rest } as StockRecord;
};

export function inventoryRepo({ doc }: SagaClients, table: string) {
  // Writes ask only for the attributes they changed: the stock item carries every order's
  // reservation, and returning all of it on each write made the hot SKU a bottleneck.
  const get = async (sku: string): Promise<StockRecord | undefined> => {
    const out = await dynamoCall(() =>
      doc.send(new GetCommand({ TableName: table, Key: { [PARTITION_KEY]: sku }, ConsistentRead: true })),
    );
    return out.Item && 'available' in out.Item ? toStock(out.Item) : undefined;
  };

  return {
    get,
    /** Every stock item (attempt counters share the table, so keep items that carry stock). */
    async list(): Promise<StockRecord[]> {
      const out = await dynamoCall(() =>
        doc.send(new ScanCommand({ TableName: table, FilterExpression: 'attribute_exists(available)' })),
      );
      return (out.Items ?? []).map(toStock).sort((a, b) => a.sku.localeCompare(b.sku));
    },
    async reserve(sku: string, orderId: string, quantity: number): Promise<ReserveOutcome> {
      try {
        const out = await dynamoCall(() =>
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: { [PARTITION_KEY]: sku },
              // Right-hand sides read the item as it was before this update: stockBefore
              // records the level this order saw.
              UpdateExpression: 'SET available = available - :q, reservations.#o = :r, stockBefore.#o = available',
              ConditionExpression: `attribute_exists(${PARTITION_KEY}) AND available >= :q AND attribute_not_exists(reservations.#o)`,
              ExpressionAttributeNames: { '#o': orderId },
              ExpressionAttributeValues: { ':q': quantity, ':r': { quantity, status: 'RESERVED' } satisfies Reservation },
              ReturnValues: 'UPDATED_NEW',
            }),
          ),
        );
        return { kind: 'reserved', stock: toStock({ ...out.Attributes, [PARTITION_KEY]: sku }) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const stock = await get(sku);
        if (!stock) return { kind: 'unknown-sku' };
        const existing = stock.reservations[orderId];
        if (existing?.status === 'RESERVED') return { kind: 'already-reserved', stock };
        // Rolled back already: taking the stock again would undo the rollback.
        if (existing?.status === 'RELEASED') return { kind: 'released-earlier', stock };
        return { kind: 'insufficient', stock };
      }
    },
    /** Puts back exactly what this order reserved; no reservation (or released) => no change. */
    async release(sku: string, orderId: string): Promise<{ changed: boolean; stock: StockRecord | undefined }> {
      try {
        const out = await dynamoCall(() =>
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: { [PARTITION_KEY]: sku },
              UpdateExpression: 'SET available = available + reservations.#o.quantity, reservations.#o.#status = :released',
              ConditionExpression: 'reservations.#o.#status = :reserved',
              ExpressionAttributeNames: { '#o': orderId, '#status': 'status' },
              ExpressionAttributeValues: { ':reserved': 'RESERVED', ':released': 'RELEASED' },
              ReturnValues: 'UPDATED_NEW',
            }),
          ),
        );
        return { changed: true, stock: toStock({ ...out.Attributes, [PARTITION_KEY]: sku }) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { changed: false, stock: await get(sku) };
      }
    },
  };
}
