import { describe, expect, it } from 'vitest';
import { readCompareQuery } from './compare-query';

describe('readCompareQuery', () => {
  it('is ready with two names, and keeps the machine when given', () => {
    expect(readCompareQuery({ a: 'happy--ord-1', b: 'fail-payment--ord-2', sm: 'arn:sm' })).toEqual({
      kind: 'ready',
      query: { a: 'happy--ord-1', b: 'fail-payment--ord-2', sm: 'arn:sm' },
    });
  });

  it('asks for what is missing, keeping what was given', () => {
    expect(readCompareQuery({ a: 'happy--ord-1' })).toEqual({ kind: 'incomplete', given: { a: 'happy--ord-1' } });
    expect(readCompareQuery({ a: '  ', b: ['x', 'y'] })).toEqual({ kind: 'incomplete', given: {} });
  });

  it('names the side whose name is not an execution name', () => {
    const request = readCompareQuery({ a: 'ok', b: 'no spaces/allowed' });
    expect(request.kind).toBe('invalid');
    expect(request.kind === 'invalid' && request.message).toContain('“no spaces/allowed” (b) is not an execution name');
  });
});
