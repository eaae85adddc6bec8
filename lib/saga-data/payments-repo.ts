/** Payments: one per order (deterministic id), CHARGED -> REFUNDED, each a single conditional write. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall, isConditionFailure } from './dynamo-errors';
import type { WriteOutcome } from './orders-repo';
import { PARTITION_KEY } from './tables';

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

const toPayment = (item: Record<string, unknown> | undefined): PaymentRecord | undefined => {
  if (!item) return undefined;
  const { [PARTITION_KEY]: _key, ...payment } = item;
  return payment as PaymentRecord;
};

export function paymentsRepo({ doc }: SagaClients, table: string) {
  const get = async (paymentId: string): Promise<PaymentRecord | undefined> => {
    const out = await dynamoCall(() =>
      doc.send(new GetCommand({ TableName: table, Key: { [PARTITION_KEY]: paymentId }, ConsistentRead: true })),
    );
    return toPayment(out.Item);
  };

  return {
    get,
    /** Charges once per order: a second call finds the payment and changes nothing. */
    async charge(orderId: string, amount: number, now: string): Promise<WriteOutcome<PaymentRecord>> {
      const record: PaymentRecord = { paymentId: paymentIdFor(orderId), orderId, amount, status: 'CHARGED', chargedAt: now };
      try {
        await dynamoCall(() =>
          doc.send(
            new PutCommand({
              TableName: table,
              Item: { [PARTITION_KEY]: record.paymentId, ...record },
              ConditionExpression: `attribute_not_exists(${PARTITION_KEY})`,
            }),
          ),
        );
        return { changed: true, record };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { changed: false, record: await get(record.paymentId) };
      }
    },
    /** Refunds a CHARGED payment; no payment or already refunded => no change. */
    async refund(orderId: string, now: string): Promise<WriteOutcome<PaymentRecord>> {
      const paymentId = paymentIdFor(orderId);
      try {
        const out = await dynamoCall(() =>
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: { [PARTITION_KEY]: paymentId },
              UpdateExpression: 'SET #status = :refunded, refundedAt = :now',
              ConditionExpression: '#status = :charged',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':charged': 'CHARGED', ':refunded': 'REFUNDED', ':now': now },
              ReturnValues: 'ALL_NEW',
            }),
          ),
        );
        return { changed: true, record: toPayment(out.Attributes) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { changed: false, record: await get(paymentId) };
      }
    },
  };
}
