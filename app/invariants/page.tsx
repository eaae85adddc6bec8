import type { Metadata } from 'next';
import { InvariantsView } from '@/components/invariants/invariants-view';
import styles from '@/components/invariants/invariants.module.css';
import { ErrorBanner } from '@/components/ui/banner';
import { loadInvariants } from '@/lib/invariants/load';
import { errorInfo } from '@/lib/sfn';

export const metadata: Metadata = { title: 'Invariants · Saga Dashboard' };
export const dynamic = 'force-dynamic';

/** `/invariants`: the saga's business invariants over the real tables, each green or red. */
export default async function InvariantsPage() {
  const report = await loadInvariants().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, message: errorInfo(error).message }),
  );
  return (
    <main className={`page ${styles.stack}`}>
      <header className={styles.intro}>
        <h1>Invariants</h1>
        <p className={styles.muted}>
          What must hold however many sagas ran at once and however they failed, checked over the orders, stock and payments tables.
        </p>
      </header>
      {report.ok ? <InvariantsView report={report.value} /> : <ErrorBanner title="Cannot read the saga's tables" message={report.message} />}
    </main>
  );
}
