/**
 * The order's values as of a moment of the saga's history, from what its handlers returned
 * (results, and the messages of steps that failed after writing; see lib/saga/partial-writes).
 * No database read, so a replay of a past, imported or AWS execution shows the data moving.
 * Pure and browser-safe.
 */
import { detailsOf, errorOf, isStateEnteredEvent } from '@/lib/history/event-details';
import type { HistoryEvent } from '@/lib/history/types';
import { isRecord, parsePayload } from '@/lib/core/values';
import { causeMessage } from '@/lib/history/values';
import { readChargeNote, readStockNote } from '@/lib/saga/partial-writes';
import { FORWARD_STEPS, type SagaStep } from '@/lib/saga/steps';
import { sagaOrderOf } from '@/lib/saga/order-of';
import type { OrderData } from './order-view';

/** What the replayed data panel shows: the live panel's fields that a history can tell. */
export type OrderAt = Omit<OrderData, 'notifications'> & {
  paymentAmount?: number;
  notifications: string[];
  /** the event that last changed a value, for "as of" wording; undefined before any */
  changedAt?: number;
};

type Result = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v !== 'NONE' ? v : undefined);

/** A handler's result: a Lambda by ARN reports it as is, `lambda:invoke` wraps it in Payload. */
function resultOf(event: HistoryEvent): Result | undefined {
  const output = parsePayload(detailsOf(event)?.output);
  if (!isRecord(output)) return undefined;
  return isRecord(output.Payload) ? output.Payload : output;
}

/** What each step's success says of the order. */
const ON_SUCCESS: Partial<Record<SagaStep | 'NotifyFailure', (o: OrderAt, r: Result) => void>> = {
  CreateOrder: (o, r) => {
    o.orderStatus = str(r.status) ?? o.orderStatus;
  },
  UpdateInventory: (o, r) => {
    o.sku = str(r.sku) ?? o.sku;
    o.stockBefore = num(r.stockBefore) ?? o.stockBefore;
    o.stockAfter = num(r.stockAfter) ?? o.stockAfter;
    o.stockNow = num(r.stockAfter) ?? o.stockNow;
  },
  ProcessPayment: (o, r) => {
    o.paymentStatus = str(r.status) ?? o.paymentStatus;
    o.paymentAmount = num(r.amount) ?? o.paymentAmount;
  },
  Notify: (o, r) => {
    o.orderStatus = str(r.orderStatus) ?? o.orderStatus;
    o.notifications.push('ORDER_CONFIRMED');
  },
  PaymentRefund: (o, r) => {
    o.paymentStatus = str(r.status) ?? o.paymentStatus;
    o.paymentAmount = num(r.amount) ?? o.paymentAmount;
  },
  InventoryRollback: (o, r) => {
    o.stockBefore ??= num(r.stockBefore);
    // Nothing held any more: the order leaves the stock where it found it.
    const returned = r.changed === true || (num(r.quantity) ?? 0) > 0;
    if (returned && o.stockBefore !== undefined) o.stockAfter = o.stockBefore;
    o.stockNow = num(r.stockAfter) ?? o.stockNow;
  },
  CancelOrder: (o, r) => {
    o.orderStatus = str(r.status) ?? o.orderStatus;
  },
  NotifyFailure: (o) => {
    o.notifications.push('ORDER_ROLLED_BACK');
  },
};

/** What a failure after the write says (the failure switches fire after the step wrote). */
const ON_FAILURE: Partial<Record<string, (o: OrderAt, message: string) => void>> = {
  OrderCreationFailed: (o) => {
    o.orderStatus ??= 'PENDING';
  },
  InventoryUpdateFailed: (o, message) => {
    const levels = readStockNote(message);
    if (!levels) return;
    o.stockBefore = levels.stockBefore;
    o.stockAfter = levels.stockAfter;
    o.stockNow = levels.stockAfter;
  },
  PaymentFailed: (o, message) => {
    const amount = readChargeNote(message);
    if (amount === undefined) return;
    o.paymentStatus = 'CHARGED';
    o.paymentAmount = amount;
  },
};

const SUCCEEDED = new Set(['LambdaFunctionSucceeded', 'TaskSucceeded']);
const FAILED = new Set(['LambdaFunctionFailed', 'TaskFailed']);

/**
 * The order as of the first `upTo` events (all when omitted). The saga runs one state at a
 * time, so a handler's event belongs to the state entered last.
 */
export function orderAt(orderId: string, events: readonly HistoryEvent[], upTo = events.length): OrderAt {
  const order: OrderAt = { orderId, notifications: [] };
  let state: string | undefined;
  for (let i = 0; i < Math.min(upTo, events.length); i++) {
    const event = events[i] as HistoryEvent;
    if (isStateEnteredEvent(event)) {
      state = typeof event.stateEnteredEventDetails.name === 'string' ? event.stateEnteredEventDetails.name : undefined;
      continue;
    }
    if (state === undefined) continue;
    if (SUCCEEDED.has(event.type)) {
      const result = resultOf(event);
      const apply = ON_SUCCESS[state as SagaStep];
      if (result && apply) {
        apply(order, result);
        order.changedAt = event.id;
      }
    } else if (FAILED.has(event.type)) {
      const { error, cause } = errorOf(event);
      const apply = error === undefined ? undefined : ON_FAILURE[error];
      if (apply) {
        apply(order, causeMessage(cause));
        order.changedAt = event.id;
      }
    }
  }
  return order;
}

/**
 * The order an imported history works on, when it is the saga's (it enters the first
 * forward step); derived from the input and name the way the handlers derive it.
 */
export function sagaOrderIdOf(events: readonly HistoryEvent[], executionName: string): string | undefined {
  const sagaLike = events.some((e) => isStateEnteredEvent(e) && e.stateEnteredEventDetails.name === FORWARD_STEPS[0]);
  if (!sagaLike) return undefined;
  const started = events.find((e) => e.type === 'ExecutionStarted');
  return sagaOrderOf(parsePayload(started && detailsOf(started)?.input), executionName)?.orderId;
}
