import type { Metadata } from 'next';
import Link from 'next/link';
import { AggregateView } from '@/components/aggregate/aggregate-view';
import { loadAggregatePage } from '@/components/aggregate/load';
import { requireRead } from '@/lib/access/server';
import { listedMachineArn } from '@/lib/executions/server';
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
  const params = await searchParams;
  // 403 for a machine off the allow-list, before anything is listed or read.
  await requireRead(listedMachineArn(params));
  const page = await loadAggregatePage(params);
  return (
    <main className={`page ${styles.stack}`}>
      <header className={styles.intro}>
        <h1>Aggregate</h1>
        <span className={styles.muted}>
          Every matching execution on one layout: where runs went wrong, how long each step took, and why.{' '}
          {page.kind !== 'bad-filters' && page.filters.batch && (
            <>
              Batch <span className="mono">{page.filters.batch}</span> ·{' '}
            </>
          )}
          <Link href={page.kind === 'ok' ? `/executions?${page.query}` : '/executions'}>the executions list</Link>
        </span>
      </header>
      {page.kind === 'bad-filters' ? (
        <>
          <FilterForm filters={{ prev: [] }} action="/aggregate" />
          <section className="banner" role="alert" data-testid="filter-error">
            <div className="banner__body">
              <div className="banner__title">These filters cannot be applied</div>
              <ul>
                {page.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          </section>
        </>
      ) : (
        <FilterForm filters={page.filters} action="/aggregate" />
      )}
      {page.kind === 'error' && <ErrorBanner title="Cannot read the executions" message={page.message} />}
      {page.kind === 'ok' && page.layout && <AggregateView layout={page.layout} query={page.query} initial={page.snapshot} sm={page.filters.sm} />}
    </main>
  );
}
