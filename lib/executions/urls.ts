/**
 * The dashboard's URLs for one execution. `?sm=` names the state machine and is left out
 * for the saga, so a saga execution's URL is just `/executions/<name>`.
 */
import { isValidExecutionName } from '../sfn/arn';

const machineQuery = (sm: string | undefined): string => (sm ? `?sm=${encodeURIComponent(sm)}` : '');

/** The execution's page. */
export const executionHref = (name: string, sm?: string): string => `/executions/${encodeURIComponent(name)}${machineQuery(sm)}`;

/** One of the execution's API routes: its live event stream, its history (the page's), or its history as a file. */
export const executionApiPath = (name: string, route: 'stream' | 'history' | 'export', sm?: string): string =>
  `/api/executions/${encodeURIComponent(name)}/${route}${machineQuery(sm)}`;

/** The query parameter that fixes which events the history route answers: ids 1..upTo. */
export const UP_TO_PARAM = 'upTo';

/** The execution's events 1..`lastId`, as its page drew them (see lib/live/initial-history.ts). */
export const executionHistoryPath = (name: string, lastId: number, sm?: string): string =>
  `${executionApiPath(name, 'history', sm)}${sm ? '&' : '?'}${UP_TO_PARAM}=${String(lastId)}`;

/** The list of a state machine's executions (the saga's without `sm`). */
export const executionsHref = (sm?: string): string => `/executions${machineQuery(sm)}`;

/**
 * An execution name from its URL segment, or undefined for one that is not: malformed
 * percent-encoding (`%ff%fe`) or a name Step Functions would refuse. Never throws, so bad
 * input is a 400 or 404, not a 500.
 */
export function executionNameFromSegment(segment: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return isValidExecutionName(name) ? name : undefined;
}

/** A state machine name from its URL segment; names follow the same rule as executions'. */
export const machineNameFromSegment = executionNameFromSegment;
