/**
 * The order saga on the local engine: its DynamoDB (embedded dynalite), its Lambda
 * functions registered by their local ARNs, and the OrderSaga state machine whose
 * StartExecution refuses bad switches before anything starts.
 */
import type { EngineConfig } from '@/lib/env';
import { sagaDataConfig } from '@/lib/env';
import { startLocalDynamoThread } from '../local/dynamo-thread';
import { LOCAL_SAGA_ARNS, createSagaFunctions, localSagaHandlersByArn } from '../saga/functions';
import { SAGA_STATE_MACHINE_NAME, sagaDefinition } from '../saga/definition';
import { parseSagaInput } from '../saga/switches';
import { localRoleArn } from './arn';
import type { LambdaRegistry } from './lambdas';
import type { StateMachines } from './state-machines';

export interface SagaDeployment {
  stateMachineArn: string;
  dynamoEndpoint: string;
  close(): Promise<void>;
}

export async function deploySaga(
  config: Pick<EngineConfig, 'dynamoPort' | 'dataDir' | 'region'>,
  registry: LambdaRegistry,
  machines: StateMachines,
): Promise<SagaDeployment> {
  const dynamo = await startLocalDynamoThread({ port: config.dynamoPort, dataDir: config.dataDir });
  const data = { ...sagaDataConfig(), dynamoEndpoint: dynamo.endpoint, region: config.region };
  for (const [arn, fn] of localSagaHandlersByArn(createSagaFunctions(data))) registry.register(arn, fn);
  const definition = JSON.stringify(sagaDefinition(LOCAL_SAGA_ARNS), null, 2);
  const machine = machines.register(SAGA_STATE_MACHINE_NAME, definition, localRoleArn(), (input) => {
    // An omitted input is `{}`; an explicit `null` would reach the first state and fail it at once.
    if (input === null) return { ok: false, field: '(input)', message: 'The input must be a JSON object, not null' };
    const parsed = parseSagaInput(input);
    return parsed.ok ? { ok: true } : parsed;
  });
  return { stateMachineArn: machine.arn, dynamoEndpoint: dynamo.endpoint, close: dynamo.close };
}
