import type { Metadata } from 'next';
import { FollowRoom } from '@/components/follow/follow-view';

export const metadata: Metadata = { title: 'Follow' };

/**
 * The room's view of the presenter's current execution: read-only, phone-sized, switching by
 * itself. The page is the same for every phone and every moment (no history read, no graph
 * rendered per request), so a room of 500 loading it at once costs little; what it shows
 * comes over the follow stream (the drawing, encoded once per execution for all) and the
 * execution's shared event stream, without payloads (see lib/live/status-only).
 */
export default function FollowPage() {
  return (
    <main className="follow-page" data-follow-view>
      <FollowRoom />
    </main>
  );
}
