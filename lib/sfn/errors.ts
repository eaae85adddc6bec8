/**
 * Typed failures of the Step Functions adapter. Messages are written for a banner: they
 * say what happened and what to try, never carry a stack or a raw SDK dump.
 */
export class StepFunctionsError extends Error {
  override name = 'StepFunctionsError';
  /** worth retrying as is (network, throttling), as opposed to a request that will fail again */
  readonly retryable: boolean = false;
}

export class EngineUnavailableError extends StepFunctionsError {
  override name = 'EngineUnavailableError';
  override readonly retryable = true;
}

export class ThrottledError extends StepFunctionsError {
  override name = 'ThrottledError';
  override readonly retryable = true;
}

export class ExecutionNotFoundError extends StepFunctionsError {
  override name = 'ExecutionNotFoundError';
}

export class ExecutionAlreadyExistsError extends StepFunctionsError {
  override name = 'ExecutionAlreadyExistsError';
}

/** RedriveExecution refused: the execution is running, succeeded, too old, or too long. */
export class ExecutionNotRedrivableError extends StepFunctionsError {
  override name = 'ExecutionNotRedrivableError';
}

/** A nextToken the service no longer accepts: expired, or made for other parameters. */
export class InvalidPageTokenError extends StepFunctionsError {
  override name = 'InvalidPageTokenError';
}

export class StateMachineNotFoundError extends StepFunctionsError {
  override name = 'StateMachineNotFoundError';
}

/** The plain shape an error takes when it crosses to the browser (props, JSON, SSE). */
export type ErrorInfo = { kind: string; message: string; retryable: boolean };

export function errorInfo(error: unknown): ErrorInfo {
  // Configuration errors are ours and already say which variable is wrong.
  if (error instanceof Error && error.name === 'ConfigError') {
    return { kind: error.name, message: error.message, retryable: false };
  }
  // One of ours made in another bundle's copy of this module (the list cache is shared
  // through globalThis across the page's and the route's bundles) fails instanceof; its
  // shape says what it is.
  if (isOurs(error)) return { kind: error.name, message: error.message, retryable: error.retryable };
  const e = toStepFunctionsError(error);
  return { kind: e.name, message: e.message, retryable: e.retryable };
}

const isOurs = (error: unknown): error is StepFunctionsError =>
  error instanceof StepFunctionsError ||
  (error instanceof Error && /Error$/.test(error.name) && typeof (error as { retryable?: unknown }).retryable === 'boolean');

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Runs a load for a page and turns an expected failure into data for a banner. */
export async function attempt<T>(load: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    return { ok: false, error: errorInfo(error) };
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

function errorCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect reports an AggregateError whose parts carry the code.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) if (inner instanceof Error && errorCode(inner)) return errorCode(inner);
  }
  return undefined;
}

/**
 * Maps whatever the SDK threw to one of the classes above. `where` names the endpoint so a
 * local user sees which port is dead.
 */
export function toStepFunctionsError(error: unknown, where = 'Step Functions'): StepFunctionsError {
  if (error instanceof StepFunctionsError) return error;
  if (!(error instanceof Error)) return new StepFunctionsError(`${where} failed with an unexpected error.`);
  const code = errorCode(error);
  if (
    (code && NETWORK_CODES.has(code)) ||
    error.name === 'TimeoutError' ||
    error.name === 'RequestTimeout' ||
    /socket hang up|fetch failed/i.test(error.message)
  ) {
    return new EngineUnavailableError(`Cannot reach ${where}${code ? ` (${code})` : ''}: it is not running, or restarting.`);
  }
  switch (error.name) {
    case 'ExecutionDoesNotExist':
      return new ExecutionNotFoundError('No execution with that name exists for this state machine.');
    case 'ExecutionAlreadyExists':
      return new ExecutionAlreadyExistsError('An execution with that name already exists.');
    case 'ExecutionNotRedrivable':
      // The service says why (status, age, history size); that is the useful part.
      return new ExecutionNotRedrivableError(`This execution cannot be redriven: ${error.message.split('\n')[0]}`);
    case 'StateMachineDoesNotExist':
      return new StateMachineNotFoundError(
        'The saga state machine does not exist. Deploy it, or check SAGA_STATE_MACHINE_ARN.',
      );
    case 'InvalidToken':
      return new InvalidPageTokenError('This page link has expired or belongs to other filters. Start again from the first page.');
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return new ThrottledError('Step Functions is throttling requests; backing off.');
    case 'CredentialsProviderError':
      return new StepFunctionsError('No AWS credentials found. Set AWS_PROFILE or sign in, then retry.');
    case 'UnrecognizedClientException':
    case 'AccessDeniedException':
    case 'ExpiredTokenException':
      return new StepFunctionsError(`AWS refused the credentials (${error.name}). Refresh them, then retry.`);
    default:
      // SDK service errors carry a short human message from the service; keep only its first line.
      return new StepFunctionsError(`${where} rejected the request: ${error.name}: ${error.message.split('\n')[0]}`);
  }
}
