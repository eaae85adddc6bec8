import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { parseSagaInput, type SagaInputFields } from '@/lib/saga/input';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { sagaStart } from '@/lib/saga/start';
import { engineClient } from '../engine-client';

const sfn = engineClient();

/**
 * Starts a saga straight on the test engine, named the way the dashboard names it
 * (`<scenario>--<orderId>`), for tests about what happens after the start.
 */
export async function startSaga(fields: SagaInputFields): Promise<string> {
  const parsed = parseSagaInput(fields);
  if (!parsed.ok) throw new Error(parsed.message);
  const start = sagaStart(parsed.value, `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  if (!start.ok) throw new Error(start.message);
  await sfn.send(
    new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name: start.name, input: JSON.stringify(start.input) }),
  );
  return start.name;
}
