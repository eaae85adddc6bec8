/**
 * Every repository function and every handler, killed at every write boundary against a
 * real (in-memory) dynalite: before write k+1 is sent and after it is applied unseen. Then
 * the work resumes with a healthy client, as Step Functions would: either the same call
 * runs again and then the rollback, or the rollback runs straight away (a crashed Lambda's
 * error is caught, not retried). The boundaries are counted from an uncrashed run, so a new
 * write is covered without editing this file.
 */
import { capturingStepLogger, discardedStepLogs } from '@/backend/engine/step-logs';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo } from '@/backend/local/dynamo';
import { sagaDataConfig } from '@/lib/env';
import { attemptsRepo } from '@/lib/saga-data/attempts-repo';
import { createSagaClients, type SagaClients } from '@/lib/saga-data/clients';
import { CRASH_MOMENTS, crashingClients, SimulatedCrash, type CrashPlan } from '@/lib/saga-data/testing/crashing-client';
import { inventoryRepo } from '@/lib/saga-data/inventory-repo';
import { notificationsRepo } from '@/lib/saga-data/notifications-repo';
import { ordersRepo } from '@/lib/saga-data/orders-repo';
import { paymentsRepo } from '@/lib/saga-data/payments-repo';
import { PARTITION_KEY, SAGA_TABLE_KEYS } from '@/lib/saga-data/tables';
import { sagaFunctionsOver, type SagaFunctionKey } from './functions';

const { tables, region } = sagaDataConfig({ NODE_ENV: 'test' });
const STOCK = 50;
const effects = { now: () => '2030-01-01T00:00:00.000Z', sleep: async () => {} };

let healthy: SagaClients;
let close: () => Promise<void>;
beforeAll(async () => {
  const dynamo = await startLocalDynamo({ port: 0, tables });
  healthy = createSagaClients({ dynamoEndpoint: dynamo.endpoint, region });
  close = dynamo.close;
});
afterAll(() => close?.());

/** What one case's code can reach, over one client. */
function world(clients: SagaClients) {
  return {
    orders: ordersRepo(clients, tables.orders),
    inventory: inventoryRepo(clients, tables.inventory),
    payments: paymentsRepo(clients, tables.payments),
    notifications: notificationsRepo(clients, tables.notifications),
    handlers: sagaFunctionsOver(clients, tables, effects, capturingStepLogger(discardedStepLogs)),
  };
}
type World = ReturnType<typeof world>;
type Step = (w: World, id: string) => Promise<unknown>;

type Case = {
  name: string;
  setup?: Step[];
  act: Step;
  /** what runs after the step failed: the definition's rollback for it */
  rollback: Step[];
};

// Fixed width, so no case's id is part of another's: every key a case writes contains it.
let counter = 0;
const nextId = () => `c${String(++counter).padStart(5, '0')}`;
const sku = (id: string) => `sku-${id}`;

const handler = (key: SagaFunctionKey, outcome?: string): Step => (w, id) =>
  w.handlers[key]({
    executionName: id,
    payload: { orderId: `ord-${id}`, item: sku(id), quantity: 3, amount: 10, failProcessPayment: true },
    ...(outcome ? { outcome } : {}),
  });
const ROLLBACK_HANDLERS = [handler('PaymentRefund'), handler('InventoryRollback'), handler('CancelOrder')];

const repo = {
  reserve: ((w, id) => w.inventory.reserve(sku(id), `ord-${id}`, 3)) satisfies Step,
  release: ((w, id) => w.inventory.release(sku(id), `ord-${id}`)) satisfies Step,
  create: ((w, id) => w.orders.createPending({ orderId: `ord-${id}`, sku: sku(id), quantity: 3, amount: 10, executionName: id, createdAt: effects.now() })) satisfies Step,
  confirm: ((w, id) => w.orders.confirm(`ord-${id}`, effects.now())) satisfies Step,
  cancel: ((w, id) => w.orders.cancel(`ord-${id}`, effects.now())) satisfies Step,
  charge: ((w, id) => w.payments.charge(`ord-${id}`, 10, effects.now())) satisfies Step,
  refund: ((w, id) => w.payments.refund(`ord-${id}`, effects.now())) satisfies Step,
  notify: ((w, id) => w.notifications.record(`ord-${id}`, 'ORDER_ROLLED_BACK', 'rolled back', effects.now())) satisfies Step,
};

const CASES: Case[] = [
  { name: 'inventory.reserve', act: repo.reserve, rollback: [repo.release] },
  { name: 'inventory.release', setup: [repo.reserve], act: repo.release, rollback: [] },
  { name: 'orders.createPending', act: repo.create, rollback: [repo.cancel] },
  { name: 'orders.confirm', setup: [repo.create], act: repo.confirm, rollback: [repo.cancel] },
  { name: 'orders.cancel', setup: [repo.create], act: repo.cancel, rollback: [] },
  { name: 'payments.charge', act: repo.charge, rollback: [repo.refund] },
  { name: 'payments.refund', setup: [repo.charge], act: repo.refund, rollback: [] },
  { name: 'notifications.record', act: repo.notify, rollback: [] },
  { name: 'CreateOrder', act: handler('CreateOrder'), rollback: ROLLBACK_HANDLERS },
  { name: 'UpdateInventory', setup: [handler('CreateOrder')], act: handler('UpdateInventory'), rollback: ROLLBACK_HANDLERS },
  { name: 'ProcessPayment', setup: [handler('CreateOrder'), handler('UpdateInventory')], act: handler('ProcessPayment'), rollback: ROLLBACK_HANDLERS },
  { name: 'Notify', setup: [handler('CreateOrder'), handler('UpdateInventory')], act: handler('Notify'), rollback: ROLLBACK_HANDLERS },
  { name: 'PaymentRefund', setup: [handler('CreateOrder'), handler('ProcessPayment')], act: handler('PaymentRefund'), rollback: [] },
  { name: 'InventoryRollback', setup: [handler('CreateOrder'), handler('UpdateInventory')], act: handler('InventoryRollback'), rollback: [] },
  { name: 'CancelOrder', setup: [handler('CreateOrder')], act: handler('CancelOrder'), rollback: [] },
  { name: 'NotifyFailure', act: handler('NotifyFailure', 'ROLLED_BACK'), rollback: [] },
];

async function seed(id: string): Promise<void> {
  await healthy.doc.send(
    new PutCommand({ TableName: tables.inventory, Item: { [PARTITION_KEY]: sku(id), name: id, available: STOCK, reservations: {}, stockBefore: {} } }),
  );
}

/** Every item this case wrote, in every table, with its id blanked so cases compare. */
async function snapshot(id: string): Promise<string> {
  const items: Record<string, unknown[]> = {};
  for (const key of SAGA_TABLE_KEYS) {
    const out = await healthy.doc.send(
      new ScanCommand({ TableName: tables[key], ConsistentRead: true, FilterExpression: 'contains(pk, :id)', ExpressionAttributeValues: { ':id': id } }),
    );
    items[key] = (out.Items ?? []).sort((a, b) => String(a.pk).localeCompare(String(b.pk)));
  }
  return JSON.stringify(items).replaceAll(id, 'ID');
}

/**
 * What the caller sees: a result or an error name. A replay may say it is one (`changed:
 * false`, `already-reserved`); a call that died after its last write cannot tell the next
 * one, so only the rest of the answer must match.
 */
async function outcomeOf(step: Promise<unknown>, id: string): Promise<string> {
  try {
    const result = await step;
    const replayBlind = (key: string, value: unknown) =>
      key === 'changed' ? undefined : key === 'kind' && value === 'already-reserved' ? 'reserved' : value;
    return JSON.stringify(result, replayBlind).replaceAll(id, 'ID');
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    return `throws ${(error as Error).name}`;
  }
}

async function invariants(id: string) {
  const w = world(healthy);
  const stock = await w.inventory.get(sku(id));
  return {
    markers: { reservations: stock?.reservations, stockBefore: stock?.stockBefore },
    available: stock?.available,
  };
}

/** After a rollback: stock all back, no marker, no charge kept, no order left open. */
async function expectRolledBack(id: string, label: string) {
  const w = world(healthy);
  expect(await invariants(id), label).toEqual({ markers: { reservations: {}, stockBefore: {} }, available: STOCK });
  expect((await w.payments.get(`pay-ord-${id}`))?.status ?? 'NONE', label).not.toBe('CHARGED');
  expect((await w.orders.get(`ord-${id}`))?.status ?? 'NONE', label).not.toMatch(/PENDING|CONFIRMED/);
}

async function prepare(c: Case): Promise<string> {
  const id = nextId();
  await seed(id);
  for (const step of c.setup ?? []) await outcomeOf(step(world(healthy), id), id);
  return id;
}

describe('a crash at any write leaves work the next call finishes or rolls back', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      // The uncrashed run: how many writes, what it answers, the data after it and after the rollback.
      const baseId = await prepare(c);
      const counting = crashingClients(healthy);
      const answer = await outcomeOf(c.act(world(counting.clients), baseId), baseId);
      const writes = counting.writes();
      expect(writes, 'every case writes something').toBeGreaterThan(0);
      const afterAct = await snapshot(baseId);
      for (const step of c.rollback) await outcomeOf(step(world(healthy), baseId), baseId);
      const afterRollback = await snapshot(baseId);
      const baseInvariants = await invariants(baseId);
      expect(baseInvariants.markers).toEqual({ reservations: {}, stockBefore: {} });

      for (let k = 0; k < writes; k++) {
        for (const moment of CRASH_MOMENTS) {
          const plan: CrashPlan = { afterWrites: k, moment };
          const label = `${c.name}, killed ${moment} write ${k + 1} of ${writes}`;

          // Resumed: the same call again, then the rollback.
          const id = await prepare(c);
          await expect(c.act(world(crashingClients(healthy, plan).clients), id), label).rejects.toThrow(SimulatedCrash);
          expect(await outcomeOf(c.act(world(healthy), id), id), `${label}: answer of the re-run`).toBe(answer);
          expect(await snapshot(id), `${label}: data after the re-run`).toBe(afterAct);
          for (const step of c.rollback) await outcomeOf(step(world(healthy), id), id);
          expect(await snapshot(id), `${label}: data after the rollback`).toBe(afterRollback);

          // Rolled back straight after the crash.
          if (c.rollback.length === 0) continue;
          const direct = await prepare(c);
          await expect(c.act(world(crashingClients(healthy, plan).clients), direct), label).rejects.toThrow(SimulatedCrash);
          for (const step of c.rollback) await outcomeOf(step(world(healthy), direct), direct);
          await expectRolledBack(direct, `${label}, then rolled back`);
        }
      }
    });
  }

  it('attempts.next counts a try that died after its write, and never one that died before it', async () => {
    const attempts = (clients: SagaClients) => attemptsRepo(clients, tables.orders);
    for (const moment of CRASH_MOMENTS) {
      const id = nextId();
      await expect(attempts(crashingClients(healthy, { afterWrites: 0, moment }).clients).next(id, 'CreateOrder')).rejects.toThrow(SimulatedCrash);
      // A try is a try even if it crashed: flakyAttempts counts what the step went through.
      expect(await attempts(healthy).next(id, 'CreateOrder')).toBe(moment === 'after-apply' ? 2 : 1);
    }
  });
});
