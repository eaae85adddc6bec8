import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertValidName, executionArn, parseExecutionArn } from './arn';
import { SfnError } from './errors';
import { assertSupportedNode } from './node-version';
import { PageTokens, pageSize } from './pagination';
import { parseRequest } from './protocol';
import { parseParams } from './requests';

const typeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof SfnError ? error.type : `not an SfnError: ${String(error)}`;
  }
  return 'no error';
};

describe('parseRequest (the AWS JSON 1.0 envelope)', () => {
  it('reads the operation from x-amz-target and the params from the body', () => {
    expect(parseRequest('POST', '/', 'AWSStepFunctions.DescribeExecution', '{"executionArn":"x"}')).toEqual({
      operation: 'DescribeExecution',
      params: { executionArn: 'x' },
    });
    expect(parseRequest('POST', '/', 'AWSStepFunctions.ListStateMachines', '')).toEqual({ operation: 'ListStateMachines', params: {} });
  });

  it('refuses other methods, paths, foreign or unknown targets, and bodies that are not JSON objects', () => {
    expect(typeOf(() => parseRequest('GET', '/', 'AWSStepFunctions.ListStateMachines', ''))).toBe('UnknownOperationException');
    expect(typeOf(() => parseRequest('POST', '/x', 'AWSStepFunctions.ListStateMachines', ''))).toBe('UnknownOperationException');
    expect(typeOf(() => parseRequest('POST', '/', undefined, '{}'))).toBe('UnknownOperationException');
    expect(typeOf(() => parseRequest('POST', '/', 'DynamoDB_20120810.GetItem', '{}'))).toBe('UnknownOperationException');
    expect(typeOf(() => parseRequest('POST', '/', 'AWSStepFunctions.SendTaskSuccess', '{}'))).toBe('UnknownOperationException');
    expect(typeOf(() => parseRequest('POST', '/', 'AWSStepFunctions.ListStateMachines', '{"a":'))).toBe('SerializationException');
    expect(typeOf(() => parseRequest('POST', '/', 'AWSStepFunctions.ListStateMachines', '[1]'))).toBe('SerializationException');
  });
});

describe('parseParams', () => {
  it('names the offending field in a ValidationException', () => {
    expect(() => parseParams('GetExecutionHistory', { executionArn: 'a', maxResults: 1001 })).toThrow(/maxResults/);
    expect(() => parseParams('DescribeExecution', {})).toThrow(/executionArn/);
    expect(typeOf(() => parseParams('ListExecutions', { stateMachineArn: 'a', statusFilter: 'DONE' }))).toBe('ValidationException');
  });

  it('passes well-formed parameters through typed', () => {
    expect(parseParams('StopExecution', { executionArn: 'a', error: 'E' })).toEqual({ executionArn: 'a', error: 'E' });
  });
});

describe('ARNs and names', () => {
  const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderSaga';

  it('builds and parses execution ARNs', () => {
    const arn = executionArn(machine, 'run-1');
    expect(arn).toBe('arn:aws:states:us-east-1:000000000000:execution:OrderSaga:run-1');
    expect(parseExecutionArn(arn)).toMatchObject({ stateMachineArn: machine, name: 'run-1' });
    expect(typeOf(() => parseExecutionArn(machine))).toBe('InvalidArn');
    expect(typeOf(() => parseExecutionArn('arn:aws:states:us-east-1:000000000000:execution:OrderSaga'))).toBe('InvalidArn');
  });

  it('applies AWS naming rules', () => {
    expect(() => assertValidName('ok-name_1')).not.toThrow();
    for (const bad of ['', 'a b', 'a/b', 'a:b', 'x'.repeat(81), 'tab\there']) expect(typeOf(() => assertValidName(bad))).toBe('InvalidName');
  });
});

describe('pagination tokens', () => {
  const tokens = new PageTokens(randomBytes(32));

  it('round-trip for the same query and are refused for another', () => {
    const token = tokens.encode('history|a|false', [42]);
    expect(tokens.decode(token, 'history|a|false')).toEqual([42]);
    expect(typeOf(() => tokens.decode(token, 'history|b|false'))).toBe('InvalidToken');
    expect(typeOf(() => tokens.decode('%%%', 'history|a|false'))).toBe('InvalidToken');
    expect(tokens.decode(undefined, 'q')).toBeUndefined();
  });

  it('refuse forged and altered tokens, and tokens signed with another key', () => {
    const forged = Buffer.from(JSON.stringify({ q: 'history|a|false', c: [1] })).toString('base64url');
    expect(typeOf(() => tokens.decode(forged, 'history|a|false'))).toBe('InvalidToken');
    const [payload, signature] = tokens.encode('history|a|false', [42]).split('.');
    const altered = Buffer.from(JSON.stringify({ q: JSON.parse(Buffer.from(payload!, 'base64url').toString()).q, c: [1] })).toString('base64url');
    expect(typeOf(() => tokens.decode(`${altered}.${signature}`, 'history|a|false'))).toBe('InvalidToken');
    const other = new PageTokens(randomBytes(32)).encode('history|a|false', [42]);
    expect(typeOf(() => tokens.decode(other, 'history|a|false'))).toBe('InvalidToken');
  });

  it('defaults the page size to 100 when maxResults is absent or 0', () => {
    expect([pageSize(undefined), pageSize(0), pageSize(7)]).toEqual([100, 100, 7]);
  });
});

describe('Node version guard', () => {
  it('refuses Node 20, where every Task would silently fail', () => {
    expect(() => assertSupportedNode('20.19.0')).toThrow(/Node.js 22 or newer/);
    expect(() => assertSupportedNode('24.1.0')).not.toThrow();
  });
});
