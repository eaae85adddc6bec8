'use client';

import { useMemo } from 'react';
import type { HistoryEvent } from '@/lib/history/types';
import { orderAt } from '@/lib/saga-data/order-at';
import panel from '@/components/ui/panel.module.css';
import { DataValue } from '@/components/ui/data-value';
import data from '@/components/ui/data-list.module.css';
import styles from './replay.module.css';

/**
 * The order as of the moment replayed, from what the handlers returned in events 1..N (see
 * lib/saga-data/order-at): works on past, imported and AWS executions, with no database read.
 * Same test ids as the live data panel, which it stands in for while replaying.
 */
export function ReplayDataPanel({ orderId, events }: { orderId: string; events: readonly HistoryEvent[] }) {
  const order = useMemo(() => orderAt(orderId, events), [orderId, events]);
  const at = events.at(-1)?.id;
  return (
    <section className={`card ${panel.side}`} aria-labelledby="replay-data-title" data-testid="data-panel" data-replay="true">
      <div className={panel.sideHeader}>
        <h2 id="replay-data-title" className="card__title">
          Order data
        </h2>
        <code className={`mono ${panel.muted}`}>{orderId}</code>
      </div>
      <dl className={data.dataList}>
        <dt>Order status</dt>
        <DataValue name="order-status" value={order.orderStatus} />
        <dt>Item</dt>
        <DataValue name="sku" value={order.sku} />
        <dt>Stock before</dt>
        <DataValue name="stock-before" value={order.stockBefore} />
        <dt>Stock after</dt>
        <DataValue name="stock-after" value={order.stockAfter} />
        <dt>On hand then</dt>
        <DataValue name="stock-now" value={order.stockNow} />
        <dt>Payment</dt>
        <DataValue name="payment-status" value={order.paymentStatus} />
        <dt>Amount</dt>
        <DataValue name="payment-amount" value={order.paymentAmount} />
      </dl>
      <p className={styles.asOf} data-testid="data-as-of">
        {at === undefined
          ? 'Before the first event.'
          : `As of event ${at}, from what the steps returned${order.changedAt === undefined ? '' : ` (last change: event ${order.changedAt})`}.`}
      </p>
      {order.notifications.length > 0 && (
        <ul className={panel.muted} data-testid="data-notifications">
          {order.notifications.map((kind, i) => (
            <li key={`${kind}-${i}`}>{kind}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
