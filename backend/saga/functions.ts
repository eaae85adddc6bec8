/**
 * The saga's Lambdas, declared once: the local engine registers them by ARN, the CDK
 * construct deploys one function per entry and grants each only the tables listed here.
 * `createSagaFunctions` builds the handlers over one shared DynamoDB client.
 */
import type { SagaDataConfig } from '@/lib/env';
import { attemptsRepo } from '@/lib/saga-data/attempts-repo';
import { createSagaClients, type SagaClients } from '@/lib/saga-data/clients';
import { HOLD_TABLE, holdsRepo } from '@/lib/saga-data/holds-repo';
import { inventoryRepo } from '@/lib/saga-data/inventory-repo';
import { notificationsRepo } from '@/lib/saga-data/notifications-repo';
import { ordersRepo } from '@/lib/saga-data/orders-repo';
import { paymentsRepo } from '@/lib/saga-data/payments-repo';
import type { SagaTableKey } from '@/lib/saga-data/tables';
import { cancelOrder, inventoryRollback, paymentRefund } from './domain/compensations';
import type { Effects } from './domain/faults';
import { createOrder, notify, processPayment, updateInventory } from './domain/forward';
import { notifyFailure } from './domain/notify-failure';
import { readTaskEvent, type TaskContext } from './domain/task-event';
import { localLambdaArn } from './definition';

export type SagaFunctionSpec = {
  key: string;
  /** the `${...}` token in definition.asl.json */
  placeholder: string;
  functionName: string;
  /** file under backend/saga/lambda/ exporting `handler` */
  entry: string;
  /** the only tables this function may touch (its IAM grants on AWS) */
  tables: readonly SagaTableKey[];
};

export const SAGA_FUNCTIONS = [
  { key: 'CreateOrder', placeholder: 'CreateOrderFunctionArn', functionName: 'saga-create-order', entry: 'create-order', tables: ['orders'] },
  { key: 'UpdateInventory', placeholder: 'UpdateInventoryFunctionArn', functionName: 'saga-update-inventory', entry: 'update-inventory', tables: ['inventory'] },
  { key: 'ProcessPayment', placeholder: 'ProcessPaymentFunctionArn', functionName: 'saga-process-payment', entry: 'process-payment', tables: ['payments'] },
  { key: 'Notify', placeholder: 'NotifyFunctionArn', functionName: 'saga-notify', entry: 'notify', tables: ['orders', 'notifications'] },
  { key: 'PaymentRefund', placeholder: 'PaymentRefundFunctionArn', functionName: 'saga-payment-refund', entry: 'payment-refund', tables: ['payments'] },
  { key: 'InventoryRollback', placeholder: 'InventoryRollbackFunctionArn', functionName: 'saga-inventory-rollback', entry: 'inventory-rollback', tables: ['inventory'] },
  { key: 'CancelOrder', placeholder: 'CancelOrderFunctionArn', functionName: 'saga-cancel-order', entry: 'cancel-order', tables: ['orders'] },
  { key: 'NotifyFailure', placeholder: 'NotifyFailureFunctionArn', functionName: 'saga-notify-failure', entry: 'notify-failure', tables: ['notifications'] },
] as const satisfies readonly SagaFunctionSpec[];

export type SagaFunctionKey = (typeof SAGA_FUNCTIONS)[number]['key'];
export type SagaHandler = (event: unknown) => Promise<unknown>;

const realEffects: Effects = {
  now: () => new Date().toISOString(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function createSagaFunctions(
  data: Pick<SagaDataConfig, 'tables' | 'dynamoEndpoint' | 'region'>,
  effects: Effects = realEffects,
): Record<SagaFunctionKey, SagaHandler> {
  return sagaFunctionsOver(createSagaClients(data), data.tables, effects);
}

/** The handlers over given clients (tests pass one that fails on purpose). */
export function sagaFunctionsOver(
  clients: SagaClients,
  tables: SagaDataConfig['tables'],
  effects: Effects,
): Record<SagaFunctionKey, SagaHandler> {
  const orders = ordersRepo(clients, tables.orders);
  const inventory = inventoryRepo(clients, tables.inventory);
  const payments = paymentsRepo(clients, tables.payments);
  const notifications = notificationsRepo(clients, tables.notifications);
  // Each step counts its flaky attempts in its own table, keeping IAM grants per table.
  const attemptsIn = (table: string) => attemptsRepo(clients, table);
  // The holdStep switch's release records, likewise in each step's own table.
  const holdsOf = (step: keyof typeof HOLD_TABLE) => holdsRepo(clients, tables[HOLD_TABLE[step]]);
  const run =
    (step: (ctx: TaskContext) => Promise<unknown>): SagaHandler =>
    async (event) =>
      step(readTaskEvent(event));

  return {
    CreateOrder: run((ctx) => createOrder(ctx, { ...effects, orders, attempts: attemptsIn(tables.orders), holds: holdsOf('CreateOrder') })),
    UpdateInventory: run((ctx) => updateInventory(ctx, { ...effects, inventory, attempts: attemptsIn(tables.inventory), holds: holdsOf('UpdateInventory') })),
    ProcessPayment: run((ctx) => processPayment(ctx, { ...effects, payments, attempts: attemptsIn(tables.payments), holds: holdsOf('ProcessPayment') })),
    Notify: run((ctx) => notify(ctx, { ...effects, orders, notifications, attempts: attemptsIn(tables.notifications), holds: holdsOf('Notify') })),
    PaymentRefund: run((ctx) => paymentRefund(ctx, { ...effects, payments, holds: holdsOf('PaymentRefund') })),
    InventoryRollback: run((ctx) => inventoryRollback(ctx, { ...effects, inventory, holds: holdsOf('InventoryRollback') })),
    CancelOrder: run((ctx) => cancelOrder(ctx, { ...effects, orders, holds: holdsOf('CancelOrder') })),
    NotifyFailure: run((ctx) => notifyFailure(ctx, { ...effects, notifications })),
  };
}

/** Placeholder -> ARN for `sagaDefinition`, given how an environment names a function's ARN. */
export const sagaFunctionArns = (arnOf: (spec: SagaFunctionSpec) => string): Record<string, string> =>
  Object.fromEntries(SAGA_FUNCTIONS.map((spec) => [spec.placeholder, arnOf(spec)]));

/** The local ARN of every saga function, by placeholder: feed it to `sagaDefinition`. */
export const LOCAL_SAGA_ARNS: Record<string, string> = sagaFunctionArns((spec) => localLambdaArn(spec.functionName));

/** The local engine's registry: each local Lambda ARN and the handler to run in-process. */
export function localSagaHandlersByArn(handlers: Record<SagaFunctionKey, SagaHandler>): Map<string, SagaHandler> {
  return new Map(SAGA_FUNCTIONS.map((spec) => [localLambdaArn(spec.functionName), handlers[spec.key]]));
}
