import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { holdReleaser, type ReleaseHold } from '@/backend/saga/testing/holds';
import { parseSagaInput, type SagaInputFields } from '@/lib/saga/input';
import { LOCAL_SAGA_STATE_MACHINE_ARN, sagaDataConfig } from '@/lib/env';
import { decodeExecutionName } from '@/lib/saga/names';
import { sagaStart } from '@/lib/saga/start';
import type { SagaStep } from '@/lib/saga/steps';
import { E2E } from '../../playwright.config';
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

/** Releases holds on the saga data of the stack whose DynamoDB listens on `dynamoPort`. */
export const holdReleaserOn = (dynamoPort: number): ReleaseHold =>
  holdReleaser(sagaDataConfig({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoPort}` }));

const releaseOnSharedStack = holdReleaserOn(E2E.dynamo);

/**
 * Lets a step started with `holdStep` go on, for an execution named by `startSaga` (or
 * any `<scenario>--<orderId>` name whose input has no other order id).
 */
export async function releaseHold(name: string, step: SagaStep): Promise<void> {
  const { orderId } = decodeExecutionName(name);
  if (!orderId) throw new Error(`${name} names no order; release by order id instead`);
  await releaseOnSharedStack(orderId, step);
}
