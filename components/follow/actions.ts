'use server';

import { followExecution } from '@/lib/executions/follow-server';
import { attempt, executionArnFor, sagaStateMachineArn } from '@/lib/sfn';
import { isValidExecutionName } from '@/lib/sfn/arn';
import { requireWrite } from '@/lib/access/server';

export type ShowResult = { status: 'done' } | { status: 'refused' | 'error'; message: string };

/**
 * "Show this execution to the room": the follow view switches to it. Checked like any
 * server action input (a public endpoint); nothing changes when it is refused.
 */
export async function showToAudience(raw: { name: unknown; stateMachineArn?: unknown }): Promise<ShowResult> {
  const { name, stateMachineArn } = raw;
  if (typeof name !== 'string' || !isValidExecutionName(name)) return { status: 'refused', message: 'Not an execution name.' };
  if (stateMachineArn !== undefined && typeof stateMachineArn !== 'string') return { status: 'refused', message: 'Not a state machine ARN.' };
  // It changes what every screen in the room shows: the operator's to do.
  const write = await requireWrite(stateMachineArn);
  if (!write.ok) return { status: 'refused', message: write.message };
  const built = await attempt(async () => executionArnFor(stateMachineArn ?? sagaStateMachineArn(), name));
  if (!built.ok) return { status: 'refused', message: built.error.message };
  followExecution(name, stateMachineArn);
  return { status: 'done' };
}
