import type { Metadata } from 'next';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { ExecutionTargetProvider } from '@/components/execution/execution-target';
import { ExecutionView } from '@/components/execution/execution-view';
import { graphBounds } from '@/lib/asl/bounds';
import { findExecution, loadExecution } from '@/components/execution/load';
import { ExecutionSkeleton } from '@/components/execution/execution-skeleton';
import { ErrorBanner } from '@/components/ui/banner';
import { attempt, targetLabel } from '@/lib/sfn';
import { parseAtParam } from '@/lib/history/replay';
import { followConfig } from '@/lib/env';
import { executionNameFromSegment } from '@/lib/executions/urls';
import { requireRead } from '@/lib/access/server';

/**
 * The history crosses to the browser as one JSON text, not as props: React would walk and
 * encode each of up to 25,000 events on the server and rebuild them in the browser, which
 * costs far more than one JSON.stringify and one JSON.parse (measured by bench/detail.bench.ts).
 */
const withoutEvents = <T extends { initialEvents: unknown }>({ initialEvents: _events, ...rest }: T) => rest;

export async function generateMetadata({ params }: PageProps<'/executions/[name]'>): Promise<Metadata> {
  return { title: executionNameFromSegment((await params).name) ?? 'No such execution' };
}

export default async function ExecutionPage({ params, searchParams }: PageProps<'/executions/[name]'>) {
  const name = executionNameFromSegment((await params).name);
  const { sm, at } = await searchParams;
  if (name === undefined) notFound();
  if (sm !== undefined && typeof sm !== 'string') notFound();
  await requireRead(sm);
  // Settled before anything streams: a loading boundary above this page would send 200
  // before notFound() could make it a 404. The skeleton shows below, while the history loads.
  const found = await attempt(() => findExecution(name, sm));
  if (!found.ok && found.error.kind === 'ExecutionNotFoundError') notFound();
  return (
    <Suspense fallback={<ExecutionSkeleton />}>
      <LoadedExecution name={name} sm={sm} at={typeof at === 'string' ? at : undefined} />
    </Suspense>
  );
}

async function LoadedExecution({ name, sm, at }: { name: string; sm: string | undefined; at: string | undefined }) {
  const loaded = await attempt(() => loadExecution(name, sm));
  return (
    <main className="page">
      {loaded.ok ? (
        <ExecutionTargetProvider
          value={{
            name,
            executionArn: loaded.value.executionArn,
            ...(sm === undefined ? {} : { stateMachineArn: sm }),
            graphBounds: graphBounds(loaded.value.layout),
            layout: loaded.value.layout,
          }}
        >
          <ExecutionView
            {...withoutEvents(loaded.value)}
            initialEventsJson={JSON.stringify(loaded.value.initialEvents)}
            targetLabel={targetLabel()}
            initialAt={parseAtParam(at)}
            audienceUrl={followConfig().publicUrl}
            {...(sm === undefined ? {} : { stateMachineArn: sm })}
          />
        </ExecutionTargetProvider>
      ) : (
        <ErrorBanner title="Cannot load this execution" message={loaded.error.message} />
      )}
    </main>
  );
}
