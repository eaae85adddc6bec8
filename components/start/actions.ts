'use server';

import { redirect } from 'next/navigation';
import { parseSagaInput } from '@/lib/saga/input';
import { attempt, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { formToRawInput } from './form-input';
import { newOrderId, sagaStart } from '@/lib/saga/start';
import { executionHref } from '@/lib/executions/urls';
import { followExecution } from '@/lib/executions/follow-server';
import { requireWrite } from '@/lib/access/server';

/** What the start form shows after a submit that did not navigate away. */
export type StartState =
  | { status: 'idle' }
  /** the input was refused: nothing was started */
  | { status: 'invalid'; field: string; message: string }
  /** Step Functions refused or could not be reached */
  | { status: 'error'; message: string };

/**
 * Validates the form, starts the saga and opens the execution. The execution name is
 * `<scenario>--<orderId>`: Step Functions cannot filter executions by input, so the
 * scenario has to be readable from the name (issue 6 filters on it).
 */
export async function startSaga(_previous: StartState, form: FormData): Promise<StartState> {
  // Who may start is settled before the form is read (401/403 whatever it holds); the write is
  // spent once the input holds, so a refused form costs the session nothing.
  const allowed = await requireWrite(undefined, { writes: 0 });
  if (!allowed.ok) return { status: 'error', message: allowed.message };
  const parsed = parseSagaInput(formToRawInput(form));
  if (!parsed.ok) return { status: 'invalid', field: parsed.field, message: parsed.message };
  const write = await requireWrite();
  if (!write.ok) return { status: 'error', message: write.message };

  const start = sagaStart(parsed.value, parsed.value.orderId ?? newOrderId());
  if (!start.ok) return { status: 'invalid', field: 'orderId', message: start.message };
  const { name, input } = start;

  const started = await attempt(() => stepFunctions().startExecution(sagaStateMachineArn(), name, input));
  if (!started.ok) {
    if (started.error.kind === 'ExecutionAlreadyExistsError') {
      return { status: 'invalid', field: 'orderId', message: 'orderId: this order already has an execution; use another id' };
    }
    return { status: 'error', message: started.error.message };
  }
  // The room's follow view switches to it (the presenter's start is what "current" means).
  followExecution(name);
  // Navigate by name: the page rebuilds the ARN, so the URL is shareable as it stands.
  redirect(executionHref(name));
}
