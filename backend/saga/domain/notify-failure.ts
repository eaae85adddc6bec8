/**
 * The last Task of a rolled-back saga: log what went wrong and return the Cause the final
 * Fail state reports (its CausePath), naming the forward step that failed. A rollback that
 * could not finish never gets here: it stops at the failed compensation, and the alert for
 * it comes from the execution's status change (see compensation-alert.ts).
 */
import type { NotificationsRepo } from '@/lib/saga-data/notifications-repo';
import type { ForwardStep } from '@/lib/saga/steps';
import { causeMessage } from '@/lib/history/values';
import { simulateLatency, type Effects } from './faults';
import type { StepError, TaskContext } from './task-event';

/** The definition's Catch ResultPath key of each forward step (`$.errors.<key>`). */
export const ERROR_KEYS: Record<ForwardStep, string> = {
  CreateOrder: 'createOrder',
  UpdateInventory: 'inventory',
  ProcessPayment: 'payment',
  Notify: 'notify',
};

const describe = (error: StepError): string => `${error.Error}: ${causeMessage(error.Cause)}`;

export function failedStep(ctx: TaskContext): { step: ForwardStep; error: StepError } | undefined {
  for (const [step, key] of Object.entries(ERROR_KEYS) as [ForwardStep, string][]) {
    const error = ctx.errors[key];
    if (error) return { step, error };
  }
  return undefined;
}

export async function notifyFailure(ctx: TaskContext, deps: Effects & { notifications: NotificationsRepo }) {
  await simulateLatency(ctx.input, deps);
  const failed = failedStep(ctx);
  const what = failed ? `${failed.step} failed (${describe(failed.error)})` : 'The saga failed';
  const cause = `${what}; order ${ctx.orderId} was rolled back`;
  const { record } = await deps.notifications.record(ctx.orderId, 'ORDER_ROLLED_BACK', cause, deps.now());
  // `Cause`, as a caught error spells it: the Fail state's one CausePath reads this result or, when
  // the message could not be sent, the error NotifyFailure's Catch puts in the same place.
  return { notificationId: record.notificationId, failedStep: failed?.step ?? null, Cause: cause };
}
