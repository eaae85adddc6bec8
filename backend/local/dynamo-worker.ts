/** The thread body of startLocalDynamoThread: start dynalite, report the endpoint, close on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { startLocalDynamo, type LocalDynamoOptions } from './dynamo';

const port = parentPort;
if (!port) throw new Error('dynamo-worker runs only as a worker thread');

try {
  const dynamo = await startLocalDynamo(workerData as LocalDynamoOptions);
  port.on('message', (message) => {
    if (message === 'close') void dynamo.close().finally(() => port.close());
  });
  port.postMessage({ ok: true, endpoint: dynamo.endpoint });
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
