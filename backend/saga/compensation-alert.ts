/**
 * The alert for a rollback that could not finish. A compensation that still fails after its
 * retries is not caught (see definition.asl.json): the execution fails at it and waits for a
 * person. Nothing inside the execution runs after that, so the alert is raised from the
 * outside, on the execution's status change, as EventBridge delivers it on AWS; the local
 * engine calls it the same way (backend/engine/saga.ts). Pure: it reads the definition and
 * the history, and says what to tell whom.
 */
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition } from '@/lib/asl/types';
import { readExecution } from '@/lib/history/read-execution';
import { stillToUndo } from '@/lib/history/still-to-undo';
import type { HistoryEvent } from '@/lib/history/types';
import { causeMessage } from '@/lib/history/values';
import { sagaOrderOf } from '@/lib/saga/order-of';

export type CompensationAlert = {
  orderId: string;
  /** the compensation that failed, then the ones still to run after it */
  stillToUndo: string[];
  message: string;
};

export function compensationAlert(
  definition: AslDefinition,
  events: readonly HistoryEvent[],
  execution: { name: string; input: unknown },
): CompensationAlert | undefined {
  const undo = stillToUndo(buildGraph(definition), readExecution(definition, events));
  const order = sagaOrderOf(execution.input, execution.name);
  if (!undo || !order) return undefined;
  const { failed, remaining } = undo;
  const why = failed.error ? ` (${failed.error}${failed.cause ? `: ${causeMessage(failed.cause)}` : ''})` : '';
  const left = [failed.state, ...remaining];
  return {
    orderId: order.orderId,
    stillToUndo: left,
    message:
      `Order ${order.orderId} needs a person: its rollback stopped at ${failed.state}${why}. ` +
      `Still to undo: ${left.join(' → ')}. Fix the cause, then redrive execution ${execution.name} to finish the rollback.`,
  };
}
