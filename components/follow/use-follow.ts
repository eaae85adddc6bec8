'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export const FOLLOW_STREAM_URL = '/api/follow/stream';

/**
 * Listens for the presenter's next execution and re-renders the page for it (an RSC
 * refresh: a read, no server action). `shown` is the execution on screen, if any.
 */
export function useFollow(shown: string | undefined): void {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(FOLLOW_STREAM_URL);
    source.addEventListener('follow', (message) => {
      const { name } = JSON.parse((message as MessageEvent<string>).data) as { name: string };
      if (name !== shown) router.refresh();
    });
    // On an error the browser reconnects by itself (retry: 1000), and the first message
    // after a reconnect says what is current, so a move during the outage is not lost.
    return () => source.close();
  }, [router, shown]);
}
