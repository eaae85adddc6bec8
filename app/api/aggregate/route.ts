import { NextResponse } from 'next/server';
import { loadAggregateSnapshot } from '@/components/aggregate/load';

export const dynamic = 'force-dynamic';

/** The aggregate for the list's filters: its reading progress, then its summary. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return NextResponse.json(await loadAggregateSnapshot(raw));
}
