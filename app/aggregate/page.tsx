import type { Metadata } from 'next';
import Link from 'next/link';
import { AggregateView } from '@/components/aggregate/aggregate-view';
import { aggregateFilters, loadAggregate } from '@/components/aggregate/load';
import styles from '@/components/aggregate/aggregate.module.css';
import { FilterForm } from '@/components/executions/filter-form';
import { ErrorBanner } from '@/components/ui/banner';

export const metadata: Metadata = { title: 'Aggregate · Saga Dashboard' };

/**
 * `/aggregate?<executions list filters>&batch=`: per-state counts, outcomes, latencies and errors over many executions.
 * Rendered whole, not streamed behind a Suspense boundary: a warm reading is ready within
 * about a tenth of a second, and React reveals a streamed boundary no sooner than 300 ms
 * after the frame's first paint, so streaming showed the heatmap later, not sooner.
 */
export default async function AggregatePage({ searchParams }: PageProps<'/aggregate'>) {
  const request = aggregateFilters(await searchParams);
  const loaded = request.kind === 'filters' ? await loadAggregate(request.filters, request.query) : undefined;
  return (
    <main className={`page ${styles.stack}`}>
      <header className={styles.intro}>
        <h1>Aggregate</h1>
        <span className={styles.muted}>
          Every matching execution on one layout: where runs went wrong, how long each step took, and why.{' '}
          {request.kind === 'filters' && request.filters.batch && (
            <>
              Batch <span className="mono">{request.filters.batch}</span> ·{' '}
            </>
          )}
          <Link href={request.kind === 'filters' ? `/executions?${request.query}` : '/executions'}>the executions list</Link>
        </span>
      </header>
      {request.kind === 'bad-filters' ? (
        <>
          <FilterForm filters={{ prev: [] }} action="/aggregate" />
          <section className="banner" role="alert" data-testid="filter-error">
            <div className="banner__body">
              <div className="banner__title">These filters cannot be applied</div>
              <ul>
                {request.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          </section>
        </>
      ) : (
        <FilterForm filters={request.filters} action="/aggregate" />
      )}
      {loaded?.kind === 'error' && <ErrorBanner title="Cannot read the executions" message={loaded.message} />}
      {request.kind === 'filters' && loaded?.kind === 'ok' && (
        <AggregateView layout={loaded.layout} query={request.query} initial={loaded.snapshot} sm={request.filters.sm} />
      )}
    </main>
  );
}
