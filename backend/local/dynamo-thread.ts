/**
 * The local DynamoDB on its own thread. The engine's event loop runs the state machines
 * and the handlers' SDK calls; dynalite parsing requests and LevelDB work on a second
 * loop, so the two use both cores of a small machine instead of queueing on one. Same
 * dynalite, same HTTP endpoint, same persistence as startLocalDynamo: only the thread moves.
 *
 * The thread runs dynalite and nothing else (dynamo-worker.ts, on node's own type
 * stripping): the saga's tables are created from this side, over the thread's endpoint,
 * with the SDK this thread has loaded anyway. Measured, the thread's heap is about half
 * what it was when it also loaded tsx, the SDK and zod to do that itself.
 */
import { Worker } from 'node:worker_threads';
import { prepareSagaTables, type LocalDynamo, type LocalDynamoOptions } from './dynamo';
import type { DynamoWorkerData } from './dynamo-worker';

type Ready = { ok: true; endpoint: string } | { ok: false; message: string };

export class LocalDynamoStartError extends Error {
  override name = 'LocalDynamoStartError';
}

export async function startLocalDynamoThread(options: LocalDynamoOptions): Promise<LocalDynamo> {
  const workerData: DynamoWorkerData = { port: options.port, dataDir: options.dataDir };
  // No execArgv of the host (its tsx loader among them): the thread needs none.
  const worker = new Worker(new URL('./dynamo-worker.ts', import.meta.url), { workerData, execArgv: [] });
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
  return prepareSagaTables(
    {
      endpoint: ready.endpoint,
      close: async () => {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage('close');
        await exited;
      },
    },
    options.tables,
  );
}
