'use client';

import { useQuery } from '@tanstack/react-query';
import { parseStatesArn, statesArn } from '@/lib/core/arn';
import type { StepLogs } from '@/lib/step-logs/types';
import { formatTime } from '@/components/ui/format';
import panel from '@/components/ui/panel.module.css';
import styles from './step-logs.module.css';

/** Lines are stamped by the handler; CloudWatch is asked a little around the visit so clock skew loses none. */
const WINDOW_SLACK_MS = 5_000;

async function fetchStepLogs(executionArn: string, stateName: string, from: number, to: number): Promise<StepLogs> {
  const arn = parseStatesArn(executionArn);
  const [executionName] = arn?.qualifier ?? [];
  if (!arn || executionName === undefined) throw new Error(`Not an execution ARN: ${executionArn}`);
  const sm = statesArn(arn, ['stateMachine', arn.name]);
  const query = new URLSearchParams({ state: stateName, from: String(from), to: String(to), sm });
  const res = await fetch(`/api/executions/${encodeURIComponent(executionName)}/logs?${query.toString()}`);
  const body = (await res.json()) as StepLogs | { error: { message: string } };
  if ('error' in body) throw new Error(body.error.message);
  return body;
}

/**
 * What the step's handler logged, under the state panel's data: the engine's captured lines
 * locally, the function's CloudWatch log group on AWS (with the Logs Insights query and the
 * X-Ray trace a click away). Re-read while the step runs and once when it ends.
 */
export function StepLogsView({
  executionArn,
  stateName,
  enteredAt,
  exitedAt,
}: {
  executionArn: string;
  stateName: string;
  enteredAt: number | undefined;
  exitedAt: number | undefined;
}) {
  const running = exitedAt === undefined;
  const from = (enteredAt ?? 0) - WINDOW_SLACK_MS;
  const { data, error, isPending } = useQuery({
    queryKey: ['step-logs', executionArn, stateName, enteredAt, exitedAt],
    queryFn: () => fetchStepLogs(executionArn, stateName, Math.max(0, from), (exitedAt ?? Date.now()) + WINDOW_SLACK_MS),
    refetchInterval: running ? 2_000 : false,
  });
  return (
    <section aria-label="Log lines" data-testid="step-logs">
      <h3 className={`card__title ${panel.subTitle}`}>Logs</h3>
      {error && <p className={panel.muted}>Logs could not be read: {error.message}</p>}
      {isPending && <p className={panel.muted}>Reading logs…</p>}
      {data && data.lines.length === 0 && <p className={panel.muted}>No log lines{running ? ' yet' : ''}.</p>}
      {data && data.lines.length > 0 && (
        <ol className={styles.lines}>
          {data.lines.map((line, i) => (
            <li key={i} className={styles.line} data-level={line.level} data-testid="step-log-line">
              <time className={styles.time}>{formatTime(line.timestamp)}</time>
              <span className={styles.level}>{line.level}</span>
              <span className={styles.message}>{line.message}</span>
            </li>
          ))}
        </ol>
      )}
      {data?.truncated && <p className={panel.muted}>More lines matched than are shown here.</p>}
      {(data?.links.insights ?? data?.links.trace) && (
        <p className={styles.links}>
          {data.links.insights && (
            <a href={data.links.insights} target="_blank" rel="noreferrer">
              Open in Logs Insights
            </a>
          )}
          {data.links.trace && (
            <a href={data.links.trace} target="_blank" rel="noreferrer">
              X-Ray trace
            </a>
          )}
        </p>
      )}
    </section>
  );
}
