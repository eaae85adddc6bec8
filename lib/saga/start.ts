/**
 * How a saga execution is named, shared by Start and Run again. Step Functions cannot
 * filter executions by input, so the scenario is put in the name: `<scenario>--<orderId>`
 * (the executions list filters on it). Browser-safe and pure apart from the random id.
 */
import type { SagaInput } from './input';
import { scenarioCode } from './scenarios';
import { encodeExecutionName } from './names';

/** AWS's limit on an execution name. */
export const MAX_EXECUTION_NAME = 80;

/** Short and unique enough for a demo. */
export const newOrderId = (): string => `ord-${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;

export type SagaStart = { ok: true; name: string; input: SagaInput & { orderId: string } } | { ok: false; message: string };

/** The input with its order id settled, and the execution name it gets. */
export function sagaStart(input: SagaInput, orderId: string): SagaStart {
  const name = encodeExecutionName(scenarioCode(input), orderId);
  if (name.length > MAX_EXECUTION_NAME) {
    return { ok: false, message: 'orderId: too long to fit in an execution name; shorten it' };
  }
  return { ok: true, name, input: { ...input, orderId } };
}
