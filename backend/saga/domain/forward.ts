/**
 * The forward steps. Each writes only to its own table, every write idempotent, then applies its failure switch AFTER the write: a failing step
 * has partly applied, which is why its own compensation runs first.
 */
import type { AttemptsRepo } from '@/lib/saga-data/attempts-repo';
import type { HoldsRepo } from '@/lib/saga-data/holds-repo';
import type { InventoryRepo } from '@/lib/saga-data/inventory-repo';
import type { NotificationsRepo } from '@/lib/saga-data/notifications-repo';
import type { OrdersRepo } from '@/lib/saga-data/orders-repo';
import type { PaymentsRepo } from '@/lib/saga-data/payments-repo';
import {
  InventoryUnavailable,
  InventoryUpdateFailed,
  OrderClosed,
  OrderCreationFailed,
  PaymentFailed,
} from '@/lib/saga/errors';
import { chargeNote, stockNote } from '@/lib/saga/partial-writes';
import { holdUntilReleased, simulateFlakiness, simulateLatency, type Effects } from './faults';
import { requireInput, type TaskContext } from './task-event';

export async function createOrder(ctx: TaskContext, deps: Effects & { orders: OrdersRepo; attempts: AttemptsRepo; holds: HoldsRepo }) {
  const input = requireInput(ctx);
  await holdUntilReleased(input, 'CreateOrder', ctx.orderId, deps);
  await simulateLatency(input, deps);
  await simulateFlakiness(input, 'CreateOrder', ctx.orderId, deps.attempts);
  const { record } = await deps.orders.createPending({
    orderId: ctx.orderId,
    sku: input.item,
    quantity: input.quantity,
    amount: input.amount,
    executionName: ctx.executionName,
    createdAt: deps.now(),
  });
  if (record?.status === 'CANCELLED') throw new OrderClosed(`Order ${ctx.orderId} was cancelled earlier; start a new order`);
  if (input.failCreateOrder) throw new OrderCreationFailed(`CreateOrder failed on purpose after writing order ${ctx.orderId} (failCreateOrder)`);
  return { orderId: ctx.orderId, status: record?.status ?? 'PENDING' };
}

export async function updateInventory(ctx: TaskContext, deps: Effects & { inventory: InventoryRepo; attempts: AttemptsRepo; holds: HoldsRepo }) {
  const input = requireInput(ctx);
  await holdUntilReleased(input, 'UpdateInventory', ctx.orderId, deps);
  await simulateLatency(input, deps);
  await simulateFlakiness(input, 'UpdateInventory', ctx.orderId, deps.attempts);
  const outcome = await deps.inventory.reserve(input.item, ctx.orderId, input.quantity);
  switch (outcome.kind) {
    case 'unknown-sku':
      throw new InventoryUnavailable(`No stock record for ${input.item}`);
    case 'insufficient':
      throw new InventoryUnavailable(`Only ${outcome.stock.available} of ${input.item} left; ${input.quantity} wanted`);
    case 'released-earlier':
      throw new OrderClosed(`Stock for order ${ctx.orderId} was already returned; start a new order`);
    case 'reserved':
    case 'already-reserved':
      break;
  }
  if (input.failInventoryUpdate) {
    const taken = { stockBefore: outcome.reservation.stockBefore, stockAfter: outcome.stock.available };
    throw new InventoryUpdateFailed(
      `UpdateInventory failed on purpose after taking ${input.quantity} ${input.item}, ${stockNote(taken)} (failInventoryUpdate)`,
    );
  }
  return {
    sku: input.item,
    quantity: input.quantity,
    stockBefore: outcome.reservation.stockBefore,
    stockAfter: outcome.stock.available,
  };
}

export async function processPayment(ctx: TaskContext, deps: Effects & { payments: PaymentsRepo; attempts: AttemptsRepo; holds: HoldsRepo }) {
  const input = requireInput(ctx);
  await holdUntilReleased(input, 'ProcessPayment', ctx.orderId, deps);
  await simulateLatency(input, deps);
  await simulateFlakiness(input, 'ProcessPayment', ctx.orderId, deps.attempts);
  const { record } = await deps.payments.charge(ctx.orderId, input.amount, deps.now());
  if (input.failProcessPayment) {
    throw new PaymentFailed(`ProcessPayment failed on purpose after ${chargeNote(input.amount)} (failProcessPayment)`);
  }
  return { paymentId: record?.paymentId, amount: record?.amount, status: record?.status };
}

/** Confirms the order, then logs the confirmation; a retry after a crash in between finishes the job. */
export async function notify(
  ctx: TaskContext,
  deps: Effects & { orders: OrdersRepo; notifications: NotificationsRepo; attempts: AttemptsRepo; holds: HoldsRepo },
) {
  const input = requireInput(ctx);
  await holdUntilReleased(input, 'Notify', ctx.orderId, deps);
  await simulateLatency(input, deps);
  await simulateFlakiness(input, 'Notify', ctx.orderId, deps.attempts);
  const { record } = await deps.orders.confirm(ctx.orderId, deps.now());
  if (record?.status !== 'CONFIRMED') {
    throw new OrderClosed(`Order ${ctx.orderId} is ${record?.status ?? 'missing'}, it cannot be confirmed`);
  }
  const message = `Order ${ctx.orderId} confirmed: ${input.quantity} x ${input.item}, ${input.amount} charged`;
  const { record: notification } = await deps.notifications.record(ctx.orderId, 'ORDER_CONFIRMED', message, deps.now());
  return { notificationId: notification.notificationId, orderStatus: record.status };
}
