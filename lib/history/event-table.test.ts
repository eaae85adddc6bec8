import { describe, expect, it } from 'vitest';
import { filterEvents, eventSummary, historySize, isFailureEvent } from './event-table';
import { GENERATED_HISTORY_DEFINITION, generateHistory } from './testing/generate-history';
import { readExecutionDetail } from './read-execution';
import type { HistoryEvent } from './types';

describe('event table', () => {
  const events = generateHistory(25_000);
  const { reading, places } = readExecutionDetail(GENERATED_HISTORY_DEFINITION, events);
  const roleOf = (state: string) => reading.states[state]?.role;

  it('keeps every event, only failures, or only compensation events, in history order', () => {
    expect(filterEvents(events, places, roleOf, 'all')).toHaveLength(25_000);
    const failures = filterEvents(events, places, roleOf, 'failures').map((i) => events[i]?.type);
    expect(new Set(failures)).toEqual(new Set(['LambdaFunctionFailed', 'TaskFailed']));
    const compensation = filterEvents(events, places, roleOf, 'compensation');
    expect(new Set(compensation.map((i) => places[i]?.state))).toEqual(new Set(['Release']));
    expect(compensation).toEqual([...compensation].sort((a, b) => a - b));
  });

  it('counts failures: failed tries, Fail states and the execution, not successes', () => {
    expect(['TaskFailed', 'LambdaFunctionTimedOut', 'FailStateEntered', 'ExecutionFailed', 'MapIterationFailed'].every(isFailureEvent)).toBe(true);
    expect(['TaskSucceeded', 'TaskStateEntered', 'ExecutionAborted', 'SomethingNew'].some(isFailureEvent)).toBe(false);
  });

  it('summarises an event in one line: error first, then payloads, clipped', () => {
    const ev = (type: string, details: Record<string, unknown>): HistoryEvent => ({
      id: 1,
      type,
      [`${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`]: details,
    });
    expect(eventSummary(ev('TaskFailed', { error: 'PaymentFailed', cause: '{"errorMessage":"declined"}' }))).toBe(
      'PaymentFailed: {"errorMessage":"declined"}',
    );
    expect(eventSummary(ev('LambdaFunctionScheduled', { resource: 'fn', input: { a: 1 } }))).toBe('fn ← {"a":1}');
    expect(eventSummary(ev('MapIterationStarted', { name: 'M', index: 4 }))).toBe('iteration 4');
    expect(eventSummary(ev('ExecutionSucceeded', { output: 'x'.repeat(500) }), 20)).toHaveLength(20);
    expect(eventSummary({ id: 2, type: 'LambdaFunctionStarted' })).toBe('');
  });

  it('warns from 20,000 events and says when the limit is reached', () => {
    expect([historySize(100), historySize(20_000), historySize(25_000)]).toEqual(['ok', 'near-limit', 'at-limit']);
  });
});
