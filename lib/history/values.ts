/**
 * Readers for the loosely-typed text fields a history carries (names, indexes, causes).
 * Timestamps and payloads are read by lib/core/values. Nothing here throws.
 */
import { isRecord, parsePayload } from '../core/values';


/** Error names and causes are text; a cause the recording tool parsed into an object goes back to JSON. */
export function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const asIndex = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;

/** Lambda wraps an error's Cause as JSON `{errorMessage, errorType, trace}`; other causes are the message already. */
export function causeMessage(cause: string | undefined): string {
  if (!cause) return '';
  const parsed = parsePayload(cause);
  return isRecord(parsed) && 'errorMessage' in parsed ? String(parsed.errorMessage) : cause;
}
