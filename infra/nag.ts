/**
 * cdk-nag (AwsSolutions and Serverless packs) on the stack: `cdk synth` refuses a finding
 * that is not acknowledged, and infra/nag.test.ts fails on one. Each acknowledgement is
 * made on the construct it concerns, names the finding (rule and, for IAM5, the resource)
 * and says why.
 */
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The packs this stack is held to. */
export const nagPacks = () => [new AwsSolutionsChecks(), new ServerlessChecks()];

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Actions AWS offers on `*` only (no resource-level permissions): the one place a statement
 * may name `Resource: *`. The template checks (testing/template-checks.ts) allow these and
 * nothing else; the reasons are what the acknowledgements say.
 */
export const SERVICE_REQUIRED_WILDCARD_ACTIONS: Readonly<Record<keyof typeof SERVICE_WIDE, readonly string[]>> = {
  xray: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  logDelivery: [
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DescribeResourcePolicies',
    'logs:DescribeLogGroups',
  ],
  listStateMachines: ['states:ListStateMachines'],
};

export const SERVICE_WIDE = {
  xray: 'X-Ray trace writes (PutTraceSegments, PutTelemetryRecords, sampling rules) have no resource-level permissions: AWS requires Resource *.',
  logDelivery:
    'Step Functions execution logging needs the CloudWatch Logs delivery actions (CreateLogDelivery and friends), which have no resource-level permissions: AWS requires Resource *.',
  listStateMachines: 'states:ListStateMachines has no resource-level permissions: AWS requires Resource *.',
} as const;

/**
 * Every unacknowledged finding under `scope`, as `rule at construct path` lines. (The packs'
 * own `Validations.addPlugins` route needs a CDK that hands plugins the construct tree,
 * which this one does not yet, so the app and the tests call the packs directly.)
 */
export function nagFindings(scope: IConstruct): string[] {
  return nagPacks().flatMap((pack) =>
    pack.validateScope(scope).violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId ?? '?'}: ${v.description}`)),
  );
}
