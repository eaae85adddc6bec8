import 'server-only';
import { sagaOrderOf } from '@/lib/saga/order-of';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { executionEvents } from '@/lib/live/server';
import { executionArnFor, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { createRevisionCache } from '@/lib/sfn/definition-cache';
import { layoutDefinition } from '@/components/graph/layout';
import type { ExecutionEvent } from '@/lib/sfn/types';
import { parsePayload } from '@/lib/core/values';
import type { ExecutionViewProps } from './execution-view';
import { readOrderData } from '@/lib/saga-data/order-data';
import { executionApiPath } from '@/lib/executions/urls';

/**
 * Fetched and laid out once per state machine revision, with one describe call per
 * execution however many viewers open it at once (see lib/sfn/definition-cache).
 */
const drawings = createRevisionCache({
  describe: (executionArn) => stepFunctions().describeStateMachineForExecution(executionArn),
  derive: ({ definition }): { definition: AslDefinition; layout: LaidOutGraph } => ({
    definition,
    layout: layoutDefinition(definition),
  }),
  maxEntries: 500,
});

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
  await drawings.get(executionArnFor(stateMachineArn ?? sagaStateMachineArn(), name));
}

/**
 * The execution's drawing and stream address, without its events (the follow view's: its
 * events come over the stream, from the first one).
 */
export async function loadDrawing(
  name: string,
  stateMachineArn: string | undefined,
): Promise<{ executionArn: string; streamUrl: string; definition: AslDefinition; layout: LaidOutGraph }> {
  const executionArn = executionArnFor(stateMachineArn ?? sagaStateMachineArn(), name);
  return { executionArn, streamUrl: executionApiPath(name, 'stream', stateMachineArn), ...(await drawings.get(executionArn)) };
}

/**
 * Everything the execution page renders first; live updates continue from the last event.
 * `stateMachineArn` defaults to the saga, so `/executions/<name>` is a complete URL.
 */
export async function loadExecution(
  name: string,
  stateMachineArn: string | undefined,
  /** the follow view shows no order data: it skips the database read */
  { withOrder = true }: { withOrder?: boolean } = {},
): Promise<Omit<ExecutionViewProps, 'targetLabel' | 'initialEventsJson'> & { initialEvents: readonly ExecutionEvent[] }> {
  const machineArn = stateMachineArn ?? sagaStateMachineArn();
  const executionArn = executionArnFor(machineArn, name);
  const [drawing, events] = await Promise.all([drawings.get(executionArn), executionEvents(executionArn)]);
  const started = events.find((e) => e.type === 'ExecutionStarted')?.executionStartedEventDetails;
  const order = orderOf(machineArn, parsePayload((started as { input?: unknown } | undefined)?.input), name);
  const initialOrder = order && withOrder ? await readOrderData(order.orderId, order.sku).catch(() => undefined) : undefined;
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
