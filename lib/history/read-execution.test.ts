import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { readExecution } from './read-execution';
import { TestHistory } from './testing/test-history';

const linear: AslDefinition = {
  StartAt: 'Work',
  States: {
    Work: { Type: 'Task', Resource: 'fn', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }], Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 5, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

const started = () => {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{"orderId":"o-1"}' }, 0);
  return h;
};

describe('readExecution: tries, times and values', () => {
  it('counts retries as tries of one visit', () => {
    const h = started();
    h.task('Work', { failures: 2 });
    const r = readExecution(linear, h.events);
    expect(r.states.Work).toMatchObject({ status: 'SUCCEEDED', attempts: 3 });
    expect(r.states.Work?.visits).toHaveLength(1);
  });

  it('counts a try that could not be scheduled, and keeps its error', () => {
    const h = started();
    h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('LambdaFunctionScheduleFailed', { error: 'Lambda.ResourceNotFound', cause: 'no such function' });
    h.add('LambdaFunctionScheduleFailed', { error: 'Lambda.ResourceNotFound', cause: 'no such function' });
    h.add('ExecutionFailed', { error: 'Lambda.ResourceNotFound' });
    const work = readExecution(linear, h.events).states.Work;
    expect(work).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(work?.visits[0]).toMatchObject({ error: 'Lambda.ResourceNotFound', cause: 'no such function' });
  });

  it('reads Date, epoch-second and ISO timestamps into epoch ms, with durations', () => {
    const h = started();
    h.add('TaskStateEntered', { name: 'Work' }, 1, 1_700_000_000);
    h.add('TaskScheduled', { resource: 'invoke' }, 2, '2023-11-14T22:13:21.000Z');
    h.add('TaskSucceeded', { output: '{}' }, 3, 1_700_000_001_500);
    h.add('TaskStateExited', { name: 'Work', output: '{"total":3}' }, 4, new Date(1_700_000_002_000));
    const r = readExecution(linear, h.events);
    expect(r.states.Work).toMatchObject({ enteredAt: 1_700_000_000_000, exitedAt: 1_700_000_002_000, durationMs: 2000 });
    expect(r.states.Work?.visits[0]?.output).toEqual({ total: 3 });
    expect(r.input).toEqual({ orderId: 'o-1' });
    expect(r.startedAt).toBe(1_700_000_001_000);
  });

  it('reads a failed try that exits as CAUGHT, before the handler is even entered', () => {
    const def: AslDefinition = {
      StartAt: 'Work',
      States: {
        Work: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handler' }], End: true },
        Handler: { Type: 'Pass', End: true },
      },
    };
    const h = started();
    h.task('Work', { finalError: 'Boom' });
    expect(readExecution(def, h.events).states.Work?.status).toBe('CAUGHT');
  });

  it('treats unreadable timestamps as unknown, not as 1970', () => {
    const h = started();
    h.add('PassStateEntered', { name: 'Work' }, 1, 'timestamp');
    expect(readExecution(linear, h.events).states.Work?.enteredAt).toBeUndefined();
  });

  it('keeps JSONata assigned variables, parsed', () => {
    const h = started();
    h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('TaskStateExited', { name: 'Work', output: '{}', assignedVariables: { total: '42', who: '"ann"' } });
    expect(readExecution(linear, h.events).states.Work?.visits[0]?.assignedVariables).toEqual({ total: 42, who: 'ann' });
  });

  it('marks the state ExecutionFailed points at as FAILED even without a failure event (States.Runtime)', () => {
    const h = started();
    const entered = h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('ExecutionFailed', { error: 'States.Runtime', cause: 'bad path' }, entered);
    const r = readExecution(linear, h.events);
    expect(r.states.Work?.status).toBe('FAILED');
    expect(r).toMatchObject({ executionStatus: 'FAILED', error: 'States.Runtime', cause: 'bad path' });
  });

  it('cuts the running state short on a timeout', () => {
    const h = started();
    h.task('Work');
    h.add('WaitStateEntered', { name: 'Pause', input: '{}' });
    h.add('ExecutionTimedOut', { error: 'States.Timeout' });
    const r = readExecution(linear, h.events);
    expect(r.executionStatus).toBe('TIMED_OUT');
    expect(r.states.Pause?.status).toBe('ABORTED');
    expect(r.sagaOutcome).toBe('FAILED');
  });

  it('lets a redriven run replace the failed visit, and reopens the execution', () => {
    const h = started();
    h.task('Work', { finalError: 'Boom', exit: false });
    h.add('ExecutionFailed', { error: 'Boom' });
    h.add('ExecutionRedriven', { redriveCount: 1 });
    const whileRedriving = readExecution(linear, h.events);
    expect(whileRedriving.executionStatus).toBe('RUNNING');
    expect(whileRedriving.redriveCount).toBe(1);
    h.task('Work');
    h.pass('Pause', 'Wait');
    h.pass('Done', 'Succeed');
    h.add('ExecutionSucceeded', { output: '{}' });
    const r = readExecution(linear, h.events);
    expect(r.executionStatus).toBe('SUCCEEDED');
    expect(r.states.Work?.status).toBe('SUCCEEDED');
    expect(r.states.Work?.visits.map((v) => v.status)).toEqual(['FAILED', 'SUCCEEDED']);
  });

  it('ignores unknown event types and states the definition does not have', () => {
    const h = started();
    h.add('QuantumStateEntangled', { name: 'Work' });
    h.add('TaskStateEntered', { name: 'Ghost', input: '{}' });
    h.add('TaskScheduled', { resource: 'x' });
    h.add('TaskStateExited', { name: 'Ghost' });
    h.task('Work');
    const r = readExecution(linear, h.events);
    expect(r.states.Ghost).toBeUndefined();
    expect(r.states.Work).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    expect(r.eventCount).toBe(h.events.length);
  });

  it('reads an empty history as a running execution with nothing run', () => {
    const r = readExecution(linear, []);
    expect(r.executionStatus).toBe('RUNNING');
    expect(Object.values(r.states).map((s) => s.status)).toEqual(['NOT_RUN', 'NOT_RUN', 'NOT_RUN']);
  });
});
