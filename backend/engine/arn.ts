/**
 * ARNs and names as Step Functions spells and checks them. Local ARNs use the fixed
 * account 000000000000 so the dashboard can tell nothing here is a real AWS account.
 */
import { SfnError } from './errors';

export const LOCAL_ACCOUNT = '000000000000';
/** AWS requires a role; locally nothing assumes it, but responses and history carry one. */
export const localRoleArn = (): string => `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-engine`;

export const stateMachineArn = (region: string, name: string): string =>
  `arn:aws:states:${region}:${LOCAL_ACCOUNT}:stateMachine:${name}`;

export const executionArn = (machineArn: string, executionName: string): string => {
  const { region, account, name } = parseStateMachineArn(machineArn);
  return `arn:aws:states:${region}:${account}:execution:${name}:${executionName}`;
};

const ARN_SHAPE = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):(stateMachine|execution):(.+)$/;

/** AWS's texts: "Invalid Arn: 'Invalid ARN prefix: x'" and "Invalid Arn: 'Resource type not valid in this context: express'". */
const invalidArn = (reason: string) => new SfnError('InvalidArn', `Invalid Arn: '${reason}'`);

function parse(arn: unknown, kind: 'stateMachine' | 'execution') {
  const text = String(arn);
  if (!text.startsWith('arn:')) throw invalidArn(`Invalid ARN prefix: ${text}`);
  const resourceType = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:([^:]*)/.exec(text)?.[1];
  if (resourceType !== undefined && resourceType !== kind) throw invalidArn(`Resource type not valid in this context: ${resourceType}`);
  const match = ARN_SHAPE.exec(text);
  if (!match || match[3] !== kind) throw invalidArn(`Invalid ARN: ${text}`);
  return { region: match[1] ?? '', account: match[2] ?? '', rest: match[4] ?? '' };
}

export function parseStateMachineArn(arn: unknown) {
  const { region, account, rest } = parse(arn, 'stateMachine');
  // Versions and aliases (`Name:1`, `Name:alias`) are not supported locally; they simply won't exist.
  return { region, account, name: rest };
}

export function parseExecutionArn(arn: unknown) {
  const { region, account, rest } = parse(arn, 'execution');
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) throw invalidArn(`Invalid ARN: ${String(arn)}`);
  return {
    region,
    account,
    stateMachineArn: `arn:aws:states:${region}:${account}:stateMachine:${rest.slice(0, colon)}`,
    name: rest.slice(colon + 1),
  };
}

// AWS's documented rule for state machine and execution names.
const FORBIDDEN_NAME_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]/u;

/** AWS's text is just the name, quoted; the rule is in the API reference (1-80 characters, none of the above). */
export function assertValidName(name: string): void {
  if (name.length < 1 || name.length > 80 || FORBIDDEN_NAME_CHARS.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
}
