import { describe, expect, it } from 'vitest';
import { isRecord, parsePayload, parseObjectPayload, toEpochMs } from './values';

describe('toEpochMs', () => {
  it.each([
    ['a Date (SDK)', new Date('2024-05-01T10:00:00.250Z'), 1714557600250],
    ['epoch seconds with fraction (wire)', 1714557600.25, 1714557600250],
    ['epoch seconds whose fraction is not exact in floating point', 1700000000.123, 1700000000123],
    ['epoch ms (exports)', 1714557600250, 1714557600250],
    ['an ISO string (AWS CLI)', '2024-05-01T10:00:00.250000+00:00', 1714557600250],
    ['a numeric string', '1714557600.25', 1714557600250],
  ])('reads %s', (_what, value, expected) => {
    expect(toEpochMs(value)).toBe(expected);
  });

  it.each([['timestamp'], [''], ['  '], [Number.NaN], [Number.POSITIVE_INFINITY], [-5], [null], [{}], [new Date('nope')]])(
    'reads %j as unknown',
    (value) => {
      expect(toEpochMs(value)).toBeUndefined();
    },
  );
});

describe('parsePayload', () => {
  it('parses any JSON text, keeps other text and values as they are', () => {
    expect(parsePayload('{"a":[1]}')).toEqual({ a: [1] });
    expect(parsePayload('"quoted"')).toBe('quoted');
    expect(parsePayload('42')).toBe(42);
    expect(parsePayload('plain text')).toBe('plain text');
    expect(parsePayload({ already: 'parsed' })).toEqual({ already: 'parsed' });
    expect(parsePayload(undefined)).toBeUndefined();
  });
});

describe('parseObjectPayload', () => {
  it('parses objects and arrays only, so a cause that happens to be JSON scalar text stays text', () => {
    expect(parseObjectPayload(' {"a":1}')).toEqual({ a: 1 });
    expect(parseObjectPayload('[1,2]')).toEqual([1, 2]);
    expect(parseObjectPayload('404')).toBe('404');
    expect(parseObjectPayload('"quoted"')).toBe('"quoted"');
    expect(parseObjectPayload('{not json')).toBe('{not json');
  });
});

describe('isRecord', () => {
  it('is true for plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});
