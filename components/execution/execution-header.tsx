import Link from 'next/link';
import type { ExecutionReading } from '@/lib/history/types';
import type { LiveStatus } from '@/lib/live/status';
import { OUTCOME_LABEL, OUTCOME_MEANING, OUTCOME_TONE, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import { TargetChip } from '@/components/ui/site-header';
import styles from './execution.module.css';
import panel from '@/components/ui/panel.module.css';
import { ExecutionActions } from './execution-actions';
import type { Recovery } from './recovery';
import { executionDuration, formatDuration, formatTime } from '@/components/ui/format';
import { parsePayload } from '@/lib/core/values';
import { LiveIndicator } from './live-indicator';

/**
 * Execution status, the saga outcome in words a room can read, the error when there is
 * one, and (on the execution page) the actions: stop, redrive, run again, export, compare.
 */
export function ExecutionHeader({
  name,
  reading,
  live,
  targetLabel,
  recovery,
}: {
  name: string;
  reading: ExecutionReading;
  /** the execution page's redrive plan: actions need it; a file opened on the import page has none to act on */
  recovery?: Recovery;
  live: LiveStatus;
  targetLabel: string;
}) {
  const outcome = reading.sagaOutcome;
  const tone = STATUS_VAR[OUTCOME_TONE[outcome]];
  const duration = executionDuration(reading);
  return (
    <header className={`card ${styles.header}`}>
      <div className={styles.headerLeft}>
        <div className={styles.headerTop}>
          <nav aria-label="Breadcrumb" className={styles.crumbs}>
            <Link href="/">Start</Link> <span aria-hidden="true">/</span> <span>Execution</span>
          </nav>
          <h1 className={styles.title} data-testid="execution-name">
            {name}
          </h1>
          <dl className={styles.meta}>
            <div>
              <dt>Execution</dt>
              <dd data-testid="execution-status" data-status={reading.executionStatus}>
                {reading.executionStatus}
              </dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{formatTime(reading.startedAt)}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>
                {duration !== undefined
                  ? formatDuration(duration)
                  : // An ended execution without times (some exported files) has no duration to show.
                    reading.executionStatus === 'RUNNING'
                    ? 'running…'
                    : '—'}
              </dd>
            </div>
            <div>
              <dt>Events</dt>
              <dd data-testid="event-count">{reading.eventCount}</dd>
            </div>
            {reading.redriveCount !== undefined && reading.redriveCount > 0 && (
              <div>
                <dt>Redriven</dt>
                <dd data-testid="redrive-count" data-count={reading.redriveCount}>
                  {reading.redriveCount === 1 ? 'once' : `${reading.redriveCount} times`}
                </dd>
              </div>
            )}
          </dl>
          <div className={styles.headerChips}>
            <LiveIndicator status={live} />
            <TargetChip label={targetLabel} />
          </div>
        </div>
        {/* A stuck rollback's panel says where it stopped and why: the line would repeat it. */}
        {(reading.error || reading.cause) && !recovery?.undo && (
          // One line, so the graph keeps the screen; the whole cause is one hover or click away (Input & output).
          <div className={`${panel.errorBox} ${styles.errorBox}`} data-testid="execution-error" title={reading.cause}>
            <p className={styles.errorLine}>
              <strong>{reading.error ?? 'Error'}</strong>
              {reading.cause && <span className={styles.cause}>{causeText(reading.cause)}</span>}
            </p>
          </div>
        )}
        {recovery && <ExecutionActions reading={reading} recovery={recovery} />}
      </div>
      <div className={styles.outcome} data-tone={tone}>
        <span className={styles.outcomeCaption}>Saga outcome</span>
        <span className={styles.outcomeLabel} data-testid="saga-outcome" data-outcome={outcome}>
          <StatusIcon status={OUTCOME_TONE[outcome]} size={30} />
          {outcome}
        </span>
        <span className={styles.outcomeMeaning}>
          <span className="visually-hidden">{OUTCOME_LABEL[outcome]}: </span>
          {OUTCOME_MEANING[outcome]}
        </span>
      </div>
    </header>
  );
}

/** A cause on one line: a JSON error object reads best as its message. */
function causeText(cause: string): string {
  const parsed = parsePayload(cause);
  if (typeof parsed === 'object' && parsed !== null && 'errorMessage' in parsed && typeof parsed.errorMessage === 'string') {
    return parsed.errorMessage;
  }
  return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
}
