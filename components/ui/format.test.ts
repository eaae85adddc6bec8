import { describe, expect, it } from 'vitest';
import { formatDuration, formatJson, formatTime } from './format';

describe('formatJson', () => {
  it('shows JSON text as indented structure, and other text as it is', () => {
    expect(formatJson('{"errorMessage":"declined"}')).toBe('{\n  "errorMessage": "declined"\n}');
    expect(formatJson('"quoted"')).toBe('"quoted"');
    expect(formatJson('Payment declined')).toBe('Payment declined');
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson(undefined)).toBe('—');
  });
});

describe('times', () => {
  it('reads durations and UTC times the same on server and browser', () => {
    expect(formatDuration(1_234)).toBe('1.23 s');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatTime(Date.UTC(2024, 4, 1, 10, 0, 0, 250))).toBe('10:00:00.250 UTC');
  });
});
