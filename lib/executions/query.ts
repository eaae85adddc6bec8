/**
 * One page of the executions list: ListExecutions pages (newest first, filtered by status
 * on the service side), narrowed here by what Step Functions cannot filter on: the
 * scenario and order id in the name, the start time, and the saga outcome from the
 * history. When filters drop rows, it reads further pages until the page is full, the
 * scan budget is spent or older executions cannot match, and hands back the token to
 * continue from. Framework-free: reads go through an injected ListSource.
 */
import type { ScenarioCode } from '@/lib/saga/scenarios';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { SagaOutcome } from '@/lib/history/types';
import { errorInfo } from '@/lib/sfn/errors';
import type { ExecutionSummary } from '@/lib/sfn/types';
import type { ExecutionFacts, StepMark } from './facts';
import { narrowsBeyondStatus, type ListFilters } from './filters';
import type { ListSource } from './list-cache';
import { decodeExecutionName, type NameParts } from '@/lib/saga/names';

export interface ExecutionRow {
  name: string;
  executionArn: string;
  status: ExecutionStatus;
  startedAt: number;
  stoppedAt?: number;
  scenario?: ScenarioCode;
  orderId?: string;
  /** the batch run it belongs to */
  batch?: string;
  /** absent when the history could not be read (see ListResult.factsError) */
  outcome?: SagaOutcome;
  step?: StepMark;
}

export interface ListResult {
  rows: ExecutionRow[];
  /** where the next page starts; absent on the last page */
  nextToken?: string;
  /** executions looked at for this page: more than rows when filters dropped some */
  scanned: number;
  /** the scan budget ran out before the page filled: the next page searches on */
  partial: boolean;
  /** why some rows have no outcome */
  factsError?: string;
  /** when the page was read, epoch ms; running durations are measured to it */
  asOf: number;
}

/** ListExecutions pages one page of the list may read when filters drop rows. */
export const MAX_SCAN_PAGES = 8;

const includesText = (value: string | undefined, q: string): boolean => value !== undefined && value.toLowerCase().includes(q.toLowerCase());

/**
 * What the list page alone can rule out. A name the dashboard made carries the scenario
 * and order id, so it decides here; any other name (the blueprint's payloads, the CLI's
 * names) waits for its facts, which read both from the input.
 */
export function matchesSummary(e: ExecutionSummary, f: ListFilters, named: NameParts): boolean {
  if (f.from !== undefined && e.startedAt < f.from) return false;
  if (f.to !== undefined && e.startedAt > f.to) return false;
  // Only the dashboard's batch runner makes batch orders, and it names them.
  if (f.batch !== undefined && named.batch !== f.batch) return false;
  if (named.scenario === undefined) return true;
  return (f.scenario === undefined || named.scenario === f.scenario) && (f.q === undefined || includesText(e.name, f.q));
}

function toRow(e: ExecutionSummary, facts: ExecutionFacts | undefined): ExecutionRow {
  // The history was read after the list page, so its status is the fresher one.
  const stoppedAt = e.stoppedAt ?? facts?.stoppedAt;
  return {
    name: e.name,
    executionArn: e.executionArn,
    status: facts?.status ?? e.status,
    startedAt: e.startedAt,
    ...(stoppedAt === undefined ? {} : { stoppedAt }),
    ...facts?.order,
    ...decodeExecutionName(e.name),
    ...(facts ? { outcome: facts.outcome, ...(facts.step ? { step: facts.step } : {}) } : {}),
  };
}

const matchesFacts = (row: ExecutionRow, f: ListFilters): boolean =>
  (f.outcome === undefined || row.outcome === f.outcome) &&
  (f.status === undefined || row.status === f.status) &&
  (f.scenario === undefined || row.scenario === f.scenario) &&
  (f.q === undefined || includesText(row.name, f.q) || includesText(row.orderId, f.q));

export async function queryExecutions(
  source: ListSource,
  stateMachineArn: string,
  f: ListFilters,
  now: () => number = Date.now,
): Promise<ListResult> {
  const narrowed = narrowsBeyondStatus(f);
  const rows: ExecutionRow[] = [];
  let token = f.page;
  let scanned = 0;
  let pages = 0;
  let factsError: string | undefined;
  do {
    const page = await source.page(stateMachineArn, f.status, token);
    pages++;
    scanned += page.executions.length;
    token = page.nextToken;
    const candidates = page.executions.filter((e) => matchesSummary(e, f, decodeExecutionName(e.name)));
    const facts = await Promise.allSettled(candidates.map((e) => source.facts(e)));
    candidates.forEach((e, i) => {
      const read = facts[i];
      if (read?.status === 'rejected') factsError ??= errorInfo(read.reason).message;
      const row = toRow(e, read?.status === 'fulfilled' ? read.value : undefined);
      if (matchesFacts(row, f)) rows.push(row);
    });
    // Newest first: once a page reaches past `from`, every later page is older still.
    const oldest = page.executions.at(-1);
    if (f.from !== undefined && oldest !== undefined && oldest.startedAt < f.from) token = undefined;
  } while (narrowed && token !== undefined && rows.length < source.pageSize && pages < MAX_SCAN_PAGES);
  return {
    rows,
    ...(token === undefined ? {} : { nextToken: token }),
    scanned,
    partial: narrowed && token !== undefined && rows.length < source.pageSize,
    ...(factsError === undefined ? {} : { factsError }),
    asOf: now(),
  };
}
