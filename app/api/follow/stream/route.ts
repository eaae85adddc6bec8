import { connection } from 'next/server';
import { SSE_HEADERS } from '@/lib/live/server';
import { followPointer } from '@/lib/executions/follow-server';

export const runtime = 'nodejs';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the follow view: `follow` with `{name, stateMachineArn?}` each time
 * the presenter's current execution changes. No Step Functions call: the pointer is in
 * memory, so a room of viewers costs nothing here; each viewer's execution events come from
 * the shared poller's stream.
 */
export async function GET(request: Request) {
  await connection();
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      send('retry: 1000\n\n');
      const tell = ({ name, stateMachineArn }: { name: string; stateMachineArn?: string }) =>
        send(`event: follow\ndata: ${JSON.stringify({ name, stateMachineArn })}\n\n`);
      const unsubscribe = followPointer().subscribe(tell);
      // What is current now: a move between the page's render and this connection is not lost.
      const now = followPointer().current();
      if (now) tell(now);
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
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
