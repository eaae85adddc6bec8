import type { Metadata } from 'next';
import { BatchForm } from '@/components/batch/batch-form';
import { BatchProgress } from '@/components/batch/batch-progress';
import styles from '@/components/batch/batch.module.css';
import { ErrorBanner } from '@/components/ui/banner';
import { batchProgress } from '@/lib/batch/server';
import { decodeSettings } from '@/lib/batch/settings';
import { BATCH_ID_PATTERN } from '@/lib/saga/names';
import { errorInfo } from '@/lib/sfn';

export const metadata: Metadata = { title: 'Batch run · Saga Dashboard' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** `/batch`: the settings form; `/batch?id=&s=`: that batch's progress, rebuilt from Step Functions. */
export default async function BatchPage({ searchParams }: PageProps<'/batch'>) {
  const params = await searchParams;
  const id = one(params.id);
  const token = one(params.s);
  return (
    <main className={`page ${styles.stack}`}>
      <header className={styles.intro}>
        <h1>Many orders at once</h1>
        <p className={styles.muted}>
          Start a batch of orders with a mix of scenarios or random failures, watch the outcomes add up, then check the heatmap and
          the invariants.
        </p>
      </header>
      {id === undefined || token === undefined ? <BatchForm /> : await Progress(id, token)}
    </main>
  );
}

async function Progress(id: string, token: string) {
  const parsed = decodeSettings(token);
  if (!BATCH_ID_PATTERN.test(id) || !parsed.ok) {
    return <ErrorBanner title="Not a batch" message={parsed.ok ? 'The batch id is malformed.' : parsed.problems.join('; ')} />;
  }
  const progress = await batchProgress(id, parsed.settings).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, message: errorInfo(error).message }),
  );
  if (!progress.ok) return <ErrorBanner title="Cannot read the batch" message={progress.message} />;
  return <BatchProgress batchId={id} settingsToken={token} initial={progress.value} />;
}
