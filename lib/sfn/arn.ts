/**
 * ARN arithmetic. An execution's ARN is its state machine's ARN with `stateMachine`
 * swapped for `execution` plus the execution name, which is what makes
 * `/executions/<name>` a complete, shareable URL.
 */
import { parseStatesArn, statesArn } from '../core/arn';
import { StepFunctionsError } from './errors';

/**
 * Step Functions' rule for names (1-80 characters, no whitespace, brackets, wildcards,
 * `"#%\\^|~`$&,;:/` or control characters), so every name the service or the engine
 * accepts opens here: `dot.name-x1`, unicode. Also no lone surrogate, which no URL can carry;
 * and not `.` or `..`, which a browser resolves away as a path segment.
 */
const FORBIDDEN_NAME_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}\p{Cs}]/u;
export const MAX_NAME_LENGTH = 80;

export const isValidExecutionName = (name: string): boolean =>
  name.length >= 1 && name.length <= MAX_NAME_LENGTH && !FORBIDDEN_NAME_CHARS.test(name) && name !== '.' && name !== '..';

export function executionArnFor(stateMachineArn: string, executionName: string): string {
  const machine = parseStatesArn(stateMachineArn);
  if (machine?.kind !== 'stateMachine') {
    throw new StepFunctionsError(`Not a state machine ARN: ${stateMachineArn}`);
  }
  // A version or alias suffix (…:OrderSaga:3) is not part of the execution ARN.
  return statesArn(machine, ['execution', machine.name, executionName]);
}
