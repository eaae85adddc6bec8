/**
 * Runs the saga definition in aws-local-stepfunctions against a throwaway in-memory
 * DynamoDB, with the real handlers: what the saga's tests (and anyone checking the ASL by
 * hand) need without the engine's HTTP layer. Retry waits are shortened to keep runs quick.
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { sagaDataConfig } from '@/lib/env';
import { createSagaClients, type SagaClients } from '@/lib/saga-data/clients';
import { sagaDefinition } from '@/backend/saga/definition';
import { withStateNames } from '@/backend/engine/state-name';
import { capturingStepLogger, discardedStepLogs } from '@/backend/engine/step-logs';
import { createSagaFunctions, LOCAL_SAGA_ARNS, localSagaHandlersByArn, type SagaHandler } from '@/backend/saga/functions';
import { startLocalDynamo } from '../dynamo';

export type SagaRun = {
  status: 'SUCCEEDED' | 'FAILED';
  /** state names in the order they were entered (a retried state appears once per entry) */
  visited: string[];
  /** retries per state */
  retries: Record<string, number>;
  output?: unknown;
  error?: string;
  cause?: string;
};

export type SagaHarness = {
  clients: SagaClients;
  tables: ReturnType<typeof sagaDataConfig>['tables'];
  /** where the data lives, for building more handlers or clients over the same tables */
  data: Pick<ReturnType<typeof sagaDataConfig>, 'tables' | 'region' | 'dynamoEndpoint'>;
  handlers: ReturnType<typeof createSagaFunctions>;
  run(input: unknown, executionName: string): Promise<SagaRun>;
  close(): Promise<void>;
};

export async function startSagaHarness(): Promise<SagaHarness> {
  const { tables, region } = sagaDataConfig({ NODE_ENV: 'test' });
  const dynamo = await startLocalDynamo({ port: 0, tables });
  const data = { tables, region, dynamoEndpoint: dynamo.endpoint };
  // Log lines are kept (and dropped with the harness), not printed over the test output.
  const handlers = createSagaFunctions(data, { now: () => new Date().toISOString(), sleep: async () => {} }, capturingStepLogger(discardedStepLogs));
  const byArn = localSagaHandlersByArn(handlers);
  const definition = sagaDefinition(LOCAL_SAGA_ARNS);
  const localHandlers: Record<string, SagaHandler> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    const handler = typeof state.Resource === 'string' ? byArn.get(state.Resource) : undefined;
    if (handler) localHandlers[name] = handler;
  }
  // As the engine runs it: the executor does not fill `$$.State.Name` itself.
  const machine = new StateMachine(withStateNames(definition) as unknown as StateMachineDefinition);
  const retryIntervalOverrides = Object.fromEntries(Object.keys(localHandlers).map((name) => [name, 0]));

  async function run(input: unknown, executionName: string): Promise<SagaRun> {
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: localHandlers as never, retryIntervalOverrides },
      context: { Execution: { Name: executionName, RedriveCount: 0 } },
    });
    const visited: string[] = [];
    const retries: Record<string, number> = {};
    const collecting = (async () => {
      for await (const event of execution.eventLogs) {
        if (event.type === 'StateEntered') visited.push(event.state.name);
        if (event.type === 'StateRetried') retries[event.state.name] = (retries[event.state.name] ?? 0) + 1;
      }
    })();
    try {
      const output = await execution.result;
      await collecting;
      return { status: 'SUCCEEDED', visited, retries, output };
    } catch (error) {
      await collecting;
      const failure = (error as Error & { cause?: Error }).cause ?? (error as Error);
      return { status: 'FAILED', visited, retries, error: failure.name, cause: failure.message };
    }
  }

  return { clients: createSagaClients(data), tables, data, handlers, run, close: dynamo.close };
}
