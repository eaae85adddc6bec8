import { type NextRequest, connection } from 'next/server';
import { exportFileName, toExportFile } from '@/components/execution/export-file';
import { errorInfo, stepFunctions } from '@/lib/sfn';
import { routeTarget } from '@/lib/executions/route-target';

export const runtime = 'nodejs';

/**
 * The execution as a file: `{definition, events}` (see export-file.ts), as an attachment
 * named `<execution>.json`. Read straight from Step Functions, not the live poller's copy,
 * so the file is the whole history as it stands. Failures are JSON with a message the
 * page shows; the page only saves a file that arrived whole.
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/export'>) {
  await connection();
  const resolved = await routeTarget((await ctx.params).name, request.nextUrl.searchParams.get('sm'));
  if (!resolved.ok) return resolved.response;
  const { name, executionArn } = resolved.target;
  try {
    const api = stepFunctions();
    const [machine, events] = await Promise.all([api.describeStateMachineForExecution(executionArn), api.getHistory(executionArn)]);
    const file = toExportFile({ name, executionArn, definition: machine.definition, events });
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        // RFC 6266: an ASCII fallback, and the real name for any other character.
        'content-disposition': `attachment; filename="${asciiFileName(exportFileName(name))}"; filename*=UTF-8''${encodeURIComponent(exportFileName(name))}`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const info = errorInfo(error);
    return Response.json({ error: info }, { status: info.kind === 'ExecutionNotFoundError' ? 404 : 502 });
  }
}

const asciiFileName = (name: string): string => name.replace(/[^\x20-\x7e]|["\\]/g, '_');
