import 'server-only';
import { sagaOrderOf } from '@/lib/saga/order-of';
import { executionEvents } from '@/lib/live/server';
import { executionArnFor, sagaStateMachineArn } from '@/lib/sfn';
import { drawingOf } from '@/components/graph/drawing';
import type { ExecutionEvent } from '@/lib/sfn/types';
import { parsePayload } from '@/lib/core/values';
import type { ExecutionViewProps } from './execution-view';
import { readOrderData } from '@/lib/saga-data/order-data';
import { executionApiPath } from '@/lib/executions/urls';

/**
 * The saga's order, from the execution input and name the way its handlers derive it, so an
 * execution started with the blueprint's payloads shows its data too; other machines have none.
 */
function orderOf(machineArn: string, input: unknown, name: string): { orderId: string; sku: string } | undefined {
  if (machineArn !== sagaStateMachineArn()) return undefined;
  const order = sagaOrderOf(input, name);
  return order && { orderId: order.orderId, sku: order.sku };
}

/**
 * Whether the execution exists (ExecutionNotFoundError when not), settled before the page
 * streams so a missing one answers 404. Its drawing is cached, so loadExecution reuses it.
 */
export async function findExecution(name: string, stateMachineArn: string | undefined): Promise<void> {
  await drawingOf(executionArnFor(stateMachineArn ?? sagaStateMachineArn(), name));
}

/**
 * Everything the execution page renders first; live updates continue from the last event.
 * `stateMachineArn` defaults to the saga, so `/executions/<name>` is a complete URL.
 */
export async function loadExecution(
  name: string,
  stateMachineArn: string | undefined,
): Promise<Omit<ExecutionViewProps, 'targetLabel' | 'history'> & { initialEvents: readonly ExecutionEvent[] }> {
  const machineArn = stateMachineArn ?? sagaStateMachineArn();
  const executionArn = executionArnFor(machineArn, name);
  const [drawing, events] = await Promise.all([drawingOf(executionArn), executionEvents(executionArn)]);
  const started = events.find((e) => e.type === 'ExecutionStarted')?.executionStartedEventDetails;
  const order = orderOf(machineArn, parsePayload((started as { input?: unknown } | undefined)?.input), name);
  const initialOrder = order ? await readOrderData(order.orderId, order.sku).catch(() => undefined) : undefined;
  return {
    executionArn,
    name,
    streamUrl: executionApiPath(name, 'stream', stateMachineArn),
    ...drawing,
    initialEvents: events,
    order,
    initialOrder,
  };
}
