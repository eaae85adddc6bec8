/**
 * Issue 2 benches: the order saga through the local engine's HTTP API against the same
 * definition and handlers run directly in aws-local-stepfunctions. Prints one JSON line
 * per metric: {"metric","value","unit","goal"}. Alone: `npx tsx bench/engine.bench.ts`.
 *
 * The engine runs as its own process (as `npm run engine` does), so the client's work does
 * not share its event loop. Completion is observed only through DescribeExecution polls.
 */
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { sagaDataConfig, LOCAL_SAGA_STATE_MACHINE_ARN } from '../lib/env';
import { createSagaClients } from '@/lib/saga-data/clients';
import { inventoryRepo } from '@/lib/saga-data/inventory-repo';
import { stockSeedItem } from '@/lib/saga-data/tables';
import { freePort, spawnEngine, stopEngine } from '../backend/engine/testing/spawn-engine';
import { tempDataDir } from '../backend/engine/testing/test-engine';
import { startLocalDynamo } from '../backend/local/dynamo';
import { sagaDefinition } from '../backend/saga/definition';
import { withStateNames } from '../backend/engine/state-name';
import { capturingStepLogger, discardedStepLogs } from '../backend/engine/step-logs';
import { createSagaFunctions, LOCAL_SAGA_ARNS, SAGA_FUNCTIONS } from '../backend/saga/functions';
import { jsonClient } from './json-client';
import { sagasInFlight } from './saga-load';
import { median } from './support';

const LATENCY_RUNS = 60;
const WARMUP = 15;
const CONCURRENCY = 50;
const THROUGHPUT_SAGAS = 500;
/**
 * Orders in the throughput run spread over this many SKUs, as a shop's orders do. Every
 * order on one SKU is a conditional write to that one item, which dynalite serialises.
 */
const THROUGHPUT_SKUS = 10;
const benchSkus = Array.from({ length: THROUGHPUT_SKUS }, (_, i) => `bench-sku-${i}`);
/** Pause between DescribeExecution polls of one waiting client: the measured latency exceeds the truth by at most this. */
const LATENCY_POLL_MS = 1;

type Client = ReturnType<typeof jsonClient>;

const print = (metric: string, value: number, unit: string, goal?: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ metric, value: Math.round(value * 10) / 10, unit, ...(goal ? { goal } : {}), ...extra }));

let sequence = 0;
const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

/** One saga through the API: StartExecution until DescribeExecution reports it ended. */
async function sagaThroughApi(client: Client, pollMs: number, input = '{}'): Promise<{ ms: number; status: string }> {
  const started = performance.now();
  const { executionArn } = await client.call<{ executionArn: string }>('StartExecution', {
    stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
    name: uniqueName('bench'),
    input,
  });
  for (;;) {
    const { status } = await client.call<{ status: string }>('DescribeExecution', { executionArn });
    if (status !== 'RUNNING') return { ms: performance.now() - started, status };
    await sleep(pollMs);
  }
}

async function benchEngine(): Promise<{ latency: number; perSecond: number }> {
  const dataDir = tempDataDir();
  const env = { ENGINE_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), ENGINE_DATA_DIR: dataDir };
  const engine = await spawnEngine(env);
  const client = jsonClient(`http://127.0.0.1:${env.ENGINE_PORT}`);
  try {
    for (let i = 0; i < WARMUP; i++) await sagaThroughApi(client, LATENCY_POLL_MS);
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) latencies.push((await sagaThroughApi(client, LATENCY_POLL_MS)).ms);
    const latency = median(latencies);
    print('engine_saga_latency_median_ms', latency, 'ms', '<=30');

    const endpoint = `http://127.0.0.1:${env.DYNAMODB_PORT}`;
    const stock = await seedBenchStock(endpoint);
    const stockBefore = await stock.total();
    const { perSecond, executionArns } = await sagasInFlight(client, {
      total: THROUGHPUT_SAGAS,
      concurrency: CONCURRENCY,
      namePrefix: uniqueName('load'),
      input: (i) => ({ item: benchSkus[i % THROUGHPUT_SKUS], quantity: 1 }),
    });
    const statuses = await Promise.all(executionArns.map((executionArn) => client.call<{ status: string }>('DescribeExecution', { executionArn })));
    const succeeded = statuses.filter((d) => d.status === 'SUCCEEDED').length;
    const stockConserved = succeeded === THROUGHPUT_SAGAS && (await stock.total()) === stockBefore - succeeded;
    print('engine_sagas_per_second_at_50_concurrent', perSecond, 'sagas/s', '>=100', { stockConserved });
    return { latency, perSecond };
  } finally {
    client.close();
    await stopEngine(engine);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates the bench's own SKUs and returns a reader of their summed stock. */
async function seedBenchStock(endpoint: string) {
  const low = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const { tables } = sagaDataConfig();
  for (const sku of benchSkus) {
    await low.send(new PutItemCommand({ TableName: tables.inventory, Item: stockSeedItem({ sku, name: sku, available: 100_000 }) }));
  }
  low.destroy();
  const inventory = inventoryRepo(createSagaClients({ dynamoEndpoint: endpoint, region: 'us-east-1' }), tables.inventory);
  return {
    total: async () => (await Promise.all(benchSkus.map((sku) => inventory.get(sku)))).reduce((sum, s) => sum + (s?.available ?? Number.NaN), 0),
  };
}

/** The same definition and handlers, no engine: the library alone, against the same kind of dynalite. */
async function benchDirect(): Promise<{ latency: number; perSecond: number }> {
  const dataDir = tempDataDir();
  const dynamo = await startLocalDynamo({ port: 0, dataDir });
  try {
    const functions = createSagaFunctions({ ...sagaDataConfig(), dynamoEndpoint: dynamo.endpoint }, undefined, capturingStepLogger(discardedStepLogs));
    const handlers: NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']> = {};
    for (const spec of SAGA_FUNCTIONS) handlers[spec.key] = functions[spec.key] as (typeof handlers)[string];
    const machine = new StateMachine(withStateNames(sagaDefinition(LOCAL_SAGA_ARNS)) as unknown as StateMachineDefinition);
    const once = async (input: { item?: string; quantity?: number } = {}) => {
      const started = performance.now();
      await machine.run(input, { overrides: { taskResourceLocalHandlers: handlers }, context: { Execution: { Name: uniqueName('direct') } } }).result;
      return performance.now() - started;
    };
    for (let i = 0; i < WARMUP; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) times.push(await once());
    const latency = median(times);
    print('direct_saga_latency_median_ms', latency, 'ms');

    // The same sagas, fifty at a time, over the same SKUs as the engine's throughput run.
    await seedBenchStock(dynamo.endpoint);
    let remaining = THROUGHPUT_SAGAS;
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (remaining-- > 0) await once({ item: benchSkus[remaining % THROUGHPUT_SKUS], quantity: 1 });
      }),
    );
    const perSecond = THROUGHPUT_SAGAS / ((performance.now() - begin) / 1000);
    print('direct_sagas_per_second_at_50_concurrent', perSecond, 'sagas/s');
    return { latency, perSecond };
  } finally {
    await dynamo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const direct = await benchDirect();
const engine = await benchEngine();
print('engine_to_direct_latency_ratio', engine.latency / direct.latency, 'x', '<=1.2');
print('engine_to_direct_throughput_ratio_at_50', engine.perSecond / direct.perSecond, 'x', '>=0.8');
