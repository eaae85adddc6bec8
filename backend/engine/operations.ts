/**
 * One thin handler per operation: typed parameters in, a response object out. Pagination
 * and reshaping are delegated to pure modules; the services do the work.
 */
import { parseExecutionArn } from './arn';
import { SfnError } from './errors';
import type { Executions } from './executions';
import { decodeToken, encodeToken, pageSize } from './pagination';
import type { ApiRequest } from './protocol';
import { parseParams } from './requests';
import * as shape from './responses';
import type { StateMachines } from './state-machines';
import type { EngineStore } from './store';

export interface Services {
  store: EngineStore;
  machines: StateMachines;
  executions: Executions;
}

/** A response already serialized (history pages are stored as JSON text and sent as is). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Fetch one more than the page to know whether a next page exists. */
function page<T>(rows: T[], limit: number, query: string, cursor: (last: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextToken: rows.length > limit && last !== undefined ? encodeToken(query, cursor(last)) : undefined };
}

const num = (v: string | number | undefined): number => (typeof v === 'number' ? v : Number.NaN);

export async function handle(services: Services, request: ApiRequest): Promise<object> {
  const { store, machines, executions } = services;
  const raw = request.params;
  switch (request.operation) {
    case 'StartExecution': {
      const p = parseParams('StartExecution', raw);
      const e = await executions.start(p);
      return { executionArn: e.arn, startDate: e.startDate };
    }
    case 'DescribeExecution':
      return shape.describeExecution(executions.describe(parseParams('DescribeExecution', raw).executionArn));
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
      const after = decodeToken(p.nextToken, query)?.[0];
      const limit = pageSize(p.maxResults);
      const { items, nextToken } = page(store.events(e.pk, after === undefined ? undefined : num(after), reverse, limit + 1), limit, query, (r) => [r.id]);
      const bodies = p.includeExecutionData === false ? items.map((r) => shape.withoutExecutionData(r.body)) : items.map((r) => r.body);
      return new RawJson(`{"events":[${bodies.join(',')}]${nextToken ? `,"nextToken":${JSON.stringify(nextToken)}` : ''}}`);
    }
    case 'ListExecutions': {
      const p = parseParams('ListExecutions', raw);
      machines.describe(p.stateMachineArn);
      const query = `executions|${p.stateMachineArn}|${p.statusFilter ?? ''}`;
      const cursor = decodeToken(p.nextToken, query);
      const limit = pageSize(p.maxResults);
      const after: [number, number] | undefined = cursor ? [num(cursor[0]), num(cursor[1])] : undefined;
      const rows = executions.list(p.stateMachineArn, p.statusFilter, after, limit + 1);
      const { items, nextToken } = page(rows, limit, query, (e) => [e.startDate, e.pk]);
      return { executions: items.map(shape.executionSummary), ...(nextToken ? { nextToken } : {}) };
    }
    case 'ListStateMachines': {
      const p = parseParams('ListStateMachines', raw);
      const cursor = decodeToken(p.nextToken, 'machines')?.[0];
      const limit = pageSize(p.maxResults);
      const { items, nextToken } = page(machines.list(cursor === undefined ? undefined : String(cursor), limit + 1), limit, 'machines', (m) => [m.arn]);
      return { stateMachines: items.map(shape.stateMachineSummary), ...(nextToken ? { nextToken } : {}) };
    }
    case 'DescribeStateMachine':
      return shape.describeStateMachine(machines.describe(parseParams('DescribeStateMachine', raw).stateMachineArn));
    case 'DescribeStateMachineForExecution': {
      const e = executions.describe(parseParams('DescribeStateMachineForExecution', raw).executionArn);
      const definition = store.revisionDefinition(e.revisionId);
      if (definition === undefined) throw new SfnError('StateMachineDoesNotExist', `No definition recorded for '${e.arn}'`);
      return shape.describeStateMachineForExecution(e, definition, store.stateMachine(parseExecutionArn(e.arn).stateMachineArn));
    }
    case 'CreateStateMachine': {
      const m = machines.create(parseParams('CreateStateMachine', raw));
      return { stateMachineArn: m.arn, creationDate: m.creationDate };
    }
    case 'DeleteStateMachine':
      machines.delete(parseParams('DeleteStateMachine', raw).stateMachineArn);
      return {};
  }
}
