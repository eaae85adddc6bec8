/**
 * In-process Lambda functions, registered by ARN and found again the ways Step Functions
 * names them (full or partial ARN, plain name, with or without a version qualifier).
 * Failures are reshaped as the Node.js Lambda runtime reports them, so Retry/Catch and
 * the history see the same error type and cause JSON as on AWS.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { LOCAL_ACCOUNT } from './arn';

export type LambdaFunction = (event: unknown) => Promise<unknown>;

export class InvalidLambdaArnError extends Error {
  override name = 'InvalidLambdaArnError';
}

const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(:[\w$-]+)?$/;

/** `name`, `name:qualifier`, `123456789012:function:name` or a full ARN -> `name`. */
export function functionNameOf(reference: string): string | undefined {
  const full = FUNCTION_ARN.exec(reference);
  if (full) return full[1];
  const partial = /^(?:\d{12}:function:)?([A-Za-z0-9_-]{1,64})(?::[\w$-]+)?$/.exec(reference);
  return partial?.[1];
}

export const isLambdaArn = (resource: string): boolean => FUNCTION_ARN.test(resource);

export class LambdaRegistry {
  private readonly byName = new Map<string, { arn: string; fn: LambdaFunction }>();

  register(arn: string, fn: LambdaFunction): void {
    const name = FUNCTION_ARN.exec(arn)?.[1];
    if (!name) throw new InvalidLambdaArnError(`Not a Lambda function ARN: ${arn}`);
    this.byName.set(name, { arn, fn });
  }

  resolve(reference: string): { arn: string; fn: LambdaFunction } | undefined {
    const name = functionNameOf(reference);
    return name === undefined ? undefined : this.byName.get(name);
  }
}

/** What a failed invocation looks like to Step Functions: the error name Retry/Catch match, and the cause JSON. */
export interface LambdaFailure {
  errorType: string;
  cause: string;
}

/** The project root, which stands in for Lambda's `/var/task/` in traces. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The engine's own modules (backend/engine/*.ts, not its subfolders): the Lambda runtime's place, not the handler's. */
const ENGINE_MODULE = /^backend\/engine\/[^/]+:\d+/;

/** Stack frames of the function's own code, with paths as Lambda shows them (`/var/task/...`). */
function handlerFrames(stack: string): string[] {
  const frames: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const at = line.indexOf(PROJECT_ROOT);
    if (!/^\s+at /.test(line) || at < 0) continue;
    const relative = line.slice(at + PROJECT_ROOT.length);
    if (relative.startsWith('node_modules/') || ENGINE_MODULE.test(relative)) continue;
    const prefix = line.slice(0, at).replace(/file:\/\/$/, 'file://');
    frames.push(`${prefix}/var/task/${relative}`);
  }
  return frames;
}

/**
 * A thrown error as the Node.js Lambda runtime reports it: `{errorType, errorMessage,
 * trace}`, the trace being the error's first line and the handler's own frames (never the
 * engine's, the executor library's or Node's internals, never a path on this machine).
 */
export function describeFailure(thrown: unknown): LambdaFailure {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const errorType = error.name || 'Error';
  const trace = [`${errorType}: ${error.message}`, ...handlerFrames(error.stack ?? '')];
  return { errorType, cause: JSON.stringify({ errorType, errorMessage: error.message, trace }) };
}

/** What Step Functions records when the function does not exist (recorded on AWS, test_no_such_function). */
export function functionNotFound(reference: string, region: string): LambdaFailure {
  const full = /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+)(?::([\w$-]+))?$/.exec(reference);
  const partial = /^(?:(\d{12}):function:)?([A-Za-z0-9_-]+)(?::([\w$-]+))?$/.exec(reference);
  const arn = full?.[1] ?? (partial ? `arn:aws:lambda:${region}:${partial[1] ?? LOCAL_ACCOUNT}:function:${partial[2]}` : reference);
  const qualifier = (full ? full[2] : partial?.[3]) ?? '$LATEST';
  const cause =
    `Function not found: ${arn}:${qualifier} ` +
    `(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`;
  return { errorType: 'Lambda.ResourceNotFoundException', cause };
}

/**
 * Thrown back into the executor. The library matches Retry/Catch on `.name` and puts
 * `.message` in a Catch's `Cause`, so the message is the cause JSON, as AWS's Cause is.
 */
export class LambdaInvocationError extends Error {
  constructor(failure: LambdaFailure) {
    super(failure.cause);
    this.name = failure.errorType;
  }
}

/** `arn:aws:states:::lambda:invoke` returns the Invoke API response, not the bare payload. */
export const invokeResponse = (payload: unknown) => ({
  ExecutedVersion: '$LATEST',
  Payload: payload ?? null,
  SdkHttpMetadata: { HttpStatusCode: 200 },
  SdkResponseMetadata: { RequestId: crypto.randomUUID() },
  StatusCode: 200,
});
