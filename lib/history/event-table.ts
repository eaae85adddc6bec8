/**
 * What the event table needs beyond the events themselves: which ones a filter keeps,
 * a one-line summary of each, and how close the history is to AWS's size limit. Pure;
 * summaries are made per visible row, never for all 25,000 events at once.
 */
import { detailsOf } from './event-details';
import { meaningOf, type EventKind } from './event-kinds';
import type { EventPlace } from './read-execution';
import type { StateRole } from '../asl/types';
import type { HistoryEvent } from './types';
import { asString } from './values';

/** GetExecutionHistory holds at most this many events; an execution that needs more fails. */
export const AWS_HISTORY_LIMIT = 25_000;
/** From here on the table warns that the limit is close. */
export const HISTORY_WARNING_AT = 20_000;

export const EVENT_FILTERS = ['all', 'failures', 'compensation'] as const;
export type EventFilter = (typeof EVENT_FILTERS)[number];

export type HistorySize = 'ok' | 'near-limit' | 'at-limit';

export function historySize(count: number): HistorySize {
  if (count >= AWS_HISTORY_LIMIT) return 'at-limit';
  return count >= HISTORY_WARNING_AT ? 'near-limit' : 'ok';
}

const FAILURE_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'failed',
  'attempt-failed',
  'evaluation-failed',
  'container-failed',
  'iteration-failed',
  'execution-failed',
  'execution-timed-out',
]);

/** A failure event: a try, a branch or the execution failed, or a Fail state was entered. */
export function isFailureEvent(type: string): boolean {
  const kind = meaningOf(type)?.kind;
  return type === 'FailStateEntered' || (kind !== undefined && FAILURE_KINDS.has(kind));
}

/**
 * Positions (into `events`) of the events a filter keeps, in history order. `roleOf`
 * says whether a state is on the compensation path.
 */
export function filterEvents(
  events: readonly HistoryEvent[],
  places: ReadonlyArray<EventPlace | undefined>,
  roleOf: (state: string) => StateRole | undefined,
  filter: EventFilter,
): number[] {
  const kept: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as HistoryEvent;
    if (filter === 'all') kept.push(i);
    else if (filter === 'failures' ? isFailureEvent(event.type) : roleOf(places[i]?.state ?? '') === 'compensation') {
      kept.push(i);
    }
  }
  return kept;
}

/** Payloads are JSON text on the wire and values once parsed: either way, one line of JSON. */
function compact(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s*\n\s*/g, ' ');
  // JSON.stringify(undefined) is undefined, whatever its type says.
  if (value === undefined) return '';
  try {
    return JSON.stringify(value);
  } catch {
    // Parsed JSON always stringifies; anything else has no one-line form to show.
    return '';
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One line about an event: its error, its payload, or what it called. */
export function eventSummary(event: HistoryEvent, max = 160): string {
  const d = detailsOf(event);
  if (!d) return '';
  const error = asString(d.error);
  if (error !== undefined || d.cause !== undefined) {
    return clip([error, d.cause === undefined ? undefined : compact(d.cause)].filter(Boolean).join(': '), max);
  }
  if (typeof d.index === 'number') return `iteration ${d.index}`;
  if (typeof d.length === 'number') return `${d.length} items`;
  for (const key of ['output', 'parameters', 'input'] as const) {
    if (d[key] !== undefined) {
      const resource = asString(d.resource);
      const prefix = key === 'output' ? 'output ' : resource ? `${resource} ← ` : 'input ';
      return clip(`${prefix}${compact(d[key])}`, max);
    }
  }
  const resource = asString(d.resource) ?? asString(d.mapRunArn);
  return resource ? clip(resource, max) : '';
}
