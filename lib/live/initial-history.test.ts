import { describe, expect, it } from 'vitest';
import type { ExecutionEvent } from '../sfn/types';
import { initialHistoryKey, keepInitialHistory, keptInitialHistory, upTo } from './initial-history';

const events = (n: number, from = 1): ExecutionEvent[] =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, type: 'PassStateEntered', timestamp: new Date(0) }) as unknown as ExecutionEvent);

describe('the page history hand-over', () => {
  it('keys a history by execution and last event, so a grown history is another hand-over', () => {
    const arn = 'arn:aws:states:us-east-1:000000000000:execution:saga:a';
    expect(initialHistoryKey(arn, 12)).not.toBe(initialHistoryKey(arn, 13));
    expect(initialHistoryKey(arn, 12)).not.toBe(initialHistoryKey(`${arn}b`, 12));
  });

  it('gives the render the very events the page kept', () => {
    const kept = events(3);
    keepInitialHistory('k-same', kept, 1_000);
    expect(keptInitialHistory('k-same')).toBe(kept);
  });

  it('lets go of a hand-over after a minute, and of the oldest beyond eight', () => {
    keepInitialHistory('k-old', events(1), 0);
    keepInitialHistory('k-new', events(1), 60_001);
    expect(keptInitialHistory('k-old')).toBeUndefined();
    for (let i = 0; i < 8; i++) keepInitialHistory(`k-${String(i)}`, events(1), 60_002);
    expect(keptInitialHistory('k-new')).toBeUndefined();
    expect(keptInitialHistory('k-7')).toBeDefined();
  });

  it('answers events 1..upTo of a history that has moved on, and the same list when it has not', () => {
    const all = events(10);
    expect(upTo(all, 4).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(upTo(all, 10)).toBe(all);
    expect(upTo(all, 0)).toEqual([]);
  });
});
