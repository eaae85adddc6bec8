import 'server-only';
import { dashboardConfig } from '../env';
import { stepFunctions } from '../sfn';
import type { ExecutionEvent } from '../sfn/types';
import { createLiveRegistry, type LiveRegistry } from './registry';
import { shareInFlight } from './share-in-flight';
import { SSE_EVENTS, type LiveStatus } from './status';
import { withoutPayloads } from './status-only';

/**
 * The process-wide registry. Next bundles each route separately, so a module-level
 * variable could exist once per bundle; a global symbol makes the page and the stream
 * route share one set of pollers.
 */
const KEY = Symbol.for('saga-dashboard.live-registry');
type WithRegistry = typeof globalThis & { [KEY]?: LiveRegistry };

export function liveRegistry(): LiveRegistry {
  const scope = globalThis as WithRegistry;
  scope[KEY] ??= createLiveRegistry({
    fetchAfter: (arn, afterId) => stepFunctions('poller').getEventsAfter(arn, afterId),
    intervalMs: dashboardConfig().livePollMs,
  });
  return scope[KEY];
}

/** Page loads the poller cannot serve yet share one direct read per execution. */
const readHistory = shareInFlight((executionArn) => stepFunctions().getHistory(executionArn));

/**
 * The whole history for a page load, through the shared poller (see registry
 * `currentEvents`). When the poller cannot read, a direct read either succeeds with the
 * request client's own retries or fails with the typed error the page shows.
 */
export async function executionEvents(executionArn: string): Promise<readonly ExecutionEvent[]> {
  return (await liveRegistry().currentEvents(executionArn)) ?? readHistory(executionArn);
}

const HEARTBEAT_MS = 15_000;
/** Reconnect delay the browser uses after a dropped connection (a server restart). */
const RECONNECT_MS = 1_000;

/** Encoded `events` messages by execution, variant and event range, newest last. */
const frames = new Map<string, Uint8Array>();
const FRAMES_KEPT = 256;

/**
 * One `events` message, encoded once however many viewers it goes to: a room of 500 on one
 * execution gets the same batch 500 times, and stringifying it each time was most of the
 * stream's cost. Events never change, so a range of one execution is always the same text.
 */
function eventsFrame(executionArn: string, batch: readonly ExecutionEvent[], statusOnly: boolean): Uint8Array {
  const first = batch[0]?.id ?? 0;
  const last = batch.at(-1)?.id ?? 0;
  const key = `${statusOnly ? 's' : 'f'}:${String(first)}:${String(last)}:${String(batch.length)}:${executionArn}`;
  const known = frames.get(key);
  if (known) return known;
  const events = statusOnly ? batch.map(withoutPayloads) : batch;
  const frame = new TextEncoder().encode(`event: ${SSE_EVENTS.events}\nid: ${String(last)}\ndata: ${JSON.stringify({ events })}\n\n`);
  frames.set(key, frame);
  if (frames.size > FRAMES_KEPT) frames.delete(frames.keys().next().value as string);
  return frame;
}

/**
 * A text/event-stream Response fed by the shared poller. Each `events` message has
 * `id:` = its last event id, so the browser's Last-Event-ID on reconnect is exactly the
 * point to resume from. The stream closes after the terminal event. `statusOnly`: events
 * without their payloads (the follow view's; see status-only.ts).
 */
export function executionEventStream(executionArn: string, afterId: number, signal: AbortSignal, statusOnly = false): Response {
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (closed) return false;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    return true;
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const finish = () => {
        send(`event: ${SSE_EVENTS.end}\ndata: {}\n\n`);
        if (stop()) controller.close();
      };
      heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      send(`retry: ${RECONNECT_MS}\n\n`);
      unsubscribe = liveRegistry().subscribe(executionArn, afterId, {
        events(batch) {
          if (batch.length === 0 || closed) return;
          controller.enqueue(eventsFrame(executionArn, batch, statusOnly));
        },
        status(status: LiveStatus) {
          send(`event: ${SSE_EVENTS.status}\ndata: ${JSON.stringify(status)}\n\n`);
          // Deferred: an ended poller reports inside subscribe(), before `unsubscribe` is set.
          if (status.state === 'ended' || status.state === 'failed') queueMicrotask(finish);
        },
      });
      signal.addEventListener('abort', () => {
        if (stop()) controller.close();
      }, { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

/** Headers of every event stream the dashboard serves. */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // Proxies such as nginx would otherwise buffer the stream and defeat "live".
  'x-accel-buffering': 'no',
} as const;
