/**
 * Step Functions ARNs taken apart and put together. The splitting is the AWS SDK's own
 * parser; what is Step Functions' (a resource is `<kind>:<name>[:<qualifier>...]`) is here.
 * Pure and browser-safe.
 */
import { build, parse, validate } from '@aws-sdk/util-arn-parser';

export interface StatesArn {
  partition: string;
  region: string;
  accountId: string;
  /** `stateMachine`, `execution`, `activity`, ... */
  kind: string;
  /** the state machine's name, for both state machine and execution ARNs */
  name: string;
  /** what follows the name: a version or alias of a state machine, an execution's name */
  qualifier: string[];
}

/** A Step Functions ARN's parts; undefined for anything else. */
export function parseStatesArn(arn: string): StatesArn | undefined {
  if (!validate(arn)) return undefined;
  const { partition, service, region, accountId, resource } = parse(arn);
  if (service !== 'states') return undefined;
  const [kind = '', name = '', ...qualifier] = resource.split(':');
  if (kind === '' || name === '') return undefined;
  return { partition, region, accountId, kind, name, qualifier };
}

/** A Step Functions ARN in the partition, Region and account of `beside`. */
export const statesArn = (beside: Pick<StatesArn, 'partition' | 'region' | 'accountId'>, resource: readonly string[]): string =>
  build({ partition: beside.partition, service: 'states', region: beside.region, accountId: beside.accountId, resource: resource.join(':') });
