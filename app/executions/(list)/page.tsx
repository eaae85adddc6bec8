import type { Metadata } from 'next';
import { loadExecutionList } from '@/lib/executions/server';
import { ExecutionsView } from '@/components/executions/executions-view';

export const metadata: Metadata = { title: 'Executions' };

/** Executions of one state machine (the saga unless `?sm=`), newest first, filtered by the URL. */
export default async function ExecutionsPage({ searchParams }: PageProps<'/executions'>) {
  const list = await loadExecutionList(await searchParams);
  return (
    <main className="page">
      <ExecutionsView list={list} />
    </main>
  );
}
