import { describe, expect, it } from 'vitest';
import { firstPage, listQuery, MAX_TRAIL, nextPage, pageLabel, parseListFilters, previousPage, type ListFilters } from './filters';

const ok = (raw: Parameters<typeof parseListFilters>[0]): ListFilters => {
  const parsed = parseListFilters(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.filters;
};

const problems = (raw: Parameters<typeof parseListFilters>[0]): string[] => {
  const parsed = parseListFilters(raw);
  return parsed.ok ? [] : parsed.problems;
};

describe('parseListFilters', () => {
  it('accepts no filters at all', () => {
    expect(ok({})).toEqual({ prev: [] });
  });

  it('reads every filter', () => {
    expect(
      ok({
        sm: 'OrderSaga',
        status: 'FAILED',
        outcome: 'COMPENSATED',
        scenario: 'fail-payment',
        from: '2025-05-01T14:30',
        to: '2025-05-01T15:00:30Z',
        q: ' ord-12 ',
      }),
    ).toEqual({
      sm: 'OrderSaga',
      status: 'FAILED',
      outcome: 'COMPENSATED',
      scenario: 'fail-payment',
      from: Date.UTC(2025, 4, 1, 14, 30),
      to: Date.UTC(2025, 4, 1, 15, 0, 30),
      q: 'ord-12',
      prev: [],
    });
  });

  it('takes a batch id, and refuses anything else there', () => {
    expect(ok({ batch: 'bat-0a1b2c3d' }).batch).toBe('bat-0a1b2c3d');
    expect(listQuery(ok({ batch: 'bat-0a1b2c3d', q: 'x' }))).toBe('q=x&batch=bat-0a1b2c3d');
    expect(problems({ batch: 'nope' })).toEqual(['batch: is not a batch id (bat- and 8 letters or digits) (got "nope")']);
  });

  it('reads times without a zone as UTC, and honours an explicit offset', () => {
    expect(ok({ from: '2025-05-01' }).from).toBe(Date.UTC(2025, 4, 1));
    expect(ok({ from: '2025-05-01T10:00+02:00' }).from).toBe(Date.UTC(2025, 4, 1, 8));
  });

  it('treats empty fields as absent, as a GET form sends them', () => {
    expect(ok({ status: '', outcome: '', q: '  ', from: '' })).toEqual({ prev: [] });
  });

  it('accepts a state machine ARN as well as a name', () => {
    const sm = 'arn:aws:states:us-east-1:123456789012:stateMachine:OrderSaga';
    expect(ok({ sm }).sm).toBe(sm);
  });

  it('says which value is wrong and what would be right', () => {
    expect(problems({ status: 'DONE' })).toEqual([
      'status: must be one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE (got "DONE")',
    ]);
    expect(problems({ outcome: 'meh' })[0]).toMatch(/^outcome: must be one of COMPLETED, /);
    expect(problems({ scenario: 'fail-everything' })[0]).toMatch(/^scenario: must be one of happy, /);
    expect(problems({ sm: 'no spaces allowed' })[0]).toMatch(/^sm: must be a state machine name or ARN/);
  });

  it('lists every problem at once', () => {
    expect(problems({ status: 'x', outcome: 'y' })).toHaveLength(2);
  });

  it('refuses times that are not times, or do not exist, or run backwards', () => {
    expect(problems({ from: 'yesterday' })[0]).toMatch(/^from: use a date and time such as/);
    expect(problems({ to: '2025-02-30T10:00' })[0]).toMatch(/^to: 2025-02-30T10:00 is not a real date and time/);
    expect(problems({ to: '2025-02-30' })[0]).toMatch(/^to: 2025-02-30 is not a real date/);
    expect(problems({ from: '2025-05-01T25:00' })[0]).toMatch(/^from: 2025-05-01T25:00 is not a real date/);
    expect(problems({ from: '2025-05-02', to: '2025-05-01' })[0]).toMatch(/^from: must not be after to/);
  });

  it('refuses a filter given twice', () => {
    expect(problems({ status: ['FAILED', 'SUCCEEDED'] })).toEqual(['status: given 2 times; give it once']);
  });

  it('refuses an overlong search and a malformed page token', () => {
    expect(problems({ q: 'x'.repeat(81) })[0]).toMatch(/^q: must be at most 80 characters/);
    expect(problems({ page: 'has spaces in it' })[0]).toMatch(/^page: is not a page token/);
    expect(problems({ page: 'ok', prev: ['fine', 'not fine'] })[0]).toMatch(/^prev: holds something/);
  });
});

describe('listQuery and paging', () => {
  it('writes filters back in one canonical order, times in UTC', () => {
    const f = ok({ q: 'ord-1', status: 'FAILED', from: '2025-05-01T14:30:00Z', to: '2025-05-01T15:00:30Z', sm: 'S' });
    expect(listQuery(f)).toBe('sm=S&status=FAILED&from=2025-05-01T14%3A30&to=2025-05-01T15%3A00%3A30&q=ord-1');
    expect(ok(Object.fromEntries(new URLSearchParams(listQuery(f))))).toEqual(f);
  });

  it('keeps the trail of tokens so Previous walks back page by page', () => {
    const first = ok({ status: 'FAILED' });
    const second = nextPage(first, 't2');
    const third = nextPage(second, 't3');
    expect(listQuery(third)).toBe('status=FAILED&prev=t2&page=t3');
    expect([pageLabel(first), pageLabel(second), pageLabel(third)]).toEqual(['1', '2', '3']);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual({ ...first, page: undefined });
    expect(previousPage(first)).toBeUndefined();
  });

  it('keeps only the latest tokens, so a deep page still fits in a URL', () => {
    let f = ok({});
    for (let i = 1; i <= MAX_TRAIL + 5; i++) f = nextPage(f, `t${i}`);
    expect(f.prev).toHaveLength(MAX_TRAIL);
    expect(f.prev[0]).toBe('t5');
    expect(pageLabel(f)).toBe(`${MAX_TRAIL + 2} or later`);
    expect(ok(Object.fromEntries([...new URLSearchParams(listQuery(f)).entries()].filter(([k]) => k !== 'prev')))).toMatchObject({ page: f.page });
    expect(firstPage(f)).toEqual({ page: undefined, prev: [] });
  });

  it('reads a trail back from the URL', () => {
    const params = new URLSearchParams('prev=t2&prev=t3&page=t4');
    expect(ok({ prev: params.getAll('prev'), page: params.get('page') ?? undefined })).toEqual({ page: 't4', prev: ['t2', 't3'] });
  });
});
