/**
 * Test helpers: synthesize the stack once (bundling skipped: esbuild is exercised by
 * `npm run synth`), and read IAM statements and the deployed definition out of a template.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { AslDefinition } from '@/lib/asl/types';
import { SAGA_STACK_NAME, SagaStack } from '../saga-stack';
import { sagaPropsFromContext } from '../context';

/** `mutate` changes the stack before synthesis: the mutation checks build a broken stack with it. */
export function synthSaga(context: Record<string, unknown> = {}, mutate?: (stack: SagaStack) => void) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new SagaStack(app, SAGA_STACK_NAME, { saga: sagaPropsFromContext((key) => app.node.tryGetContext(key)) });
  mutate?.(stack);
  const template = Template.fromStack(stack);
  const logicalIdOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  return { stack, template, logicalIdOf };
}

export type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
export const actionsOf = (s: Statement): string[] => asArray(s.Action);
export const resourcesOf = (s: Statement): unknown[] => asArray(s.Resource);

/** Every statement of the inline policies attached to a role (by the role's logical id). */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies).flatMap((p) => {
    const props = p.Properties as { Roles?: { Ref?: string }[]; PolicyDocument: { Statement: Statement[] } };
    return props.Roles?.some((r) => r.Ref === roleLogicalId) ? props.PolicyDocument.Statement : [];
  });
}

/** `{Fn::GetAtt: [id, 'Arn']}` -> id (what most grants reference). */
export function getAttTarget(resource: unknown): string | undefined {
  if (typeof resource !== 'object' || resource === null || !('Fn::GetAtt' in resource)) return undefined;
  const [id] = resource['Fn::GetAtt'] as [string, string];
  return id;
}

/**
 * The definition as deployed: the template's DefinitionString with each DefinitionSubstitution
 * applied as CloudFormation would, the Lambda ARNs resolved through `arnOfLogicalId`.
 */
export function deployedDefinition(template: Template, arnOfLogicalId: (logicalId: string) => string): AslDefinition {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const props = machine?.Properties as { DefinitionString: unknown; DefinitionSubstitutions: Record<string, unknown> };
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const target = getAttTarget(value);
    if (target) return arnOfLogicalId(target);
    if (typeof value === 'object' && value !== null && 'Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(sep);
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)}`);
  };
  let text = resolve(props.DefinitionString);
  for (const [key, value] of Object.entries(props.DefinitionSubstitutions)) text = text.replaceAll(`\${${key}}`, resolve(value));
  return JSON.parse(text) as AslDefinition;
}
