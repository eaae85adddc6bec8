/**
 * Wire -> app reshaping for Step Functions responses. Pure, so it is tested without an SDK.
 */
import type { AslDefinition } from '../asl/types';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../core/execution-status';
import { isRecord, parseObjectPayload, parsePayload, toEpochMs } from '../core/values';
import { StepFunctionsError } from './errors';
import type { ExecutionEvent } from './types';

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
    event[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parseObjectPayload(v)]));
  }
  return event;
}

export function toExecutionStatus(value: string | undefined): ExecutionStatus {
  return (EXECUTION_STATUSES as readonly string[]).includes(value ?? '') ? (value as ExecutionStatus) : 'RUNNING';
}

export function parseDefinition(json: string | undefined): AslDefinition {
  const parsed = parsePayload(json);
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
