'use client';

import { useEffect, useMemo, useState } from 'react';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { readExecution } from '@/lib/history/read-execution';
import { useLiveEvents } from '@/lib/live/use-live-events';
import type { ExecutionEvent } from '@/lib/sfn/types';
import { FlowGraph } from '@/components/graph/flow-graph';
import { OUTCOME_MEANING, OUTCOME_TONE, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import { FOLLOW_EVENT, FOLLOW_STREAM_URL, type FollowMessage } from './follow-message';
import styles from './follow.module.css';

/** Its events all come over the stream, from the first one. */
const NO_EVENTS: readonly ExecutionEvent[] = [];

/**
 * The room's view: whatever the follow stream says the presenter shows now, switching by
 * itself when that moves. The page around it is the same for everyone and every moment, so
 * a room of phones loading it costs the server almost nothing; the state comes over the one
 * shared follow stream. (EventSource reconnects by itself, and the first message after a
 * reconnect says what is current, so a move during an outage is not lost.)
 */
export function FollowRoom() {
  const [shown, setShown] = useState<FollowMessage>({ waiting: 'Connecting to the presenter…' });
  useEffect(() => {
    const source = new EventSource(FOLLOW_STREAM_URL);
    source.addEventListener(FOLLOW_EVENT, (message) => {
      setShown(JSON.parse((message as MessageEvent<string>).data) as FollowMessage);
    });
    return () => source.close();
  }, []);
  if ('waiting' in shown) return <FollowWaiting message={shown.waiting} />;
  return <FollowView key={shown.executionArn} {...shown} />;
}

/**
 * What the room sees: the presenter's current execution, its outcome and its graph, live.
 * Read-only: no actions, no selection panel, no server action. Events come over the shared
 * stream (one poller per execution however many phones watch).
 */
function FollowView({
  name,
  executionArn,
  streamUrl,
  layout,
  definition,
}: {
  name: string;
  executionArn: string;
  streamUrl: string;
  layout: LaidOutGraph;
  definition: AslDefinition;
}) {
  const { events, status } = useLiveEvents({ executionArn, streamUrl, initialEvents: NO_EVENTS });
  const graph = useMemo(() => buildGraph(definition), [definition]);
  const reading = useMemo(() => readExecution(definition, events, graph), [definition, events, graph]);
  const outcome = reading.sagaOutcome;
  return (
    <div className={styles.view} data-testid="follow-view" data-execution={name}>
      <header className={styles.top} data-tone={STATUS_VAR[OUTCOME_TONE[outcome]]}>
        <div className={styles.names}>
          <span className={styles.caption}>
            Following the presenter{status.state === 'unavailable' ? ' · reconnecting…' : ''}
          </span>
          <h1 className={styles.name} title={name} data-testid="execution-name">
            {name}
          </h1>
        </div>
        <div className={styles.outcome}>
          <span className={styles.outcomeLabel} data-testid="saga-outcome" data-outcome={outcome}>
            <StatusIcon status={OUTCOME_TONE[outcome]} size={24} />
            {outcome}
          </span>
          <span className={styles.meaning}>{OUTCOME_MEANING[outcome]}</span>
          <span className="visually-hidden" data-testid="execution-status" data-status={reading.executionStatus}>
            {reading.executionStatus}
          </span>
        </div>
      </header>
      <section className={styles.graph} aria-label="The execution's graph">
        <FlowGraph layout={layout} reading={reading} />
      </section>
    </div>
  );
}

/** Nothing to show yet (or the current execution cannot be read): says so; the room switches when one starts. */
function FollowWaiting({ message }: { message: string }) {
  return (
    <div className={styles.waiting} data-testid="follow-waiting">
      <h1 className={styles.name}>Following the presenter</h1>
      <p>{message}</p>
    </div>
  );
}
