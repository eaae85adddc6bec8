/**
 * The thread body of startLocalDynamoThread: start dynalite, report the endpoint, close on
 * request. Run by node's own type stripping, so it imports only erasable TypeScript files
 * by their full names (see dynalite-server.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { listenDynalite } from './dynalite-server.ts';

export type DynamoWorkerData = { port: number; dataDir?: string };

const port = parentPort;
if (!port) throw new Error('dynamo-worker runs only as a worker thread');

try {
  const { port: listenPort, dataDir } = workerData as DynamoWorkerData;
  const dynamo = await listenDynalite(listenPort, dataDir);
  port.on('message', (message) => {
    if (message === 'close') void dynamo.close().finally(() => port.close());
  });
  port.postMessage({ ok: true, endpoint: dynamo.endpoint });
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
