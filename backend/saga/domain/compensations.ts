/**
 * The compensations. Each undoes exactly what its forward step wrote for this order (found
 * by the derived order id), succeeds without change when there is nothing to undo, and
 * never acts on an invalid input: such an input stopped CreateOrder before any write.
 */
import type { HoldsRepo } from '@/lib/saga-data/holds-repo';
import type { InventoryRepo } from '@/lib/saga-data/inventory-repo';
import type { OrdersRepo } from '@/lib/saga-data/orders-repo';
import type { PaymentsRepo } from '@/lib/saga-data/payments-repo';
import type { CompensationStep } from '@/lib/saga/steps';
import type { SagaInput } from '@/lib/saga/input';
import { CompensationStepFailed } from '@/lib/saga/errors';
import { holdUntilReleased, simulateLatency, type Effects } from './faults';
import type { TaskContext } from './task-event';

type Skipped = { changed: false; skipped: string };

/**
 * The shared prologue: hold, latency, the failCompensation switch, and the invalid-input guard.
 * The switch fails only the first run: it stands for an outage a person then fixes, so a
 * Redrive (RedriveCount 1+) of the stuck execution shows the rollback finishing.
 */
type CompensationDeps = Effects & { holds: HoldsRepo };

async function enter(ctx: TaskContext, step: CompensationStep, deps: CompensationDeps): Promise<SagaInput | Skipped> {
  await holdUntilReleased(ctx.input, step, ctx.orderId, deps);
  await simulateLatency(ctx.input, deps);
  if (!ctx.input) return { changed: false, skipped: `nothing was written: ${ctx.inputProblem ?? 'invalid input'}` };
  if (ctx.input.failCompensation === step && ctx.redriveCount === 0) {
    throw new CompensationStepFailed(`${step} failed on purpose for order ${ctx.orderId} (failCompensation; a Redrive succeeds)`);
  }
  return ctx.input;
}

const isSkipped = (v: SagaInput | Skipped): v is Skipped => 'skipped' in v;

export async function paymentRefund(ctx: TaskContext, deps: CompensationDeps & { payments: PaymentsRepo }) {
  const input = await enter(ctx, 'PaymentRefund', deps);
  if (isSkipped(input)) return input;
  const { changed, record } = await deps.payments.refund(ctx.orderId, deps.now());
  // The amount too, so a replay of the history shows the money move with no database read.
  return { changed, paymentId: record?.paymentId, amount: record?.amount, status: record?.status ?? 'NONE' };
}

export async function inventoryRollback(ctx: TaskContext, deps: CompensationDeps & { inventory: InventoryRepo }) {
  const input = await enter(ctx, 'InventoryRollback', deps);
  if (isSkipped(input)) return input;
  const { changed, stock, reservation } = await deps.inventory.release(input.item, ctx.orderId);
  // What came back and the level the order first saw (stockBefore, as UpdateInventory reported
  // it), so a replay of the history shows the rollback with no database read. Read from the
  // stored reservation, so a retried call answers the same.
  const released = reservation?.status === 'RELEASED' ? reservation : undefined;
  return { changed, sku: input.item, quantity: released?.quantity ?? 0, stockBefore: released?.stockBefore, stockAfter: stock?.available };
}

export async function cancelOrder(ctx: TaskContext, deps: CompensationDeps & { orders: OrdersRepo }) {
  const input = await enter(ctx, 'CancelOrder', deps);
  if (isSkipped(input)) return input;
  const { changed, record } = await deps.orders.cancel(ctx.orderId, deps.now());
  return { changed, orderId: ctx.orderId, status: record?.status ?? 'NONE' };
}
