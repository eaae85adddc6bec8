import { type NextRequest, connection } from 'next/server';
import { executionEventStream } from '@/lib/live/server';
import { errorInfo, executionArnFor, sagaStateMachineArn } from '@/lib/sfn';
import { isValidExecutionName } from '@/lib/sfn/arn';

export const runtime = 'nodejs';

/**
 * Server-sent events for one execution, fed by the shared poller. Resumes after the
 * browser's Last-Event-ID on a reconnect, or after `?after=` on a first connect.
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/stream'>) {
  await connection();
  const name = decodeURIComponent((await ctx.params).name);
  const query = request.nextUrl.searchParams;
  if (!isValidExecutionName(name)) {
    return Response.json({ error: { kind: 'BadRequest', message: 'Not an execution name.', retryable: false } }, { status: 400 });
  }
  let executionArn: string;
  try {
    executionArn = executionArnFor(query.get('sm') ?? sagaStateMachineArn(), name);
  } catch (error) {
    return Response.json({ error: errorInfo(error) }, { status: 400 });
  }
  const resumeFrom = Number(request.headers.get('last-event-id') ?? query.get('after') ?? 0);
  const afterId = Number.isInteger(resumeFrom) && resumeFrom >= 0 ? resumeFrom : 0;
  return executionEventStream(executionArn, afterId, request.signal);
}
