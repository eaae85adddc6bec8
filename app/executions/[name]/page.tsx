import type { Metadata } from 'next';
import { Suspense } from 'react';
import { preload } from 'react-dom';
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
import { executionHistoryPath, executionNameFromSegment } from '@/lib/executions/urls';
import { requireRead } from '@/lib/access/server';
import { type InitialHistory, initialHistoryKey, keepInitialHistory } from '@/lib/live/initial-history';
import type { ExecutionEvent } from '@/lib/sfn/types';

/**
 * The history reaches the view by hand-over, not as a prop (see lib/live/initial-history.ts):
 * kept here for the server render, and preloaded from its route for the browser.
 */
function handOver(name: string, sm: string | undefined, executionArn: string, events: readonly ExecutionEvent[]): InitialHistory {
  const lastId = events.at(-1)?.id ?? 0;
  const key = initialHistoryKey(executionArn, lastId);
  keepInitialHistory(key, events);
  const url = executionHistoryPath(name, lastId, sm);
  preload(url, { as: 'fetch', crossOrigin: 'anonymous' });
  return { key, url };
}

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
  if (!loaded.ok) {
    return (
      <main className="page">
        <ErrorBanner title="Cannot load this execution" message={loaded.error.message} />
      </main>
    );
  }
  const { initialEvents, ...view } = loaded.value;
  return (
    <main className="page">
      <ExecutionTargetProvider
        value={{
          name,
          executionArn: view.executionArn,
          ...(sm === undefined ? {} : { stateMachineArn: sm }),
          graphBounds: graphBounds(view.layout),
          layout: view.layout,
        }}
      >
        <ExecutionView
          {...view}
          history={handOver(name, sm, view.executionArn, initialEvents)}
          targetLabel={targetLabel()}
          initialAt={parseAtParam(at)}
          audienceUrl={followConfig().publicUrl}
          {...(sm === undefined ? {} : { stateMachineArn: sm })}
        />
      </ExecutionTargetProvider>
    </main>
  );
}
