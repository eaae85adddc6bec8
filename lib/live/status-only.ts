/**
 * Events as the follow view needs them: what makes the statuses and the outcome (types, ids,
 * times, names, errors), without the payloads (input, output, parameters, result) that only
 * the presenter's panels show. A room of phones then downloads a fraction of the history: a
 * state's payload rides on each of its events, and can be kilobytes. Pure, browser-safe.
 */
import { detailsKeyOf } from '../core/events';
import { isRecord } from '../core/values';
import type { ExecutionEvent } from '../sfn/types';

/** Detail fields the follow view never shows and the reader needs for no status. */
const PAYLOAD_FIELDS = ['input', 'output', 'parameters', 'result', 'inputDetails', 'outputDetails'] as const;

/** The stream query switch that asks for events without payloads. */
export const STATUS_ONLY_PARAM = 'payloads';
export const STATUS_ONLY_VALUE = 'none';

export function withoutPayloads(event: ExecutionEvent): ExecutionEvent {
  const key = detailsKeyOf(event.type);
  const details = event[key];
  if (!isRecord(details) || !PAYLOAD_FIELDS.some((field) => field in details)) return event;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(details)) {
    if (!(PAYLOAD_FIELDS as readonly string[]).includes(field)) kept[field] = value;
  }
  return { ...event, [key]: kept };
}

/** The execution stream's address for the follow view: the same shared stream, without payloads. */
export function statusOnlyStreamUrl(streamUrl: string): string {
  return `${streamUrl}${streamUrl.includes('?') ? '&' : '?'}${STATUS_ONLY_PARAM}=${STATUS_ONLY_VALUE}`;
}
