import { NextResponse } from 'next/server';
import { batchProgress } from '@/lib/batch/server';
import { decodeSettings } from '@/lib/batch/settings';
import { BATCH_ID_PATTERN } from '@/lib/saga/names';
import { errorInfo } from '@/lib/sfn';

export const dynamic = 'force-dynamic';

/** A batch's progress, rebuilt from Step Functions on every poll (the batch page polls it). */
export async function GET(request: Request, { params }: RouteContext<'/api/batches/[id]'>) {
  const { id } = await params;
  const parsed = decodeSettings(new URL(request.url).searchParams.get('s') ?? '');
  if (!BATCH_ID_PATTERN.test(id) || !parsed.ok) {
    return NextResponse.json({ error: `Not a batch: ${parsed.ok ? 'the id is malformed' : parsed.problems.join('; ')}` }, { status: 400 });
  }
  try {
    return NextResponse.json(await batchProgress(id, parsed.settings));
  } catch (error) {
    return NextResponse.json({ error: errorInfo(error).message }, { status: 502 });
  }
}
