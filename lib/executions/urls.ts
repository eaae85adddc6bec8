/**
 * The dashboard's URLs for one execution. `?sm=` names the state machine and is left out
 * for the saga, so a saga execution's URL is just `/executions/<name>`.
 */
const machineQuery = (sm: string | undefined): string => (sm ? `?sm=${encodeURIComponent(sm)}` : '');

/** The execution's page. */
export const executionHref = (name: string, sm?: string): string => `/executions/${encodeURIComponent(name)}${machineQuery(sm)}`;

/** One of the execution's API routes: its live event stream, or its history as a file. */
export const executionApiPath = (name: string, route: 'stream' | 'export', sm?: string): string =>
  `/api/executions/${encodeURIComponent(name)}/${route}${machineQuery(sm)}`;

/** The list of a state machine's executions (the saga's without `sm`). */
export const executionsHref = (sm?: string): string => `/executions${machineQuery(sm)}`;
