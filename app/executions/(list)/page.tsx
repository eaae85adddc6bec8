import type { Metadata } from 'next';
import { listedMachineArn, loadExecutionList } from '@/lib/executions/server';
import { requireRead } from '@/lib/access/server';
import { ExecutionsView } from '@/components/executions/executions-view';

export const metadata: Metadata = { title: 'Executions' };

/** Executions of one state machine (the saga unless `?sm=`), newest first, filtered by the URL. */
export default async function ExecutionsPage({ searchParams }: PageProps<'/executions'>) {
  const params = await searchParams;
  await requireRead(listedMachineArn(params));
  const list = await loadExecutionList(params);
  return (
    <main className="page">
      <ExecutionsView list={list} />
    </main>
  );
}
