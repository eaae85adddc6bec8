'use client';

import { useCanWrite } from '@/components/access/access-context';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import type { BatchProgressView } from '@/lib/batch/server';
import { SAGA_OUTCOMES } from '@/lib/history/types';
import { OUTCOME_LABEL } from '@/components/graph/status';
import { cancelBatch, resumeBatch } from './actions';
import styles from './batch.module.css';
import { batchApiPath } from './urls';

const POLL_MS = 1_000;

async function fetchProgress(path: string, signal: AbortSignal): Promise<BatchProgressView> {
  const response = await fetch(path, { signal, cache: 'no-store' });
  const body = (await response.json()) as BatchProgressView | { error: string };
  if ('error' in body) throw new Error(body.error);
  return body;
}

/** A batch as it runs: a bar of finished orders, tallies by outcome, cancel; polled until every order has ended. */
export function BatchProgress({ batchId, settingsToken, initial }: { batchId: string; settingsToken: string; initial: BatchProgressView }) {
  const path = batchApiPath(batchId, settingsToken);
  const { data, error, refetch } = useQuery({
    queryKey: ['batch', batchId],
    queryFn: ({ signal }) => fetchProgress(path, signal),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.done ? false : POLL_MS),
    retry: false,
  });
  const [message, setMessage] = useState<string>();
  const [acting, startAction] = useTransition();
  const canWrite = useCanWrite();
  const act = (run: () => Promise<{ ok: boolean; message?: string }>) =>
    startAction(async () => {
      const result = await run();
      setMessage(result.ok ? undefined : result.message);
      await refetch();
    });

  const ended = data.tallies.seen - (data.tallies.byStatus.RUNNING ?? 0);
  const runner = data.runner;
  const starting = runner?.state === 'running';
  const canResume = !runner && data.tallies.seen < data.planned;
  return (
    <section className={`card ${styles.progress}`} data-testid="batch-progress" data-done={data.done} aria-label="Batch progress">
      <div className={styles.progressHead}>
        <h2>
          Batch <span className="mono" data-testid="batch-id">{batchId}</span>
        </h2>
        <span className={styles.muted} data-testid="batch-state">
          {data.done ? 'Finished' : starting ? 'Starting orders' : runner?.state === 'cancelled' ? 'Cancelled: running orders finish' : 'Running'}
        </span>
      </div>
      <div className={styles.bar} role="progressbar" aria-valuemin={0} aria-valuemax={data.planned} aria-valuenow={ended} aria-label="Orders ended">
        <div className={styles.barStarted} style={{ width: `${(100 * data.tallies.seen) / data.planned}%` }} />
        <div className={styles.barEnded} style={{ width: `${(100 * ended) / data.planned}%` }} />
      </div>
      <p className={styles.counts}>
        <span data-testid="batch-ended">{ended}</span> of <span data-testid="batch-planned">{data.planned}</span> ended ·{' '}
        <span data-testid="batch-started">{data.tallies.seen}</span> started · {data.tallies.byStatus.RUNNING ?? 0} running
        {data.tallies.reading > 0 && ` · reading ${data.tallies.reading} outcomes`}
        {runner && runner.throttled > 0 && ` · ${runner.throttled} starts throttled and retried`}
      </p>
      <ul className={styles.tallies} aria-label="Outcomes">
        {SAGA_OUTCOMES.filter((o) => o !== 'RUNNING').map((o) => (
          <li key={o} className={styles.tally} data-testid={`tally-${o}`} data-count={data.tallies.byOutcome[o] ?? 0} data-outcome={o}>
            <strong>{data.tallies.byOutcome[o] ?? 0}</strong>
            <span>{OUTCOME_LABEL[o]}</span>
          </li>
        ))}
      </ul>
      {runner && runner.failed.length > 0 && (
        <details className={styles.problems} data-testid="batch-failed-starts">
          <summary>{runner.failed.length} orders could not be started</summary>
          <ul>
            {runner.failed.slice(0, 20).map((f) => (
              <li key={f.name}>
                <span className="mono">{f.name}</span>: {f.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {(error ?? message) && (
        <p className="banner banner--quiet" role="status" data-testid="batch-message">
          {message ?? error?.message}
        </p>
      )}
      <div className={styles.actions}>
        {canWrite && starting && (
          <button type="button" className="btn" disabled={acting} onClick={() => act(() => cancelBatch(batchId))} data-testid="batch-cancel">
            Cancel
          </button>
        )}
        {canWrite && canResume && (
          <button type="button" className="btn" disabled={acting} onClick={() => act(() => resumeBatch(batchId, settingsToken))} data-testid="batch-resume">
            Start the rest
          </button>
        )}
        <Link className="btn" href={`/executions?batch=${batchId}`} data-testid="batch-executions">
          Its executions
        </Link>
        <Link className="btn btn--primary" href={`/aggregate?batch=${batchId}`} data-testid="batch-aggregate">
          Heatmap and latencies
        </Link>
        <Link className="btn btn--ghost" href="/batch">
          New batch
        </Link>
      </div>
    </section>
  );
}
