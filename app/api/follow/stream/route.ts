import { connection } from 'next/server';
import { SSE_HEADERS } from '@/lib/live/server';
import { followPointer } from '@/lib/executions/follow-server';
import { currentFollowFrame, followFrame } from '@/components/follow/load';

export const runtime = 'nodejs';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the follow view: a `follow` message (see FollowMessage) on connect
 * and each time the presenter's current execution changes, with what the view draws. The
 * pointer is in memory and each execution's drawing is read and encoded once for the room,
 * so 500 viewers cost what one does; their execution events come from the shared poller's
 * stream.
 */
export async function GET(request: Request) {
  await connection();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      // Moves can land while an earlier frame is still being read: only the newest is sent.
      let newest = 0;
      const sendFrame = (frame: Promise<Uint8Array>) => {
        const seq = ++newest;
        void frame.then((bytes) => {
          if (!closed && seq === newest) controller.enqueue(bytes);
        });
      };
      controller.enqueue(new TextEncoder().encode('retry: 1000\n\n'));
      const unsubscribe = followPointer().subscribe((followed) => {
        sendFrame(followFrame(followed));
      });
      // What is current now; also after a reconnect, so a move during an outage is not lost.
      sendFrame(currentFollowFrame());
      const keepAlive = new TextEncoder().encode(': keep-alive\n\n');
      const heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(keepAlive);
      }, HEARTBEAT_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener(
        'abort',
        () => {
          stop();
          controller.close();
        },
        { once: true },
      );
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
