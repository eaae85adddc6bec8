import 'server-only';
import { sagaOrderOf } from '@/lib/saga/order-of';
import { errorInfo, sagaStateMachineArn, stepFunctions, type ErrorInfo } from '@/lib/sfn';
import { parseListFilters, type ListFilters, type RawParams } from './filters';
import { createListCache, type ListSource } from './list-cache';
import { machineArnFor, machineNameOf } from './machine';
import { queryExecutions, type ListResult } from './query';

/**
 * The process-wide list cache. Next bundles the page and the route handler separately, so
 * a module-level variable could exist once per bundle; a global symbol makes every viewer,
 * whether server-rendered or refreshing through /api/executions, share one.
 */
const KEY = Symbol.for('saga-dashboard.executions-list-cache');
type WithCache = typeof globalThis & { [KEY]?: ListSource };

function listCache(): ListSource {
  const scope = globalThis as WithCache;
  // Read once, not per row: on AWS the saga's ARN comes from parsing the CDK outputs file.
  let sagaArn: string | undefined;
  scope[KEY] ??= createListCache(stepFunctions(), {
    orderOf: (e, input) => {
      sagaArn ??= sagaStateMachineArn();
      if (e.stateMachineArn !== sagaArn) return undefined;
      const order = sagaOrderOf(input, e.name);
      return order && { orderId: order.orderId, scenario: order.scenario };
    },
  });
  return scope[KEY];
}

export type ListedMachine = { arn: string; name: string };

/**
 * The newest page of a machine's executions from the shared cache: what every other page
 * that shows recent runs (a machine's page, the compare picker) reads, so they add no
 * ListExecutions calls of their own to the list's one per window.
 */
export const newestExecutions = (stateMachineArn: string) => listCache().page(stateMachineArn, undefined, undefined);

/** What the page renders and /api/executions returns. Plain data: it crosses to the browser. */
export type ExecutionList =
  | { kind: 'list'; machine: ListedMachine; filters: ListFilters; result: ListResult }
  | { kind: 'bad-filters'; problems: string[] }
  | { kind: 'error'; error: ErrorInfo; filters: ListFilters };

/** Service failures said in the list's own terms, where the adapter's wording is about the saga. */
function listError(error: unknown, machine: ListedMachine | undefined): ErrorInfo {
  const info = errorInfo(error);
  if (info.kind === 'StateMachineNotFoundError' && machine) {
    return { ...info, message: `There is no state machine named ${machine.name}. Pick one on the State machines page.` };
  }
  return info;
}

/** The machine a list URL names, for the access check before anything is read; undefined when the URL is malformed. */
export function listedMachineArn(raw: RawParams): string | undefined {
  const parsed = parseListFilters(raw);
  if (!parsed.ok) return undefined;
  try {
    return machineArnFor(parsed.filters.sm, sagaStateMachineArn);
  } catch {
    return undefined;
  }
}

export async function loadExecutionList(raw: RawParams): Promise<ExecutionList> {
  const parsed = parseListFilters(raw);
  if (!parsed.ok) return { kind: 'bad-filters', problems: parsed.problems };
  const { filters } = parsed;
  let machine: ListedMachine | undefined;
  try {
    const arn = machineArnFor(filters.sm, sagaStateMachineArn);
    machine = { arn, name: machineNameOf(arn) };
    return { kind: 'list', machine, filters, result: await queryExecutions(listCache(), arn, filters) };
  } catch (error) {
    return { kind: 'error', error: listError(error, machine), filters };
  }
}
