import { describe, expect, it } from 'vitest';
import {
  EngineUnavailableError,
  ExecutionNotFoundError,
  ExecutionNotRedrivableError,
  InvalidPageTokenError,
  StepFunctionsError,
  ThrottledError,
  errorInfo,
  toStepFunctionsError,
} from './errors';

const named = (name: string, message = 'detail') => Object.assign(new Error(message), { name });

describe('toStepFunctionsError', () => {
  it('reports a dead endpoint as unavailable, naming where, whatever shape Node gives the refusal', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8083'), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused], '');
    for (const error of [refused, aggregate]) {
      const mapped = toStepFunctionsError(error, 'the local engine at http://127.0.0.1:8083');
      expect(mapped).toBeInstanceOf(EngineUnavailableError);
      expect(mapped.message).toBe('Cannot reach the local engine at http://127.0.0.1:8083 (ECONNREFUSED): it is not running, or restarting.');
      expect(mapped.retryable).toBe(true);
    }
  });

  it('maps service errors to their typed classes', () => {
    expect(toStepFunctionsError(named('ExecutionDoesNotExist'))).toBeInstanceOf(ExecutionNotFoundError);
    expect(toStepFunctionsError(named('ThrottlingException'))).toBeInstanceOf(ThrottledError);
    expect(toStepFunctionsError(named('InvalidToken'))).toBeInstanceOf(InvalidPageTokenError);
  });

  it('keeps the service reason when an execution cannot be redriven', () => {
    const mapped = toStepFunctionsError(named('ExecutionNotRedrivable', 'Execution is SUCCEEDED and cannot be redriven'));
    expect(mapped).toBeInstanceOf(ExecutionNotRedrivableError);
    expect(mapped.message).toBe('This execution cannot be redriven: Execution is SUCCEEDED and cannot be redriven');
  });

  it('keeps only the first line of an unknown service message: no stacks in banners', () => {
    const error = named('ValidationException', 'bad name\n    at Foo (/srv/x.js:1:1)');
    const mapped = toStepFunctionsError(error);
    expect(mapped).toBeInstanceOf(StepFunctionsError);
    expect(mapped.message).toBe('Step Functions rejected the request: ValidationException: bad name');
  });
});

describe('errorInfo', () => {
  it('passes configuration errors through with their own message', () => {
    expect(errorInfo(named('ConfigError', 'Invalid environment: SFN_ENDPOINT: Invalid URL'))).toEqual({
      kind: 'ConfigError',
      message: 'Invalid environment: SFN_ENDPOINT: Invalid URL',
      retryable: false,
    });
  });
});
