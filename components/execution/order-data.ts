import 'server-only';
import { createSagaClients, type SagaClients } from '@/backend/saga/data/clients';
import { readOrderRecords } from '@/backend/saga/data/read-order';
import { dashboardConfig } from '@/lib/env';
import { type OrderData, toOrderData } from './order-types';

let clients: SagaClients | undefined;

export async function readOrderData(orderId: string, sku: string): Promise<OrderData> {
  const { data } = dashboardConfig();
  clients ??= createSagaClients(data);
  return toOrderData(await readOrderRecords(clients, data.tables, orderId, sku));
}
