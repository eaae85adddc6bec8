'use client';

import { useQuery } from '@tanstack/react-query';
import type { ErrorInfo } from '@/lib/sfn/errors';
import list from '@/components/ui/data-list.module.css';
import styles from './execution.module.css';
import panel from '@/components/ui/panel.module.css';
import { DataValue } from '@/components/ui/data-value';
import { type OrderData, orderDataKey } from '@/lib/saga-data/order-view';

async function fetchOrderData(orderId: string, sku: string): Promise<OrderData> {
  const url = `/api/orders/${encodeURIComponent(orderId)}?sku=${encodeURIComponent(sku)}`;
  const response = await fetch(url, { cache: 'no-store' });
  const body = (await response.json()) as OrderData | { error: ErrorInfo };
  if ('error' in body) throw new Error(body.error.message);
  return body;
}

/**
 * The order's real records, re-read whenever the execution moves (the live hook
 * invalidates this query per event batch). A rollback shows here as stock coming back,
 * the payment refunded and the order cancelled: the point of the demo.
 */
export function DataPanel({
  orderId,
  sku,
  initialData,
}: {
  orderId: string;
  sku: string;
  initialData: OrderData | undefined;
}) {
  const { data, error, isFetching } = useQuery({
    queryKey: orderDataKey(orderId),
    queryFn: () => fetchOrderData(orderId, sku),
    initialData,
    placeholderData: (previous) => previous,
  });
  const restored = data?.stockBefore !== undefined && data.stockAfter === data.stockBefore;
  return (
    <section className={`card ${panel.side}`} aria-labelledby="data-title" data-testid="data-panel">
      <div className={panel.sideHeader}>
        <h2 id="data-title" className="card__title">
          Order data
        </h2>
        <span className={panel.muted} aria-live="polite">
          {isFetching ? 'refreshing…' : <code className="mono">{orderId}</code>}
        </span>
      </div>
      {error && !data ? (
        <p className={panel.muted} role="alert">
          Cannot read the order&apos;s records: {error.message}
        </p>
      ) : (
        <dl className={list.dataList}>
          <dt>Order status</dt>
          <DataValue name="order-status" value={data?.orderStatus} />
          <dt>Item</dt>
          <DataValue name="sku" value={data?.sku} />
          <dt>Stock before</dt>
          <DataValue name="stock-before" value={data?.stockBefore} />
          <dt>Stock after</dt>
          <DataValue name="stock-after" value={data?.stockAfter} />
          <dt>On hand now</dt>
          <DataValue name="stock-now" value={data?.stockNow} />
          <dt>Payment</dt>
          <DataValue name="payment-status" value={data?.paymentStatus} />
        </dl>
      )}
      {data && (
        <p className={styles.stockNote} data-testid="stock-note">
          {data.stockBefore === undefined
            ? 'This order has taken no stock.'
            : restored
              ? 'Stock is back where it was.'
              : `${data.stockBefore - (data.stockAfter ?? data.stockBefore)} held by this order.`}
        </p>
      )}
      {data && data.notifications.length > 0 && (
        <>
          <h3 className={`card__title ${panel.subTitle}`}>Notifications</h3>
          <ul className={styles.notifications} data-testid="data-notifications">
            {data.notifications.map((n, i) => (
              <li key={`${n.kind}-${i}`} title={n.message}>
                <strong>{n.kind}</strong> {n.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
