/**
 * The last Task of a failed saga: log what went wrong and return the Cause the final Fail
 * state reports (its CausePath), naming the forward step that failed.
 */
import type { NotificationsRepo } from '../data/notifications-repo';
import type { ForwardStep } from '../switches';
import { simulateLatency, type Effects } from './faults';
import type { StepError, TaskContext } from './task-event';

/** The definition's Catch ResultPath key of each forward step (`$.errors.<key>`). */
export const ERROR_KEYS: Record<ForwardStep, string> = {
  CreateOrder: 'createOrder',
  UpdateInventory: 'inventory',
  ProcessPayment: 'payment',
  Notify: 'notify',
};

/** Where the definition's compensation Catch puts a compensation's own error. */
export const COMPENSATION_ERROR_KEY = 'compensation';

/** AWS wraps a Lambda error's Cause as JSON `{errorMessage, errorType, trace}`; locally it is the message. */
export function causeMessage(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const parsed: unknown = JSON.parse(cause);
    if (typeof parsed === 'object' && parsed !== null && 'errorMessage' in parsed) return String(parsed.errorMessage);
  } catch {
    // not JSON: already the message
  }
  return cause;
}

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
  const compensationError = ctx.errors[COMPENSATION_ERROR_KEY];
  const compensationFailed = ctx.outcome === 'COMPENSATION_FAILED';
  const cause = compensationFailed
    ? `${what}; then a compensation failed (${compensationError ? describe(compensationError) : 'unknown error'}): order ${ctx.orderId} needs a human`
    : `${what}; order ${ctx.orderId} was rolled back`;
  const kind = compensationFailed ? 'COMPENSATION_FAILED' : 'ORDER_ROLLED_BACK';
  const { record } = await deps.notifications.record(ctx.orderId, kind, cause, deps.now());
  return { notificationId: record.notificationId, failedStep: failed?.step ?? null, cause };
}
