import type { NextRequest } from 'next/server';
import { readOrderData } from '@/lib/saga-data/order-data';
import { readCheck, refusalResponse } from '@/lib/access/server';

export const runtime = 'nodejs';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The data panel's refresh: one order's business records, as JSON. */
export async function GET(request: NextRequest, ctx: RouteContext<'/api/orders/[orderId]'>) {
  // The saga's data is read like the saga: only where this dashboard shows it.
  const refusal = await readCheck();
  if (refusal) return refusalResponse(refusal);
  const { orderId } = await ctx.params;
  const sku = request.nextUrl.searchParams.get('sku') ?? '';
  if (!ID.test(orderId) || !ID.test(sku)) {
    return Response.json({ error: { kind: 'BadRequest', message: 'Unknown order or item.', retryable: false } }, { status: 400 });
  }
  try {
    return Response.json(await readOrderData(orderId, sku), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    // The message names the failure (e.g. the data store is unreachable), never a stack.
    const message = error instanceof Error ? error.message.split('\n')[0] : 'Unexpected error';
    return Response.json({ error: { kind: 'DataUnavailable', message, retryable: true } }, { status: 503 });
  }
}
