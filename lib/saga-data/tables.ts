/**
 * The saga's tables, defined once for the local bootstrap and the CDK construct: which
 * tables exist, their key, and the stock seeded into the inventory table.
 *
 * Every table has a string partition key `pk`: orders by order id, inventory by SKU,
 * payments by payment id, notifications by notification id. Each table also holds the
 * attempt counters of its own step (pk `attempt#<orderId>#<step>`), so a Lambda never
 * needs a table other than its own to simulate a flaky step.
 */
import type { SagaDataConfig } from '@/lib/env';

export const PARTITION_KEY = 'pk';

export type SagaTableKey = keyof SagaDataConfig['tables'];
export const SAGA_TABLE_KEYS = ['orders', 'inventory', 'payments', 'notifications'] as const satisfies readonly SagaTableKey[];

export type StockSeed = { sku: string; name: string; available: number };

/** Enough stock for demos; `sku-rare` is short on purpose so "out of stock" is one click away. */
export const SEED_STOCK: readonly StockSeed[] = [
  { sku: 'sku-widget', name: 'Widget', available: 1_000 },
  { sku: 'sku-gadget', name: 'Gadget', available: 500 },
  { sku: 'sku-gizmo', name: 'Gizmo', available: 100 },
  { sku: 'sku-rare', name: 'Rare collectible', available: 2 },
];

type AttributeValue = { S: string } | { N: string } | { M: Record<string, never> };

/**
 * A seed item in DynamoDB's low-level JSON. The local bootstrap sends it with PutItem and
 * the CDK custom resource embeds it in its SDK call, so both create the same item.
 * The two empty maps must exist: in-flight reservation markers are written as entries
 * inside them (see inventory-repo).
 */
export function stockSeedItem(seed: StockSeed): Record<string, AttributeValue> {
  return {
    [PARTITION_KEY]: { S: seed.sku },
    name: { S: seed.name },
    available: { N: String(seed.available) },
    reservations: { M: {} },
    stockBefore: { M: {} },
  };
}

/** Seeding must never reset stock that orders have already moved. */
export const SEED_CONDITION = `attribute_not_exists(${PARTITION_KEY})`;
