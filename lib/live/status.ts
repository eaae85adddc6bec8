/**
 * What the shared poller tells viewers about itself, and the SSE message vocabulary.
 * Shared by the server stream and the browser hook, so it stays free of server imports.
 */
import type { ExecutionEvent } from '../sfn/types';

export type LiveStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  /** Step Functions said slow down: we wait longer between polls and say so quietly. */
  | { state: 'throttled'; retryInMs: number }
  /** The engine or AWS cannot be reached; the poller keeps trying. */
  | { state: 'unavailable'; message: string; retryInMs: number }
  /** The terminal event arrived: nothing more will come. */
  | { state: 'ended' }
  /** Retrying cannot help (the execution does not exist). */
  | { state: 'failed'; message: string };

/** SSE event names. `events` messages carry `id:` = the last event id they contain. */
export const SSE_EVENTS = { events: 'events', status: 'status', end: 'end' } as const;

export type EventsMessage = { events: ExecutionEvent[] };
