import { describe, expect, it } from 'vitest';
import { parseStatesArn, statesArn } from './arn';

describe('Step Functions ARNs', () => {
  it('splits a state machine ARN, keeping a version suffix apart from the name', () => {
    expect(parseStatesArn('arn:aws-cn:states:cn-north-1:123456789012:stateMachine:OrderSaga:3')).toEqual({
      partition: 'aws-cn',
      region: 'cn-north-1',
      accountId: '123456789012',
      kind: 'stateMachine',
      name: 'OrderSaga',
      qualifier: ['3'],
    });
  });

  it('reads an execution ARN as its machine name and execution name', () => {
    const arn = parseStatesArn('arn:aws:states:us-east-1:000000000000:execution:OrderSaga:happy--ord-1');
    expect(arn).toMatchObject({ kind: 'execution', name: 'OrderSaga', qualifier: ['happy--ord-1'] });
  });

  it.each([['OrderSaga'], ['arn:aws:lambda:us-east-1:0:function:f'], ['arn:aws:states:us-east-1:0:stateMachine'], ['']])(
    'refuses %j',
    (arn) => {
      expect(parseStatesArn(arn)).toBeUndefined();
    },
  );

  it('builds an ARN beside another, in its partition, Region and account', () => {
    const machine = parseStatesArn('arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:OrderSaga');
    expect(machine && statesArn(machine, ['execution', machine.name, 'x'])).toBe(
      'arn:aws-us-gov:states:us-gov-west-1:123456789012:execution:OrderSaga:x',
    );
  });
});
