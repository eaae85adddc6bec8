import { NextResponse } from 'next/server';
import { loadAggregateSnapshot } from '@/components/aggregate/load';
import { readCheck, refusalResponse } from '@/lib/access/server';
import { listedMachineArn } from '@/lib/executions/server';

export const dynamic = 'force-dynamic';

/**
 * The aggregate for the list's filters: its reading progress, then its summary. The machine
 * goes through the read check first (403 off the allow-list, nothing listed or read); bad
 * filters are a 400 and a machine that does not exist a 404, each with the message the view shows.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const machine = listedMachineArn(raw);
  const refusal = machine === undefined ? undefined : await readCheck(machine);
  if (refusal) return refusalResponse(refusal);
  const { status, snapshot } = await loadAggregateSnapshot(raw);
  return NextResponse.json(snapshot, { status, headers: { 'cache-control': 'no-store' } });
}
