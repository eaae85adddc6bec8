/**
 * Everything the dashboard's data panel shows for one order, read straight from the tables
 * (same code locally and on AWS). Showing the data, not only the execution status, is what
 * exposes a compensation that "succeeded" without undoing anything.
 */
import type { SagaDataConfig } from '@/lib/env';
import type { SagaClients } from './clients';
import { inventoryRepo, type Reservation } from './inventory-repo';
import { notificationsRepo, type NotificationRecord } from './notifications-repo';
import { ordersRepo, type OrderRecord } from './orders-repo';
import { paymentIdFor, paymentsRepo, type PaymentRecord } from './payments-repo';

export type OrderRecords = {
  orderId: string;
  order: OrderRecord | undefined;
  stock:
    | {
        sku: string;
        /** on hand now */
        available: number;
        /** what this order took, if anything, and whether it was put back */
        reservation: Reservation | undefined;
        /** on hand just before this order took its stock */
        stockBefore: number | undefined;
      }
    | undefined;
  payment: PaymentRecord | undefined;
  notifications: NotificationRecord[];
};

export async function readOrderRecords(
  clients: SagaClients,
  tables: SagaDataConfig['tables'],
  orderId: string,
  sku: string,
): Promise<OrderRecords> {
  const inventory = inventoryRepo(clients, tables.inventory);
  const [order, stock, reservation, payment, notifications] = await Promise.all([
    ordersRepo(clients, tables.orders).get(orderId),
    inventory.get(sku),
    inventory.getReservation(orderId),
    paymentsRepo(clients, tables.payments).get(paymentIdFor(orderId)),
    notificationsRepo(clients, tables.notifications).listForOrder(orderId),
  ]);
  return {
    orderId,
    order,
    stock: stock && {
      sku,
      available: stock.available,
      // A step caught between its two writes shows its marker until it finishes.
      reservation: reservation ? { quantity: reservation.quantity, status: reservation.status } : stock.reservations[orderId],
      stockBefore: reservation?.stockBefore ?? stock.stockBefore[orderId],
    },
    payment,
    notifications,
  };
}
