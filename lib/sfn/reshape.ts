/**
 * Wire -> app reshaping for Step Functions responses. Pure, so it is tested without an SDK.
 */
import type { AslDefinition } from '../asl/types';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../history/types';
import { StepFunctionsError } from './errors';
import type { ExecutionEvent } from './types';

/** Dates from the SDK (or epoch seconds/ISO strings from elsewhere) to epoch ms. */
export function toEpochMs(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * Parses a payload that AWS sends as a JSON string. Only objects and arrays are parsed:
 * the same rule the recorded fixtures follow, so the reader sees one convention. A plain
 * error cause such as "Payment declined" stays a string.
 */
export function parseJsonPayload(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Execution input/output: any JSON value, so parse it whatever it is. */
export function parseJsonValue(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One SDK HistoryEvent to an ExecutionEvent: epoch-ms timestamp, detail payloads parsed. */
export function toExecutionEvent(wire: { id?: number; previousEventId?: number; timestamp?: unknown; type?: string }): ExecutionEvent {
  const event: ExecutionEvent = {
    id: wire.id ?? 0,
    type: wire.type ?? 'Unknown',
    timestamp: toEpochMs(wire.timestamp) ?? 0,
  };
  if (wire.previousEventId !== undefined) event.previousEventId = wire.previousEventId;
  for (const [key, value] of Object.entries(wire)) {
    if (!key.endsWith('EventDetails') || !isRecord(value)) continue;
    event[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parseJsonPayload(v)]));
  }
  return event;
}

export function toExecutionStatus(value: string | undefined): ExecutionStatus {
  return (EXECUTION_STATUSES as readonly string[]).includes(value ?? '') ? (value as ExecutionStatus) : 'RUNNING';
}

export function parseDefinition(json: string | undefined): AslDefinition {
  const parsed = parseJsonValue(json);
  if (!isRecord(parsed) || typeof parsed.StartAt !== 'string' || !isRecord(parsed.States)) {
    throw new StepFunctionsError('The state machine definition is not valid ASL JSON.');
  }
  return parsed as unknown as AslDefinition;
}

/** Merges event batches in id order, dropping ids already present (reconnects resend). */
export function mergeEvents<E extends { id: number }>(known: readonly E[], incoming: readonly E[]): E[] {
  if (incoming.length === 0) return known as E[];
  const lastKnown = known.at(-1)?.id ?? 0;
  const fresh = incoming.filter((e) => e.id > lastKnown).sort((a, b) => a.id - b.id);
  const unique = fresh.filter((e, i) => i === 0 || e.id !== fresh[i - 1]?.id);
  return unique.length === 0 ? (known as E[]) : [...known, ...unique];
}
