/**
 * Release records for the `holdStep` switch. A held step waits until the record
 * `hold#<orderId>#<step>` exists in its own table, so a test (or a presenter) decides when
 * it goes on, and no Lambda needs a table other than its own. Each step's table is
 * `holdTableOf`.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaStep } from '@/lib/saga/steps';
import type { SagaClients } from './clients';
import { dynamoCall } from './dynamo-errors';
import { PARTITION_KEY, type SagaTableKey } from './tables';

export type HoldsRepo = {
  isReleased(orderId: string, step: SagaStep): Promise<boolean>;
  release(orderId: string, step: SagaStep): Promise<void>;
};

/** The table each step's release record lives in: the step's own (its IAM grant). */
export const HOLD_TABLE: Record<SagaStep, SagaTableKey> = {
  CreateOrder: 'orders',
  UpdateInventory: 'inventory',
  ProcessPayment: 'payments',
  Notify: 'notifications',
  PaymentRefund: 'payments',
  InventoryRollback: 'inventory',
  CancelOrder: 'orders',
};

const holdKey = (orderId: string, step: SagaStep) => ({ [PARTITION_KEY]: `hold#${orderId}#${step}` });

export function holdsRepo({ doc }: SagaClients, table: string): HoldsRepo {
  return {
    async isReleased(orderId, step) {
      const out = await dynamoCall(() => doc.send(new GetCommand({ TableName: table, Key: holdKey(orderId, step), ConsistentRead: true })));
      return out.Item !== undefined;
    },
    /** Idempotent: releasing twice, or before the step got there, is the same as once. */
    async release(orderId, step) {
      await dynamoCall(() => doc.send(new PutCommand({ TableName: table, Item: holdKey(orderId, step) })));
    },
  };
}
