import { describe, expect, it } from 'vitest';
import { mergeEvents, parseDefinition, toExecutionEvent } from './reshape';

describe('toExecutionEvent', () => {
  it('turns the SDK Date into epoch ms and parses JSON payloads but not plain text', () => {
    const event = toExecutionEvent({
      id: 7,
      previousEventId: 6,
      type: 'LambdaFunctionFailed',
      timestamp: new Date('2024-05-01T10:00:00.250Z'),
      lambdaFunctionFailedEventDetails: { error: 'PaymentDeclined', cause: '{"errorMessage":"card declined"}' },
    } as Parameters<typeof toExecutionEvent>[0]);
    expect(event.timestamp).toBe(Date.parse('2024-05-01T10:00:00.250Z'));
    expect(event.previousEventId).toBe(6);
    expect(event.lambdaFunctionFailedEventDetails).toEqual({
      error: 'PaymentDeclined',
      cause: { errorMessage: 'card declined' },
    });
  });

  it('keeps a cause that is not JSON as the text it is', () => {
    const event = toExecutionEvent({
      id: 3,
      type: 'ExecutionFailed',
      executionFailedEventDetails: { error: 'X', cause: 'Payment declined' },
    } as Parameters<typeof toExecutionEvent>[0]);
    expect(event.executionFailedEventDetails).toEqual({ error: 'X', cause: 'Payment declined' });
  });
});

describe('mergeEvents', () => {
  const ev = (id: number) => ({ id });
  it('appends only unseen ids, in order, so a resent batch changes nothing', () => {
    const known = [ev(1), ev(2), ev(3)];
    expect(mergeEvents(known, [ev(2), ev(3)])).toBe(known);
    expect(mergeEvents(known, [ev(5), ev(3), ev(4), ev(5)]).map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('parseDefinition', () => {
  it('refuses JSON that is not a state machine', () => {
    expect(() => parseDefinition('{"foo":1}')).toThrow(/not valid ASL/);
    expect(parseDefinition('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}').StartAt).toBe('A');
  });
});
