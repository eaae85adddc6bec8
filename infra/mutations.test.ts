/**
 * The infra checks fail on the regressions they exist for: each test builds the stack with
 * one change an operator would not want and runs the suite's own checks on it.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import { SAGA_DEFINITION_TEMPLATE } from '@/backend/saga/definition';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition } from '@/lib/asl/types';
import { deployedDefinition, synthSaga } from './testing/synth';
import { iamFindings, rollbackFindings, type TemplateJson } from './testing/template-checks';

const ANY_ARN = () => 'arn:aws:lambda:us-east-1:000000000000:function:x';

describe('the infra checks catch', () => {
  it('the sound stack: no findings (so the findings below come from the change)', () => {
    const { template } = synthSaga();
    expect(iamFindings(template.toJSON() as TemplateJson)).toEqual([]);
    expect(rollbackFindings(deployedDefinition(template, ANY_ARN))).toEqual([]);
  });

  it('a managed policy added to a Lambda role', () => {
    const { template } = synthSaga({}, (stack) => {
      stack.saga.functions.ProcessPayment.role?.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBFullAccess'));
    });
    expect(iamFindings(template.toJSON() as TemplateJson)).toEqual([expect.stringMatching(/role \w*ProcessPayment\w* has managed policies .*AmazonDynamoDBFullAccess/)]);
  });

  it('s3:* on * added to a role', () => {
    const { template } = synthSaga({}, (stack) => {
      stack.saga.functions.Notify.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    });
    expect(iamFindings(template.toJSON() as TemplateJson)).toEqual([
      expect.stringMatching(/allows the wildcard action s3:\*/),
      expect.stringMatching(/allows s3:\* on Resource \*/),
    ]);
  });

  it("logs:* and xray:* on * added to the state machine's role", () => {
    const { template } = synthSaga({}, (stack) => {
      stack.saga.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['logs:*', 'xray:*'], resources: ['*'] }));
    });
    expect(iamFindings(template.toJSON() as TemplateJson).length).toBe(4);
  });

  it("a compensation's Retry removed (whichever state plays that role)", () => {
    const definition = JSON.parse(SAGA_DEFINITION_TEMPLATE) as AslDefinition;
    const compensation = buildGraph(definition).nodes.find((n) => n.role === 'compensation' && n.type === 'Task' && n.hasRetry && !n.hasCatch);
    if (!compensation) throw new Error('the definition has no compensation to break');
    delete definition.States[compensation.id]?.Retry;
    const { template } = synthSaga({}, (stack) => {
      (stack.saga.stateMachine.node.defaultChild as CfnStateMachine).definitionString = JSON.stringify(definition);
    });
    expect(rollbackFindings(deployedDefinition(template, ANY_ARN))).toEqual([`compensation ${compensation.id} has no Retry`]);
  });
});
