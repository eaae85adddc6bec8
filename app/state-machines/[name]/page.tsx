import { notFound } from 'next/navigation';
import { machineNameFromSegment } from '@/lib/executions/urls';
import { attempt } from '@/lib/sfn';
import { loadMachine } from '@/components/state-machines/load';
import { MachineView } from '@/components/state-machines/machine-view';
import { ErrorBanner } from '@/components/ui/banner';
import { requireRead } from '@/lib/access/server';

export default async function StateMachinePage({ params }: PageProps<'/state-machines/[name]'>) {
  const name = machineNameFromSegment((await params).name);
  if (name === undefined) notFound();
  // Checked by name before anything is listed or described.
  await requireRead(name);
  const detail = await attempt(() => loadMachine(name));
  if (detail.ok && !detail.value) notFound();
  return (
    <main className="page">
      {detail.ok && detail.value ? (
        <MachineView detail={detail.value} />
      ) : (
        <ErrorBanner title="Cannot load this state machine" message={detail.ok ? '' : detail.error.message} />
      )}
    </main>
  );
}
