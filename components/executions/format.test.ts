import { describe, expect, it } from 'vitest';
import { formatRunTime, formatStart, NAME_SHOWN_CHARS, truncateMiddle } from './format';

describe('formatStart', () => {
  it('shows the UTC date and time to the second', () => {
    expect(formatStart(Date.UTC(2025, 4, 1, 14, 30, 5, 123))).toBe('2025-05-01 14:30:05 UTC');
    expect(formatStart(Date.UTC(2025, 4, 1, 14, 30, 5, 123), 'no-zone')).toBe('2025-05-01 14:30:05');
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

describe('truncateMiddle', () => {
  it('keeps a name that fits whole', () => {
    expect(truncateMiddle('happy--ord-1a2b3c')).toBe('happy--ord-1a2b3c');
  });

  it('cuts a long name in the middle, keeping its scenario and the end of its order id', () => {
    const name = 'fail-inventory--lst1abc2def-inventory-a1b2c3d4e5';
    // 26 characters: 13 from the start, the last 12 from the end.
    const shown = truncateMiddle(name);
    expect(shown).toHaveLength(NAME_SHOWN_CHARS);
    expect(shown).toBe('fail-inventor…y-a1b2c3d4e5');
    expect(shown).toContain('…');
    expect(truncateMiddle('abcdefghij', 5)).toBe('ab…ij');
  });
});
