/**
 * ARN arithmetic. An execution's ARN is its state machine's ARN with `stateMachine`
 * swapped for `execution` plus the execution name, which is what makes
 * `/executions/<name>` a complete, shareable URL.
 */
import { StepFunctionsError } from './errors';

const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

export const isValidExecutionName = (name: string): boolean => EXECUTION_NAME.test(name);

export function executionArnFor(stateMachineArn: string, executionName: string): string {
  const parts = stateMachineArn.split(':');
  if (parts.length < 7 || parts[5] !== 'stateMachine') {
    throw new StepFunctionsError(`Not a state machine ARN: ${stateMachineArn}`);
  }
  // A version or alias suffix (…:OrderSaga:3) is not part of the execution ARN.
  return [...parts.slice(0, 5), 'execution', parts[6], executionName].join(':');
}

/** The state machine ARN an execution ARN belongs to. */
export function stateMachineArnOf(executionArn: string): string {
  const parts = executionArn.split(':');
  return [...parts.slice(0, 5), 'stateMachine', parts[6] ?? ''].join(':');
}
