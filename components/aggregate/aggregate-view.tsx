'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { AggregateSnapshot } from '@/lib/aggregate/reader';
import type { AggregateSummary } from '@/lib/aggregate/summarize';
import type { LaidOutGraph } from '@/lib/asl/types';
import { executionHref } from '@/lib/executions/urls';
import { SAGA_OUTCOMES } from '@/lib/history/types';
import { FlowGraph } from '@/components/graph/flow-graph';
import { OUTCOME_LABEL } from '@/components/graph/status';
import { formatDuration } from '@/components/ui/format';
import styles from './aggregate.module.css';

const POLL_MS = 1_000;

async function fetchSnapshot(query: string, signal: AbortSignal): Promise<AggregateSnapshot> {
  const response = await fetch(`/api/aggregate?${query}`, { signal, cache: 'no-store' });
  // A refusal (403, the allow-list) has the routes' error shape; every other answer is a snapshot.
  const body = (await response.json()) as AggregateSnapshot | { error: { message: string } };
  return 'error' in body ? { state: 'error', message: body.error.message } : body;
}

/**
 * The aggregate: polled while a cold read runs (it shows how far it got), then the
 * heatmap, the outcomes, the latencies and the errors. A finished reading is kept until
 * the person asks for a fresh one.
 */
export function AggregateView({ layout, query, initial, sm }: { layout: LaidOutGraph; query: string; initial: AggregateSnapshot; sm?: string }) {
  const { data, refetch, isFetching } = useQuery({
    queryKey: ['aggregate', query],
    queryFn: ({ signal }) => fetchSnapshot(query, signal),
    initialData: initial,
    staleTime: Infinity,
    refetchInterval: (q) => (q.state.data?.state === 'reading' || (q.state.data?.state === 'done' && q.state.data.refreshing) ? POLL_MS : false),
    retry: false,
  });
  if (data.state === 'error') {
    return (
      <p className="banner" role="alert" data-testid="aggregate-error">
        {data.message}
      </p>
    );
  }
  const summary = data.state === 'done' ? data.summary : undefined;
  return (
    <>
      <div className={styles.status} data-testid="aggregate-status" data-state={data.state}>
        {data.state === 'reading' ? (
          <>
            <span>
              Reading histories: <strong data-testid="aggregate-read">{data.read}</strong> of {data.toRead} new ({data.total - data.toRead} already
              known), at most 20 a second
            </span>
            <div className={styles.bar} role="progressbar" aria-valuemin={0} aria-valuemax={data.toRead} aria-valuenow={data.read}>
              <div style={{ width: `${data.toRead === 0 ? 0 : (100 * data.read) / data.toRead}%` }} />
            </div>
          </>
        ) : (
          <>
            <span>
              <strong data-testid="aggregate-count">{summary?.executions ?? 0}</strong> executions
              {data.toRead > 0 ? ` · ${data.toRead} histories read now, the rest known` : ' · every history already known'}
              {data.truncated && ' · only the newest 10,000 listed'}
              {data.refreshing && ' · refreshing…'}
            </span>
            <button type="button" className="btn btn--ghost" onClick={() => void refetch()} disabled={isFetching} data-testid="aggregate-refresh">
              Refresh
            </button>
          </>
        )}
      </div>
      <div className={styles.body}>
        <section className={`card ${styles.graphCard}`} aria-label="Per-state counts">
          <FlowGraph layout={layout} counts={summary?.states ?? {}} />
          <Legend />
        </section>
        <div className={styles.side}>
          {summary && <Outcomes summary={summary} />}
          {summary && <Latencies summary={summary} />}
        </div>
      </div>
      {summary && <Errors summary={summary} sm={sm} />}
    </>
  );
}

function Legend() {
  return (
    <p className={styles.legend}>
      Badges count the executions that left each state succeeded, caught, failed or aborted; the redder a state, the larger the share
      that went wrong there.
    </p>
  );
}

function Outcomes({ summary }: { summary: AggregateSummary }) {
  const max = Math.max(1, ...Object.values(summary.outcomes));
  return (
    <section className={`card ${styles.panel}`} aria-label="Outcomes" data-testid="aggregate-outcomes">
      <h2 className="card__title">Outcomes</h2>
      <ul className={styles.outcomes}>
        {SAGA_OUTCOMES.filter((o) => (summary.outcomes[o] ?? 0) > 0).map((o) => (
          <li key={o} data-testid={`outcome-${o}`} data-count={summary.outcomes[o]} data-outcome={o}>
            <span className={styles.outcomeName}>{OUTCOME_LABEL[o]}</span>
            <span className={styles.outcomeBar}>
              <span style={{ width: `${(100 * (summary.outcomes[o] ?? 0)) / max}%` }} />
            </span>
            <strong>{summary.outcomes[o]}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Latencies({ summary }: { summary: AggregateSummary }) {
  const rows = Object.entries(summary.latency).sort((a, b) => b[1].p95 - a[1].p95);
  return (
    <section className={`card ${styles.panel}`} aria-label="Step latency" data-testid="aggregate-latency">
      <h2 className="card__title">Step latency</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">runs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, l]) => (
            <tr key={name} data-testid={`latency-${name}`}>
              <td>{name}</td>
              <td>{formatDuration(l.p50)}</td>
              <td>{formatDuration(l.p95)}</td>
              <td>{l.samples}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Errors({ summary, sm }: { summary: AggregateSummary; sm: string | undefined }) {
  return (
    <section className={`card ${styles.panel}`} aria-label="Most frequent errors" data-testid="aggregate-errors">
      <h2 className="card__title">Most frequent errors</h2>
      {summary.errors.length === 0 ? (
        <p className={styles.legend}>No state failed or caught an error.</p>
      ) : (
        <ol className={styles.errors}>
          {summary.errors.map((e) => (
            <li key={`${e.state}-${e.error}`} data-testid="error-group">
              <strong className={styles.errorCount}>{e.count}×</strong>
              <span>
                <span className="mono">{e.error}</span> at <strong>{e.state}</strong>
                <span className={styles.errorMessage}>{e.message}</span>
              </span>
              <span className={styles.examples}>
                {e.examples.map((name) => (
                  <Link key={name} href={executionHref(name, sm)} className="mono">
                    {name}
                  </Link>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
