import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareNotice } from '@/components/compare/compare-notice';
import { ComparePicker } from '@/components/compare/compare-picker';
import { readCompareQuery } from '@/components/compare/compare-query';
import styles from '@/components/compare/compare.module.css';
import { CompareView } from '@/components/compare/compare-view';
import { loadComparison } from '@/components/compare/load';
import { ErrorBanner } from '@/components/ui/banner';
import { requireRead } from '@/lib/access/server';

export const metadata: Metadata = { title: 'Compare executions · Saga Dashboard' };

/** `/compare?a=<name>&b=<name>&sm=<machine>`: two executions side by side. */
export default async function ComparePage({ searchParams }: PageProps<'/compare'>) {
  const request = readCompareQuery(await searchParams);
  if (request.kind === 'ready') await requireRead(request.query.sm);
  const given = request.kind === 'ready' ? request.query : request.given;
  const comparison = request.kind === 'ready' ? await loadComparison(request.query) : undefined;
  const failures = comparison ? [comparison.a, comparison.b].flatMap((side) => (side.ok ? [] : [side])) : [];

  return (
    <main className={`page ${styles.stack}`}>
      <header className={`card ${styles.header}`}>
        <nav aria-label="Breadcrumb" className={styles.crumbs}>
          <Link href="/">Start</Link> <span aria-hidden="true">/</span> <span>Compare</span>
        </nav>
        <h1 className={styles.title}>Compare two executions</h1>
        <ComparePicker a={given.a} b={given.b} sm={given.sm} />
      </header>
      {request.kind === 'incomplete' && (
        <p className={styles.note} data-testid="compare-message">
          Give two execution names to compare, for example the happy path and “payment fails”.
        </p>
      )}
      {request.kind === 'invalid' && <CompareNotice title="Cannot compare these" message={request.message} />}
      {failures.map((side, i) =>
        side.notFound ? (
          <CompareNotice key={`${i}-${side.name}`} title={`Cannot load “${side.name}”`} message={side.message} />
        ) : (
          <ErrorBanner key={`${i}-${side.name}`} title={`Cannot load “${side.name}”`} message={side.message} />
        ),
      )}
      {comparison?.a.ok && comparison.b.ok && (
        <CompareView a={comparison.a.side} b={comparison.b.side} sameDefinition={comparison.sameDefinition} sm={given.sm} />
      )}
    </main>
  );
}
