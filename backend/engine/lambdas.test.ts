import { describe, expect, it } from 'vitest';
import { describeFailure, functionNameOf, LambdaRegistry } from './lambdas';

describe('LambdaRegistry', () => {
  it('finds a function by full ARN, partial ARN, name, or qualified name', async () => {
    const registry = new LambdaRegistry();
    registry.register('arn:aws:lambda:us-east-1:000000000000:function:saga-notify', async () => 'sent');
    for (const ref of ['arn:aws:lambda:us-east-1:000000000000:function:saga-notify', '000000000000:function:saga-notify', 'saga-notify', 'saga-notify:$LATEST']) {
      expect(await registry.resolve(ref)?.fn({}), ref).toBe('sent');
    }
    expect(registry.resolve('other')).toBeUndefined();
    expect(() => registry.register('saga-notify', async () => 1)).toThrow(/Not a Lambda function ARN/);
    expect(functionNameOf('not a name!')).toBeUndefined();
  });
});

describe('describeFailure', () => {
  it('reports the error type Retry/Catch match and a Node-runtime-shaped cause', () => {
    class TransientError extends Error {
      override name = 'TransientError';
    }
    const failure = describeFailure(new TransientError('try again'));
    expect(failure.errorType).toBe('TransientError');
    expect(JSON.parse(failure.cause)).toMatchObject({ errorType: 'TransientError', errorMessage: 'try again', trace: expect.any(Array) });
    expect(describeFailure('plain string').errorType).toBe('Error');
  });
});
