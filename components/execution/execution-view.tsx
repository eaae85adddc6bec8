'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { readExecution } from '@/lib/history/read-execution';
import { coalesce } from '@/lib/live/coalesce';
import { useLiveEvents } from '@/lib/live/use-live-events';
import type { ExecutionEvent } from '@/lib/sfn/types';
import { FlowGraph } from '@/components/graph/flow-graph';
import { GraphLegend } from '@/components/graph/legend';
import { ErrorBanner } from '@/components/ui/banner';
import { DataPanel } from './data-panel';
import styles from './execution.module.css';
import { ExecutionHeader } from './execution-header';
import { type OrderData, orderDataKey } from './order-types';
import { StatePanel } from './state-panel';

export type ExecutionViewProps = {
  executionArn: string;
  name: string;
  streamUrl: string;
  definition: AslDefinition;
  layout: LaidOutGraph;
  initialEvents: readonly ExecutionEvent[];
  /** the saga's order, when the input names one (other state machines have none) */
  order: { orderId: string; sku: string } | undefined;
  initialOrder: OrderData | undefined;
  targetLabel: string;
};

/**
 * The live execution page. Events arrive over SSE into the react-query cache; the reading
 * (statuses, outcome, edges that ran) is recomputed from them, and the graph, header and
 * panels are plain functions of that reading.
 */
export function ExecutionView(props: ExecutionViewProps) {
  const { executionArn, name, streamUrl, definition, layout, initialEvents, order, initialOrder, targetLabel } = props;
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string>();

  // Each batch may have moved stock or money: refresh the order's records with it, one
  // read at a time so a slow read is never cancelled by the next batch (see coalesce).
  const orderId = order?.orderId;
  const onBatch = useMemo(
    () =>
      coalesce(async () => {
        if (orderId) await queryClient.invalidateQueries({ queryKey: orderDataKey(orderId) });
      }),
    [orderId, queryClient],
  );
  const { events, status } = useLiveEvents({ executionArn, streamUrl, initialEvents, onBatch });
  const reading = useMemo(() => readExecution(definition, [...events]), [definition, events]);

  return (
    <div className={styles.page}>
      <ExecutionHeader name={name} reading={reading} live={status} targetLabel={targetLabel} />
      {status.state === 'unavailable' && (
        <ErrorBanner
          tone="quiet"
          title="Live updates interrupted"
          message={`${status.message} Retrying in ${Math.ceil(status.retryInMs / 1000)} s.`}
        />
      )}
      <div className={styles.body}>
        <section className={`card ${styles.graphCard}`} aria-label="Execution graph">
          <div className={styles.graphHeader}>
            <h2 className="card__title">Graph</h2>
            <GraphLegend />
          </div>
          <div className={styles.graphBody}>
            <FlowGraph layout={layout} reading={reading} selectedId={selected} onSelect={setSelected} />
          </div>
        </section>
        <aside className={styles.sidebar}>
          {order && <DataPanel orderId={order.orderId} sku={order.sku} initialData={initialOrder} />}
          <StatePanel state={selected ? reading.states[selected] : undefined} onClose={() => setSelected(undefined)} />
        </aside>
      </div>
    </div>
  );
}
