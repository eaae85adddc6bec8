import { describe, expect, it } from 'vitest';
import { buildGraph } from '../asl/graph';
import type { AslDefinition } from '../asl/types';
import { readExecution } from './read-execution';
import { redrivePlan } from './redrive-plan';
import { stillToUndo } from './still-to-undo';
import { TestHistory } from './testing/test-history';

// The saga's recovery shape with meaningless names: a forward failure is caught into the
// compensations, which retry but are NOT caught, so an exhausted one fails the execution
// right there and a redrive resumes at it.
const RETRY = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }];
const saga: AslDefinition = {
  StartAt: 'a',
  States: {
    a: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'ua' }], Next: 'b' },
    b: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'ub' }], Next: 'c' },
    c: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'uc' }], Next: 'done' },
    done: { Type: 'Succeed' },
    uc: { Type: 'Task', Resource: 'fn', Retry: RETRY, Next: 'ub' },
    ub: { Type: 'Task', Resource: 'fn', Retry: RETRY, Next: 'ua' },
    ua: { Type: 'Task', Resource: 'fn', Retry: RETRY, Next: 'tell' },
    tell: { Type: 'Task', Resource: 'fn', Retry: RETRY, Next: 'undone' },
    undone: { Type: 'Fail', Error: 'RolledBack' },
  },
};
const graph = buildGraph(saga);

const start = () => {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{}' }, 0);
  return h;
};

/** c fails and is caught; uc fails all 3 tries, uncaught: the execution FAILS in uc. */
function compensationFails(): TestHistory {
  const h = start();
  h.task('a');
  h.task('b');
  h.task('c', { finalError: 'Declined' });
  h.task('uc', { failures: 2, finalError: 'ProviderDown', exit: false });
  h.add('ExecutionFailed', { error: 'ProviderDown', cause: '{"errorMessage":"no"}' });
  return h;
}

const read = (h: TestHistory) => readExecution(saga, h.events, graph);

describe('a compensation left uncaught, then redriven', () => {
  it('reads COMPENSATION_FAILED, lists what is still to undo, and plans to resume at the failed compensation', () => {
    const r = read(compensationFails());
    expect(r.executionStatus).toBe('FAILED');
    expect(r.sagaOutcome).toBe('COMPENSATION_FAILED');
    expect(r.states.uc).toMatchObject({ status: 'FAILED', attempts: 3, role: 'compensation' });
    expect(stillToUndo(graph, r)).toEqual({
      failed: { state: 'uc', error: 'ProviderDown', cause: '{"errorMessage":"no"}', attempts: 3 },
      // Undo steps are what a Catch leads to: the report after them (tell) and the Fail state are no work left.
      remaining: ['ub', 'ua'],
    });
    expect(redrivePlan(graph, r)).toEqual({ redrivable: true, resumesAt: 'uc', path: ['ub', 'ua', 'tell', 'undone'] });
  });

  it.each([
    ['continuing the failed visit (local engine)', false],
    ['entering it again (AWS)', true],
  ])('reads COMPENSATED after a redrive that succeeds, %s, and offers no second redrive', (_shape, reenter) => {
    const h = compensationFails();
    h.add('ExecutionRedriven', { redriveCount: 1 });
    if (reenter) h.task('uc');
    else {
      h.add('LambdaFunctionScheduled', { resource: 'fn' });
      h.add('LambdaFunctionStarted');
      h.add('LambdaFunctionSucceeded', { output: '{}' });
      h.add('TaskStateExited', { name: 'uc', output: '{}' });
    }
    h.task('ub');
    h.task('ua');
    h.task('tell');
    h.add('FailStateEntered', { name: 'undone', input: '{}' });
    h.add('ExecutionFailed', { error: 'RolledBack' });
    const r = read(h);
    expect(r.sagaOutcome).toBe('COMPENSATED');
    expect(r.states.uc).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    expect(r.states.uc?.visits.map((v) => v.status)).toEqual(['FAILED', 'SUCCEEDED']);
    expect(stillToUndo(graph, r)).toBeUndefined();
    expect(redrivePlan(graph, r)).toEqual({ redrivable: false, reason: expect.stringMatching(/Fail state undone.*fail at once/) });
  });

  it('lists only the compensations not yet done when a later one fails', () => {
    const h = start();
    h.task('a');
    h.task('b');
    h.task('c', { finalError: 'Declined' });
    h.task('uc');
    h.task('ub', { failures: 2, finalError: 'Locked', exit: false });
    h.add('ExecutionFailed', { error: 'Locked' });
    const r = read(h);
    expect(stillToUndo(graph, r)).toMatchObject({ failed: { state: 'ub', error: 'Locked' }, remaining: ['ua'] });
    expect(redrivePlan(graph, r)).toMatchObject({ resumesAt: 'ub', path: ['ua', 'tell', 'undone'] });
  });

  it('has nothing to undo when the rollback succeeded or the saga completed', () => {
    const h = start();
    h.task('a');
    h.task('b', { finalError: 'Declined' });
    h.task('ub');
    h.task('ua');
    h.task('tell');
    h.add('FailStateEntered', { name: 'undone', input: '{}' });
    h.add('ExecutionFailed', { error: 'RolledBack' });
    expect(read(h).sagaOutcome).toBe('COMPENSATED');
    expect(stillToUndo(graph, read(h))).toBeUndefined();
  });
});

describe('redrivePlan', () => {
  it('refuses running and succeeded executions with AWS\'s reason', () => {
    const h = start();
    h.task('a');
    expect(redrivePlan(graph, read(h))).toEqual({ redrivable: false, reason: 'Execution is RUNNING and cannot be redriven' });
    h.task('b');
    h.task('c');
    h.pass('done', 'Succeed');
    h.add('ExecutionSucceeded', { output: '{}' });
    expect(redrivePlan(graph, read(h))).toEqual({ redrivable: false, reason: 'Execution is SUCCEEDED and cannot be redriven' });
  });

  it('resumes an aborted run at the state it stopped in, then the forward path', () => {
    const h = start();
    h.task('a');
    h.task('b', { exit: false });
    h.events.pop();
    h.add('ExecutionAborted', {}, 0);
    expect(redrivePlan(graph, read(h))).toEqual({ redrivable: true, resumesAt: 'b', path: ['c', 'done'] });
  });

  it('resumes a timed-out run at the state the timeout cut', () => {
    const h = start();
    h.task('a');
    h.add('TaskStateEntered', { name: 'b', input: '{}' });
    h.add('ExecutionTimedOut', { error: 'States.Timeout' }, 0);
    expect(redrivePlan(graph, read(h))).toMatchObject({ resumesAt: 'b', path: ['c', 'done'] });
  });

  it('resumes at the start when the run failed before entering any state', () => {
    const h = start();
    h.add('ExecutionAborted', {}, 0);
    expect(redrivePlan(graph, read(h))).toEqual({ redrivable: true, resumesAt: 'a', path: ['b', 'c', 'done'] });
  });

  it('refuses a run that failed at a Fail state reached through a Catch (the old compensation-failure shape)', () => {
    const caught: AslDefinition = {
      StartAt: 'x',
      States: {
        x: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'ux' }], End: true },
        ux: { Type: 'Task', Resource: 'fn', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'stuck' }], Next: 'rolled' },
        rolled: { Type: 'Fail' },
        stuck: { Type: 'Fail', Error: 'Stuck' },
      },
    };
    const h = start();
    h.task('x', { finalError: 'Declined' });
    h.task('ux', { finalError: 'Down' });
    h.add('FailStateEntered', { name: 'stuck', input: '{}' });
    h.add('ExecutionFailed', { error: 'Stuck' });
    const g = buildGraph(caught);
    const r = readExecution(caught, h.events, g);
    expect(r.sagaOutcome).toBe('COMPENSATION_FAILED');
    expect(redrivePlan(g, r)).toMatchObject({ redrivable: false, reason: expect.stringContaining('Fail state stuck') });
    expect(stillToUndo(g, r)).toEqual({ failed: { state: 'ux', error: 'Down', cause: '{"errorMessage":"no"}', attempts: 1 }, remaining: [] });
  });

  it('follows a Choice\'s Default and stops at a loop', () => {
    const looping: AslDefinition = {
      StartAt: 'w',
      States: {
        w: { Type: 'Task', Resource: 'fn', Next: 'ask' },
        ask: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'end' }], Default: 'w' },
        end: { Type: 'Succeed' },
      },
    };
    const h = start();
    h.task('w', { finalError: 'Boom', exit: false });
    h.add('ExecutionFailed', { error: 'Boom' });
    const g = buildGraph(looping);
    expect(redrivePlan(g, readExecution(looping, h.events, g))).toEqual({ redrivable: true, resumesAt: 'w', path: ['ask'] });
  });
});
