/**
 * The engine's resident memory as executions accumulate: a fresh engine process runs
 * 10,000 order sagas, 50 in flight, and its RSS is read from /proc before, along the way
 * and after. Finished executions live in SQLite, so RSS should stay flat. Alone:
 * `npx tsx bench/engine-memory.bench.ts`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { freePort, spawnEngine, stopEngine } from '../backend/engine/testing/spawn-engine';
import { tempDataDir } from '../backend/engine/testing/test-engine';
import { jsonClient } from './json-client';
import { sagasInFlight } from './saga-load';
import { print } from './support';

const EXECUTIONS = 10_000;
const CONCURRENCY = 50;
/** The bench gives up rather than run on and on when the machine is far too busy. */
const TIME_LIMIT_MS = 8 * 60_000;

/** Resident set size of a process in MB (Linux /proc). */
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

const dataDir = tempDataDir();
const env = { ENGINE_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), ENGINE_DATA_DIR: dataDir };
const engine = await spawnEngine(env);
engine.stderr?.pipe(process.stderr);
const client = jsonClient(`http://127.0.0.1:${env.ENGINE_PORT}`);
const deadline = setTimeout(() => {
  console.error(`engine-memory: not done after ${TIME_LIMIT_MS / 1000} s; giving up`);
  void stopEngine(engine, 'SIGKILL').finally(() => process.exit(1));
}, TIME_LIMIT_MS);
try {
  const pid = engine.pid!;
  const fresh = rssMb(pid);
  const samples: number[] = [];
  let nextSample = 1_000;
  await sagasInFlight(client, {
    total: EXECUTIONS,
    concurrency: CONCURRENCY,
    namePrefix: 'mem',
    // The default order: once its SKU's stock runs out, sagas take the compensation path,
    // whose histories are longer, so both kinds accumulate.
    input: () => ({}),
    onProgress: (finished) => {
      if (finished >= nextSample) {
        samples.push(Math.round(rssMb(pid)));
        nextSample += 1_000;
      }
    },
  });
  print('engine_rss_mb_fresh', Math.round(fresh), 'MB');
  console.log(JSON.stringify({ metric: 'engine_rss_mb_every_1000_executions', value: samples, unit: 'MB' }));
  print('engine_rss_mb_after_10000_executions', Math.round(rssMb(pid)), 'MB', '<=300');
} finally {
  clearTimeout(deadline);
  client.close();
  await stopEngine(engine);
  rmSync(dataDir, { recursive: true, force: true });
}
