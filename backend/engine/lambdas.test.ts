import { describe, expect, it } from 'vitest';
import { describeFailure, functionNameOf, functionNotFound, LambdaRegistry } from './lambdas';

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

  it('traces the handler\'s own frames only, with Lambda\'s /var/task paths', () => {
    const error = new Error('boom');
    error.stack = [
      'Error: boom',
      `    at handler (file://${process.cwd()}/backend/saga/lambda/notify.ts:5:11)`,
      `    at Object.run (${process.cwd()}/backend/engine/task-handlers.ts:90:24)`,
      `    at StateExecutor.execute (file://${process.cwd()}/node_modules/aws-local-stepfunctions/build/main.node.esm.js:2526:7)`,
      '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
    ].join('\n');
    const cause = JSON.parse(describeFailure(error).cause) as { trace: string[] };
    expect(cause.trace).toEqual(['Error: boom', '    at handler (file:///var/task/backend/saga/lambda/notify.ts:5:11)']);
    expect(JSON.stringify(cause)).not.toContain(process.cwd());
  });

  it('says "Function not found" as Lambda does, with the qualified ARN', () => {
    const missing = functionNotFound('ghost', 'eu-west-1');
    expect(missing.errorType).toBe('Lambda.ResourceNotFoundException');
    expect(missing.cause).toMatch(/^Function not found: arn:aws:lambda:eu-west-1:000000000000:function:ghost:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    expect(functionNotFound('arn:aws:lambda:us-east-1:123456789012:function:f:prod', 'x').cause).toContain('function:f:prod (Service');
  });
});
