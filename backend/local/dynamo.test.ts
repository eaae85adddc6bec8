import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSagaClients } from '@/lib/saga-data/clients';
import { inventoryRepo } from '@/lib/saga-data/inventory-repo';
import { SEED_STOCK } from '@/lib/saga-data/tables';
import { sagaDataConfig } from '@/lib/env';
import { startLocalDynamo } from './dynamo';

const dataDir = mkdtempSync(join(tmpdir(), 'saga-dynamo-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const { tables, region } = sagaDataConfig({ NODE_ENV: 'test' });
const inventoryAt = (endpoint: string) => inventoryRepo(createSagaClients({ dynamoEndpoint: endpoint, region }), tables.inventory);

describe('startLocalDynamo', () => {
  it('creates the tables, seeds stock, and keeps data across a restart without reseeding', async () => {
    const first = await startLocalDynamo({ port: 0, dataDir });
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const seeded = await inventoryAt(first.endpoint).list();
    expect(seeded.map((s) => [s.sku, s.available])).toEqual(
      [...SEED_STOCK].sort((a, b) => a.sku.localeCompare(b.sku)).map((s) => [s.sku, s.available]),
    );
    await inventoryAt(first.endpoint).reserve('sku-gizmo', 'ord-persist', 5);
    await first.close();

    const second = await startLocalDynamo({ port: 0, dataDir });
    const gizmo = await inventoryAt(second.endpoint).get('sku-gizmo');
    expect(gizmo?.available).toBe(95);
    expect(await inventoryAt(second.endpoint).getReservation('ord-persist')).toMatchObject({ quantity: 5, status: 'RESERVED' });
    await second.close();
  });
});
