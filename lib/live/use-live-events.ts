/**
 * Browser side of live updates: one EventSource per open execution page, feeding the
 * react-query cache. The server stream is shared by all viewers (see server.ts); this
 * hook only appends what arrives, deduplicated by event id.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { mergeEvents } from '../sfn/reshape';
import { type ExecutionEvent, hasEnded } from '../sfn/types';
import { type EventsMessage, type LiveStatus, SSE_EVENTS } from './status';

export const executionEventsKey = (executionArn: string) => ['execution-events', executionArn] as const;

/** When the server ends the stream with an HTTP error the browser gives up; we do not. */
const MANUAL_RETRY_MS = 2_000;

export function useLiveEvents(options: {
  executionArn: string;
  streamUrl: string;
  initialEvents: readonly ExecutionEvent[];
  /** called after each batch lands, e.g. to refresh data that moves with the saga */
  onBatch?: (batch: ExecutionEvent[]) => void;
}): { events: readonly ExecutionEvent[]; status: LiveStatus } {
  const { executionArn, streamUrl, initialEvents, onBatch } = options;
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => executionEventsKey(executionArn), [executionArn]);
  // The cache is written only by the stream; the query exists to hold and share it.
  const { data: events } = useQuery({
    queryKey,
    queryFn: () => queryClient.getQueryData<readonly ExecutionEvent[]>(queryKey) ?? initialEvents,
    initialData: initialEvents,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // A redrive reopens an ended execution: then the stream must start again.
  const finished = hasEnded(events);
  const [status, setStatus] = useState<LiveStatus>(finished ? { state: 'ended' } : { state: 'connecting' });
  // The stream outlives renders; it must call the latest callback, not the first one.
  const onBatchRef = useRef(onBatch);
  useEffect(() => {
    onBatchRef.current = onBatch;
  }, [onBatch]);

  useEffect(() => {
    if (finished) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const known = queryClient.getQueryData<readonly ExecutionEvent[]>(queryKey) ?? [];
      const url = new URL(streamUrl, window.location.href);
      url.searchParams.set('after', String(known.at(-1)?.id ?? 0));
      source = new EventSource(url);
      source.addEventListener(SSE_EVENTS.events, (message) => {
        const { events: batch } = JSON.parse((message as MessageEvent<string>).data) as EventsMessage;
        queryClient.setQueryData<readonly ExecutionEvent[]>(queryKey, (old) => mergeEvents(old ?? [], batch));
        onBatchRef.current?.(batch);
      });
      source.addEventListener(SSE_EVENTS.status, (message) => {
        setStatus(JSON.parse((message as MessageEvent<string>).data) as LiveStatus);
      });
      source.addEventListener(SSE_EVENTS.end, () => source?.close());
      source.onerror = () => {
        // CONNECTING: the browser reconnects by itself and sends Last-Event-ID.
        if (source?.readyState !== EventSource.CLOSED) {
          setStatus({ state: 'unavailable', message: 'Connection to the dashboard lost; reconnecting.', retryInMs: 1_000 });
          return;
        }
        setStatus({ state: 'unavailable', message: 'Live updates stopped; retrying.', retryInMs: MANUAL_RETRY_MS });
        retry = setTimeout(connect, MANUAL_RETRY_MS);
      };
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [queryKey, streamUrl, finished, queryClient]);

  return { events, status: finished ? { state: 'ended' } : status };
}
