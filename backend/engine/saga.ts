/**
 * The order saga on the local engine: its DynamoDB (embedded dynalite), its Lambda
 * functions registered by their local ARNs, and the OrderSaga state machine whose
 * StartExecution refuses bad switches before anything starts. A rollback that stops at a
 * compensation is reported in the notifications log, as the stack's alert does on AWS.
 */
import type { EngineConfig } from '@/lib/env';
import { sagaDataConfig } from '@/lib/env';
import { startLocalDynamoThread } from '../local/dynamo-thread';
import { LOCAL_SAGA_ARNS, createSagaFunctions, localSagaHandlersByArn } from '../saga/functions';
import { SAGA_STATE_MACHINE_NAME, sagaDefinition } from '../saga/definition';
import { parsePayload } from '@/lib/core/values';
import { compensationAlert } from '../saga/compensation-alert';
import { createSagaClients } from '@/lib/saga-data/clients';
import { notificationsRepo } from '@/lib/saga-data/notifications-repo';
import { parseSagaInput } from '@/lib/saga/input';
import type { ClosedListener } from './executions';
import { localRoleArn } from './arn';
import type { LambdaRegistry } from './lambdas';
import type { StateMachines } from './state-machines';
import { capturingStepLogger, type StepLogStore } from './step-logs';

export interface SagaDeployment {
  stateMachineArn: string;
  dynamoEndpoint: string;
  /** what EventBridge's rule does on AWS: a rollback that stopped at a compensation alerts a person */
  onClosed: ClosedListener;
  close(): Promise<void>;
}

export async function deploySaga(
  config: Pick<EngineConfig, 'dynamoPort' | 'dataDir' | 'region'>,
  registry: LambdaRegistry,
  machines: StateMachines,
  logs: StepLogStore,
): Promise<SagaDeployment> {
  const dynamo = await startLocalDynamoThread({ port: config.dynamoPort, dataDir: config.dataDir });
  const data = { ...sagaDataConfig(), dynamoEndpoint: dynamo.endpoint, region: config.region };
  for (const [arn, fn] of localSagaHandlersByArn(createSagaFunctions(data, undefined, capturingStepLogger(logs)))) registry.register(arn, fn);
  const definition = JSON.stringify(sagaDefinition(LOCAL_SAGA_ARNS), null, 2);
  const machine = machines.register(SAGA_STATE_MACHINE_NAME, definition, localRoleArn(), (input) => {
    // An omitted input is `{}`; an explicit `null` would reach the first state and fail it at once.
    if (input === null) return { ok: false, field: '(input)', message: 'The input must be a JSON object, not null' };
    const parsed = parseSagaInput(input);
    return parsed.ok ? { ok: true } : parsed;
  });
  const notifications = notificationsRepo(createSagaClients(data), data.tables.notifications);
  const onClosed: ClosedListener = (record, history) => {
    // Only a FAILED saga can be stuck in its rollback; anything else is not read at all.
    if (record.stateMachineArn !== machine.arn || record.status !== 'FAILED') return;
    const alert = compensationAlert(machines.compiledFor(record.revisionId).definition, history(), {
      name: record.name,
      input: parsePayload(record.input),
    });
    if (!alert) return;
    notifications.record(alert.orderId, 'COMPENSATION_FAILED', alert.message, new Date().toISOString()).catch((error: unknown) => {
      console.error(`engine: could not record the alert for ${record.arn}`, error);
    });
  };
  return { stateMachineArn: machine.arn, dynamoEndpoint: dynamo.endpoint, onClosed, close: dynamo.close };
}
