/**
 * Test support for the saga on the engine: what an execution did (states visited, AWS
 * history shape) and what the data looks like afterwards, read through the saga's repos.
 */
import { GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import { sagaDataConfig } from '@/lib/env';
import { createSagaClients } from '@/lib/saga-data/clients';
import { inventoryRepo } from '@/lib/saga-data/inventory-repo';
import { readOrderRecords } from '@/lib/saga-data/read-order';
import { DEFAULT_SKU } from '@/lib/saga/steps';

/** Every page of GetExecutionHistory, `pageSize` events at a time (smaller pages read a long history as many pages). */
export async function fullHistory(sfn: SFNClient, executionArn: string, pageSize = 1000): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: pageSize, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** Top-level states in the order they were entered. */
export const statesVisited = (events: HistoryEvent[]): string[] =>
  events.flatMap((e) => (e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : []));

/** The details key AWS uses for each event type this saga produces. */
const DETAILS_KEY: Record<string, string | undefined> = {
  ExecutionStarted: 'executionStartedEventDetails',
  TaskStateEntered: 'stateEnteredEventDetails',
  TaskStateExited: 'stateExitedEventDetails',
  SucceedStateEntered: 'stateEnteredEventDetails',
  SucceedStateExited: 'stateExitedEventDetails',
  FailStateEntered: 'stateEnteredEventDetails',
  LambdaFunctionScheduled: 'lambdaFunctionScheduledEventDetails',
  LambdaFunctionStarted: undefined,
  LambdaFunctionSucceeded: 'lambdaFunctionSucceededEventDetails',
  LambdaFunctionFailed: 'lambdaFunctionFailedEventDetails',
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionRedriven: 'executionRedrivenEventDetails',
};

/** Problems with a history's AWS shape; empty when it has none. */
export function historyShapeProblems(events: HistoryEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((event, i) => {
    const where = `event ${event.id} ${event.type}`;
    if (event.id !== i + 1) problems.push(`${where}: id should be ${i + 1}`);
    if (!(event.timestamp instanceof Date)) problems.push(`${where}: timestamp is not a date`);
    const type = event.type ?? '';
    if (!(type in DETAILS_KEY)) problems.push(`${where}: unexpected type`);
    const expectedKey = DETAILS_KEY[type];
    const keys = Object.keys(event).filter((k) => k.endsWith('EventDetails'));
    if (keys.join() !== (expectedKey ?? '')) problems.push(`${where}: details keys ${keys.join() || 'none'}, expected ${expectedKey ?? 'none'}`);
    if (event.previousEventId === undefined || event.id === undefined || event.previousEventId >= event.id) problems.push(`${where}: previousEventId ${event.previousEventId}`);
  });
  const firstState = events.find((e) => e.type?.endsWith('StateEntered'));
  if (firstState && firstState.previousEventId !== 0) problems.push('the first state entry must have previousEventId 0');
  return problems;
}

export function sagaData(dynamoEndpoint: string) {
  const { tables, region } = sagaDataConfig();
  const clients = createSagaClients({ dynamoEndpoint, region });
  return {
    order: (orderId: string) => readOrderRecords(clients, tables, orderId, DEFAULT_SKU),
    stock: async () => (await inventoryRepo(clients, tables.inventory).get(DEFAULT_SKU))?.available ?? Number.NaN,
    /** the SKU's stock and its in-flight markers (empty once no step is between its writes) */
    sku: async () => {
      const stock = await inventoryRepo(clients, tables.inventory).get(DEFAULT_SKU);
      return { available: stock?.available ?? Number.NaN, markers: { reservations: stock?.reservations, stockBefore: stock?.stockBefore } };
    },
  };
}
