import { connection } from 'next/server';
import { attempt } from '@/lib/sfn';
import { listMachines } from '@/components/state-machines/load';
import { MachineList } from '@/components/state-machines/machine-list';
import { ErrorBanner } from '@/components/ui/banner';

export default async function StateMachinesPage() {
  await connection();
  const machines = await attempt(listMachines);
  return (
    <main className="page">
      <h1>State machines</h1>
      {machines.ok ? (
        <MachineList machines={machines.value} />
      ) : (
        <ErrorBanner title="Cannot list state machines" message={machines.error.message} />
      )}
    </main>
  );
}
