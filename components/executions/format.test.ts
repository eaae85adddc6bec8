import { describe, expect, it } from 'vitest';
import { formatRunTime, formatStart } from './format';

describe('formatStart', () => {
  it('shows the UTC date and time to the second', () => {
    expect(formatStart(Date.UTC(2025, 4, 1, 14, 30, 5, 123))).toBe('2025-05-01 14:30:05 UTC');
  });

  it('shows a dash for a missing time', () => {
    expect(formatStart(0)).toBe('—');
  });
});

describe('formatRunTime', () => {
  it('measures a finished execution to its stop', () => {
    expect(formatRunTime({ startedAt: 1_000, stoppedAt: 3_500 }, 99_000)).toBe('2.50 s');
  });

  it('measures a running execution to the time the page was read', () => {
    expect(formatRunTime({ startedAt: 1_000 }, 121_000)).toBe('2 min 0 s');
  });

  it('never shows a negative time when clocks disagree', () => {
    expect(formatRunTime({ startedAt: 5_000 }, 4_000)).toBe('0 ms');
  });
});
