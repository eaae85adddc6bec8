/**
 * How the execution page's history reaches its client components, on the server and in the
 * browser, without riding in the page's RSC payload.
 *
 * As a prop, a 25,000-event history (3.5 MB of JSON) went into the payload as an escaped
 * string that the browser read three times: as HTML, as script, then as JSON. That was about
 * 0.7 s of main thread and 0.6 s of streaming (bench/detail.bench.ts). Instead:
 * - on the server, the page keeps the events it read under a key, and the client
 *   components' server render takes them from there. Next runs that render in the same
 *   process but from another bundle, so the store hangs off a global symbol (as the live
 *   registry does);
 * - in the browser, the same events come from `/api/executions/<name>/history?upTo=<last id>`,
 *   which answers exactly them, so hydration sees what the server drew. The page preloads
 *   that address, so the fetch runs while the scripts load.
 */
import { use } from 'react';
import type { ExecutionEvent } from '../sfn/types';

/** Where a page's history is kept on the server (`key`) and served to the browser (`url`). */
export type InitialHistory = { key: string; url: string };

const KEY = Symbol.for('saga-dashboard.initial-histories');
type Kept = { events: readonly ExecutionEvent[]; at: number };
type WithStore = typeof globalThis & { [KEY]?: Map<string, Kept> };

/**
 * A hand-over, not a cache: an entry is read by the same request's render and by the
 * browser's fetch a moment later. The route reads the history afresh when its entry is gone.
 */
const KEEP_MS = 60_000;
const KEEP_AT_MOST = 8;

function store(): Map<string, Kept> {
  const scope = globalThis as WithStore;
  scope[KEY] ??= new Map();
  return scope[KEY];
}

/** Events 1..`lastId` of one execution: what a key names. */
export const initialHistoryKey = (executionArn: string, lastId: number): string => `${executionArn}#${String(lastId)}`;

/** Server: keeps a page's events for its render and for the browser's fetch. */
export function keepInitialHistory(key: string, events: readonly ExecutionEvent[], now = Date.now()): void {
  const kept = store();
  for (const [k, v] of kept) if (now - v.at > KEEP_MS) kept.delete(k);
  kept.delete(key);
  kept.set(key, { events, at: now });
  while (kept.size > KEEP_AT_MOST) kept.delete(kept.keys().next().value as string);
}

/** Server: the events a page kept under `key`, if still there. */
export const keptInitialHistory = (key: string): readonly ExecutionEvent[] | undefined => store().get(key)?.events;

/** The events 1..upTo of a history (the route's answer when the page's hand-over is gone). */
export const upTo = (events: readonly ExecutionEvent[], last: number): readonly ExecutionEvent[] =>
  (events.at(-1)?.id ?? 0) <= last ? events : events.filter((e) => e.id <= last);

/** Browser: one fetch per address, shared by every render that asks (React `use` needs a stable promise). */
const fetches = new Map<string, Promise<readonly ExecutionEvent[]>>();

async function fetchHistory(url: string): Promise<readonly ExecutionEvent[]> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new Error(`Could not load the execution's history (HTTP ${String(res.status)}): ${body?.error?.message ?? res.statusText}`);
  }
  return (await res.json()) as ExecutionEvent[];
}

function historyFrom(url: string): Promise<readonly ExecutionEvent[]> {
  let pending = fetches.get(url);
  if (!pending) {
    pending = fetchHistory(url);
    // A failure is not kept: opening the page again asks again.
    pending.catch(() => fetches.delete(url));
    fetches.set(url, pending);
    if (fetches.size > KEEP_AT_MOST) fetches.delete(fetches.keys().next().value as string);
  }
  return pending;
}

/**
 * The page's history at render time: kept by the page on the server, fetched in the browser.
 * In the browser this suspends until the events arrive; during hydration React keeps showing
 * the server's drawing meanwhile.
 */
export function useInitialHistory(history: InitialHistory): readonly ExecutionEvent[] {
  if (typeof window === 'undefined') {
    const events = keptInitialHistory(history.key);
    if (!events) throw new Error(`The page's history ${history.key} was not kept for its render`);
    return events;
  }
  return use(historyFrom(history.url));
}
