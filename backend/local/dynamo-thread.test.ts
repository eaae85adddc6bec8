import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSagaClients } from '@/lib/saga-data/clients';
import { inventoryRepo } from '@/lib/saga-data/inventory-repo';
import { sagaDataConfig } from '@/lib/env';
import { startLocalDynamoThread } from './dynamo-thread';

const dataDir = mkdtempSync(join(tmpdir(), 'saga-dynamo-thread-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const { tables, region } = sagaDataConfig({ NODE_ENV: 'test' });
const inventoryAt = (endpoint: string) => inventoryRepo(createSagaClients({ dynamoEndpoint: endpoint, region }), tables.inventory);

describe('startLocalDynamoThread', () => {
  it('serves the seeded tables from its own thread and keeps writes across a restart', async () => {
    const first = await startLocalDynamoThread({ port: 0, dataDir });
    await inventoryAt(first.endpoint).reserve('sku-gadget', 'ord-thread', 2);
    await first.close();

    const second = await startLocalDynamoThread({ port: 0, dataDir });
    expect((await inventoryAt(second.endpoint).get('sku-gadget'))?.available).toBe(498);
    await second.close();
  });

  it('says why when it cannot start, instead of hanging', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(startLocalDynamoThread({ port, dataDir: join(dataDir, 'other') })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      taken.close();
    }
  });
});
