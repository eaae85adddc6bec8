/**
 * The inventory against a real (in-memory) dynalite: stock is taken and returned exactly
 * once per order, even when a call dies between its two writes, and the stock item does
 * not grow with the number of orders it has served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo } from '@/backend/local/dynamo';
import { sagaDataConfig } from '@/lib/env';
import { createSagaClients, type SagaClients } from './clients';
import { crashingClients } from '@/lib/saga-data/testing/crashing-client';
import { inventoryRepo, type InventoryRepo } from './inventory-repo';

const { tables, region } = sagaDataConfig({ NODE_ENV: 'test' });
let clients: SagaClients;
let inventory: InventoryRepo;
let close: () => Promise<void>;

beforeAll(async () => {
  const dynamo = await startLocalDynamo({ port: 0, tables });
  clients = createSagaClients({ dynamoEndpoint: dynamo.endpoint, region });
  inventory = inventoryRepo(clients, tables.inventory);
  close = dynamo.close;
});
afterAll(() => close?.());

const available = async (sku: string) => (await inventory.get(sku))?.available;
const itemSize = async (sku: string) => JSON.stringify(await inventory.get(sku)).length;

/** Dies before the reservation-item write (each call's second write), as a Lambda killed mid-call would. */
const dyingBeforeRecord = () => inventoryRepo(crashingClients(clients, { afterWrites: 1, moment: 'before-send' }).clients, tables.inventory);

describe('inventoryRepo', () => {
  it('takes stock once, records the reservation apart, and returns it once', async () => {
    const start = await available('sku-gadget');
    const first = await inventory.reserve('sku-gadget', 'ord-inv-1', 4);
    expect(first).toMatchObject({ kind: 'reserved', reservation: { quantity: 4, status: 'RESERVED', stockBefore: start } });
    expect(await inventory.reserve('sku-gadget', 'ord-inv-1', 4)).toMatchObject({ kind: 'already-reserved' });
    expect(await available('sku-gadget')).toBe(start! - 4);

    expect((await inventory.release('sku-gadget', 'ord-inv-1')).changed).toBe(true);
    expect((await inventory.release('sku-gadget', 'ord-inv-1')).changed).toBe(false);
    expect(await available('sku-gadget')).toBe(start);
    // Taking it again after the rollback would undo the rollback.
    expect(await inventory.reserve('sku-gadget', 'ord-inv-1', 4)).toMatchObject({ kind: 'released-earlier' });
    expect(await available('sku-gadget')).toBe(start);
    expect(await inventory.getReservation('ord-inv-1')).toMatchObject({ status: 'RELEASED', quantity: 4, stockBefore: start });
  });

  it('returns nothing for an order that never took stock, and refuses more than is left', async () => {
    const start = await available('sku-rare');
    expect(await inventory.release('sku-rare', 'ord-never')).toMatchObject({ changed: false });
    expect(await inventory.reserve('sku-rare', 'ord-greedy', start! + 1)).toMatchObject({ kind: 'insufficient' });
    expect(await inventory.reserve('sku-none', 'ord-x', 1)).toEqual({ kind: 'unknown-sku' });
    expect(await available('sku-rare')).toBe(start);
    expect(await inventory.getReservation('ord-greedy')).toBeUndefined();
  });

  it('keeps the stock item the same size however many orders it serves', async () => {
    const sizeAtStart = await itemSize('sku-widget');
    for (let i = 0; i < 200; i++) {
      await inventory.reserve('sku-widget', `ord-many-${i}`, 1);
      if (i % 2 === 0) await inventory.release('sku-widget', `ord-many-${i}`);
    }
    // Only the number changes (digits can differ by a character or two), never the maps.
    expect(Math.abs((await itemSize('sku-widget')) - sizeAtStart)).toBeLessThanOrEqual(2);
    expect(await inventory.get('sku-widget')).toMatchObject({ reservations: {}, stockBefore: {} });
  });

  it('finishes a take that died between its writes without taking twice, and can still roll it back', async () => {
    const start = await available('sku-gizmo');
    const dying = dyingBeforeRecord();
    await expect(dying.reserve('sku-gizmo', 'ord-crash-1', 3)).rejects.toThrow('killed before-send');
    expect(await available('sku-gizmo')).toBe(start! - 3);

    // The retry finds the marker and records the reservation from it.
    expect(await inventory.reserve('sku-gizmo', 'ord-crash-1', 3)).toMatchObject({
      kind: 'already-reserved',
      reservation: { quantity: 3, stockBefore: start },
    });
    expect(await available('sku-gizmo')).toBe(start! - 3);
    expect((await inventory.release('sku-gizmo', 'ord-crash-1')).changed).toBe(true);
    expect(await available('sku-gizmo')).toBe(start);
  });

  it('rolls back a take that died between its writes, straight from the marker', async () => {
    const start = await available('sku-gizmo');
    const dying = dyingBeforeRecord();
    await expect(dying.reserve('sku-gizmo', 'ord-crash-2', 2)).rejects.toThrow('killed before-send');
    expect((await inventory.release('sku-gizmo', 'ord-crash-2')).changed).toBe(true);
    expect(await available('sku-gizmo')).toBe(start);
    expect(await inventory.get('sku-gizmo')).toMatchObject({ reservations: {}, stockBefore: {} });
  });

  it('finishes a return that died between its writes without returning twice', async () => {
    const start = await available('sku-gadget');
    await inventory.reserve('sku-gadget', 'ord-crash-3', 5);
    const dying = dyingBeforeRecord();
    await expect(dying.release('sku-gadget', 'ord-crash-3')).rejects.toThrow('killed before-send');
    expect(await available('sku-gadget')).toBe(start);
    expect((await inventory.release('sku-gadget', 'ord-crash-3')).changed).toBe(true);
    expect(await available('sku-gadget')).toBe(start);
    expect(await inventory.getReservation('ord-crash-3')).toMatchObject({ status: 'RELEASED' });
  });

  it('resumes a take that died after recording it but before dropping its marker: no marker left, release still works', async () => {
    const start = await available('sku-gizmo');
    const dying = inventoryRepo(crashingClients(clients, { afterWrites: 2, moment: 'before-send' }).clients, tables.inventory);
    await expect(dying.reserve('sku-gizmo', 'ord-crash-4', 2)).rejects.toThrow('killed before-send write 3');
    expect((await inventory.get('sku-gizmo'))?.reservations).toHaveProperty('ord-crash-4');

    expect(await inventory.reserve('sku-gizmo', 'ord-crash-4', 2)).toMatchObject({ kind: 'already-reserved' });
    expect(await inventory.get('sku-gizmo')).toMatchObject({ available: start! - 2, reservations: {}, stockBefore: {} });
    expect((await inventory.release('sku-gizmo', 'ord-crash-4')).changed).toBe(true);
    expect(await inventory.get('sku-gizmo')).toMatchObject({ available: start, reservations: {}, stockBefore: {} });
  });

  it('overlapping attempts for one order (a stopped run still working while its redrive starts) take and return stock once', async () => {
    const start = await available('sku-gizmo');
    // Whatever the interleaving, each attempt either answers for the one take or asks to be retried.
    const retried = async <T>(call: () => Promise<T>): Promise<T> => {
      for (;;) {
        try {
          return await call();
        } catch (error) {
          if ((error as Error).name !== 'TransientError') throw error;
        }
      }
    };
    for (let round = 0; round < 5; round++) {
      const orderId = `ord-overlap-${round}`;
      const takes = await Promise.all([1, 2, 3].map(() => retried(() => inventory.reserve('sku-gizmo', orderId, 2))));
      expect(takes.map((t) => t.kind).sort()).toEqual(['already-reserved', 'already-reserved', 'reserved']);
      const returns = await Promise.all([1, 2].map(() => retried(() => inventory.release('sku-gizmo', orderId))));
      expect(returns.filter((r) => r.changed)).toHaveLength(1);
    }
    expect(await available('sku-gizmo')).toBe(start);
    expect((await inventory.get('sku-gizmo'))?.reservations).toEqual({});
  });
});
