import { type NextRequest, connection } from 'next/server';
import { errorInfo } from '@/lib/sfn';
import { badRequest, routeTarget } from '@/lib/executions/route-target';
import { executionEvents } from '@/lib/live/server';
import { initialHistoryKey, keptInitialHistory, upTo } from '@/lib/live/initial-history';
import { UP_TO_PARAM } from '@/lib/executions/urls';

export const runtime = 'nodejs';

/**
 * The events 1..`upTo` of an execution: what its page drew on the server, for the browser
 * to hydrate with (see lib/live/initial-history.ts). Usually handed over by the page's own
 * render; read again when that is gone. A fixed range never changes, so the browser may
 * keep it.
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/history'>) {
  await connection();
  const query = request.nextUrl.searchParams;
  const resolved = await routeTarget((await ctx.params).name, query.get('sm'));
  if (!resolved.ok) return resolved.response;
  const raw = query.get(UP_TO_PARAM) ?? '';
  const last = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(last)) return badRequest(`${UP_TO_PARAM} must be an event id (a whole number from 0).`);
  const { executionArn } = resolved.target;
  try {
    const events = keptInitialHistory(initialHistoryKey(executionArn, last)) ?? upTo(await executionEvents(executionArn), last);
    return new Response(JSON.stringify(events), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, max-age=3600, immutable' },
    });
  } catch (error) {
    const info = errorInfo(error);
    return Response.json({ error: info }, { status: info.kind === 'ExecutionNotFoundError' ? 404 : 502 });
  }
}
