import { describe, expect, it } from 'vitest';
import type { ExecutionReading, StateReading } from '@/lib/history/types';
import { compareStates, formatDelta, highlightCss } from './compare-states';

const state = (name: string, status: StateReading['status'], durationMs?: number): StateReading => ({
  name,
  status,
  attempts: status === 'NOT_RUN' ? 0 : 1,
  ...(durationMs !== undefined ? { durationMs } : {}),
  visits: [],
  role: name.startsWith('Undo') ? 'compensation' : 'forward',
});

const reading = (states: StateReading[]): ExecutionReading => ({
  executionStatus: 'SUCCEEDED',
  sagaOutcome: 'COMPLETED',
  states: Object.fromEntries(states.map((s) => [s.name, s])),
  edgesRun: [],
  eventCount: 0,
});

describe('compareStates', () => {
  const happy = reading([state('Pay', 'SUCCEEDED', 1_000), state('Ship', 'SUCCEEDED', 200), state('UndoPay', 'NOT_RUN')]);
  const failed = reading([state('Pay', 'CAUGHT', 1_500), state('Ship', 'NOT_RUN'), state('UndoPay', 'SUCCEEDED', 300)]);

  it('marks the states whose status differs, with timing on each side and the delta', () => {
    const rows = compareStates(happy, failed, ['Pay', 'Ship', 'UndoPay']);
    expect(rows).toEqual([
      {
        name: 'Pay',
        role: 'forward',
        a: { status: 'SUCCEEDED', attempts: 1, durationMs: 1_000 },
        b: { status: 'CAUGHT', attempts: 1, durationMs: 1_500 },
        differs: true,
        deltaMs: 500,
      },
      { name: 'Ship', role: 'forward', a: { status: 'SUCCEEDED', attempts: 1, durationMs: 200 }, b: { status: 'NOT_RUN', attempts: 0, durationMs: undefined }, differs: true },
      { name: 'UndoPay', role: 'compensation', a: { status: 'NOT_RUN', attempts: 0, durationMs: undefined }, b: { status: 'SUCCEEDED', attempts: 1, durationMs: 300 }, differs: true },
    ]);
  });

  it('does not mark states that ran the same way, however long they took', () => {
    const slower = reading([state('Pay', 'SUCCEEDED', 3_000), state('Ship', 'SUCCEEDED', 100), state('UndoPay', 'NOT_RUN')]);
    const rows = compareStates(happy, slower, ['Pay', 'Ship', 'UndoPay']);
    expect(rows.map((r) => [r.name, r.differs, r.deltaMs])).toEqual([
      ['Pay', false, 2_000],
      ['Ship', false, -100],
      ['UndoPay', false, undefined],
    ]);
  });

  it('lists a state only one definition has, after the drawing order, as differing', () => {
    const other = reading([state('Pay', 'SUCCEEDED', 1_000), state('Audit', 'SUCCEEDED', 10)]);
    const rows = compareStates(happy, other, ['Pay', 'Ship', 'UndoPay']);
    expect(rows.map((r) => r.name)).toEqual(['Pay', 'Ship', 'UndoPay', 'Audit']);
    const audit = rows.find((r) => r.name === 'Audit');
    expect(audit?.a).toBeUndefined();
    expect(audit?.differs).toBe(true);
  });
});

describe('formatDelta', () => {
  it('signs the difference', () => {
    expect(formatDelta(1_200)).toBe('+1.20 s');
    expect(formatDelta(-350)).toBe('−350 ms');
    expect(formatDelta(0)).toBe('±0 ms');
    expect(formatDelta(undefined)).toBe('—');
  });
});

describe('highlightCss', () => {
  it('selects each named node and cannot be broken out of by a hostile state name', () => {
    const css = highlightCss('[data-compare]', ['Pay', 'a"b\\c</style>']);
    expect(css).toContain('[data-compare] .react-flow__node[data-id="Pay"]');
    expect(css).toContain('[data-id="a\\"b\\\\c\\3c /style>"]');
    expect(css).not.toContain('</');
    expect(highlightCss('[x]', [])).toBe('');
  });
});
