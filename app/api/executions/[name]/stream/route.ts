import { type NextRequest, connection } from 'next/server';
import { executionEventStream } from '@/lib/live/server';
import { routeTarget } from '@/lib/executions/route-target';
import { STATUS_ONLY_PARAM, STATUS_ONLY_VALUE } from '@/lib/live/status-only';

export const runtime = 'nodejs';

/**
 * Server-sent events for one execution, fed by the shared poller. Resumes after the
 * browser's Last-Event-ID on a reconnect, or after `?after=` on a first connect.
 * `?payloads=none`: events without payloads (the follow view's).
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/stream'>) {
  await connection();
  const query = request.nextUrl.searchParams;
  const resolved = await routeTarget((await ctx.params).name, query.get('sm'));
  if (!resolved.ok) return resolved.response;
  const resumeFrom = Number(request.headers.get('last-event-id') ?? query.get('after') ?? 0);
  const afterId = Number.isInteger(resumeFrom) && resumeFrom >= 0 ? resumeFrom : 0;
  const statusOnly = query.get(STATUS_ONLY_PARAM) === STATUS_ONLY_VALUE;
  return executionEventStream(resolved.target.executionArn, afterId, request.signal, statusOnly);
}
