/**
 * GetExecutionHistory events exactly as AWS writes them: `<camelType>EventDetails`
 * objects whose inputs, outputs and causes are JSON strings, with `{truncated: false}`
 * beside every payload. Only shapes live here; ids and ordering are the translator's job.
 */
export interface AwsHistoryEvent {
  id: number;
  previousEventId: number;
  /** epoch seconds, fractional */
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

/** An event before the translator numbers it. */
export interface EventDraft {
  type: string;
  details?: Record<string, unknown>;
}

const UNTRUNCATED = { truncated: false } as const;

/** AWS puts payloads on the wire as JSON text; `undefined` (no result) is JSON null. */
export const json = (value: unknown): string => JSON.stringify(value ?? null);

export { detailsKeyOf as detailsKey } from '@/lib/core/events';

export const draft = (type: string, details?: Record<string, unknown>): EventDraft => (details ? { type, details } : { type });

export const executionStarted = (input: string, roleArn: string): EventDraft =>
  draft('ExecutionStarted', { input, inputDetails: UNTRUNCATED, roleArn });

export const executionSucceeded = (output: string): EventDraft =>
  draft('ExecutionSucceeded', { output, outputDetails: UNTRUNCATED });

/** AWS omits error/cause when the failure has none (a Fail state without Error or Cause). */
export const errorDetails = (error: string | undefined, cause: string | undefined): Record<string, unknown> => ({
  ...(error !== undefined ? { error } : {}),
  ...(cause !== undefined ? { cause } : {}),
});

export const stateEntered = (stateType: string, name: string, input: string): EventDraft =>
  draft(`${stateType}StateEntered`, { name, input, inputDetails: UNTRUNCATED });

export const stateExited = (stateType: string, name: string, output: string): EventDraft =>
  draft(`${stateType}StateExited`, { name, output, outputDetails: UNTRUNCATED });

/** A Task calls a Lambda either by its ARN (LambdaFunction* events) or through lambda:invoke (Task* events). */
export type Invocation =
  | { kind: 'lambda'; resource: string }
  | { kind: 'task'; resourceType: string; resource: string; region: string };

/** The Task's TimeoutSeconds/HeartbeatSeconds (or their *Path values), as AWS writes them in *Scheduled. */
export interface TaskTimeouts {
  timeoutInSeconds?: number;
  heartbeatInSeconds?: number;
}

export function invocationScheduled(call: Invocation, input: string, timeouts: TaskTimeouts = {}): EventDraft[] {
  const timeout = timeouts.timeoutInSeconds === undefined ? {} : { timeoutInSeconds: timeouts.timeoutInSeconds };
  if (call.kind === 'lambda') {
    // LambdaFunctionScheduledEventDetails has no heartbeat field.
    return [
      draft('LambdaFunctionScheduled', { resource: call.resource, input, inputDetails: UNTRUNCATED, ...timeout }),
      draft('LambdaFunctionStarted'),
    ];
  }
  const resource = { resourceType: call.resourceType, resource: call.resource };
  const heartbeat = timeouts.heartbeatInSeconds === undefined ? {} : { heartbeatInSeconds: timeouts.heartbeatInSeconds };
  return [draft('TaskScheduled', { ...resource, region: call.region, parameters: input, ...timeout, ...heartbeat }), draft('TaskStarted', resource)];
}

export function invocationSucceeded(call: Invocation, output: string): EventDraft {
  if (call.kind === 'lambda') return draft('LambdaFunctionSucceeded', { output, outputDetails: UNTRUNCATED });
  return draft('TaskSucceeded', {
    resourceType: call.resourceType,
    resource: call.resource,
    output,
    outputDetails: UNTRUNCATED,
  });
}

export function invocationFailed(call: Invocation, error: string, cause: string | undefined, timedOut = false): EventDraft {
  const base = call.kind === 'lambda' ? 'LambdaFunction' : 'Task';
  const resource = call.kind === 'lambda' ? {} : { resourceType: call.resourceType, resource: call.resource };
  return draft(`${base}${timedOut ? 'TimedOut' : 'Failed'}`, { ...resource, ...errorDetails(error, cause) });
}
