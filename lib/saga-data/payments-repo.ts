/** Payments: one per order (deterministic id), CHARGED -> REFUNDED, each a single conditional write. */
import type { SagaClients } from './clients';
import { keyedItems, withoutKey } from './keyed-items';
import type { WriteOutcome } from './orders-repo';

export type PaymentStatus = 'CHARGED' | 'REFUNDED';

export type PaymentRecord = {
  paymentId: string;
  orderId: string;
  amount: number;
  status: PaymentStatus;
  chargedAt: string;
  refundedAt?: string;
};

export const paymentIdFor = (orderId: string): string => `pay-${orderId}`;

export type PaymentsRepo = ReturnType<typeof paymentsRepo>;

const toPayment = (item: Record<string, unknown> | undefined) => withoutKey(item) as PaymentRecord | undefined;

export function paymentsRepo(clients: SagaClients, table: string) {
  const items = keyedItems(clients, table);
  const get = async (paymentId: string): Promise<PaymentRecord | undefined> => toPayment(await items.get(paymentId));

  return {
    get,
    /** Charges once per order: a second call finds the payment and changes nothing. */
    async charge(orderId: string, amount: number, now: string): Promise<WriteOutcome<PaymentRecord>> {
      const record: PaymentRecord = { paymentId: paymentIdFor(orderId), orderId, amount, status: 'CHARGED', chargedAt: now };
      if (await items.putIfAbsent(record.paymentId, record)) return { changed: true, record };
      return { changed: false, record: await get(record.paymentId) };
    },
    /** Refunds a CHARGED payment; no payment or already refunded => no change. */
    async refund(orderId: string, now: string): Promise<WriteOutcome<PaymentRecord>> {
      const paymentId = paymentIdFor(orderId);
      const out = await items.updateIf(paymentId, {
        UpdateExpression: 'SET #status = :refunded, refundedAt = :now',
        ConditionExpression: '#status = :charged',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':charged': 'CHARGED', ':refunded': 'REFUNDED', ':now': now },
      });
      return out ? { changed: true, record: toPayment(out.Attributes) } : { changed: false, record: await get(paymentId) };
    },
  };
}
