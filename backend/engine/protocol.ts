/**
 * The AWS JSON 1.0 envelope: `POST /` with `x-amz-target: AWSStepFunctions.<Operation>`
 * and a JSON object body. Pure, so every malformed request is unit-tested without a socket.
 */
import { SfnError } from './errors';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './json-depth';

export const OPERATIONS = [
  'StartExecution',
  'DescribeExecution',
  'StopExecution',
  'RedriveExecution',
  'GetExecutionHistory',
  'ListExecutions',
  'ListStateMachines',
  'DescribeStateMachine',
  'DescribeStateMachineForExecution',
  'CreateStateMachine',
  'UpdateStateMachine',
  'DeleteStateMachine',
  'StartSyncExecution',
] as const;
export type Operation = (typeof OPERATIONS)[number];

const TARGET_PREFIX = 'AWSStepFunctions.';
export const CONTENT_TYPE = 'application/x-amz-json-1.0';
/** Generous: an input is at most 256 KiB, but escaping it inside the JSON body can grow it. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ApiRequest {
  operation: Operation;
  params: Record<string, unknown>;
}

const isOperation = (name: string): name is Operation => (OPERATIONS as readonly string[]).includes(name);

export function parseRequest(method: string | undefined, path: string | undefined, target: string | string[] | undefined, body: string): ApiRequest {
  if (method !== 'POST' || (path !== '/' && path !== '')) {
    throw new SfnError('UnknownOperationException', `Only POST / is served here, not ${method} ${path}`);
  }
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
    throw new SfnError('UnknownOperationException', `Missing or foreign x-amz-target header: '${String(target ?? '')}'`);
  }
  const operation = target.slice(TARGET_PREFIX.length);
  if (!isOperation(operation)) {
    throw new SfnError('UnknownOperationException', `The local engine does not implement ${operation}`);
  }
  if (body.trim() === '') return { operation, params: {} };
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
    throw new SfnError('SerializationException', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new SfnError('SerializationException', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SfnError('SerializationException', 'The request body must be a JSON object');
  }
  return { operation, params: parsed as Record<string, unknown> };
}
