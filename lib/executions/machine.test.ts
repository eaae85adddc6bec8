import { describe, expect, it } from 'vitest';
import { machineArnFor, machineNameOf } from './machine';

const saga = 'arn:aws:states:eu-west-1:123456789012:stateMachine:OrderSaga';

describe('machineArnFor', () => {
  it('is the saga when nothing is chosen', () => {
    expect(machineArnFor(undefined, () => saga)).toBe(saga);
  });

  it('resolves a name beside the saga, in its account and Region', () => {
    expect(machineArnFor('FanOut', () => saga)).toBe('arn:aws:states:eu-west-1:123456789012:stateMachine:FanOut');
  });

  it('takes an ARN as it is, without needing the saga', () => {
    const arn = 'arn:aws:states:us-east-1:000000000000:stateMachine:Other';
    expect(machineArnFor(arn, () => { throw new Error('not configured'); })).toBe(arn);
  });
});

describe('machineNameOf', () => {
  it('drops a version or alias suffix', () => {
    expect(machineNameOf(`${saga}:3`)).toBe('OrderSaga');
    expect(machineNameOf(saga)).toBe('OrderSaga');
  });
});
