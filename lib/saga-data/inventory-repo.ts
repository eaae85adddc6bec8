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
 * crash anywhere leaves either nothing, or a marker that the next call finishes from:
 * reserve and release both begin by settling what a dead attempt left (record the change
 * its marker shows, then drop every marker its reservation item agrees with), whichever of
 * them runs next. Markers therefore exist only while a step is in flight. Step Functions runs one attempt
 * of a task at a time, so two attempts for the same order never race each other.
 */
import { PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { TransientError } from '@/lib/saga/errors';
import { dynamoCall, isConditionFailure } from './dynamo-errors';
import { keyedItems, withoutKey } from './keyed-items';
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

/** `reservation`: what this order took and the level it saw before, once released (by this call or an earlier one). */
export type ReleaseOutcome = { changed: boolean; stock: StockRecord | undefined; reservation?: ReservationRecord };

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

export function inventoryRepo(clients: SagaClients, table: string) {
  const { doc } = clients;
  const items = keyedItems(clients, table);
  const get = async (sku: string): Promise<StockRecord | undefined> => {
    const item = await items.get(sku);
    return item && 'available' in item ? toStock(item) : undefined;
  };

  const getReservation = async (orderId: string): Promise<ReservationRecord | undefined> => {
    return withoutKey(await items.get(reservationKey(orderId))) as ReservationRecord | undefined;
  };

  const putReservation = async (reservation: ReservationRecord): Promise<void> => {
    await dynamoCall(() =>
      doc.send(new PutCommand({ TableName: table, Item: { [PARTITION_KEY]: reservationKey(reservation.orderId), ...reservation } })),
    );
  };

  /**
   * Drops the order's marker if it says what the reservation item already records. A marker
   * of the other kind is a change still to be recorded, and must stay until it is.
   */
  const clearMarker = async (sku: string, orderId: string, status: Reservation['status']): Promise<void> => {
    try {
      await dynamoCall(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { [PARTITION_KEY]: sku },
            UpdateExpression: 'REMOVE reservations.#o, stockBefore.#o',
            // Also never creates a stock item by removing from one that does not exist.
            ConditionExpression: 'reservations.#o.#s = :status',
            ExpressionAttributeNames: { '#o': orderId, '#s': 'status' },
            ExpressionAttributeValues: { ':status': status },
          }),
        ),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  };

  /**
   * Two attempts for one order can overlap: a stopped execution's Lambda keeps running while
   * its redrive starts the next. A stock write refused because the other attempt holds its
   * marker is an overlap, not a verdict: the definition retries the TransientError, and the
   * next try settles whatever the other attempt finished or left. Undefined: no overlap.
   */
  const overlap = async (sku: string, orderId: string, cause?: unknown): Promise<TransientError | undefined> =>
    (await get(sku))?.reservations[orderId] === undefined
      ? undefined
      : new TransientError(`Another attempt for order ${orderId} is changing ${sku}; retrying`, { cause });

  /**
   * Finishes whatever an earlier attempt left between its writes, so the caller starts from
   * a clean pair (reservation item, no marker): a marker whose change is not recorded yet
   * is recorded from the marker, then every marker the reservation item agrees with goes.
   * `finished` names the change this call recorded for a dead attempt, if any.
   */
  const settle = async (sku: string, orderId: string) => {
    const [recorded, current] = await Promise.all([getReservation(orderId), get(sku)]);
    let reservation = recorded;
    let finished: Reservation['status'] | undefined;
    const marker = current?.reservations[orderId];
    if (current && marker) {
      // A take with no reservation item yet, or a return its item does not show yet.
      const unrecorded = marker.status === 'RESERVED' ? reservation === undefined : reservation?.status === 'RESERVED';
      const stockBefore = reservation?.stockBefore ?? current.stockBefore[orderId];
      if (unrecorded && stockBefore !== undefined) {
        reservation = { orderId, sku, quantity: reservation?.quantity ?? marker.quantity, status: marker.status, stockBefore };
        await putReservation(reservation);
        finished = marker.status;
      }
      if (reservation?.status === marker.status) await clearMarker(sku, orderId, marker.status);
    }
    return { reservation, finished, stock: current && withoutMarker(current, orderId) };
  };

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
      const before = await settle(sku, orderId);
      if (before.reservation?.status === 'RELEASED') return { kind: 'released-earlier', stock: before.stock, reservation: before.reservation };
      if (!before.stock) return { kind: 'unknown-sku' };
      if (before.reservation) return { kind: 'already-reserved', stock: before.stock, reservation: before.reservation };
      const out = await items.updateIf(sku, {
        // Right-hand sides read the item as it was before this update: stockBefore
        // records the level this order saw.
        UpdateExpression: 'SET available = available - :q, reservations.#o = :r, stockBefore.#o = available',
        ConditionExpression: `attribute_exists(${PARTITION_KEY}) AND available >= :q AND attribute_not_exists(reservations.#o)`,
        ExpressionAttributeNames: { '#o': orderId },
        ExpressionAttributeValues: { ':q': quantity, ':r': { quantity, status: 'RESERVED' } satisfies Reservation },
      });
      if (!out) {
        // Refused: another attempt may have taken the stock for this order meanwhile (see overlap).
        const after = await settle(sku, orderId);
        if (after.reservation?.status === 'RESERVED' && after.stock) return { kind: 'already-reserved', stock: after.stock, reservation: after.reservation };
        if (after.reservation?.status === 'RELEASED') return { kind: 'released-earlier', stock: after.stock, reservation: after.reservation };
        const overlapping = await overlap(sku, orderId);
        if (overlapping) throw overlapping;
        return after.stock ? { kind: 'insufficient', stock: after.stock } : { kind: 'unknown-sku' };
      }
      const stock = toStock({ ...out.Attributes, [PARTITION_KEY]: sku });
      const reservation: ReservationRecord = {
        orderId,
        sku,
        quantity,
        status: 'RESERVED',
        stockBefore: stock.stockBefore[orderId] ?? stock.available + quantity,
      };
      await putReservation(reservation);
      await clearMarker(sku, orderId, 'RESERVED');
      return { kind: 'reserved', stock: withoutMarker(stock, orderId), reservation };
    },

    /** Puts back exactly what this order reserved; no reservation (or released) => no change. */
    async release(sku: string, orderId: string): Promise<ReleaseOutcome> {
      const before = await settle(sku, orderId);
      const { reservation } = before;
      // A return a dead attempt made and this call recorded is this call's change.
      if (!reservation || reservation.status === 'RELEASED') return { changed: before.finished === 'RELEASED', stock: before.stock, reservation };
      let out;
      try {
        out = await dynamoCall(() =>
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
      } catch (error) {
        throw (isConditionFailure(error) && (await overlap(sku, orderId, error))) || error;
      }
      const stock = toStock({ ...out.Attributes, [PARTITION_KEY]: sku });
      await putReservation({ ...reservation, status: 'RELEASED' });
      await clearMarker(sku, orderId, 'RELEASED');
      return { changed: true, stock: withoutMarker(stock, orderId), reservation: { ...reservation, status: 'RELEASED' } };
    },
  };
}
