import { describe, expect, it } from 'vitest';
import { hasEnded } from './types';

const history = (...types: string[]) => types.map((type) => ({ type }));

describe('hasEnded', () => {
  it('is false while running and true after a terminal event', () => {
    expect(hasEnded(history())).toBe(false);
    expect(hasEnded(history('ExecutionStarted', 'TaskStateEntered'))).toBe(false);
    expect(hasEnded(history('ExecutionStarted', 'ExecutionFailed'))).toBe(true);
    expect(hasEnded(history('ExecutionStarted', 'ExecutionAborted'))).toBe(true);
  });

  it('reopens at a redrive, and closes again at the next terminal event', () => {
    const redriven = history('ExecutionStarted', 'ExecutionFailed', 'ExecutionRedriven', 'TaskStateEntered');
    expect(hasEnded(redriven)).toBe(false);
    expect(hasEnded([...redriven, { type: 'ExecutionSucceeded' }])).toBe(true);
  });
});
