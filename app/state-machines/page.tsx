import { connection } from 'next/server';
import { attempt } from '@/lib/sfn';
import { listMachines } from '@/components/state-machines/load';
import { MachineList } from '@/components/state-machines/machine-list';
import { ErrorBanner } from '@/components/ui/banner';
import { readCheck } from '@/lib/access/server';

export default async function StateMachinesPage() {
  await connection();
  // Only the machines this dashboard shows (READABLE_STATE_MACHINES); the others would answer 403.
  const machines = await attempt(async () => {
    const all = await listMachines();
    const refused = await Promise.all(all.map((m) => readCheck(m.stateMachineArn)));
    return all.filter((_, i) => refused[i] === undefined);
  });
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
