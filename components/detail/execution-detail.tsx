'use client';

import { useMemo, useState, type ReactNode } from 'react';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { dataPathOf } from '@/lib/history/data-path';
import type { ExecutionDetail } from '@/lib/history/read-execution';
import type { HistoryEvent } from '@/lib/history/types';
import { toEpochMs } from '@/lib/core/values';
import panelStyles from '@/components/ui/panel.module.css';
import { StatePanel } from './state-panel';
import { FlowGraph } from '@/components/graph/flow-graph';
import { GraphLegend } from '@/components/graph/legend';
import styles from './detail.module.css';
import { DetailTabs, panelId, tabId, type DetailTab } from './detail-tabs';
import { EventTable } from './event-table';
import { InputOutput } from './input-output';
import type { Selection } from './selection';
import { TimelineView } from './timeline-view';

export type ExecutionDetailProps = {
  definition: AslDefinition;
  layout: LaidOutGraph;
  events: readonly HistoryEvent[];
  detail: ExecutionDetail;
  /** panels shown above the state panel (the live page's order data) */
  aside?: ReactNode;
  /** a live execution's ARN: the state panel then shows each Task's log lines */
  logsOf?: string;
  /** replaying: `events` are the first N of the run, the last one is "now", and the run ends at `runEnd` */
  replay?: { runEnd: number | undefined };
};

/**
 * Graph, timeline, events and input/output of one execution, in tabs beside the state
 * panel. Shared by the live execution page and the import page. A tab is mounted the
 * first time it is opened and then kept, so its scroll position and filter survive.
 */
export function ExecutionDetailView({ definition, layout, events, detail, aside, logsOf, replay }: ExecutionDetailProps) {
  const { reading, places } = detail;
  const [tab, setTab] = useState<DetailTab>('graph');
  const [opened, setOpened] = useState<ReadonlySet<DetailTab>>(() => new Set(['graph']));
  const [selection, setSelection] = useState<Selection>();
  const until = useMemo(() => toEpochMs(events.at(-1)?.timestamp), [events]);
  const state = selection ? reading.states[selection.state] : undefined;
  const dataPath = useMemo(
    () => (state ? dataPathOf(definition, state, selection?.visit) : undefined),
    [definition, state, selection?.visit],
  );

  const open = (next: DetailTab) => {
    setTab(next);
    setOpened((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  };

  const panel = (id: DetailTab, content: ReactNode) =>
    opened.has(id) && (
      <div
        role="tabpanel"
        id={panelId(id)}
        aria-labelledby={tabId(id)}
        hidden={tab !== id}
        className={styles.panel}
        data-testid={`panel-${id}`}
        // The graph and the scrolling lists take focus themselves.
        tabIndex={id === 'io' ? 0 : undefined}
      >
        {content}
      </div>
    );

  return (
    <div className={panelStyles.body}>
      <section className={`card ${panelStyles.graphCard}`} aria-label="Execution details">
        <div className={panelStyles.graphHeader}>
          <DetailTabs active={tab} onChange={open} />
          {tab === 'graph' && <GraphLegend statuses={false} />}
        </div>
        <div className={panelStyles.graphBody}>
          {panel(
            'graph',
            <FlowGraph
              layout={layout}
              reading={reading}
              selectedId={selection?.state}
              onSelect={(name) => setSelection(name ? { state: name } : undefined)}
            />,
          )}
          {panel('timeline', <TimelineView reading={reading} until={until} selected={selection} onSelect={setSelection} runEnd={replay?.runEnd} />)}
          {panel(
            'events',
            <EventTable
              events={events}
              places={places}
              reading={reading}
              selected={selection}
              onSelect={setSelection}
              current={replay ? events.length - 1 : undefined}
            />,
          )}
          {panel('io', <InputOutput reading={reading} />)}
        </div>
      </section>
      <aside className={panelStyles.sidebar}>
        <div className={panelStyles.sidebarScroll}>
          {aside}
          {!state && <StatePanel state={undefined} onClose={() => setSelection(undefined)} />}
        </div>
        {state && (
          <div className={panelStyles.drawer}>
            <StatePanel state={state} visit={selection?.visit} dataPath={dataPath} logsOf={logsOf} onClose={() => setSelection(undefined)} />
          </div>
        )}
      </aside>
    </div>
  );
}
