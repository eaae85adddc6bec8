/** Deploy-time settings arrive as CDK context (`-c key=value`) and reach the resources. */
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContextError, sagaPropsFromContext } from './context';
import { synthSaga } from './testing/synth';

let template: Template;
beforeAll(() => {
  template = synthSaga({ removalPolicy: 'retain', logLevel: 'ERROR', includeExecutionData: 'false' }).template;
});

describe('context settings', () => {
  it('retain keeps the tables and log groups when the stack is destroyed', () => {
    template.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
  });

  it('sets the execution log level and whether execution data is logged', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false },
    });
  });

  it('refuses snapshot, which CloudFormation cannot do for tables or log groups, and says what to use', () => {
    expect(() => sagaPropsFromContext((key) => (key === 'removalPolicy' ? 'snapshot' : undefined))).toThrow(/removalPolicy=snapshot: use one of destroy, retain/);
  });

  it('keeps no fixed log group name that a retained group would clash with on the next deploy', () => {
    const names = Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => (g.Properties as { LogGroupName?: unknown }).LogGroupName);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => n !== undefined)).toEqual([]);
  });

  it('refuses a value it does not know, naming the setting', () => {
    expect(() => sagaPropsFromContext((key) => (key === 'removalPolicy' ? 'keep' : undefined))).toThrow(ContextError);
    expect(() => sagaPropsFromContext((key) => (key === 'logLevel' ? 'all' : undefined))).toThrow(/logLevel=all/);
  });
});
