import type { DataStep } from '@/lib/history/data-path';
import type { StateReading } from '@/lib/history/types';
import { DataPathView } from './data-path-view';
import { StepLogsView } from './step-logs';
import { STATUS_LABEL, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import styles from '@/components/ui/panel.module.css';
import { formatDuration, formatJson, formatTime } from '@/components/ui/format';

/**
 * Everything known about one state: the panel a click (or Enter) on a node, a timeline
 * bar or an event opens. `visit` picks one visit (a Map iteration, a loop); `dataPath`,
 * for Tasks, replaces the plain input and output with how the data moved.
 */
export function StatePanel({
  state,
  visit: visitIndex,
  dataPath,
  logsOf,
  onClose,
}: {
  state: StateReading | undefined;
  visit?: number;
  dataPath?: readonly DataStep[];
  /** the ARN of the execution whose step logs to show (a live one; an imported file has none to read) */
  logsOf?: string;
  onClose: () => void;
}) {
  if (!state) {
    return (
      <section className={`card ${styles.side}`} aria-label="State details" data-testid="state-panel">
        <h2 className="card__title">State details</h2>
        <p className={styles.muted}>Click a state, or focus it with Tab and press Enter, to see its input, output and timing.</p>
      </section>
    );
  }
  // Unless one is picked, the latest visit is the one people ask about ("why did it fail?").
  const shown = visitIndex !== undefined && visitIndex < state.visits.length ? visitIndex : state.visits.length - 1;
  const visit = state.visits[shown];
  return (
    <section className={`card ${styles.side}`} aria-labelledby="state-title" data-testid="state-panel">
      <div className={styles.sideHeader}>
        <h2 id="state-title" className={styles.stateTitle}>
          {state.name}
        </h2>
        <button type="button" className="btn btn--ghost" onClick={onClose} aria-label="Close state details">
          ✕
        </button>
      </div>
      <p className={styles.stateStatus} data-tone={STATUS_VAR[state.status]} data-testid="state-panel-status">
        <StatusIcon status={state.status} />
        {STATUS_LABEL[state.status]}
        {state.role === 'compensation' && <span className={styles.roleTag}>compensation</span>}
      </p>
      <dl className={styles.facts}>
        <dt>Started</dt>
        <dd>{formatTime(state.enteredAt)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(state.durationMs)}</dd>
        <dt>Attempts</dt>
        <dd data-testid="state-panel-attempts">{Math.max(state.attempts, state.visits.length > 0 ? 1 : 0)}</dd>
        {state.visits.length > 1 && (
          <>
            <dt>Visits</dt>
            <dd>{state.visits.length}</dd>
            <dt>Showing</dt>
            <dd data-testid="state-panel-visit">
              visit {shown + 1}
              {visit?.iteration !== undefined && ` (iteration ${visit.iteration})`}, {formatDuration(visit?.durationMs)}
            </dd>
          </>
        )}
      </dl>
      {(visit?.error || visit?.cause) && (
        <div className={styles.errorBox} data-testid="state-panel-error">
          <strong>{visit.error ?? 'Error'}</strong>
          {visit.cause && <pre className={styles.json}>{formatJson(visit.cause)}</pre>}
        </div>
      )}
      {dataPath ? (
        <>
          <h3 className={`card__title ${styles.subTitle}`}>Data path</h3>
          <DataPathView steps={dataPath} />
        </>
      ) : (
        <>
          <h3 className={`card__title ${styles.subTitle}`}>Input</h3>
          <pre className={styles.json} data-testid="state-panel-input">
            {formatJson(visit?.input)}
          </pre>
          <h3 className={`card__title ${styles.subTitle}`}>Output</h3>
          <pre className={styles.json} data-testid="state-panel-output">
            {formatJson(visit?.output)}
          </pre>
        </>
      )}
      {/* A data path means a Task: the only states with a handler that logs. */}
      {logsOf !== undefined && dataPath && visit && (
        <StepLogsView key={`${state.name}#${shown}`} executionArn={logsOf} stateName={state.name} enteredAt={visit.enteredAt} exitedAt={visit.exitedAt} />
      )}
    </section>
  );
}
