/**
 * A synthetic but AWS-shaped history of any size (benches, browser tests): an inline Map
 * over orders whose iterations call Lambdas by ARN and through lambda:invoke, with
 * retries and caught failures, wire-style JSON strings and epoch-second timestamps.
 */
import type { AslDefinition } from '@/lib/asl/types';
import { detailsKeyOf } from '@/lib/core/events';
import type { HistoryEvent } from '../types';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:saga-reserve';

export const GENERATED_HISTORY_DEFINITION: AslDefinition = {
  StartAt: 'LoadOrders',
  States: {
    LoadOrders: { Type: 'Pass', Next: 'ProcessOrders' },
    ProcessOrders: {
      Type: 'Map',
      ItemsPath: '$.orders',
      MaxConcurrency: 1,
      ItemProcessor: {
        StartAt: 'Reserve',
        States: {
          Reserve: { Type: 'Task', Resource: FN, Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 3 }], Next: 'Charge' },
          Charge: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Release' }],
            End: true,
          },
          Release: { Type: 'Task', Resource: FN, End: true },
        },
      },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

class Builder {
  readonly events: HistoryEvent[] = [];
  /** epoch seconds, as AWS sends them */
  private seconds = 1_700_000_000;
  constructor(private readonly limit: number) {}
  get room() {
    return this.limit - this.events.length;
  }
  add(type: string, previousEventId: number, details?: Record<string, unknown>): number {
    const id = this.events.length + 1;
    this.seconds += 0.05;
    const event: HistoryEvent = { id, previousEventId, timestamp: Math.round(this.seconds * 1000) / 1000, type };
    if (details) event[detailsKeyOf(type)] = details;
    this.events.push(event);
    return id;
  }
}

const json = (v: unknown) => JSON.stringify(v);

/** One Lambda-by-ARN Task visit, with `failures` failed tries before the success. */
function lambdaTask(b: Builder, prev: number, name: string, payload: unknown, failures: number): number {
  let last = b.add('TaskStateEntered', prev, { name, input: json(payload) });
  for (let i = 0; i <= failures; i++) {
    last = b.add('LambdaFunctionScheduled', last, { resource: FN, input: json(payload) });
    last = b.add('LambdaFunctionStarted', last);
    last = i < failures
      ? b.add('LambdaFunctionFailed', last, { error: 'Lambda.ServiceException', cause: json({ errorMessage: 'throttled' }) })
      : b.add('LambdaFunctionSucceeded', last, { output: json({ ...Object(payload), reserved: true }) });
  }
  return b.add('TaskStateExited', last, { name, output: json({ ...Object(payload), reserved: true }) });
}

interface IterationShape {
  /** failed Reserve tries before it succeeds (Retry MaxAttempts 3) */
  retries: number;
  /** Charge fails and Release compensates */
  caught: boolean;
}

/** Events one iteration writes: start/end, Reserve (5 + 3 per retry), Charge (5), Release (5 when caught). */
const sizeOf = (s: IterationShape) => 12 + 3 * s.retries + (s.caught ? 5 : 0);

function iteration(b: Builder, prev: number, index: number, shape: IterationShape): number {
  const order = { orderId: `order-${index}`, amount: 10 + (index % 90), items: [{ sku: 'A-1', qty: 1 + (index % 3) }] };
  let last = b.add('MapIterationStarted', prev, { name: 'ProcessOrders', index });
  last = lambdaTask(b, last, 'Reserve', order, shape.retries);
  last = b.add('TaskStateEntered', last, { name: 'Charge', input: json(order) });
  last = b.add('TaskScheduled', last, { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: json({ Payload: order }) });
  last = b.add('TaskStarted', last, { resourceType: 'lambda', resource: 'invoke' });
  if (shape.caught) {
    last = b.add('TaskFailed', last, { resourceType: 'lambda', resource: 'invoke', error: 'PaymentDeclined', cause: 'card declined' });
    last = b.add('TaskStateExited', last, { name: 'Charge', output: json(order) });
    last = lambdaTask(b, last, 'Release', order, 0);
  } else {
    last = b.add('TaskSucceeded', last, { resourceType: 'lambda', resource: 'invoke', output: json({ Payload: { charged: true } }) });
    last = b.add('TaskStateExited', last, { name: 'Charge', output: json({ ...order, charged: true }) });
  }
  return b.add('MapIterationSucceeded', last, { name: 'ProcessOrders', index });
}

const SHAPES: IterationShape[] = [0, 1, 2, 3].flatMap((retries) => [false, true].map((caught) => ({ retries, caught })));
const HEAD = 5;
const TAIL = 5;
/** Below this many events left, the last iterations are chosen to land exactly on the count. */
const FINISH = 60;

/** Iteration shapes whose sizes add up to exactly `total` (small totals only: a coin-change search). */
function exactFill(total: number): IterationShape[] | undefined {
  const best: Array<IterationShape[] | undefined> = [[]];
  for (let t = 1; t <= total; t++) {
    for (const shape of SHAPES) {
      const rest = best[t - sizeOf(shape)];
      if (rest) {
        best[t] = [...rest, shape];
        break;
      }
    }
  }
  return best[total];
}

/**
 * A succeeded execution of GENERATED_HISTORY_DEFINITION with exactly `eventCount` events
 * (AWS's maximum by default). Every 7th order retries Reserve once; every 11th has its
 * Charge fail and compensated by Release.
 */
export function generateHistory(eventCount = 25_000): HistoryEvent[] {
  if (eventCount < HEAD + TAIL + FINISH) throw new RangeError(`generateHistory needs at least ${HEAD + TAIL + FINISH} events`);
  const b = new Builder(eventCount);
  const orders = { orders: [] };
  let last = b.add('ExecutionStarted', 0, { input: json(orders), roleArn: 'arn:aws:iam::000000000000:role/sfn' });
  last = b.add('PassStateEntered', last, { name: 'LoadOrders', input: json(orders) });
  last = b.add('PassStateExited', last, { name: 'LoadOrders', output: json(orders) });
  last = b.add('MapStateEntered', last, { name: 'ProcessOrders', input: json(orders) });
  last = b.add('MapStateStarted', last, { length: 0 });
  let index = 0;
  for (; b.room - TAIL >= FINISH; index++) {
    last = iteration(b, last, index, { retries: index % 7 === 3 ? 1 : 0, caught: index % 11 === 5 });
  }
  for (const shape of exactFill(b.room - TAIL) ?? []) last = iteration(b, last, index++, shape);
  last = b.add('MapStateSucceeded', last);
  last = b.add('MapStateExited', last, { name: 'ProcessOrders', output: json(orders) });
  last = b.add('SucceedStateEntered', last, { name: 'Done', input: json(orders) });
  last = b.add('SucceedStateExited', last, { name: 'Done', output: json(orders) });
  b.add('ExecutionSucceeded', last, { output: json(orders) });
  return b.events;
}
