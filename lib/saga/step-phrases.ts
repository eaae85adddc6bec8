/**
 * The saga's steps in a presenter's words: what a step did, read from the result its Lambda
 * returned, and what a step had already done when it failed with one of the saga's own
 * errors (each is thrown after the step's write, see errors.ts). Pure and browser-safe.
 * A result of another shape (another machine's state of the same name) gives undefined,
 * and the narration falls back to plain words.
 */
import { isRecord } from '../core/values';
import type { SagaInput } from './input';
import { isCompensationStep, isForwardStep, UNDOES, type SagaStep } from './steps';

/** The order as the execution input gives it (parsed, defaults filled). */
export type OrderFacts = Pick<SagaInput, 'item' | 'quantity' | 'amount'> & { orderId?: string };

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** `1 × sku-widget` */
const items = (quantity: number | undefined, sku: string | undefined) =>
  sku === undefined ? undefined : `${String(quantity ?? 1)} × ${sku}`;

type Phrase = (result: Record<string, unknown>, order: OrderFacts | undefined) => string | undefined;

const PHRASES: Record<SagaStep | 'NotifyFailure', Phrase> = {
  CreateOrder: (r) => (text(r.orderId) ? `created order ${String(r.orderId)}` : undefined),
  UpdateInventory: (r) => {
    const what = items(num(r.quantity), text(r.sku));
    const before = num(r.stockBefore);
    const after = num(r.stockAfter);
    if (!what) return undefined;
    return before !== undefined && after !== undefined ? `reserved ${what} (stock ${String(before)} → ${String(after)})` : `reserved ${what}`;
  },
  ProcessPayment: (r, order) => {
    const amount = num(r.amount) ?? order?.amount;
    return amount === undefined ? undefined : `charged ${String(amount)}`;
  },
  Notify: (r) => (r.orderStatus === 'CONFIRMED' ? 'confirmed the order and told the customer' : undefined),
  PaymentRefund: (r, order) => {
    if (r.changed === false) return 'found nothing to refund';
    return r.status === 'REFUNDED' ? `refunded ${order ? String(order.amount) : 'the payment'}` : undefined;
  },
  InventoryRollback: (r, order) => {
    if (r.changed === false) return 'found no stock to put back';
    const what = items(order?.quantity, text(r.sku) ?? order?.item) ?? 'the stock';
    const after = num(r.stockAfter);
    return after === undefined ? `put ${what} back` : `put ${what} back (stock ${String(after)})`;
  },
  CancelOrder: (r) => {
    if (r.changed === false) return 'found no order to cancel';
    return r.status === 'CANCELLED' ? `cancelled order ${text(r.orderId) ?? ''}`.trimEnd() : undefined;
  },
  NotifyFailure: (r) => (text(r.notificationId) ? 'told the customer the order was rolled back' : undefined),
};

const hasPhrase = (step: string): step is keyof typeof PHRASES => Object.hasOwn(PHRASES, step);

/** What a saga step did, from its Lambda's result: "charged 49.99". */
export function sagaStepDid(step: string, result: unknown, order: OrderFacts | undefined): string | undefined {
  if (!hasPhrase(step) || !isRecord(result)) return undefined;
  // A compensation given an input it refuses writes nothing and says so.
  if (typeof result.skipped === 'string') return 'wrote nothing';
  return PHRASES[step](result, order);
}

/** What a saga step had done before it threw this error (the saga throws these after writing). */
const DONE_BEFORE: Record<string, (order: OrderFacts | undefined) => string | undefined> = {
  OrderCreationFailed: (o) => (o?.orderId ? `wrote order ${o.orderId}` : 'wrote the order'),
  InventoryUpdateFailed: (o) => `took ${items(o?.quantity, o?.item) ?? 'the stock'}`,
  PaymentFailed: (o) => (o ? `charged ${String(o.amount)}` : 'charged the card'),
};

export function sagaDoneBeforeFailing(step: string, error: string | undefined, order: OrderFacts | undefined): string | undefined {
  if (!isForwardStep(step) || error === undefined || !Object.hasOwn(DONE_BEFORE, error)) return undefined;
  return DONE_BEFORE[error]?.(order);
}

/** The forward step a saga compensation undoes, by the saga's pairs. */
export const sagaStepUndone = (step: string): string | undefined => (isCompensationStep(step) ? UNDOES[step] : undefined);
