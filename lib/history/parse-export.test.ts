import { describe, expect, it } from 'vitest';
import { loadFixtures } from './testing/fixtures';
import { ExportFormatError, parseExport } from './parse-export';

const asl = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
const events = [
  { id: 1, previousEventId: 0, timestamp: '2024-05-01T10:00:00.000Z', type: 'ExecutionStarted', executionStartedEventDetails: { input: '{}' } },
  { id: 2, previousEventId: 0, timestamp: '2024-05-01T10:00:00.100Z', type: 'PassStateEntered', stateEnteredEventDetails: { name: 'A', input: '{}' } },
];

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportFormatError);
    const text = (error as Error).message;
    expect(text).not.toContain('\n');
    return text;
  }
  throw new Error('expected an ExportFormatError');
};

describe('parseExport', () => {
  it('reads every fixture ({definition, events}), masked ids included', () => {
    for (const f of loadFixtures()) {
      const parsed = parseExport(JSON.parse(JSON.stringify(f)));
      expect(parsed.events).toHaveLength(f.events.length);
      expect(parsed.definition.StartAt).toBe(f.definition.StartAt);
    }
  });

  it('keeps the fixtures\' masked ids as 0, "unknown"', () => {
    const f = loadFixtures().find((x) => x.file.startsWith('28_'));
    const parsed = parseExport(f);
    expect(parsed.events.filter((e) => e.id === 0).length).toBeGreaterThan(0);
  });

  it('takes get-execution-history output with describe-state-machine-for-execution output', () => {
    const described = { stateMachineArn: 'arn:sm', name: 'sm', definition: JSON.stringify(asl), updateDate: 1 };
    const parsed = parseExport({ events }, described);
    expect(parsed.definition).toEqual(asl);
    expect(parsed.events.map((e) => e.id)).toEqual([1, 2]);
  });

  it('takes plain ASL, as an object or as JSON text, and lets it override an embedded one', () => {
    expect(parseExport({ events }, asl).definition).toEqual(asl);
    expect(parseExport({ events }, JSON.stringify(asl)).definition).toEqual(asl);
    const other = { StartAt: 'B', States: { B: { Type: 'Succeed' } } };
    expect(parseExport({ events, definition: asl }, other).definition).toEqual(other);
  });

  it('reads --reverse-order output oldest first', () => {
    expect(parseExport({ events: [...events].reverse() }, asl).events.map((e) => e.id)).toEqual([1, 2]);
  });

  it('keeps our own export metadata', () => {
    const parsed = parseExport({ definition: asl, events, executionArn: 'arn:exec', name: 'order-1' });
    expect(parsed).toMatchObject({ executionArn: 'arn:exec', name: 'order-1' });
  });

  it.each([
    ['not an object', () => parseExport([]), /JSON object/],
    ['no events', () => parseExport({ definition: asl }), /no "events"/],
    ['events not an array', () => parseExport({ events: {} }, asl), /must be an array/],
    ['event without id', () => parseExport({ events: [{ type: 'ExecutionStarted' }] }, asl), /#1 has no numeric id/],
    ['event without type', () => parseExport({ events: [{ id: 1 }] }, asl), /event 1 has no type/],
    ['ids out of order', () => parseExport({ events: [events[0], events[1], { ...events[0], id: 2 }] }, asl), /not in order/],
    ['pointing forward', () => parseExport({ events: [{ ...events[0], previousEventId: 5 }] }, asl), /later event/],
    ['no definition', () => parseExport({ events }), /no definition/],
    ['definition text not JSON', () => parseExport({ events }, '{nope'), /not valid JSON/],
    ['unreadable ASL', () => parseExport({ events }, { StartAt: 'X', States: { A: { Type: 'Pass', End: true } } }), /definition: .*unknown state "X"/],
  ])('rejects %s with a one-line message', (_case, run, pattern) => {
    expect(message(run)).toMatch(pattern);
  });
});
