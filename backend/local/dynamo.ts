/**
 * The saga's DynamoDB, locally: dynalite (the DynamoDB API over LevelDB) on 127.0.0.1,
 * persisted under `<dataDir>/dynamodb`, with the saga's tables created and stock seeded.
 * The handlers talk to it through the ordinary SDK; only the endpoint differs from AWS.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sagaDataConfig, type SagaDataConfig } from '@/lib/env';
import { ensureSagaTables } from './saga-tables';

export type LocalDynamo = { endpoint: string; close: () => Promise<void> };

export type LocalDynamoOptions = {
  /** 0 picks a free port */
  port: number;
  /** omitted: in memory (tests, benchmarks) */
  dataDir?: string;
  tables?: SagaDataConfig['tables'];
};

export async function startLocalDynamo({ port, dataDir, tables = sagaDataConfig().tables }: LocalDynamoOptions): Promise<LocalDynamo> {
  const path = dataDir === undefined ? undefined : join(dataDir, 'dynamodb');
  if (path) mkdirSync(path, { recursive: true });
  // Table states would otherwise stay CREATING for 500 ms and reject writes.
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));

  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    await ensureSagaTables(client, tables);
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, close };
}
