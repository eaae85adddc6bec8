/**
 * The notifications log: what the customer (or an operator) was told. One entry per order
 * and kind, with a deterministic id, so a retried notify never sends twice.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall } from './dynamo-errors';
import { keyedItems } from './keyed-items';
import { PARTITION_KEY } from './tables';

export const NOTIFICATION_KINDS = ['ORDER_CONFIRMED', 'ORDER_ROLLED_BACK', 'COMPENSATION_FAILED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationRecord = {
  notificationId: string;
  orderId: string;
  kind: NotificationKind;
  message: string;
  createdAt: string;
};

export const notificationIdFor = (orderId: string, kind: NotificationKind): string =>
  `ntf-${orderId}-${kind.toLowerCase().replaceAll('_', '-')}`;

export type NotificationsRepo = ReturnType<typeof notificationsRepo>;

export function notificationsRepo(clients: SagaClients, table: string) {
  const { doc } = clients;
  const items = keyedItems(clients, table);
  return {
    /** Records the notification unless this order already got one of this kind. */
    async record(orderId: string, kind: NotificationKind, message: string, now: string) {
      const record: NotificationRecord = { notificationId: notificationIdFor(orderId, kind), orderId, kind, message, createdAt: now };
      return { changed: await items.putIfAbsent(record.notificationId, record), record };
    },
    /** Every notification of an order, oldest first (ids are derived, so no index is needed). */
    async listForOrder(orderId: string): Promise<NotificationRecord[]> {
      const keys = NOTIFICATION_KINDS.map((kind) => ({ [PARTITION_KEY]: notificationIdFor(orderId, kind) }));
      const out = await dynamoCall(() =>
        doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } })),
      );
      return (out.Responses?.[table] ?? [])
        .map(({ [PARTITION_KEY]: _key, ...n }) => n as NotificationRecord)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
