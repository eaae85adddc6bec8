/**
 * ARN arithmetic. An execution's ARN is its state machine's ARN with `stateMachine`
 * swapped for `execution` plus the execution name, which is what makes
 * `/executions/<name>` a complete, shareable URL.
 */
import { parseStatesArn, statesArn } from '../core/arn';
import { StepFunctionsError } from './errors';

const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

export const isValidExecutionName = (name: string): boolean => EXECUTION_NAME.test(name);

export function executionArnFor(stateMachineArn: string, executionName: string): string {
  const machine = parseStatesArn(stateMachineArn);
  if (machine?.kind !== 'stateMachine') {
    throw new StepFunctionsError(`Not a state machine ARN: ${stateMachineArn}`);
  }
  // A version or alias suffix (…:OrderSaga:3) is not part of the execution ARN.
  return statesArn(machine, ['execution', machine.name, executionName]);
}
