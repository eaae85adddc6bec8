'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { newestExecutions } from '@/lib/executions/server';
import { liveRegistry } from '@/lib/live/server';
import { attempt, type ExecutionEvent, executionArnFor, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { isValidExecutionName } from '@/lib/sfn/arn';
import { newOrderId } from '@/lib/saga/start';
import { planRerun } from './rerun';
import { executionHref } from '@/lib/executions/urls';
import { followExecution } from '@/lib/executions/follow-server';
import { requireRead, requireWrite } from '@/lib/access/server';

/**
 * The execution page's actions. Each validates what the browser sent (a server action is
 * a public endpoint), makes one Step Functions call, and returns a typed result for every
 * expected failure; none changes anything when it fails. Stop and Redrive hand back the
 * events that followed, so the page shows the change at once and the live stream carries on.
 */

/** Which execution: its name, and its state machine when it is not the saga. */
export type ExecutionRef = { name: string; stateMachineArn?: string };

export type ActionResult =
  | { status: 'done'; events: ExecutionEvent[] }
  /** the request does not apply to this execution as it is; nothing was changed */
  | { status: 'refused'; message: string }
  /** Step Functions failed or could not be reached; nothing was changed */
  | { status: 'error'; message: string };

export type RunAgainResult = Exclude<ActionResult, { status: 'done' }>;
export type RecentResult = { status: 'done'; names: string[] } | Exclude<ActionResult, { status: 'done' }>;

const refSchema = z.strictObject({
  name: z.string().refine(isValidExecutionName, 'Not an execution name.'),
  stateMachineArn: z.string().min(1).optional(),
});
const afterIdSchema = z.number().int().min(0);

type Target = { executionArn: string; stateMachineArn: string; ref: ExecutionRef };

/**
 * The execution's ARN from what the browser sent, or why it cannot be built, after the
 * access guard (lib/access) has allowed this `need` on its machine: a refusal ends the
 * request with 401/403 before anything is called.
 */
async function targetOf(raw: unknown, need: 'read' | 'write'): Promise<{ ok: true; target: Target } | { ok: false; result: RunAgainResult }> {
  const parsed = refSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, result: { status: 'refused', message: parsed.error.issues[0]?.message ?? 'Not an execution.' } };
  const ref = parsed.data;
  const built = await attempt(async () => {
    const stateMachineArn = ref.stateMachineArn ?? sagaStateMachineArn();
    return { executionArn: executionArnFor(stateMachineArn, ref.name), stateMachineArn, ref };
  });
  if (!built.ok) return { ok: false, result: { status: 'error', message: built.error.message } };
  if (need === 'read') {
    await requireRead(built.value.stateMachineArn);
  } else {
    const write = await requireWrite(built.value.stateMachineArn);
    if (!write.ok) return { ok: false, result: { status: 'refused', message: write.message } };
  }
  return { ok: true, target: built.value };
}

/** What happened after an action, for the page; the live stream delivers it anyway if this read fails. */
async function eventsAfter(executionArn: string, afterId: number): Promise<ExecutionEvent[]> {
  const read = await attempt(() => stepFunctions().getEventsAfter(executionArn, afterId));
  return read.ok ? read.value : [];
}

const invalidAfterId: ActionResult = { status: 'refused', message: 'The page sent an invalid event id; reload it.' };

/** StopExecution, only while the execution runs. */
export async function stopExecution(ref: ExecutionRef, afterId: number): Promise<ActionResult> {
  const resolved = await targetOf(ref, 'write');
  if (!resolved.ok) return resolved.result;
  if (!afterIdSchema.safeParse(afterId).success) return invalidAfterId;
  const { executionArn } = resolved.target;
  const api = stepFunctions();
  // StopExecution on an ended execution succeeds and changes nothing, which would read as
  // "stopped" to the user; checking first lets the page say what really happened.
  const described = await attempt(() => api.describeExecution(executionArn));
  if (!described.ok) return { status: 'error', message: described.error.message };
  if (described.value.status !== 'RUNNING') {
    return { status: 'refused', message: `This execution is already ${described.value.status}: there is nothing to stop.` };
  }
  const stopped = await attempt(() =>
    api.stopExecution(executionArn, { error: 'Dashboard.Stopped', cause: 'Stopped from the dashboard.' }),
  );
  if (!stopped.ok) return { status: 'error', message: stopped.error.message };
  return { status: 'done', events: await eventsAfter(executionArn, afterId) };
}

/**
 * RedriveExecution: Step Functions decides what may be redriven (FAILED, TIMED_OUT or
 * ABORTED, within 14 days, under the history limit) and its reason is shown as it is.
 */
export async function redriveExecution(ref: ExecutionRef, afterId: number): Promise<ActionResult> {
  const resolved = await targetOf(ref, 'write');
  if (!resolved.ok) return resolved.result;
  if (!afterIdSchema.safeParse(afterId).success) return invalidAfterId;
  const { executionArn } = resolved.target;
  const redriven = await attempt(() => stepFunctions().redriveExecution(executionArn));
  if (!redriven.ok) {
    return { status: redriven.error.kind === 'ExecutionNotRedrivableError' ? 'refused' : 'error', message: redriven.error.message };
  }
  // The shared poller stopped at the old terminal event; the next viewer needs a fresh one.
  liveRegistry().forget(executionArn);
  followExecution(resolved.target.ref.name, resolved.target.ref.stateMachineArn);
  return { status: 'done', events: await eventsAfter(executionArn, afterId) };
}

/**
 * Starts the same input under a fresh name (a fresh order for the saga) and opens it.
 * On success it redirects, and the caller's promise resolves with undefined.
 */
export async function runAgain(raw: ExecutionRef): Promise<RunAgainResult | undefined> {
  const resolved = await targetOf(raw, 'write');
  if (!resolved.ok) return resolved.result;
  const { executionArn, stateMachineArn, ref } = resolved.target;
  const api = stepFunctions();
  const described = await attempt(() => api.describeExecution(executionArn));
  if (!described.ok) return { status: 'error', message: described.error.message };
  const saga = await attempt(async () => sagaStateMachineArn());
  const plan = planRerun(
    { name: ref.name, input: described.value.input, isSaga: saga.ok && saga.value === stateMachineArn },
    { orderId: newOrderId(), suffix: crypto.randomUUID().slice(0, 8) },
  );
  if (!plan.ok) return { status: 'refused', message: plan.message };
  const started = await attempt(() => api.startExecution(stateMachineArn, plan.name, plan.input));
  if (!started.ok) return { status: 'error', message: started.error.message };
  followExecution(plan.name, ref.stateMachineArn);
  redirect(executionHref(plan.name, ref.stateMachineArn));
}

/** Newest executions of the same machine, to pick one to compare with. */
export async function recentExecutions(raw: ExecutionRef): Promise<RecentResult> {
  const resolved = await targetOf(raw, 'read');
  if (!resolved.ok) return resolved.result;
  const { stateMachineArn, ref } = resolved.target;
  const listed = await attempt(() => newestExecutions(stateMachineArn));
  if (!listed.ok) return { status: 'error', message: listed.error.message };
  return { status: 'done', names: listed.value.executions.map((e) => e.name).filter((name) => name !== ref.name) };
}

