/**
 * Stock per SKU, and each order's reservation of it.
 *
 * The reservation lives in its own item (`reservation#<orderId>`, same table), so the stock
 * item stays the same size however many orders it has served: a map of every order inside
 * it would reach DynamoDB's 400 KB item limit after a few thousand orders and slow every
 * write to the SKU long before that.
 *
 * Without transactions (dynalite has none), taking stock and recording who took it cannot
 * be one write to two items. So each change to `available` also writes a marker for the
 * order into the stock item in the same conditional UpdateItem (`reservations.<orderId>`,
 * plus `stockBefore.<orderId>` when taking). The marker makes the change happen once;
 * the reservation item is then written from it, and only then is the marker removed. A
 * crash anywhere leaves either nothing, or a marker that the next attempt finishes from.
 * Markers therefore exist only while a step is in flight. Step Functions runs one attempt
 * of a task at a time, so two attempts for the same order never race each other.
 */
import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall, isConditionFailure } from './dynamo-errors';
import { PARTITION_KEY } from './tables';

export type Reservation = { quantity: number; status: 'RESERVED' | 'RELEASED' };

/** What one order took from one SKU, and the level it saw just before. */
export type ReservationRecord = Reservation & { orderId: string; sku: string; stockBefore: number };

export type StockRecord = {
  sku: string;
  name?: string;
  available: number;
  /** in-flight markers only: orders whose take or return is between its two writes */
  reservations: Record<string, Reservation>;
  stockBefore: Record<string, number>;
};

export type ReserveOutcome =
  | { kind: 'reserved' | 'already-reserved'; stock: StockRecord; reservation: ReservationRecord }
  | { kind: 'released-earlier'; stock: StockRecord | undefined; reservation: ReservationRecord }
  | { kind: 'insufficient'; stock: StockRecord }
  | { kind: 'unknown-sku' };

export type ReleaseOutcome = { changed: boolean; stock: StockRecord | undefined };

export type InventoryRepo = ReturnType<typeof inventoryRepo>;

const reservationKey = (orderId: string) => `reservation#${orderId}`;

const withoutMarker = (stock: StockRecord, orderId: string): StockRecord => {
  const { [orderId]: _r, ...reservations } = stock.reservations;
  const { [orderId]: _b, ...stockBefore } = stock.stockBefore;
  return { ...stock, reservations, stockBefore };
};

const toStock = (item: Record<string, unknown>): StockRecord => {
  const { [PARTITION_KEY]: sku, ...rest } = item;
  return { sku: String(sku), reservations: {}, stockBefore: {}, ...rest } as StockRecord;
};

export function inventoryRepo({ doc }: SagaClients, table: string) {
  const get = async (sku: string): Promise<StockRecord | undefined> => {
    const out = await dynamoCall(() =>
      doc.send(new GetCommand({ TableName: table, Key: { [PARTITION_KEY]: sku }, ConsistentRead: true })),
    );
    return out.Item && 'available' in out.Item ? toStock(out.Item) : undefined;
  };

  const getReservation = async (orderId: string): Promise<ReservationRecord | undefined> => {
    const out = await dynamoCall(() =>
      doc.send(new GetCommand({ TableName: table, Key: { [PARTITION_KEY]: reservationKey(orderId) }, ConsistentRead: true })),
    );
    if (!out.Item) return undefined;
    const { [PARTITION_KEY]: _key, ...reservation } = out.Item;
    return reservation as ReservationRecord;
  };

  const putReservation = async (reservation: ReservationRecord): Promise<void> => {
    await dynamoCall(() =>
      doc.send(new PutCommand({ TableName: table, Item: { [PARTITION_KEY]: reservationKey(reservation.orderId), ...reservation } })),
    );
  };

  /** Drops the order's marker once its reservation item says the same thing. */
  const clearMarker = async (sku: string, orderId: string): Promise<void> => {
    try {
      await dynamoCall(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { [PARTITION_KEY]: sku },
            UpdateExpression: 'REMOVE reservations.#o, stockBefore.#o',
            // Never create a stock item by removing from one that does not exist.
            ConditionExpression: `attribute_exists(${PARTITION_KEY})`,
            ExpressionAttributeNames: { '#o': orderId },
          }),
        ),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  };

  /** Records the reservation a crash left as a marker only (if there is one) and drops the marker. */
  const finishFromMarker = async (stock: StockRecord | undefined, orderId: string): Promise<ReservationRecord | undefined> => {
    const marker = stock?.reservations[orderId];
    const stockBefore = stock?.stockBefore[orderId];
    if (!stock || !marker || marker.status !== 'RESERVED' || stockBefore === undefined) return undefined;
    const reservation: ReservationRecord = { orderId, sku: stock.sku, quantity: marker.quantity, status: 'RESERVED', stockBefore };
    await putReservation(reservation);
    await clearMarker(stock.sku, orderId);
    return reservation;
  };

  /** The order's reservation, finished from its marker if need be; undefined: it never took stock. */
  const settle = async (sku: string, orderId: string): Promise<ReservationRecord | undefined> =>
    (await getReservation(orderId)) ?? finishFromMarker(await get(sku), orderId);

  return {
    get,
    getReservation,
    /** Every stock item (reservations and attempt counters share the table and carry no `available`). */
    async list(): Promise<StockRecord[]> {
      const out = await dynamoCall(() =>
        doc.send(new ScanCommand({ TableName: table, FilterExpression: 'attribute_exists(available)' })),
      );
      return (out.Items ?? []).map(toStock).sort((a, b) => a.sku.localeCompare(b.sku));
    },

    async reserve(sku: string, orderId: string, quantity: number): Promise<ReserveOutcome> {
      const earlier = await getReservation(orderId);
      if (earlier) {
        const stock = await get(sku);
        if (earlier.status === 'RELEASED') return { kind: 'released-earlier', stock, reservation: earlier };
        if (!stock) return { kind: 'unknown-sku' };
        return { kind: 'already-reserved', stock, reservation: earlier };
      }
      let stock: StockRecord;
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
              ReturnValues: 'ALL_NEW',
            }),
          ),
        );
        stock = toStock({ ...out.Attributes, [PARTITION_KEY]: sku });
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // An earlier attempt may have taken the stock and died before recording it.
        const current = await get(sku);
        if (!current) return { kind: 'unknown-sku' };
        const recovered = await finishFromMarker(current, orderId);
        return recovered
          ? { kind: 'already-reserved', stock: withoutMarker(current, orderId), reservation: recovered }
          : { kind: 'insufficient', stock: current };
      }
      const reservation: ReservationRecord = {
        orderId,
        sku,
        quantity,
        status: 'RESERVED',
        stockBefore: stock.stockBefore[orderId] ?? stock.available + quantity,
      };
      await putReservation(reservation);
      await clearMarker(sku, orderId);
      return { kind: 'reserved', stock: withoutMarker(stock, orderId), reservation };
    },

    /** Puts back exactly what this order reserved; no reservation (or released) => no change. */
    async release(sku: string, orderId: string): Promise<ReleaseOutcome> {
      const reservation = await settle(sku, orderId);
      if (!reservation) return { changed: false, stock: await get(sku) };
      if (reservation.status === 'RELEASED') {
        await clearMarker(sku, orderId); // a crash may have left the return's marker behind
        return { changed: false, stock: await get(sku) };
      }
      let stock: StockRecord | undefined;
      try {
        const out = await dynamoCall(() =>
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: { [PARTITION_KEY]: sku },
              ReturnValues: 'ALL_NEW',
              UpdateExpression: 'SET available = available + :q, reservations.#o = :r',
              ConditionExpression: `attribute_exists(${PARTITION_KEY}) AND attribute_not_exists(reservations.#o)`,
              ExpressionAttributeNames: { '#o': orderId },
              ExpressionAttributeValues: { ':q': reservation.quantity, ':r': { quantity: reservation.quantity, status: 'RELEASED' } satisfies Reservation },
            }),
          ),
        );
        stock = toStock({ ...out.Attributes, [PARTITION_KEY]: sku });
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // A return marker means an earlier attempt gave the stock back and died before
        // recording it: finish the record, do not return the stock twice.
        stock = await get(sku);
        if (stock?.reservations[orderId]?.status !== 'RELEASED') throw error;
      }
      await putReservation({ ...reservation, status: 'RELEASED' });
      await clearMarker(sku, orderId);
      return { changed: true, stock: withoutMarker(stock, orderId) };
    },
  };
}
