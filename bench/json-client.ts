/**
 * A minimal AWS JSON 1.0 client for benchmarks: keep-alive node:http, no SigV4 (the local
 * engine checks no signatures). The AWS SDK spends a millisecond or more of client CPU per
 * call on middleware and signing; that cost is the client's, not the engine's, so the
 * engine's latency is measured without it. Errors come back as thrown `{__type, message}`.
 */
import { Agent, request } from 'node:http';

export class SfnCallError extends Error {
  override name = 'SfnCallError';
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(`${type}: ${message}`);
  }
}

export function jsonClient(endpoint: string) {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const call = <T>(operation: string, params: object): Promise<T> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(params);
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': `AWSStepFunctions.${operation}`,
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T & { __type?: string; message?: string };
            if (res.statusCode === 200) resolve(parsed);
            else reject(new SfnCallError(parsed.__type ?? String(res.statusCode), parsed.message ?? ''));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}
