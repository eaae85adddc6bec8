/**
 * Creates the saga's tables and seeds stock when they are missing: what CDK does on
 * deploy, done against the local DynamoDB. Idempotent, so every engine start may run it.
 */
import {
  CreateTableCommand,
  ListTablesCommand,
  PutItemCommand,
  ResourceInUseException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { SagaDataConfig } from '@/lib/env';
import { isConditionFailure } from '@/lib/saga-data/dynamo-errors';
import { PARTITION_KEY, SAGA_TABLE_KEYS, SEED_CONDITION, SEED_STOCK, stockSeedItem } from '@/lib/saga-data/tables';

export async function ensureSagaTables(client: DynamoDBClient, tables: SagaDataConfig['tables']): Promise<void> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const key of SAGA_TABLE_KEYS) {
    const name = tables[key];
    if (existing.has(name)) continue;
    try {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: PARTITION_KEY, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    } catch (error) {
      // Another process created it between our list and create: fine.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  for (const seed of SEED_STOCK) {
    try {
      await client.send(
        new PutItemCommand({ TableName: tables.inventory, Item: stockSeedItem(seed), ConditionExpression: SEED_CONDITION }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
