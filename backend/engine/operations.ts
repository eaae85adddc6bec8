/**
 * One thin handler per operation: typed parameters in, a response object out. Pagination
 * and reshaping are delegated to pure modules; the services do the work.
 */
import { parseExecutionArn } from './arn';
import { SfnError } from './errors';
import type { Executions } from './executions';
import { pageSize, type PageTokens } from './pagination';
import type { ApiRequest } from './protocol';
import { parseParams } from './requests';
import * as shape from './responses';
import type { StateMachines } from './state-machines';
import type { EngineStore, ExecutionRecord } from './store';

export interface Services {
  store: EngineStore;
  machines: StateMachines;
  executions: Executions;
  tokens: PageTokens;
}

/** A response already serialized (history pages are stored as JSON text and sent as is). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Fetch one more than the page to know whether a next page exists. */
function page<T>(tokens: PageTokens, rows: T[], limit: number, query: string, cursor: (last: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextToken: rows.length > limit && last !== undefined ? tokens.encode(query, cursor(last)) : undefined };
}

const num = (v: string | number | undefined): number => (typeof v === 'number' ? v : Number.NaN);

/**
 * DescribeExecution's answer for a running execution, serialized once. A running execution
 * is polled far more often than it changes, and the answer carries its whole input (up to
 * 256 KiB). Its record (the same object while it runs) changes only by closing, which
 * changes its status, so an answer is reused only while the status is still RUNNING.
 */
const runningDescribed = new WeakMap<ExecutionRecord, RawJson>();

function describeJson(e: ExecutionRecord): RawJson {
  if (e.status !== 'RUNNING') return new RawJson(JSON.stringify(shape.describeExecution(e)));
  let json = runningDescribed.get(e);
  if (!json) {
    json = new RawJson(JSON.stringify(shape.describeExecution(e)));
    runningDescribed.set(e, json);
  }
  return json;
}

export async function handle(services: Services, request: ApiRequest): Promise<object> {
  const { store, machines, executions, tokens } = services;
  const raw = request.params;
  switch (request.operation) {
    case 'StartExecution': {
      const p = parseParams('StartExecution', raw);
      const e = await executions.start(p);
      return { executionArn: e.arn, startDate: e.startDate };
    }
    case 'DescribeExecution':
      return describeJson(executions.describe(parseParams('DescribeExecution', raw).executionArn));
    case 'StopExecution': {
      const p = parseParams('StopExecution', raw);
      const e = await executions.stop(p.executionArn, p.error, p.cause);
      return { stopDate: e.stopDate ?? Date.now() / 1000 };
    }
    case 'RedriveExecution': {
      const e = await executions.redrive(parseParams('RedriveExecution', raw).executionArn);
      return { redriveDate: e.redriveDate };
    }
    case 'GetExecutionHistory': {
      const p = parseParams('GetExecutionHistory', raw);
      const e = executions.describe(p.executionArn);
      const reverse = p.reverseOrder ?? false;
      const query = `history|${e.arn}|${reverse}`;
      const after = tokens.decode(p.nextToken, query)?.[0];
      const limit = pageSize(p.maxResults);
      const { items, nextToken } = page(tokens, store.events(e.pk, after === undefined ? undefined : num(after), reverse, limit + 1), limit, query, (r) => [r.id]);
      const bodies = p.includeExecutionData === false ? items.map((r) => shape.withoutExecutionData(r.body)) : items.map((r) => r.body);
      return new RawJson(`{"events":[${bodies.join(',')}]${nextToken ? `,"nextToken":${JSON.stringify(nextToken)}` : ''}}`);
    }
    case 'ListExecutions': {
      const p = parseParams('ListExecutions', raw);
      machines.describe(p.stateMachineArn);
      const query = `executions|${p.stateMachineArn}|${p.statusFilter ?? ''}`;
      const cursor = tokens.decode(p.nextToken, query);
      const limit = pageSize(p.maxResults);
      const after: [number, number] | undefined = cursor ? [num(cursor[0]), num(cursor[1])] : undefined;
      const rows = executions.list(p.stateMachineArn, p.statusFilter, after, limit + 1);
      const { items, nextToken } = page(tokens, rows, limit, query, (e) => [e.startDate, e.pk]);
      return { executions: items.map(shape.executionSummary), ...(nextToken ? { nextToken } : {}) };
    }
    case 'ListStateMachines': {
      const p = parseParams('ListStateMachines', raw);
      const cursor = tokens.decode(p.nextToken, 'machines')?.[0];
      const limit = pageSize(p.maxResults);
      const { items, nextToken } = page(tokens, machines.list(cursor === undefined ? undefined : String(cursor), limit + 1), limit, 'machines', (m) => [m.arn]);
      return { stateMachines: items.map(shape.stateMachineSummary), ...(nextToken ? { nextToken } : {}) };
    }
    case 'DescribeStateMachine':
      return shape.describeStateMachine(machines.describe(parseParams('DescribeStateMachine', raw).stateMachineArn));
    case 'DescribeStateMachineForExecution': {
      const e = executions.describe(parseParams('DescribeStateMachineForExecution', raw).executionArn);
      const revision = store.revision(e.revisionId);
      if (revision === undefined) throw new SfnError('StateMachineDoesNotExist', `No definition recorded for '${e.arn}'`);
      return shape.describeStateMachineForExecution(e, revision, store.stateMachine(parseExecutionArn(e.arn).stateMachineArn));
    }
    case 'CreateStateMachine': {
      const m = machines.create(parseParams('CreateStateMachine', raw));
      return { stateMachineArn: m.arn, creationDate: m.creationDate };
    }
    case 'UpdateStateMachine': {
      const m = machines.update(parseParams('UpdateStateMachine', raw));
      return { updateDate: m.revisionDate, revisionId: m.revisionId };
    }
    case 'DeleteStateMachine':
      machines.delete(parseParams('DeleteStateMachine', raw).stateMachineArn);
      return {};
    case 'StartSyncExecution':
      // Every machine here is STANDARD; AWS refuses synchronous starts of those with this text.
      machines.describe(parseParams('StartSyncExecution', raw).stateMachineArn);
      throw new SfnError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
  }
}
