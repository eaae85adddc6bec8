/** node:http adapter: bytes in, one operation handled, AWS JSON 1.0 bytes out. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CallStats } from './call-stats';
import { errorBody, SfnError } from './errors';
import { handle, RawJson, type Services } from './operations';
import { CONTENT_TYPE, MAX_BODY_BYTES, parseRequest } from './protocol';
import type { Throttle } from './throttle';

/** What the engine measures and injects around the API, apart from the API's own services. */
export interface Instruments {
  stats: CallStats;
  throttle: Throttle;
}

function send(res: ServerResponse, status: number, body: string, contentType = CONTENT_TYPE): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
}

const THROTTLED = new SfnError('ThrottlingException', 'Rate exceeded');

async function respond(services: Services, instruments: Instruments, req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
  try {
    const request = parseRequest(req.method, req.url, req.headers['x-amz-target'], body);
    instruments.stats.record(request.operation);
    if (instruments.throttle.shouldThrottle(request.operation)) {
      instruments.stats.recordThrottled();
      throw THROTTLED;
    }
    const result = await handle(services, request);
    send(res, 200, result instanceof RawJson ? result.text : JSON.stringify(result));
  } catch (error) {
    if (error instanceof SfnError) {
      send(res, 400, errorBody(error));
      return;
    }
    console.error('engine: internal error', error);
    send(res, 500, JSON.stringify({ __type: 'InternalFailure', message: (error as Error).message }));
  }
}

/**
 * `GET /_stats` (call counts) and `POST /_stats/reset`, beside the API. AWS has no such
 * paths, and the API itself is only `POST /`, so they cannot collide with a real call.
 * Returns false for any other request.
 */
function serveStats(stats: CallStats, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://engine').pathname;
  if (req.method === 'GET' && path === '/_stats') {
    send(res, 200, JSON.stringify(stats.snapshot()), 'application/json');
    return true;
  }
  if (req.method === 'POST' && path === '/_stats/reset') {
    stats.reset();
    send(res, 200, JSON.stringify(stats.snapshot()), 'application/json');
    return true;
  }
  return false;
}

export function createEngineServer(services: Services, instruments: Instruments): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (serveStats(instruments.stats, req, res)) return;
      if (size > MAX_BODY_BYTES) {
        send(res, 400, errorBody(new SfnError('ValidationException', `Request body larger than ${MAX_BODY_BYTES} bytes`)));
        return;
      }
      void respond(services, instruments, req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
}
