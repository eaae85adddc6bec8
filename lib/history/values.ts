/**
 * Readers for the loosely-typed values a history carries. AWS sends timestamps as
 * epoch seconds (the SDK turns them into Dates), the CLI prints ISO strings, exports
 * may hold epoch ms; payloads are JSON strings on the wire but parsed objects in the
 * fixtures. Nothing here throws: an unreadable value reads as undefined.
 */

/** Below this a number is taken as epoch seconds (1e11 s is year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

export function toEpochMs(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return value < SECONDS_LIMIT ? Math.round(value * 1000) : value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) return toEpochMs(asNumber);
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

/** A JSON payload as a value: strings are parsed when they are JSON, kept as text otherwise. */
export function parsePayload(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

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

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lambda wraps an error's Cause as JSON `{errorMessage, errorType, trace}`; other causes are the message already. */
export function causeMessage(cause: string | undefined): string {
  if (!cause) return '';
  const parsed = parsePayload(cause);
  return isRecord(parsed) && 'errorMessage' in parsed ? String(parsed.errorMessage) : cause;
}
