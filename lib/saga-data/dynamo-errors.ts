/**
 * Classifies DynamoDB failures: a failed condition is an answer the repositories
 * interpret, throttling/5xx/network trouble becomes TransientError (which the definition
 * retries), anything else propagates unchanged.
 */
import { TransientError } from '@/lib/saga/errors';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function isTransient(error: Error): boolean {
  if (TRANSIENT_NAMES.has(error.name)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  // No HTTP status at all means the request never got an answer (refused, reset).
  return status === undefined ? 'code' in error : status >= 500;
}

/** Runs one DynamoDB call, turning transient failures into TransientError. */
export async function dynamoCall<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof Error && !isConditionFailure(error) && isTransient(error)) {
      throw new TransientError(`DynamoDB: ${error.name}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
