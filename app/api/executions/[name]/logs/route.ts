import { type NextRequest, connection } from 'next/server';
import { z } from 'zod';
import { errorInfo, executionArnFor, sagaStateMachineArn } from '@/lib/sfn';
import { isValidExecutionName } from '@/lib/sfn/arn';
import { readStepLogs, StepLogsUnavailable } from '@/lib/step-logs';

export const runtime = 'nodejs';

const query = z.object({
  state: z.string().min(1).max(80),
  /** the visit's window, epoch ms (CloudWatch is asked for this span only) */
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(0),
  sm: z.string().startsWith('arn:').optional(),
});

/** One step's log lines (read-only): `?state=<name>&from=<ms>&to=<ms>[&sm=<state machine ARN>]`. */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/logs'>) {
  await connection();
  const name = decodeURIComponent((await ctx.params).name);
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!isValidExecutionName(name) || !parsed.success || parsed.data.to < parsed.data.from) {
    return Response.json({ error: { kind: 'BadRequest', message: 'Give an execution name, ?state=, and from <= to in epoch ms.', retryable: false } }, { status: 400 });
  }
  const { state, from, to, sm } = parsed.data;
  try {
    const logs = await readStepLogs(executionArnFor(sm ?? sagaStateMachineArn(), name), { executionName: name, stateName: state, from, to });
    return Response.json(logs, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof StepLogsUnavailable) return Response.json({ error: { kind: error.name, message: error.message, retryable: false } }, { status: 404 });
    return Response.json({ error: errorInfo(error) }, { status: 502 });
  }
}
