import { type NextRequest, connection } from 'next/server';
import { listedMachineArn, loadExecutionList, type ExecutionList } from '@/lib/executions/server';
import { readCheck, refusalResponse } from '@/lib/access/server';

export const runtime = 'nodejs';

const STATUS: Record<ExecutionList['kind'], number> = { list: 200, 'bad-filters': 400, error: 502 };

/**
 * The executions list's refresh: the same filters as the page's URL, answered from the
 * shared list cache, so a room of open lists costs one ListExecutions call per window.
 */
export async function GET(request: NextRequest) {
  await connection();
  const query = request.nextUrl.searchParams;
  const raw: Record<string, string[]> = {};
  for (const key of new Set(query.keys())) raw[key] = query.getAll(key);
  const machine = listedMachineArn(raw);
  const refusal = machine === undefined ? undefined : await readCheck(machine);
  if (refusal) return refusalResponse(refusal);
  const list = await loadExecutionList(raw);
  // A machine that does not exist is a wrong address (404), not a failing service (502).
  const status = list.kind === 'error' && list.error.kind === 'StateMachineNotFoundError' ? 404 : STATUS[list.kind];
  return Response.json(list, { status, headers: { 'cache-control': 'no-store' } });
}
