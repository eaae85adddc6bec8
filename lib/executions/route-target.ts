import 'server-only';
import { readCheck, refusalResponse } from '@/lib/access/server';
import { errorInfo, executionArnFor, sagaStateMachineArn } from '@/lib/sfn';
import { executionNameFromSegment } from './urls';

/** A 400 in the routes' error shape (`{error: {kind, message, retryable}}`). */
export const badRequest = (message: string): Response =>
  Response.json({ error: { kind: 'BadRequest', message, retryable: false } }, { status: 400 });

export type RouteTarget = { name: string; executionArn: string; stateMachineArn: string };

/**
 * The execution an `/api/executions/<name>/…?sm=` route is about, after the read check:
 * 400 for a malformed name or machine, 403 for a machine this dashboard does not show.
 */
export async function routeTarget(segment: string, sm: string | null): Promise<{ ok: true; target: RouteTarget } | { ok: false; response: Response }> {
  const name = executionNameFromSegment(segment);
  if (name === undefined) return { ok: false, response: badRequest('Not an execution name.') };
  let target: RouteTarget;
  try {
    const stateMachineArn = sm ?? sagaStateMachineArn();
    target = { name, stateMachineArn, executionArn: executionArnFor(stateMachineArn, name) };
  } catch (error) {
    return { ok: false, response: Response.json({ error: errorInfo(error) }, { status: 400 }) };
  }
  const refusal = await readCheck(target.stateMachineArn);
  return refusal ? { ok: false, response: refusalResponse(refusal) } : { ok: true, target };
}
