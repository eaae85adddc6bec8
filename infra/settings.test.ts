/** Deploy-time settings arrive as CDK context (`-c key=value`) and reach the resources. */
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContextError, sagaPropsFromContext } from './context';
import { synthSaga } from './synth-for-tests';

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

  it('refuses a value it does not know, naming the setting', () => {
    expect(() => sagaPropsFromContext((key) => (key === 'removalPolicy' ? 'keep' : undefined))).toThrow(ContextError);
    expect(() => sagaPropsFromContext((key) => (key === 'logLevel' ? 'all' : undefined))).toThrow(/logLevel=all/);
  });
});
