/** node:http adapter: bytes in, one operation handled, AWS JSON 1.0 bytes out. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorBody, SfnError } from './errors';
import { handle, RawJson, type Services } from './operations';
import { CONTENT_TYPE, MAX_BODY_BYTES, parseRequest } from './protocol';

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
}

async function respond(services: Services, req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
  try {
    const request = parseRequest(req.method, req.url, req.headers['x-amz-target'], body);
    const result = await handle(services, request);
    send(res, 200, result instanceof RawJson ? result.text : JSON.stringify(result));
  } catch (error) {
    if (error instanceof SfnError) return send(res, 400, errorBody(error));
    console.error('engine: internal error', error);
    send(res, 500, JSON.stringify({ __type: 'InternalFailure', message: (error as Error).message }));
  }
}

export function createEngineServer(services: Services): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        return send(res, 400, errorBody(new SfnError('ValidationException', `Request body larger than ${MAX_BODY_BYTES} bytes`)));
      }
      void respond(services, req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
}
