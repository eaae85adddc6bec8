import { describe, expect, it } from 'vitest';
import { parseExport } from '../parse-export';
import { GENERATED_HISTORY_DEFINITION, generateHistory } from './generate-history';
import { readExecution } from '../read-execution';

describe('generateHistory', () => {
  it.each([70, 1000, 25_000])('writes exactly %i well-formed events', (count) => {
    const events = generateHistory(count);
    expect(events).toHaveLength(count);
    expect(() => parseExport({ definition: GENERATED_HISTORY_DEFINITION, events })).not.toThrow();
  });

  it('reads as a succeeded, compensating Map with retries', () => {
    const r = readExecution(GENERATED_HISTORY_DEFINITION, generateHistory(1000));
    expect(r.executionStatus).toBe('SUCCEEDED');
    expect(r.sagaOutcome).toBe('COMPENSATED');
    expect(r.states.Reserve).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(r.states.Charge?.status).toBe('CAUGHT');
    expect(r.states.Reserve?.visits.map((v) => v.iteration)).toEqual(r.states.Reserve?.visits.map((_, i) => i));
  });
});
