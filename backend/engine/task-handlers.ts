/**
 * The library's `taskResourceLocalHandlers`, keyed by STATE NAME: one handler per Task in
 * the definition (nested ones included) that calls the registered function in-process and
 * reports the call to the history translator. Every Task gets a handler, so nothing ever
 * falls through to the library's real AWS Lambda client.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { json, type Invocation } from './aws-events';
import type { DefinitionIndex } from './definition';
import {
  describeFailure,
  functionNotFound,
  invokeResponse,
  isLambdaArn,
  LambdaInvocationError,
  type LambdaFailure,
  type LambdaFunction,
  type LambdaRegistry,
} from './lambdas';

export interface CallRecorder<H> {
  begin(stateName: string, call: Invocation, input: string): H;
  succeed(handle: H, output: string): void;
  fail(handle: H, failure: LambdaFailure): void;
}

type Handler = (input: unknown) => Promise<unknown>;

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** Where a Task's call goes and what the function receives; `missing` explains a failure. */
interface Target {
  call: Invocation;
  fn?: LambdaFunction;
  payload: unknown;
  missing?: LambdaFailure;
}

/** A failure the engine itself reports: a plain-text cause, no stack. */
const engineFailure = (errorType: string, cause: string): LambdaFailure => ({ errorType, cause });

function targetOf(resource: string, input: unknown, registry: LambdaRegistry, region: string): Target {
  if (isLambdaArn(resource)) {
    const found = registry.resolve(resource);
    return {
      call: { kind: 'lambda', resource },
      fn: found?.fn,
      payload: input,
      missing: found ? undefined : functionNotFound(resource, region),
    };
  }
  const call: Invocation = { kind: 'task', resourceType: 'lambda', resource: 'invoke', region };
  if (resource === LAMBDA_INVOKE) {
    const params = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const name = typeof params.FunctionName === 'string' ? params.FunctionName : '';
    const found = registry.resolve(name);
    return {
      call,
      fn: found?.fn,
      payload: params.Payload,
      missing: found ? undefined : functionNotFound(name, region),
    };
  }
  const service = /^arn:aws:states:::([\w-]+):?(.*)$/.exec(resource);
  return {
    call: { kind: 'task', resourceType: service?.[1] ?? 'unknown', resource: service?.[2] || resource, region },
    payload: input,
    missing: engineFailure('States.TaskFailed', `The local engine cannot run resource ${resource}; it runs Lambda functions only`),
  };
}

export function buildTaskHandlers<H>(
  index: DefinitionIndex,
  registry: LambdaRegistry,
  recorder: CallRecorder<H>,
  region: string,
): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const state of index.states.values()) {
    if (state.type !== 'Task') continue;
    const resource = typeof state.def.Resource === 'string' ? state.def.Resource : '';
    const invokes = resource === LAMBDA_INVOKE;
    handlers[state.name] = async (input) => {
      // The library logs StateEntered/StateRetried synchronously but hands them out through an
      // async generator; one macrotask lets the consumer drain them, so this call is recorded after them.
      await nextTurn();
      const target = targetOf(resource, input, registry, region);
      const handle = recorder.begin(state.name, target.call, json(input));
      let result: unknown;
      try {
        if (!target.fn) throw new LambdaInvocationError(target.missing ?? engineFailure('States.TaskFailed', `No handler for ${resource}`));
        result = await target.fn(target.payload);
      } catch (thrown) {
        const failure = thrown instanceof LambdaInvocationError ? { errorType: thrown.name, cause: thrown.message } : describeFailure(thrown);
        recorder.fail(handle, failure);
        throw new LambdaInvocationError(failure);
      }
      const output = invokes ? invokeResponse(result) : (result ?? null);
      recorder.succeed(handle, json(output));
      return output;
    };
  }
  return handlers;
}
