/**
 * dynalite alone: the DynamoDB API over LevelDB on 127.0.0.1, persisted under
 * `<dataDir>/dynamodb` (in memory without one). It imports nothing but dynalite and node
 * and uses only erasable TypeScript, so the DynamoDB thread runs it on node's own type
 * stripping: that thread loads no tsx, no AWS SDK and no zod, which it never uses.
 */
import dynalite from 'dynalite';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type LocalDynamo = { endpoint: string; close: () => Promise<void> };

export async function listenDynalite(port: number, dataDir: string | undefined): Promise<LocalDynamo> {
  const path = dataDir === undefined ? undefined : join(dataDir, 'dynamodb');
  if (path) mkdirSync(path, { recursive: true });
  // Table states would otherwise stay CREATING for 500 ms and reject writes.
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
