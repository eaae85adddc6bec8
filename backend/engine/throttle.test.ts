import { describe, expect, it } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  it('is off unless told how often to throttle', () => {
    const throttle = createThrottle(undefined);
    expect(Array.from({ length: 10 }, () => throttle.shouldThrottle('GetExecutionHistory'))).not.toContain(true);
  });

  it('refuses every Nth call of each polled read, counting each operation on its own', () => {
    const throttle = createThrottle(3);
    const history = Array.from({ length: 6 }, () => throttle.shouldThrottle('GetExecutionHistory'));
    const described = Array.from({ length: 3 }, () => throttle.shouldThrottle('DescribeExecution'));
    expect(history).toEqual([false, false, true, false, false, true]);
    expect(described).toEqual([false, false, true]);
  });

  it('refuses starts too, as AWS meters StartExecution, counted on their own', () => {
    const throttle = createThrottle(2);
    expect(throttle.shouldThrottle('GetExecutionHistory')).toBe(false);
    expect(Array.from({ length: 4 }, () => throttle.shouldThrottle('StartExecution'))).toEqual([false, true, false, true]);
  });

  it('never throttles other writes or other reads', () => {
    const throttle = createThrottle(1);
    for (const operation of ['StopExecution', 'CreateStateMachine', 'ListExecutions', 'DescribeStateMachineForExecution'] as const) {
      expect(throttle.shouldThrottle(operation)).toBe(false);
    }
    expect(throttle.shouldThrottle('DescribeExecution')).toBe(true);
  });
});
