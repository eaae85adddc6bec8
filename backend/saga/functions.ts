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
import { powertoolsStepLogger, type StepLoggerFactory } from './step-log';

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
  logger: StepLoggerFactory = powertoolsStepLogger,
): Record<SagaFunctionKey, SagaHandler> {
  return sagaFunctionsOver(createSagaClients(data), data.tables, effects, logger);
}

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** The handlers over given clients (tests pass one that fails on purpose). */
export function sagaFunctionsOver(
  clients: SagaClients,
  tables: SagaDataConfig['tables'],
  effects: Effects,
  logger: StepLoggerFactory = powertoolsStepLogger,
): Record<SagaFunctionKey, SagaHandler> {
  const orders = ordersRepo(clients, tables.orders);
  const inventory = inventoryRepo(clients, tables.inventory);
  const payments = paymentsRepo(clients, tables.payments);
  const notifications = notificationsRepo(clients, tables.notifications);
  // Each step counts its flaky attempts in its own table, keeping IAM grants per table.
  const attemptsIn = (table: string) => attemptsRepo(clients, table);
  // The holdStep switch's release records, likewise in each step's own table.
  const holdsOf = (step: keyof typeof HOLD_TABLE) => holdsRepo(clients, tables[HOLD_TABLE[step]]);
  // Every step logs its start, and its result or its failure, under the keys the dashboard reads it by.
  const run =
    (key: SagaFunctionKey, step: (ctx: TaskContext) => Promise<unknown>): SagaHandler =>
    async (event) => {
      const ctx = readTaskEvent(event);
      // A direct invoke (no `$$.State.Name` in the event) is logged under the function's own step.
      const stateName = ctx.stateName ?? key;
      const log = logger({ executionName: ctx.executionName, stateName, orderId: ctx.orderId });
      log.info(`${stateName} started`, { redriveCount: ctx.redriveCount });
      try {
        const result = await step(ctx);
        log.info(`${stateName} succeeded`, { result: result as Record<string, unknown> });
        return result;
      } catch (error) {
        log.error(`${stateName} failed: ${messageOf(error)}`, error instanceof Error ? error : String(error));
        throw error;
      }
    };

  return {
    CreateOrder: run('CreateOrder', (ctx) => createOrder(ctx, { ...effects, orders, attempts: attemptsIn(tables.orders), holds: holdsOf('CreateOrder') })),
    UpdateInventory: run('UpdateInventory', (ctx) => updateInventory(ctx, { ...effects, inventory, attempts: attemptsIn(tables.inventory), holds: holdsOf('UpdateInventory') })),
    ProcessPayment: run('ProcessPayment', (ctx) => processPayment(ctx, { ...effects, payments, attempts: attemptsIn(tables.payments), holds: holdsOf('ProcessPayment') })),
    Notify: run('Notify', (ctx) => notify(ctx, { ...effects, orders, notifications, attempts: attemptsIn(tables.notifications), holds: holdsOf('Notify') })),
    PaymentRefund: run('PaymentRefund', (ctx) => paymentRefund(ctx, { ...effects, payments, holds: holdsOf('PaymentRefund') })),
    InventoryRollback: run('InventoryRollback', (ctx) => inventoryRollback(ctx, { ...effects, inventory, holds: holdsOf('InventoryRollback') })),
    CancelOrder: run('CancelOrder', (ctx) => cancelOrder(ctx, { ...effects, orders, holds: holdsOf('CancelOrder') })),
    NotifyFailure: run('NotifyFailure', (ctx) => notifyFailure(ctx, { ...effects, notifications })),
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
