/**
 * The local Step Functions engine: `npm run engine` serves it alone, tests and benchmarks
 * call `startEngine` on a free port with a temporary data directory.
 */
import type { AddressInfo } from 'node:net';
import { engineConfig, formatCrashPoint, type EngineConfig } from '@/lib/env';
import { createCallStats } from './call-stats';
import { crashPointMatcher } from './crash-point';
import { Executions } from './executions';
import { LambdaRegistry, type LambdaFunction } from './lambdas';
import { assertSupportedNode } from './node-version';
import { loadTokenKey, PageTokens } from './pagination';
import { deploySaga, type SagaDeployment } from './saga';
import { createEngineServer } from './server';
import { StateMachines } from './state-machines';
import { EngineStore } from './store';
import { StepLogStore } from './step-logs';
import { createThrottle } from './throttle';

export interface EngineOptions {
  /** run the order saga (its DynamoDB, Lambdas and state machine); default true */
  saga?: boolean;
  /** extra in-process Lambdas by ARN, registered before interrupted executions resume */
  lambdas?: Record<string, LambdaFunction>;
}

export interface RunningEngine {
  url: string;
  /** executions that were running when the engine last stopped and have been resumed */
  resumed: number;
  saga: SagaDeployment | undefined;
  registerLambda(arn: string, fn: LambdaFunction): void;
  close(): Promise<void>;
}

export async function startEngine(config: EngineConfig, options: EngineOptions = {}): Promise<RunningEngine> {
  const store = new EngineStore(config.dataDir);
  const registry = new LambdaRegistry();
  const logs = new StepLogStore(store);
  const machines = new StateMachines(store, config.region);
  const crashHere = config.crashAt && crashPointMatcher(config.crashAt);
  const executions = new Executions(store, machines, registry, config.region, crashHere ? (name, events) => {
    if (!crashHere(name, events)) return;
    // Commit the batch holding the event, then die before anything else runs.
    store.flush();
    process.kill(process.pid, 'SIGKILL');
  } : undefined);
  let saga: SagaDeployment | undefined;
  try {
    saga = options.saga === false ? undefined : await deploySaga(config, registry, machines, logs);
    if (saga) executions.onClosed(saga.onClosed);
    for (const [arn, fn] of Object.entries(options.lambdas ?? {})) registry.register(arn, fn);
    const resumed = executions.resumeInterrupted();
    const server = createEngineServer(
      { store, machines, executions, tokens: new PageTokens(loadTokenKey(config.dataDir)) },
      { stats: createCallStats(), throttle: createThrottle(config.throttleEvery), logs },
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${config.host}:${port}`,
      resumed,
      saga,
      registerLambda: (arn, fn) => registry.register(arn, fn),
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        // Executions still running stay RUNNING on disk; the next start resumes them.
        executions.detachAll();
        store.close();
        await saga?.close();
      },
    };
  } catch (error) {
    executions.detachAll();
    store.close();
    await saga?.close();
    throw error;
  }
}

async function main(): Promise<void> {
  assertSupportedNode();
  const config = engineConfig();
  const engine = await startEngine(config);
  const resumed = engine.resumed > 0 ? ` (resumed ${engine.resumed} interrupted execution${engine.resumed === 1 ? '' : 's'})` : '';
  console.log(`engine listening on ${engine.url}${resumed}`);
  // Said out loud: a forgotten test setting would otherwise look like a flaky dashboard.
  if (config.throttleEvery) console.log(`engine: throttling every ${config.throttleEvery}th history/describe/start call (ENGINE_THROTTLE_EVERY)`);
  if (config.crashAt) console.log(`engine: will kill itself after ${formatCrashPoint(config.crashAt)} (ENGINE_CRASH_AT)`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    engine.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`engine: error while stopping on ${signal}`, error);
        process.exit(1);
      },
    );
  };
  // Last line only: every known fault is handled where it happens. A stray rejection is logged
  // and the engine goes on; a stray throw may have left state half-changed, so the process
  // exits and `npm start` restarts it over the same data, resuming what was in flight.
  process.on('unhandledRejection', (reason) => console.error('engine: unhandled rejection (ignored)', reason));
  process.on('uncaughtException', (error) => {
    console.error('engine: uncaught exception; exiting so the supervisor restarts the engine', error);
    process.exit(70);
  });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

// Run only as the entry point (`tsx backend/engine/main.ts`), not when imported by tests or benchmarks.
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
