/**
 * Which order an execution of the saga works on, and its scenario, from its input and name
 * alone: the same derivation every handler makes (see orderIdFor). It serves executions the
 * dashboard started (whose names also carry both) and those started elsewhere, like the
 * blueprint's `{"body": "{\"failProcessPayment\": true}"}` payloads, whose names carry neither.
 * Browser-safe.
 */
import { scenarioCode, type ScenarioCode } from './scenarios';
import { orderIdFor, parseSagaInput } from './input';

export type SagaOrder = { orderId: string; sku: string; scenario: ScenarioCode };

/** undefined when the input is not one the saga accepts (its handlers then wrote nothing). */
export function sagaOrderOf(input: unknown, executionName: string): SagaOrder | undefined {
  const parsed = parseSagaInput(input);
  if (!parsed.ok) return undefined;
  return { orderId: orderIdFor(parsed.value, executionName), sku: parsed.value.item, scenario: scenarioCode(parsed.value) };
}
