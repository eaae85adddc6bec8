'use server';

import { redirect } from 'next/navigation';
import { parseSagaInput, scenarioCode } from '@/backend/saga/switches';
import { attempt, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { formToRawInput } from './form-input';

/** What the start form shows after a submit that did not navigate away. */
export type StartState =
  | { status: 'idle' }
  /** the input was refused: nothing was started */
  | { status: 'invalid'; field: string; message: string }
  /** Step Functions refused or could not be reached */
  | { status: 'error'; message: string };

const MAX_EXECUTION_NAME = 80;

/** Short and unique enough for a demo; the scenario code in front keeps names readable. */
const newOrderId = () => `ord-${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;

/**
 * Validates the form, starts the saga and opens the execution. The execution name is
 * `<scenario>--<orderId>`: Step Functions cannot filter executions by input, so the
 * scenario has to be readable from the name (issue 6 filters on it).
 */
export async function startSaga(_previous: StartState, form: FormData): Promise<StartState> {
  const parsed = parseSagaInput(formToRawInput(form));
  if (!parsed.ok) return { status: 'invalid', field: parsed.field, message: parsed.message };

  const input = { ...parsed.value, orderId: parsed.value.orderId ?? newOrderId() };
  const name = `${scenarioCode(parsed.value)}--${input.orderId}`;
  if (name.length > MAX_EXECUTION_NAME) {
    return { status: 'invalid', field: 'orderId', message: 'orderId: too long to fit in an execution name; shorten it' };
  }

  const started = await attempt(() => stepFunctions().startExecution(sagaStateMachineArn(), name, input));
  if (!started.ok) {
    if (started.error.kind === 'ExecutionAlreadyExistsError') {
      return { status: 'invalid', field: 'orderId', message: 'orderId: this order already has an execution; use another id' };
    }
    return { status: 'error', message: started.error.message };
  }
  // Navigate by name: the page rebuilds the ARN, so the URL is shareable as it stands.
  redirect(`/executions/${encodeURIComponent(name)}`);
}
