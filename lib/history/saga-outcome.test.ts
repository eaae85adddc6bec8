import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { readExecution } from './read-execution';
import { TestHistory } from './testing/test-history';

// Deliberately meaningless names: roles and outcomes must come from the graph's shape.
const saga: AslDefinition = {
  StartAt: 'p',
  States: {
    p: { Type: 'Task', Resource: 'fn', Next: 'q' },
    q: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'x' }], Next: 'ok' },
    ok: { Type: 'Succeed' },
    x: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'broken' }], Next: 'undone' },
    undone: { Type: 'Fail', Error: 'RolledBack' },
    broken: { Type: 'Fail', Error: 'CompensationFailed' },
  },
};

function run(build: (h: TestHistory) => void) {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{}' }, 0);
  build(h);
  return readExecution(saga, h.events);
}

describe('saga outcome', () => {
  it('is COMPLETED when the forward path succeeds', () => {
    const r = run((h) => {
      h.task('p');
      h.task('q');
      h.pass('ok', 'Succeed');
      h.add('ExecutionSucceeded', { output: '{}' });
    });
    expect(r.sagaOutcome).toBe('COMPLETED');
    expect(r.states.x?.status).toBe('NOT_RUN');
  });

  it('is COMPENSATED when the compensation ran cleanly, even though the execution ends in a Fail state', () => {
    const r = run((h) => {
      h.task('p');
      h.task('q', { finalError: 'Declined' });
      h.task('x');
      h.add('FailStateEntered', { name: 'undone', input: '{}' });
      h.add('ExecutionFailed', { error: 'RolledBack' });
    });
    expect(r.executionStatus).toBe('FAILED');
    expect(r.sagaOutcome).toBe('COMPENSATED');
    expect(r.states.q?.status).toBe('CAUGHT');
    expect(r.states.x?.status).toBe('SUCCEEDED');
    expect(r.states.x?.role).toBe('compensation');
    expect(r.states.undone?.status).toBe('FAILED');
    expect(r.states.undone?.visits[0]?.error).toBe('RolledBack');
    expect(r.edgesRun).toEqual(['p->q:next', 'q->x:catch', 'x->undone:next']);
  });

  it('is COMPENSATION_FAILED when a compensation task fails, caught or not', () => {
    const r = run((h) => {
      h.task('p');
      h.task('q', { finalError: 'Declined' });
      h.task('x', { finalError: 'Down' });
      h.add('FailStateEntered', { name: 'broken', input: '{}' });
      h.add('ExecutionFailed', { error: 'CompensationFailed' });
    });
    expect(r.states.x?.status).toBe('CAUGHT');
    expect(r.sagaOutcome).toBe('COMPENSATION_FAILED');
  });

  it('is FAILED when the execution failed before any compensation ran', () => {
    const r = run((h) => {
      h.task('p', { finalError: 'Boom', exit: false });
      h.add('ExecutionFailed', { error: 'Boom' });
    });
    expect(r.states.p?.status).toBe('FAILED');
    expect(r.sagaOutcome).toBe('FAILED');
  });

  it('is RUNNING while the compensation is under way', () => {
    const r = run((h) => {
      h.task('p');
      h.task('q', { finalError: 'Declined' });
      h.add('TaskStateEntered', { name: 'x', input: '{}' });
    });
    expect(r.executionStatus).toBe('RUNNING');
    expect(r.sagaOutcome).toBe('RUNNING');
    expect(r.states.x?.status).toBe('RUNNING');
  });

  it('is ABORTED when the execution was stopped', () => {
    const r = run((h) => {
      h.task('p');
      h.add('TaskStateEntered', { name: 'q', input: '{}' });
      h.add('ExecutionAborted', {}, 0);
    });
    expect(r.sagaOutcome).toBe('ABORTED');
    expect(r.states.q?.status).toBe('ABORTED');
  });
});
