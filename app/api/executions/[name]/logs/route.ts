import { type NextRequest, connection } from 'next/server';
import { z } from 'zod';
import { routeTarget } from '@/lib/executions/route-target';
import { errorInfo } from '@/lib/sfn';
import { readStepLogs, StepLogsUnavailable } from '@/lib/step-logs';

export const runtime = 'nodejs';

const query = z.object({
  state: z.string().min(1).max(80),
  /** the visit's window, epoch ms (CloudWatch is asked for this span only) */
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(0),
});

const badRequest = () =>
  Response.json({ error: { kind: 'BadRequest', message: 'Give ?state=, and from <= to in epoch ms.', retryable: false } }, { status: 400 });

/**
 * One step's log lines (read-only): `?state=<name>&from=<ms>&to=<ms>[&sm=<state machine ARN>]`.
 * The execution and its machine go through the same parsing and read check as the other
 * execution routes: 400 for a malformed name or machine, 403 off the allow-list (nothing is
 * read), 404 for an execution that does not exist.
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/logs'>) {
  await connection();
  const params = request.nextUrl.searchParams;
  const resolved = await routeTarget((await ctx.params).name, params.get('sm'));
  if (!resolved.ok) return resolved.response;
  const parsed = query.safeParse({ state: params.get('state') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined });
  if (!parsed.success || parsed.data.to < parsed.data.from) return badRequest();
  const { state, from, to } = parsed.data;
  const { name, executionArn } = resolved.target;
  try {
    const logs = await readStepLogs(executionArn, { executionName: name, stateName: state, from, to });
    return Response.json(logs, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof StepLogsUnavailable) return Response.json({ error: { kind: error.name, message: error.message, retryable: false } }, { status: 404 });
    const info = errorInfo(error);
    return Response.json({ error: info }, { status: info.kind === 'ExecutionNotFoundError' ? 404 : 502 });
  }
}
