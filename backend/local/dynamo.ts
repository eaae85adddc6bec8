/**
 * The saga's DynamoDB, locally: dynalite (the DynamoDB API over LevelDB) on 127.0.0.1,
 * persisted under `<dataDir>/dynamodb`, with the saga's tables created and stock seeded.
 * The handlers talk to it through the ordinary SDK; only the endpoint differs from AWS.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sagaDataConfig, type SagaDataConfig } from '@/lib/env';
import { listenDynalite, type LocalDynamo } from './dynalite-server';
import { ensureSagaTables } from './saga-tables';

export type { LocalDynamo } from './dynalite-server';

export type LocalDynamoOptions = {
  /** 0 picks a free port */
  port: number;
  /** omitted: in memory (tests, benchmarks) */
  dataDir?: string;
  tables?: SagaDataConfig['tables'];
};

/** Creates the saga's tables (and seeds stock) on a running local DynamoDB; closes it when that fails. */
export async function prepareSagaTables(dynamo: LocalDynamo, tables: SagaDataConfig['tables'] = sagaDataConfig().tables): Promise<LocalDynamo> {
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    await ensureSagaTables(client, tables);
  } catch (error) {
    await dynamo.close();
    throw error;
  } finally {
    client.destroy();
  }
  return dynamo;
}

export async function startLocalDynamo({ port, dataDir, tables }: LocalDynamoOptions): Promise<LocalDynamo> {
  return prepareSagaTables(await listenDynalite(port, dataDir), tables);
}
