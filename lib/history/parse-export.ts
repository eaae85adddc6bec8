/**
 * Reads a saved execution: the fixtures' / our export format `{definition, events}`, or
 * `aws stepfunctions get-execution-history` output `{events}` with the definition given
 * apart, as `describe-state-machine-for-execution` output or plain ASL (object or text).
 * Used by the inspect CLI and the dashboard's import; one typed error, one-line messages.
 */
import { InvalidDefinitionError } from '../asl/errors';
import { flattenDefinition } from '../asl/flatten';
import type { AslDefinition } from '../asl/types';
import type { HistoryEvent } from './types';
import { isRecord } from '../core/values';
import { asString } from './values';

export class ExportFormatError extends Error {
  override name = 'ExportFormatError';
}

export interface ParsedExport {
  definition: AslDefinition;
  events: HistoryEvent[];
  executionArn?: string;
  name?: string;
}

const fail = (message: string): never => {
  throw new ExportFormatError(message);
};

/** ASL as an object, as JSON text, or wrapped in describe-state-machine(-for-execution) output. */
function readDefinition(raw: unknown, depth = 0): AslDefinition {
  if (typeof raw === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return fail('definition is not valid JSON');
    }
    return readDefinition(parsed, depth + 1);
  }
  if (!isRecord(raw)) return fail('definition must be an ASL object or JSON text');
  if (!('StartAt' in raw) && 'definition' in raw && depth < 2) return readDefinition(raw.definition, depth + 1);
  try {
    flattenDefinition(raw);
  } catch (error) {
    if (error instanceof InvalidDefinitionError) fail(`definition: ${error.message}`);
    throw error;
  }
  return raw as AslDefinition;
}

/** The recording tool behind the fixtures masks some ids as `[0]`: such an id is kept as 0, "unknown". */
function readId(raw: unknown, position: number): number {
  if (Array.isArray(raw) && raw.length === 1 && raw[0] === 0) return 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) return fail(`event #${position + 1} has no numeric id`);
  return raw;
}

function readEvents(raw: unknown): HistoryEvent[] {
  if (!Array.isArray(raw)) return fail('"events" must be an array');
  const events = raw.map((e: unknown, i): HistoryEvent => {
    if (!isRecord(e)) return fail(`event #${i + 1} is not an object`);
    const id = readId(e.id, i);
    if (typeof e.type !== 'string' || e.type === '') return fail(`event ${id || `#${i + 1}`} has no type`);
    return { ...e, id, type: e.type };
  });
  const known = events.filter((e) => e.id > 0);
  // `--reverse-order` output lists newest first; read it oldest first.
  const first = known[0];
  const last = known[known.length - 1];
  const ordered = first && last && first.id > last.id ? [...events].reverse() : events;
  let previous = 0;
  for (const event of ordered) {
    if (event.id === 0) continue;
    if (event.id <= previous) fail(`event ids are not in order (${event.id} after ${previous})`);
    if (typeof event.previousEventId === 'number' && event.previousEventId >= event.id) {
      fail(`event ${event.id} points at a later event (${event.previousEventId})`);
    }
    previous = event.id;
  }
  return ordered;
}

export function parseExport(json: unknown, definition?: unknown): ParsedExport {
  if (!isRecord(json)) return fail('expected a JSON object with "events"');
  if (!('events' in json)) return fail('no "events": expected get-execution-history output or {definition, events}');
  const events = readEvents(json.events);
  const rawDefinition = definition ?? json.definition;
  if (rawDefinition === undefined) {
    return fail('no definition: pass the state machine definition (ASL or describe-state-machine-for-execution output)');
  }
  return {
    definition: readDefinition(rawDefinition),
    events,
    executionArn: asString(json.executionArn),
    name: asString(json.name),
  };
}
