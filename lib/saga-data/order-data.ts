/**
 * The dashboard's one adapter to the saga's tables: an order's records as the data panel
 * shows them. Server-only, like lib/sfn; the browser reaches it through /api/orders.
 */
import 'server-only';
import { createSagaClients, type SagaClients } from './clients';
import { readOrderRecords } from './read-order';
import { dashboardConfig } from '@/lib/env';
import { type OrderData, toOrderData } from './order-view';

let clients: SagaClients | undefined;

export async function readOrderData(orderId: string, sku: string): Promise<OrderData> {
  const { data } = dashboardConfig();
  clients ??= createSagaClients(data);
  return toOrderData(await readOrderRecords(clients, data.tables, orderId, sku));
}
