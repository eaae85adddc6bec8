/**
 * In-process Lambda functions, registered by ARN and found again the ways Step Functions
 * names them (full or partial ARN, plain name, with or without a version qualifier).
 * Failures are reshaped as the Node.js Lambda runtime reports them, so Retry/Catch and
 * the history see the same error type and cause JSON as on AWS.
 */
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

export function describeFailure(thrown: unknown): LambdaFailure {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const errorType = error.name || 'Error';
  const trace = (error.stack ?? '').split('\n').slice(1).map((line) => line.trim());
  return { errorType, cause: JSON.stringify({ errorType, errorMessage: error.message, trace }) };
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
