/**
 * The engine recordings have AWS's shapes: every engine event is shaped like some event
 * of the same type in the AWS recordings (same keys, same details object, same nested
 * *Details objects), and its JSON payloads are text where AWS's were parsed JSON.
 */
import { describe, expect, it } from 'vitest';
import { loadEngineFixtures, loadFixtures } from './testing/fixtures';
import type { HistoryEvent } from './types';
import { isRecord } from '../core/values';

const aws = loadFixtures().flatMap((f) => f.events);
const engine = loadEngineFixtures().flatMap((f) => f.events.map((event) => ({ file: f.file, event })));

/**
 * Keys are compared, not values; a nested `*Details` object (inputDetails, outputDetails…)
 * is compared by its own keys. Payloads (input, output, cause…) only have to be there:
 * the AWS recordings hold them parsed, the API and so the engine recordings as text.
 */
function shape(event: HistoryEvent): string {
  const parts = Object.keys(event)
    .sort()
    .map((key) => {
      const details = event[key];
      if (!key.endsWith('EventDetails') || !isRecord(details)) return key;
      const fields = Object.keys(details)
        .sort()
        .map((field) => {
          const value = details[field];
          return field.endsWith('Details') && isRecord(value) ? `${field}{${Object.keys(value).sort().join(',')}}` : field;
        });
      return `${key}{${fields.join(',')}}`;
    });
  return parts.join(' ');
}

const awsShapes = new Map<string, Set<string>>();
for (const event of aws) {
  const seen = awsShapes.get(event.type) ?? new Set<string>();
  awsShapes.set(event.type, seen.add(shape(event)));
}

/** Payloads the AWS recordings hold parsed must be JSON text of the same kind of value. */
function payloadProblems(event: HistoryEvent): string[] {
  const problems: string[] = [];
  for (const [key, details] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || !isRecord(details)) continue;
    for (const [field, value] of Object.entries(details)) {
      if (field.endsWith('Details') || typeof value !== 'string' || !value.startsWith('{')) continue;
      try {
        if (!isRecord(JSON.parse(value))) problems.push(`${key}.${field} is not a JSON object`);
      } catch {
        problems.push(`${key}.${field} starts like JSON but is not`);
      }
    }
  }
  return problems;
}

describe('engine recordings against the AWS recordings', () => {
  it('only use event types AWS recorded, apart from the stop, the execution timeout and the redrive', () => {
    // No AWS recording was stopped, timed out or redriven (nor is any in LocalStack's AWS-validated
    // snapshots); the fixtures README says where their shapes come from instead.
    const unrecorded = [...new Set(engine.map(({ event }) => event.type).filter((type) => !awsShapes.has(type)))].sort();
    expect(unrecorded).toEqual(['ExecutionAborted', 'ExecutionRedriven', 'ExecutionTimedOut']);
  });

  it('writes ExecutionRedriven and ExecutionTimedOut with the details the API reference gives them', () => {
    const of = (type: string) => engine.filter(({ event }) => event.type === type).map(({ event }) => event);
    expect(of('ExecutionRedriven')).not.toHaveLength(0);
    for (const event of of('ExecutionRedriven')) expect(event.executionRedrivenEventDetails).toEqual({ redriveCount: 1 });
    expect(of('ExecutionTimedOut')).not.toHaveLength(0);
    for (const event of of('ExecutionTimedOut')) expect(event.executionTimedOutEventDetails).toMatchObject({ error: 'States.Timeout' });
  });

  it.each(engine.filter(({ event }) => awsShapes.has(event.type)).map(({ file, event }) => [file, event.id, event.type, event] as const))(
    '%s event %i (%s) has a shape AWS recorded',
    (_file, _id, type, event) => {
      expect([...(awsShapes.get(type) ?? [])]).toContain(shape(event));
      expect(payloadProblems(event)).toEqual([]);
    },
  );

  it('writes ExecutionAborted as the fixtures README says AWS does: previousEventId 0, no details', () => {
    const aborted = engine.filter(({ event }) => event.type === 'ExecutionAborted').map(({ event }) => event);
    expect(aborted).not.toHaveLength(0);
    for (const event of aborted) {
      expect(event.previousEventId).toBe(0);
      expect(Object.keys(event).filter((key) => key.endsWith('EventDetails') && isRecord(event[key]) && Object.keys(event[key]).length > 0)).toEqual([]);
    }
  });
});
