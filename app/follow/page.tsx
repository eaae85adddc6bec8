import type { Metadata } from 'next';
import { connection } from 'next/server';
import { FollowView, FollowWaiting } from '@/components/follow/follow-view';
import { loadExecution } from '@/components/execution/load';
import { followedExecution } from '@/lib/executions/follow-server';
import { attempt } from '@/lib/sfn';
import { statusOnlyStreamUrl, withoutPayloads } from '@/lib/live/status-only';

export const metadata: Metadata = { title: 'Follow' };

/**
 * The room's view of the presenter's current execution: read-only, phone-sized, switching by
 * itself. Rendered like the execution page (events through the shared poller, the drawing
 * from the per-revision cache), then live over the same shared stream; without payloads,
 * which the room is never shown (see lib/live/status-only).
 */
export default async function FollowPage() {
  await connection();
  const followed = await attempt(() => followedExecution());
  const current = followed.ok ? followed.value : undefined;
  const loaded = current && (await attempt(() => loadExecution(current.name, current.stateMachineArn, { withOrder: false })));
  return (
    <main className="follow-page" data-follow-view>
      {loaded?.ok ? (
        <FollowView
          key={loaded.value.executionArn}
          name={loaded.value.name}
          executionArn={loaded.value.executionArn}
          streamUrl={statusOnlyStreamUrl(loaded.value.streamUrl)}
          layout={loaded.value.layout}
          definition={loaded.value.definition}
          initialEventsJson={JSON.stringify(loaded.value.initialEvents.map(withoutPayloads))}
        />
      ) : (
        <FollowWaiting
          shown={current?.name}
          message={
            !followed.ok
              ? followed.error.message
              : loaded
                ? loaded.error.message
                : 'Waiting for the presenter to start an execution.'
          }
        />
      )}
    </main>
  );
}
