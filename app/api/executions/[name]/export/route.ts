import { type NextRequest, connection } from 'next/server';
import { exportFileName, toExportFile } from '@/components/execution/export-file';
import { errorInfo, executionArnFor, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { isValidExecutionName } from '@/lib/sfn/arn';

export const runtime = 'nodejs';

/**
 * The execution as a file: `{definition, events}` (see export-file.ts), as an attachment
 * named `<execution>.json`. Read straight from Step Functions, not the live poller's copy,
 * so the file is the whole history as it stands. Failures are JSON with a message the
 * page shows; the page only saves a file that arrived whole.
 */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/executions/[name]/export'>) {
  await connection();
  const name = decodeURIComponent((await ctx.params).name);
  if (!isValidExecutionName(name)) {
    return Response.json({ error: { kind: 'BadRequest', message: 'Not an execution name.', retryable: false } }, { status: 400 });
  }
  try {
    const executionArn = executionArnFor(request.nextUrl.searchParams.get('sm') ?? sagaStateMachineArn(), name);
    const api = stepFunctions();
    const [machine, events] = await Promise.all([api.describeStateMachineForExecution(executionArn), api.getHistory(executionArn)]);
    const file = toExportFile({ name, executionArn, definition: machine.definition, events });
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${exportFileName(name)}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const info = errorInfo(error);
    return Response.json({ error: info }, { status: info.kind === 'ExecutionNotFoundError' ? 404 : 502 });
  }
}
