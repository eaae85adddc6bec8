/** node:http adapter: bytes in, one operation handled, AWS JSON 1.0 bytes out. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CallStats } from './call-stats';
import { errorBody, SfnError } from './errors';
import { handle, RawJson, type Services } from './operations';
import { CONTENT_TYPE, MAX_BODY_BYTES, parseRequest } from './protocol';
import type { StepLogStore } from './step-logs';
import type { Throttle } from './throttle';

/** What the engine measures and injects around the API, apart from the API's own services. */
export interface Instruments {
  stats: CallStats;
  throttle: Throttle;
  /** the saga handlers' log lines, what CloudWatch Logs holds on AWS */
  logs: StepLogStore;
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
    internalFailure(res, error);
  }
}

/** A bug of ours, said as AWS says one; the request fails, the server goes on. */
function internalFailure(res: ServerResponse, error: unknown): void {
  console.error('engine: internal error', error);
  if (!res.headersSent) send(res, 500, JSON.stringify({ __type: 'InternalFailure', message: error instanceof Error ? error.message : String(error) }));
}

/**
 * `GET /_stats` (call counts), `POST /_stats/reset` and `GET /_logs?execution=&state=` (a
 * step's log lines), beside the API. AWS has no such paths, and the API itself is only
 * `POST /`, so they cannot collide with a real call. Returns false for any other request.
 */
function serveExtras({ stats, logs }: Instruments, req: IncomingMessage, res: ServerResponse): boolean {
  // Split, not `new URL`: a request line like `POST //` is no valid URL, and must not throw here.
  const [path, query = ''] = (req.url ?? '/').split('?');
  if (req.method === 'GET' && path === '/_logs') {
    const params = new URLSearchParams(query);
    const execution = params.get('execution');
    if (!execution) {
      send(res, 400, JSON.stringify({ message: 'Give ?execution=<name> (and &state=<name> for one state)' }), 'application/json');
      return true;
    }
    send(res, 200, JSON.stringify({ lines: logs.read(execution, params.get('state') ?? undefined) }), 'application/json');
    return true;
  }
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

const TOO_LARGE = new SfnError('ValidationException', `Request body is larger than the engine's limit of ${MAX_BODY_BYTES} bytes`);

/** How long a refused client gets to read the answer before its connection is dropped. */
const REFUSED_LINGER_MS = 1_000;

/**
 * Refuses an oversized body as soon as it is known to be one (from content-length, or by
 * counting while it streams), without reading the rest. The answer is written on the
 * socket itself: node's response would, once finished, read and discard the remaining
 * body. Then the socket stops reading, says it is done, and is dropped shortly after.
 */
function refuseTooLarge(req: IncomingMessage): void {
  const { socket } = req;
  socket.pause();
  const body = errorBody(TOO_LARGE);
  socket.end(
    `HTTP/1.1 413 Payload Too Large\r\ncontent-type: ${CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\nx-amzn-requestid: ${randomUUID()}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
}

/**
 * Idle keep-alive connections stay open this long. Node's default (5 s) races clients that
 * reuse a pooled connection just as the server closes it ("socket hang up"); a minute, as
 * load balancers in front of AWS APIs keep, outlasts every SDK's idle pool.
 */
const KEEP_ALIVE_MS = 65_000;

export function createEngineServer(services: Services, instruments: Instruments): Server {
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1_000 }, (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      refuseTooLarge(req);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      refuseTooLarge(req);
    };
    const onEnd = () => {
      try {
        if (serveExtras(instruments, req, res)) return;
      } catch (error) {
        internalFailure(res, error);
        return;
      }
      void respond(services, instruments, req, Buffer.concat(chunks).toString('utf8'), res);
    };
    req.on('data', onData);
    req.on('end', onEnd);
  });
  return server;
}
