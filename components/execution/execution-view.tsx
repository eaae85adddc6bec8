'use client';

import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useDeferredValue, useMemo } from 'react';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { latestSentence, narrateEvents } from '@/lib/history/narration';
import { readExecutionDetail } from '@/lib/history/read-execution';
import { redrivePlan } from '@/lib/history/redrive-plan';
import { stillToUndo } from '@/lib/history/still-to-undo';
import { coalesce } from '@/lib/live/coalesce';
import { useLiveEvents } from '@/lib/live/use-live-events';
import { type InitialHistory, useInitialHistory } from '@/lib/live/initial-history';
import type { ExecutionEvent } from '@/lib/sfn/types';
import { ExecutionDetailView } from '@/components/detail/execution-detail';
import { ErrorBanner } from '@/components/ui/banner';
import { DataPanel } from './data-panel';
import { ReplayBar } from '@/components/replay/replay-bar';
import { AudienceLink } from '@/components/follow/audience-link';
import { ReplayDataPanel } from '@/components/replay/replay-data-panel';
import { useReplay, useReplayDetail } from '@/components/replay/use-replay';
import styles from '@/components/ui/panel.module.css';
import { ExecutionHeader } from './execution-header';
import type { Recovery } from './recovery';
import { RecoveryPanel } from './recovery-panel';
import { type OrderData, orderDataKey } from '@/lib/saga-data/order-view';
import { PresenterKeys } from '@/components/present/presenter-keys';
import { PresenterStage } from '@/components/present/presenter-stage';
import { usePresenter } from '@/components/present/use-presenter';
import { startPresetAt } from '@/components/start/start-preset';
import { runAgain } from './actions';
import { useExecutionTarget } from './execution-target';

export type ExecutionViewProps = {
  executionArn: string;
  name: string;
  streamUrl: string;
  definition: AslDefinition;
  layout: LaidOutGraph;
  /** the history so far, handed over out of band (see lib/live/initial-history.ts) */
  history: InitialHistory;
  /** the saga's order, when the input names one (other state machines have none) */
  order: { orderId: string; sku: string } | undefined;
  initialOrder: OrderData | undefined;
  targetLabel: string;
  /** `?at=<eventId>`: open replaying that moment */
  initialAt?: number;
  /** the follow view's public address for the QR code (DASHBOARD_PUBLIC_URL), when set */
  audienceUrl?: string;
  /** the state machine when not the saga (as in the page's `?sm=`) */
  stateMachineArn?: string;
};

const NOT_YET_NARRATED: readonly ExecutionEvent[] = [];
/** Holds the narration line's height until its sentence is told. */
const NARRATION_PENDING = '\u00a0';

/**
 * The live execution page. Events arrive over SSE into the react-query cache; the reading
 * (statuses, outcome, edges that ran) is recomputed from them, and the graph, header and
 * panels are plain functions of that reading.
 */
export function ExecutionView(props: ExecutionViewProps) {
  const { executionArn, name, streamUrl, definition, layout, history, order, initialOrder, targetLabel, initialAt, audienceUrl, stateMachineArn } = props;
  const initialEvents = useInitialHistory(history);
  const queryClient = useQueryClient();

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
  // The graph depends on the definition only: built once, not again for every live batch.
  const graph = useMemo(() => buildGraph(definition), [definition]);
  const detail = useMemo(() => readExecutionDetail(definition, events, graph), [definition, events, graph]);
  const reading = detail.reading;
  // Replay: the panels show events 1..N; the header and its actions stay on the real execution.
  const replay = useReplay(events, initialAt);
  // Once a replay of an ended execution begins, its checkpoints are taken while the page is idle.
  const shown = useReplayDetail(definition, graph, replay, detail, events, replay.replaying && reading.executionStatus !== 'RUNNING');
  // Narrated once per batch of events; each replay position only looks its sentence up.
  // Narrating reads the whole history (0.1 s for 25,000 events), so it waits until the page
  // is drawn and live: the server and the hydrating render see no events here, and the line
  // fills a moment later. A live batch keeps the previous line until its own is told.
  const narrated = useDeferredValue(events, NOT_YET_NARRATED);
  const sentences = useMemo(() => narrateEvents(narrated, { definition, graph }), [narrated, definition, graph]);
  const narration = narrated === NOT_YET_NARRATED ? NARRATION_PENDING : latestSentence(sentences, Math.min(replay.count, narrated.length));
  const recovery = useMemo<Recovery>(() => ({ plan: redrivePlan(graph, reading), undo: stillToUndo(graph, reading) }), [graph, reading]);

  // Presenter mode (`?present`, or the p key): the outcome and the graph fill the screen.
  const presenter = usePresenter();
  const target = useExecutionTarget();
  const onRunAgain = useCallback(() => {
    if (!target) return;
    // Success opens the new execution; a refusal is the header's to show, in normal mode.
    startTransition(async () => {
      await runAgain({ name: target.name, stateMachineArn: target.stateMachineArn });
    });
  }, [target]);
  const keys = <PresenterKeys presenting={presenter.on} onToggle={presenter.toggle} onRunAgain={onRunAgain} onPreset={startPresetAt} />;

  if (presenter.on) {
    return (
      <div className={`${styles.page} ${styles.screen}`} data-screen data-presenting>
        <PresenterStage name={name} definition={definition} reading={shown.detail.reading} narration={narration} />
        {keys}
      </div>
    );
  }

  return (
    <div className={`${styles.page} ${styles.screen}`} data-screen>
      {keys}
      <ExecutionHeader name={name} reading={reading} live={status} targetLabel={targetLabel} recovery={recovery} />
      <RecoveryPanel recovery={recovery} />
      {status.state === 'unavailable' && (
        <ErrorBanner
          tone="quiet"
          title="Live updates interrupted"
          message={`${status.message} Retrying in ${Math.ceil(status.retryInMs / 1000)} s.`}
        />
      )}
      <ReplayBar
        replay={replay}
        running={reading.executionStatus === 'RUNNING'}
        narration={narration}
        extra={<AudienceLink name={name} stateMachineArn={stateMachineArn} publicUrl={audienceUrl} />}
      />
      <ExecutionDetailView
        definition={definition}
        layout={layout}
        events={replay.shown}
        detail={shown.detail}
        replay={shown.replay}
        aside={
          order &&
          (replay.replaying ? (
            <ReplayDataPanel orderId={order.orderId} events={replay.shown} />
          ) : (
            <DataPanel orderId={order.orderId} sku={order.sku} initialData={initialOrder} />
          ))
        }
        logsOf={executionArn}
      />
    </div>
  );
}
