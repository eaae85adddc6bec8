import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { GENERATED_HISTORY_DEFINITION, generateHistory } from './testing/generate-history';
import { readExecution, readExecutionDetail } from './read-execution';
import { TestHistory } from './testing/test-history';

const def: AslDefinition = {
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Undo' }],
      Next: 'Done',
    },
    Undo: { Type: 'Pass', End: true },
    Done: { Type: 'Succeed' },
  },
};

/** TestHistory stamps event n at 1_700_000_000_000 + n s. */
const at = (id: number) => 1_700_000_000_000 + id * 1000;

describe('readExecution: tries with their times, parameters and result', () => {
  it('times every try, so the gap between a failure and the next try is the backoff', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('TaskStateEntered', { name: 'Work', input: '{"a":1}' }); // 2
    h.add('TaskScheduled', { parameters: '{"Payload":{"a":1}}' }); // 3
    h.add('TaskStarted'); // 4
    h.add('TaskFailed', { error: 'Busy', cause: 'later' }); // 5
    h.add('TaskScheduled', { parameters: '{"Payload":{"a":2}}' }, 5, new Date(at(9))); // 6, after a 4 s backoff
    h.add('TaskStarted', undefined, 6, new Date(at(10)));
    h.add('TaskSucceeded', { output: '{"Payload":{"ok":true}}' }, 7, new Date(at(11)));
    h.add('TaskStateExited', { name: 'Work', output: '{"a":1,"r":true}' }, 8, new Date(at(12)));
    const visit = readExecution(def, h.events).states.Work?.visits[0];
    expect(visit?.tries).toEqual([
      { startedAt: at(3), endedAt: at(5), outcome: 'FAILED', error: 'Busy' },
      { startedAt: at(9), endedAt: at(11), outcome: 'SUCCEEDED' },
    ]);
    expect(visit?.parameters).toEqual({ Payload: { a: 2 } });
    expect(visit?.result).toEqual({ Payload: { ok: true } });
  });

  it('reads a Lambda-by-ARN call: its input is the resolved parameters', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('LambdaFunctionScheduled', { resource: 'fn', input: '{"payload":{}}' });
    h.add('LambdaFunctionStarted');
    h.add('LambdaFunctionSucceeded', { output: '{"done":1}' });
    h.add('TaskStateExited', { name: 'Work', output: '{}' });
    const visit = readExecution(def, h.events).states.Work?.visits[0];
    expect(visit).toMatchObject({ parameters: { payload: {} }, result: { done: 1 } });
    expect(visit?.tries).toHaveLength(1);
  });

  it('ends a try still running when the execution stops, and leaves states without tries alone', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('TaskScheduled', { parameters: '{}' });
    h.add('ExecutionAborted', {}); // 4
    const r = readExecution(def, h.events);
    expect(r.states.Work?.visits[0]?.tries).toEqual([{ startedAt: at(3), endedAt: at(4), outcome: 'ABORTED' }]);
    expect(r.states.Undo?.visits).toEqual([]);
  });

  it('a running try stays open while the execution runs', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('TaskScheduled', { parameters: '{}' });
    const visit = readExecution(def, h.events).states.Work?.visits[0];
    expect(visit?.tries).toEqual([{ startedAt: at(3), outcome: 'RUNNING' }]);
  });
});

describe('readExecutionDetail: where each event belongs', () => {
  it('places task events on their visit and execution events nowhere', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.task('Work', { finalError: 'Boom', exit: false });
    h.add('TaskStateExited', { name: 'Work', output: '{}' });
    h.pass('Undo');
    h.add('ExecutionSucceeded', { output: '{}' });
    const { places } = readExecutionDetail(def, h.events);
    expect(places.map((p) => p?.state)).toEqual([
      undefined,
      'Work',
      'Work',
      'Work',
      'Work',
      'Work',
      'Undo',
      'Undo',
      undefined,
    ]);
  });

  it('places Map iteration events on the Map and nested events on their iteration visit', () => {
    const events = generateHistory(200);
    const { reading, places } = readExecutionDetail(GENERATED_HISTORY_DEFINITION, events);
    const iterationStarts = events.flatMap((e, i) => (e.type === 'MapIterationStarted' ? [places[i]] : []));
    expect(new Set(iterationStarts.map((p) => p?.state))).toEqual(new Set(['ProcessOrders']));
    // The 2nd Charge visit's events all point at visit 1 of Charge.
    const charge = events.flatMap((e, i) => (places[i]?.state === 'Charge' && places[i]?.visit === 1 ? [e.type] : []));
    expect(charge).toEqual(['TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited']);
    expect(places).toHaveLength(events.length);
    expect(reading.eventCount).toBe(200);
  });
});
