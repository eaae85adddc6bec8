/**
 * Readers for the loosely typed values Step Functions data carries, shared by the ASL
 * model, the history reader and the SDK adapter. AWS sends timestamps as epoch seconds
 * (the SDK turns them into Dates), the CLI prints ISO strings, exports may hold epoch ms;
 * payloads are JSON strings on the wire but parsed objects in the fixtures. Nothing here
 * throws: an unreadable value reads as undefined, or stays as it was.
 */

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Below this a number is taken as epoch seconds (1e11 s is year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

/** A Date, epoch seconds or ms (number or numeric text), or an ISO string, as epoch ms. */
export function toEpochMs(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    // Rounded: fractional seconds times 1000 is not always a whole number in floating point.
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

/** Any JSON text as its value; text that is not JSON, and values that are not text, stay as they are. */
export function parsePayload(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Only JSON objects and arrays are parsed: the rule the recorded fixtures follow, so the
 * reader sees one convention whether events came from the SDK or a file. A plain error
 * cause such as "Payment declined", or "404", stays a string.
 */
export function parseObjectPayload(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? parsePayload(value) : value;
}
