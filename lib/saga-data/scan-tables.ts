/**
 * Every record of the saga's tables, for checks across all orders (the invariants panel).
 * Full scans, page by page (a Scan page stops at 1 MB). Attempt counters and hold releases
 * share the tables and are left out by shape.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaDataConfig } from '@/lib/env';
import type { SagaClients } from './clients';
import { dynamoCall } from './dynamo-errors';
import type { ReservationRecord, StockRecord } from './inventory-repo';
import type { OrderRecord } from './orders-repo';
import type { PaymentRecord } from './payments-repo';
import { PARTITION_KEY } from './tables';

type Item = Record<string, unknown>;

async function scanAll(clients: SagaClients, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamoCall(() => clients.doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start })));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const withoutPk = (item: Item): Item => {
  const { [PARTITION_KEY]: _pk, ...rest } = item;
  return rest;
};

export type SagaTablesSnapshot = {
  stock: StockRecord[];
  reservations: ReservationRecord[];
  orders: OrderRecord[];
  payments: PaymentRecord[];
};

export async function scanSagaTables(clients: SagaClients, tables: SagaDataConfig['tables']): Promise<SagaTablesSnapshot> {
  const [inventory, orders, payments] = await Promise.all([
    scanAll(clients, tables.inventory),
    scanAll(clients, tables.orders),
    scanAll(clients, tables.payments),
  ]);
  const pk = (item: Item) => String(item[PARTITION_KEY]);
  return {
    stock: inventory
      .filter((i) => 'available' in i)
      .map((i) => ({ reservations: {}, stockBefore: {}, ...withoutPk(i), sku: pk(i) }) as StockRecord)
      .sort((a, b) => a.sku.localeCompare(b.sku)),
    reservations: inventory.filter((i) => pk(i).startsWith('reservation#')).map((i) => withoutPk(i) as ReservationRecord),
    orders: orders.filter((i) => 'orderId' in i && 'status' in i).map((i) => withoutPk(i) as OrderRecord),
    payments: payments.filter((i) => 'paymentId' in i).map((i) => withoutPk(i) as PaymentRecord),
  };
}
