import { describe, expect, it } from 'vitest';
import { asText, parsePayload, toEpochMs } from './values';

describe('toEpochMs', () => {
  it.each([
    ['a Date (SDK)', new Date('2024-05-01T10:00:00.250Z'), 1714557600250],
    ['epoch seconds with fraction (wire)', 1714557600.25, 1714557600250],
    ['epoch ms (exports)', 1714557600250, 1714557600250],
    ['an ISO string (AWS CLI)', '2024-05-01T10:00:00.250000+00:00', 1714557600250],
    ['a numeric string', '1714557600.25', 1714557600250],
  ])('reads %s', (_what, value, expected) => {
    expect(toEpochMs(value)).toBe(expected);
  });

  it.each([['timestamp'], [''], [Number.NaN], [-5], [null], [{}], [new Date('nope')]])('reads %j as unknown', (value) => {
    expect(toEpochMs(value)).toBeUndefined();
  });
});

describe('payloads', () => {
  it('parses JSON text, keeps other text and values as they are', () => {
    expect(parsePayload('{"a":[1]}')).toEqual({ a: [1] });
    expect(parsePayload('"quoted"')).toBe('quoted');
    expect(parsePayload('plain text')).toBe('plain text');
    expect(parsePayload({ already: 'parsed' })).toEqual({ already: 'parsed' });
  });

  it('turns a cause the recorder parsed back into text', () => {
    expect(asText({ errorMessage: 'x' })).toBe('{"errorMessage":"x"}');
    expect(asText('plain')).toBe('plain');
    expect(asText(undefined)).toBeUndefined();
  });
});
