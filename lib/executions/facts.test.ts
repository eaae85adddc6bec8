import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '@/lib/asl/types';
import { TestHistory } from '../history/testing/test-history';
import { factsOf } from './facts';

// Same shape as the saga: forward tasks, a compensation behind a Catch, Fail states at the end.
const saga: AslDefinition = {
  StartAt: 'Order',
  States: {
    Order: { Type: 'Task', Resource: 'fn', Next: 'Pay' },
    Pay: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Refund' }], Next: 'Done' },
    Done: { Type: 'Succeed' },
    Refund: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Broken' }], Next: 'RolledBack' },
    RolledBack: { Type: 'Fail', Error: 'SagaRolledBack' },
    Broken: { Type: 'Fail', Error: 'CompensationFailed' },
  },
};

function history(build: (h: TestHistory) => void): TestHistory {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{}' }, 0);
  build(h);
  return h;
}

describe('factsOf', () => {
  it('a clean success: COMPLETED, no step to point at, the stop time', () => {
    const h = history((h) => {
      h.task('Order');
      h.task('Pay');
      h.pass('Done', 'Succeed');
      h.add('ExecutionSucceeded', { output: '{}' });
    });
    const facts = factsOf(saga, h.events);
    expect(facts).toEqual({ status: 'SUCCEEDED', outcome: 'COMPLETED', stoppedAt: 1_700_000_000_000 + h.events.length * 1000 });
  });

  it('a rollback blames the forward step that failed, not the Fail state it ends in', () => {
    const h = history((h) => {
      h.task('Order');
      h.task('Pay', { finalError: 'Declined' });
      h.task('Refund');
      h.add('FailStateEntered', { name: 'RolledBack', input: '{}' });
      h.add('ExecutionFailed', { error: 'SagaRolledBack' });
    });
    expect(factsOf(saga, h.events)).toMatchObject({ status: 'FAILED', outcome: 'COMPENSATED', step: { name: 'Pay', status: 'CAUGHT' } });
  });

  it('a broken compensation still blames the first failure', () => {
    const h = history((h) => {
      h.task('Order');
      h.task('Pay', { finalError: 'Declined' });
      h.task('Refund', { finalError: 'Down' });
      h.add('FailStateEntered', { name: 'Broken', input: '{}' });
      h.add('ExecutionFailed', { error: 'CompensationFailed' });
    });
    expect(factsOf(saga, h.events)).toMatchObject({ outcome: 'COMPENSATION_FAILED', step: { name: 'Pay' } });
  });

  it('an uncaught failure blames its task', () => {
    const h = history((h) => {
      h.task('Order', { finalError: 'Boom', exit: false });
      h.add('ExecutionFailed', { error: 'Boom' });
    });
    expect(factsOf(saga, h.events)).toMatchObject({ outcome: 'FAILED', step: { name: 'Order', status: 'FAILED' } });
  });

  it('a running execution points at its current step and has no stop time', () => {
    const h = history((h) => {
      h.task('Order');
      h.add('TaskStateEntered', { name: 'Pay', input: '{}' });
    });
    const facts = factsOf(saga, h.events);
    expect(facts).toEqual({ status: 'RUNNING', outcome: 'RUNNING', step: { name: 'Pay', status: 'RUNNING' } });
  });

  it('a stopped execution points at the step it was stopped in', () => {
    const h = history((h) => {
      h.task('Order');
      h.add('TaskStateEntered', { name: 'Pay', input: '{}' });
      h.add('ExecutionAborted', {});
    });
    expect(factsOf(saga, h.events)).toMatchObject({ status: 'ABORTED', outcome: 'ABORTED', step: { name: 'Pay', status: 'ABORTED' } });
  });

  it('inside a Parallel, names the failing branch state rather than the container', () => {
    const def: AslDefinition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Left', States: { Left: { Type: 'Task', Resource: 'fn', End: true } } }],
          End: true,
        },
      },
    };
    const h = history((h) => {
      h.add('ParallelStateEntered', { name: 'Both', input: '{}' });
      h.add('ParallelStateStarted');
      h.task('Left', { finalError: 'Boom', exit: false });
      h.add('ParallelStateFailed', { error: 'Boom' });
      h.add('ExecutionFailed', { error: 'Boom' });
    });
    expect(factsOf(def, h.events).step).toEqual({ name: 'Left', status: 'FAILED' });
  });
});
