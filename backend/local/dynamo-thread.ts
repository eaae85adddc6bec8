/**
 * The local DynamoDB on its own thread. The engine's event loop runs the state machines
 * and the handlers' SDK calls; dynalite parsing requests and LevelDB work on a second
 * loop, so the two use both cores of a small machine instead of queueing on one. Same
 * dynalite, same HTTP endpoint, same persistence as startLocalDynamo: only the thread moves.
 */
import { Worker } from 'node:worker_threads';
import type { LocalDynamo, LocalDynamoOptions } from './dynamo';

type Ready = { ok: true; endpoint: string } | { ok: false; message: string };

export class LocalDynamoStartError extends Error {
  override name = 'LocalDynamoStartError';
}

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * The host's module-loader flags only: a worker refuses process-wide V8 flags (heap sizing
 * and the like) in its execArgv, and inherits their effect anyway.
 */
function moduleLoaderArgs(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag = ''] = arg.split('=');
    if (!LOADER_FLAGS.has(flag)) continue;
    kept.push(arg);
    const value = argv[i + 1];
    if (!arg.includes('=') && value !== undefined) {
      kept.push(value);
      i++;
    }
  }
  return kept;
}

export async function startLocalDynamoThread(options: LocalDynamoOptions): Promise<LocalDynamo> {
  // The thread loads TypeScript like the engine does; a host that is not itself under tsx
  // (vitest) must ask for it.
  const loaders = moduleLoaderArgs(process.execArgv);
  const execArgv = loaders.some((arg) => arg.includes('tsx')) ? loaders : [...loaders, '--import', 'tsx'];
  const worker = new Worker(new URL('./dynamo-worker.ts', import.meta.url), { workerData: options, execArgv });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new LocalDynamoStartError(`the DynamoDB thread exited (${code}) before it was ready`)));
  });
  if (!ready.ok) {
    await worker.terminate();
    throw new LocalDynamoStartError(ready.message);
  }
  // An unexpected death of the data thread would leave every handler failing: say so loudly.
  worker.on('error', (error) => console.error('local DynamoDB thread failed:', error));
  return {
    endpoint: ready.endpoint,
    close: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}
