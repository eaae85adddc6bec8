import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AggregatePending } from '@/components/aggregate/aggregate-pending';
import { AggregateView } from '@/components/aggregate/aggregate-view';
import { aggregateFilters, loadAggregate } from '@/components/aggregate/load';
import styles from '@/components/aggregate/aggregate.module.css';
import { FilterForm } from '@/components/executions/filter-form';
import { ErrorBanner } from '@/components/ui/banner';
import type { ListFilters } from '@/lib/executions/filters';

export const metadata: Metadata = { title: 'Aggregate · Saga Dashboard' };

/**
 * `/aggregate?<executions list filters>&batch=`: per-state counts, outcomes, latencies and errors over many executions.
 * The page's frame (its stylesheets, scripts, header and filters) streams at once; the
 * aggregate follows as soon as its reading is ready, so the browser fetches and starts
 * the page meanwhile instead of after the executions are listed.
 */
export default async function AggregatePage({ searchParams }: PageProps<'/aggregate'>) {
  const request = aggregateFilters(await searchParams);
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
        <>
          <FilterForm filters={request.filters} action="/aggregate" />
          <Suspense key={request.query} fallback={<AggregatePending />}>
            <LoadedAggregate filters={request.filters} query={request.query} />
          </Suspense>
        </>
      )}
    </main>
  );
}

async function LoadedAggregate({ filters, query }: { filters: ListFilters; query: string }) {
  const loaded = await loadAggregate(filters, query);
  if (loaded.kind === 'error') return <ErrorBanner title="Cannot read the executions" message={loaded.message} />;
  return <AggregateView layout={loaded.layout} query={query} initial={loaded.snapshot} sm={filters.sm} />;
}
