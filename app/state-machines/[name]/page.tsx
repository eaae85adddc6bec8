import { notFound } from 'next/navigation';
import { attempt } from '@/lib/sfn';
import { loadMachine } from '@/components/state-machines/load';
import { MachineView } from '@/components/state-machines/machine-view';
import { ErrorBanner } from '@/components/ui/banner';

export default async function StateMachinePage({ params }: PageProps<'/state-machines/[name]'>) {
  const { name } = await params;
  const detail = await attempt(() => loadMachine(decodeURIComponent(name)));
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
