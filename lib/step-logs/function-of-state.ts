/** Which Lambda function a Task state calls: its Resource ARN, or lambda:invoke's FunctionName. */
import { flattenDefinition } from '../asl/flatten';
import { isRecord } from '../core/values';

const FUNCTION_NAME = /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?([A-Za-z0-9_-]{1,64})(?::[\w$-]+)?$/;

export function functionOfState(definition: unknown, stateName: string): string | undefined {
  const found = flattenDefinition(definition).find((s) => s.name === stateName)?.state;
  if (!found || found.Type !== 'Task' || typeof found.Resource !== 'string') return undefined;
  const reference =
    found.Resource.startsWith('arn:aws:states:::lambda:invoke') && isRecord(found.Parameters) ? found.Parameters.FunctionName : found.Resource;
  if (typeof reference !== 'string' || reference.startsWith('arn:aws:states:')) return undefined;
  return FUNCTION_NAME.exec(reference)?.[1];
}
