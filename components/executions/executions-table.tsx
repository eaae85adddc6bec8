'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { firstPage, listQuery, nextPage, pageLabel, previousPage, type ListFilters } from '@/lib/executions/filters';
import type { ListResult } from '@/lib/executions/query';
import type { ExecutionList, ListedMachine } from '@/lib/executions/server';
import { ExecutionStatusBadge, OutcomeBadge, StepCell } from './badges';
import { formatRunTime, formatStart, truncateMiddle } from './format';
import styles from './executions.module.css';
import { executionHref } from '@/lib/executions/urls';

/** The server shares ListExecutions calls over this same window, so refreshing faster would only re-read its cache. */
const REFRESH_MS = 5_000;

async function fetchList(query: string, signal: AbortSignal): Promise<ListResult> {
  const response = await fetch(`/api/executions?${query}`, { signal, cache: 'no-store' });
  if (!response.headers.get('content-type')?.includes('application/json')) {
    throw new Error(`The dashboard answered ${response.status} ${response.statusText}.`);
  }
  const body = (await response.json()) as ExecutionList;
  if (body.kind === 'list') return body.result;
  throw new Error(body.kind === 'bad-filters' ? body.problems.join('; ') : body.error.message);
}

const hrefOf = (filters: ListFilters) => `/executions?${listQuery(filters)}`;

/**
 * The list itself, refreshed while the tab is visible (react-query pauses the interval in
 * a hidden tab). The first render uses the server's page, so nothing loads twice.
 */
export function ExecutionsTable({ initial, filters, machine }: { initial: ListResult; filters: ListFilters; machine: ListedMachine }) {
  const query = listQuery(filters);
  const { data, error } = useQuery({
    queryKey: ['executions', query],
    queryFn: ({ signal }) => fetchList(query, signal),
    initialData: initial,
    initialDataUpdatedAt: initial.asOf,
    staleTime: REFRESH_MS,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  const previous = previousPage(filters);
  const unfiltered = query === listQuery({ sm: filters.sm, prev: [] });
  return (
    <section className={`card ${styles.tableCard}`} aria-label="Executions">
      <div className={styles.summary} data-testid="list-summary">
        <span>
          Page {pageLabel(filters)} · <span data-testid="row-count">{data.rows.length}</span> shown
          {data.scanned !== data.rows.length && ` of ${data.scanned} read`}
        </span>
        <span className={styles.muted} data-testid="list-as-of" data-as-of={data.asOf}>
          Updated {formatStart(data.asOf)}
        </span>
      </div>
      {error && (
        <p className={`banner banner--quiet ${styles.note}`} role="status" data-testid="refresh-error">
          Could not refresh: {error.message} Showing the list as of {formatStart(data.asOf)}.
        </p>
      )}
      {data.factsError && (
        <p className={`banner banner--quiet ${styles.note}`} role="status" data-testid="facts-error">
          Some outcomes could not be read: {data.factsError}
        </p>
      )}
      {data.partial && (
        <p className={styles.note} data-testid="partial-note">
          Read {data.scanned} executions for this page without filling it. Next page searches older ones.
        </p>
      )}
      {data.rows.length === 0 ? (
        <p className={styles.empty} data-testid="no-executions">
          {unfiltered ? (
            <>
              No executions yet. <Link href="/">Start an order</Link>.
            </>
          ) : (
            'No executions match these filters on this page.'
          )}
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="executions-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scenario</th>
                <th scope="col">Status</th>
                <th scope="col">Outcome</th>
                <th scope="col">Current or failed step</th>
                <th scope="col">Started (UTC)</th>
                <th scope="col" className={styles.number}>
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr
                  key={row.executionArn}
                  data-testid="execution-row"
                  data-name={row.name}
                  data-status={row.status}
                  data-outcome={row.outcome ?? ''}
                  data-scenario={row.scenario ?? ''}
                >
                  <td>
                    <Link
                      href={executionHref(row.name, machine.arn)}
                      className={styles.name}
                      title={row.name}
                      aria-label={row.name}
                      data-testid="row-link"
                    >
                      {truncateMiddle(row.name)}
                    </Link>
                  </td>
                  <td className={styles.nowrap}>{row.scenario ?? <span className={styles.muted}>—</span>}</td>
                  <td>
                    <ExecutionStatusBadge status={row.status} />
                  </td>
                  <td>
                    <OutcomeBadge outcome={row.outcome} />
                  </td>
                  <td>
                    <StepCell step={row.step} />
                  </td>
                  <td className={styles.time}>{formatStart(row.startedAt, 'no-zone')}</td>
                  <td className={`${styles.time} ${styles.number}`}>{formatRunTime(row, data.asOf)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className={styles.pager} aria-label="Pages">
        <span className={styles.pagerGroup}>
          {filters.prev.length > 0 && (
            <Link href={hrefOf(firstPage(filters))} className="btn" data-testid="page-first">
              ⇤ First
            </Link>
          )}
          {previous && (
            <Link href={hrefOf(previous)} className="btn" data-testid="page-previous">
              ← Previous
            </Link>
          )}
        </span>
        {data.nextToken !== undefined && (
          <Link href={hrefOf(nextPage(filters, data.nextToken))} className="btn" data-testid="page-next">
            Next page →
          </Link>
        )}
      </nav>
    </section>
  );
}
