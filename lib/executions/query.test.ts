import { describe, expect, it } from 'vitest';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import { ExecutionNotFoundError } from '@/lib/sfn/errors';
import type { ExecutionPage, ExecutionSummary } from '@/lib/sfn/types';
import type { ExecutionFacts } from './facts';
import type { ListFilters } from './filters';
import type { ListSource } from './list-cache';
import { MAX_SCAN_PAGES, queryExecutions } from './query';

const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:Saga';

type Spec = { name: string; status?: ExecutionStatus; startedAt: number; facts?: ExecutionFacts | Error };

/** An in-memory list: `executions` newest first, served `pageSize` at a time; counts pages read. */
function source(executions: Spec[], pageSize = 3) {
  const reads: Array<string | undefined> = [];
  const summaries: ExecutionSummary[] = executions.map((e) => ({
    executionArn: `${SM}:${e.name}`,
    stateMachineArn: SM,
    name: e.name,
    status: e.status ?? 'SUCCEEDED',
    startedAt: e.startedAt,
  }));
  const list: ListSource = {
    pageSize,
    async page(_arn, status, token): Promise<ExecutionPage> {
      reads.push(token);
      const matching = summaries.filter((s) => status === undefined || s.status === status);
      const start = Number(token ?? 0);
      const next = start + pageSize;
      return { executions: matching.slice(start, next), ...(next < matching.length ? { nextToken: String(next) } : {}) };
    },
    async facts(e) {
      const spec = executions.find((x) => x.name === e.name)?.facts;
      if (spec instanceof Error) throw spec;
      return spec ?? { status: e.status, outcome: 'COMPLETED' };
    },
  };
  return { list, reads };
}

const filters = (f: Partial<ListFilters> = {}): ListFilters => ({ prev: [], ...f });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const many = (count: number, name: (i: number) => string): Spec[] =>
  Array.from({ length: count }, (_, i) => ({ name: name(i), startedAt: 1_000_000 - i * 1000 }));

describe('queryExecutions', () => {
  it('without filters, is one ListExecutions page with the scenario read from each name', async () => {
    const { list, reads } = source(many(5, (i) => (i % 2 ? `fail-payment--o${i}` : `other-${i}`)));
    const result = await queryExecutions(list, SM, filters(), () => 42);
    expect(reads).toEqual([undefined]);
    expect(result).toMatchObject({ nextToken: '3', scanned: 3, partial: false, asOf: 42 });
    expect(result.rows[1]).toMatchObject({ name: 'fail-payment--o1', scenario: 'fail-payment', orderId: 'o1', outcome: 'COMPLETED' });
    expect(result.rows[0]).not.toHaveProperty('scenario');
  });

  it('continues from the page token in the URL', async () => {
    const { list, reads } = source(many(5, (i) => `e${i}`));
    const result = await queryExecutions(list, SM, filters({ page: '3' }));
    expect(reads).toEqual(['3']);
    expect(names(result.rows)).toEqual(['e3', 'e4']);
    expect(result).not.toHaveProperty('nextToken');
  });

  it('reads on while filters leave the page short, and resumes after the last page read', async () => {
    const { list, reads } = source(many(15, (i) => (i % 4 === 0 ? `happy--o${i}` : `fail-order--o${i}`)));
    const result = await queryExecutions(list, SM, filters({ scenario: 'happy' }));
    expect(names(result.rows)).toEqual(['happy--o0', 'happy--o4', 'happy--o8']);
    // Full after three pages: the fourth is left for Next page.
    expect(reads).toEqual([undefined, '3', '6']);
    expect(result).toMatchObject({ scanned: 9, partial: false, nextToken: '9' });
  });

  it('tells a Slow rollback run from a Payment fails run by scenario', async () => {
    const runs = ['slow-rollback--o1', 'fail-payment--o2', 'slow-rollback--o3'];
    const { list } = source(many(runs.length, (i) => runs[i] ?? ''));
    expect(names((await queryExecutions(list, SM, filters({ scenario: 'slow-rollback' }))).rows)).toEqual(['slow-rollback--o1', 'slow-rollback--o3']);
    expect(names((await queryExecutions(list, SM, filters({ scenario: 'fail-payment' }))).rows)).toEqual(['fail-payment--o2']);
  });

  it('stops at the scan budget and says the page is partial', async () => {
    const { list, reads } = source(many(MAX_SCAN_PAGES * 3 + 6, (i) => (i === 0 ? 'happy--first' : `fail-order--o${i}`)));
    const result = await queryExecutions(list, SM, filters({ scenario: 'happy' }));
    expect(reads).toHaveLength(MAX_SCAN_PAGES);
    expect(result).toMatchObject({ partial: true, nextToken: String(MAX_SCAN_PAGES * 3), scanned: MAX_SCAN_PAGES * 3 });
    expect(names(result.rows)).toEqual(['happy--first']);
  });

  it('searches names case-insensitively, which finds an order id', async () => {
    const { list } = source([...many(4, (i) => `happy--ord-${i}`), { name: 'fail-payment--ORD-Abc', startedAt: 1 }]);
    const result = await queryExecutions(list, SM, filters({ q: 'ord-abc' }));
    expect(names(result.rows)).toEqual(['fail-payment--ORD-Abc']);
  });

  it("keeps a batch's orders only, read from their names", async () => {
    const { list } = source([
      { name: 'happy--bat-aaaa1111-0001', startedAt: 3 },
      { name: 'happy--bat-bbbb2222-0001', startedAt: 2 },
      { name: 'fail-refund--bat-aaaa1111-0002', startedAt: 1 },
      { name: 'other-run', startedAt: 0 },
    ]);
    const result = await queryExecutions(list, SM, filters({ batch: 'bat-aaaa1111' }));
    expect(names(result.rows)).toEqual(['happy--bat-aaaa1111-0001', 'fail-refund--bat-aaaa1111-0002']);
    expect(result.rows[0]).toMatchObject({ batch: 'bat-aaaa1111', orderId: 'bat-aaaa1111-0001' });
  });

  it('keeps starts inside the time range and stops reading once pages are older than it', async () => {
    const { list, reads } = source(many(12, (i) => `e${i}`));
    const result = await queryExecutions(list, SM, filters({ from: 1_000_000 - 4_000, to: 1_000_000 - 2_000 }));
    expect(names(result.rows)).toEqual(['e2', 'e3', 'e4']);
    expect(reads).toEqual([undefined, '3']);
    expect(result).not.toHaveProperty('nextToken');
  });

  it('filters on the saga outcome from the history', async () => {
    const { list } = source([
      { name: 'a', startedAt: 3, facts: { status: 'FAILED', outcome: 'COMPENSATED', step: { name: 'Pay', status: 'CAUGHT' } } },
      { name: 'b', startedAt: 2 },
      { name: 'c', startedAt: 1, facts: { status: 'FAILED', outcome: 'COMPENSATION_FAILED' } },
    ]);
    const result = await queryExecutions(list, SM, filters({ outcome: 'COMPENSATED' }));
    expect(result.rows).toEqual([
      { name: 'a', executionArn: `${SM}:a`, status: 'FAILED', startedAt: 3, outcome: 'COMPENSATED', step: { name: 'Pay', status: 'CAUGHT' } },
    ]);
  });

  it('shows a row whose history could not be read, without an outcome, and says why', async () => {
    const { list } = source([
      { name: 'a', startedAt: 2, facts: new ExecutionNotFoundError('No execution with that name exists.') },
      { name: 'b', startedAt: 1 },
    ]);
    const all = await queryExecutions(list, SM, filters());
    expect(all.rows[0]).not.toHaveProperty('outcome');
    expect(all.factsError).toBe('No execution with that name exists.');
    const completed = await queryExecutions(list, SM, filters({ outcome: 'COMPLETED' }));
    expect(names(completed.rows)).toEqual(['b']);
  });

  it('drops a row whose fresher history contradicts the status filter', async () => {
    const { list } = source([
      { name: 'done-now', status: 'RUNNING', startedAt: 2, facts: { status: 'SUCCEEDED', outcome: 'COMPLETED', stoppedAt: 5 } },
      { name: 'still', status: 'RUNNING', startedAt: 1, facts: { status: 'RUNNING', outcome: 'RUNNING' } },
    ]);
    const running = await queryExecutions(list, SM, filters({ status: 'RUNNING' }));
    expect(names(running.rows)).toEqual(['still']);
    const all = await queryExecutions(list, SM, filters());
    expect(all.rows[0]).toMatchObject({ status: 'SUCCEEDED', stoppedAt: 5 });
  });

  it("finds an execution started elsewhere by the scenario and order id its input gives, not its name", async () => {
    const blueprint = (name: string, scenario: 'fail-payment' | 'happy'): Spec => ({
      name,
      startedAt: 1,
      facts: { status: 'FAILED', outcome: 'COMPENSATED', order: { orderId: `ord-${name}`, scenario } },
    });
    const { list } = source([blueprint('a1b2', 'fail-payment'), blueprint('c3d4', 'happy'), { name: 'fail-payment--o9', startedAt: 0 }], 5);
    const byScenario = await queryExecutions(list, SM, filters({ scenario: 'fail-payment' }));
    expect(names(byScenario.rows)).toEqual(['a1b2', 'fail-payment--o9']);
    expect(byScenario.rows[0]).toMatchObject({ scenario: 'fail-payment', orderId: 'ord-a1b2' });
    const byOrder = await queryExecutions(list, SM, filters({ q: 'ORD-C3' }));
    expect(names(byOrder.rows)).toEqual(['c3d4']);
  });
});
