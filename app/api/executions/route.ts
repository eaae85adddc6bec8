import { type NextRequest, connection } from 'next/server';
import { loadExecutionList, type ExecutionList } from '@/lib/executions/server';

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
  const list = await loadExecutionList(raw);
  return Response.json(list, { status: STATUS[list.kind], headers: { 'cache-control': 'no-store' } });
}
