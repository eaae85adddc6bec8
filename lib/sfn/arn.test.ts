import { describe, expect, it } from 'vitest';
import { executionArnFor, isValidExecutionName } from './arn';

describe('execution ARNs', () => {
  const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderSaga';

  it('rebuilds an execution ARN from the machine and the name in the URL', () => {
    const arn = executionArnFor(machine, 'fail-payment--ord-1');
    expect(arn).toBe('arn:aws:states:us-east-1:000000000000:execution:OrderSaga:fail-payment--ord-1');
  });

  it('drops a version suffix and refuses what is not a state machine ARN', () => {
    expect(executionArnFor(`${machine}:3`, 'x')).toBe('arn:aws:states:us-east-1:000000000000:execution:OrderSaga:x');
    expect(() => executionArnFor('arn:aws:lambda:us-east-1:0:function:f', 'x')).toThrow(/Not a state machine ARN/);
  });

  it('accepts only names Step Functions accepts', () => {
    expect(isValidExecutionName('happy--ord-abc_1')).toBe(true);
    expect(isValidExecutionName('../etc/passwd')).toBe(false);
    expect(isValidExecutionName('x'.repeat(81))).toBe(false);
    expect(isValidExecutionName('x'.repeat(80))).toBe(true);
  });

  it('accepts every name Step Functions does: dots, unicode; refuses its forbidden characters', () => {
    for (const name of ['dot.name-x1', 'bestellung-über-größe', '注文-1', 'emoji-🚀', "it's+fine=ok!@"]) {
      expect(isValidExecutionName(name), name).toBe(true);
    }
    for (const name of ['', 'a b', 'a/b', 'a:b', 'a#b', 'a%b', 'a?b', 'a<b>', 'tab\there', 'nul\u0000', 'lone\ud800', '.', '..']) {
      expect(isValidExecutionName(name), JSON.stringify(name)).toBe(false);
    }
  });
});
