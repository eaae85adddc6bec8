import { describe, expect, it } from 'vitest';
import { engineConfig, formatCrashPoint, parseCrashPoint } from '@/lib/env';
import type { AwsHistoryEvent } from './aws-events';
import { crashPointMatcher } from './crash-point';

let id = 0;
const ev = (type: string, entered?: string): AwsHistoryEvent => ({
  id: ++id,
  previousEventId: id - 1,
  timestamp: 0,
  type,
  ...(entered ? { stateEnteredEventDetails: { name: entered } } : {}),
});

describe('ENGINE_CRASH_AT', () => {
  it('reads <EventType>:<StateName>[#n][@execution] and refuses anything else by name', () => {
    expect(engineConfig({ ENGINE_CRASH_AT: 'LambdaFunctionStarted:Cancel Order#2@run-1' }).crashAt).toEqual({
      eventType: 'LambdaFunctionStarted',
      stateName: 'Cancel Order',
      occurrence: 2,
      executionName: 'run-1',
    });
    expect(engineConfig({}).crashAt).toBeUndefined();
    const point = { eventType: 'TaskStateExited', stateName: 'Notify', occurrence: 1, executionName: undefined };
    expect(parseCrashPoint(formatCrashPoint(point))).toEqual(point);
    for (const bad of ['TaskStateEntered', 'TaskStateEntered:X#0', 'Task:X@bad name', ':X']) {
      expect(() => engineConfig({ ENGINE_CRASH_AT: bad })).toThrow(/ENGINE_CRASH_AT/);
    }
  });

  it('fires on the nth matching event of the named execution, with Lambda events counted for their state', () => {
    const hits = crashPointMatcher({ eventType: 'LambdaFunctionStarted', stateName: 'Pay', occurrence: 2, executionName: 'a' });
    expect(hits('a', [ev('TaskStateEntered', 'Pay'), ev('LambdaFunctionScheduled'), ev('LambdaFunctionStarted')])).toBe(false);
    expect(hits('b', [ev('TaskStateEntered', 'Pay'), ev('LambdaFunctionStarted')])).toBe(false);
    expect(hits('a', [ev('LambdaFunctionFailed'), ev('LambdaFunctionScheduled')])).toBe(false);
    expect(hits('a', [ev('LambdaFunctionStarted'), ev('LambdaFunctionSucceeded')])).toBe(true);
    expect(hits('a', [ev('TaskStateEntered', 'Other'), ev('LambdaFunctionStarted')])).toBe(false);
  });
});
