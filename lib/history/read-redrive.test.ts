import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { readExecution } from './read-execution';
import { buildTimeline } from './timeline';
import { TestHistory } from './testing/test-history';

const linear: AslDefinition = {
  StartAt: 'First',
  States: {
    First: { Type: 'Task', Resource: 'fn', Next: 'Work' },
    Work: { Type: 'Task', Resource: 'fn', Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 3 }], Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

/** First done, Work entered and its call started, then the execution ends as `ending` says. */
function interrupted(ending: 'ExecutionAborted' | 'ExecutionFailed' | 'ExecutionTimedOut') {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{"order":1}' }, 0);
  h.task('First');
  h.add('TaskStateEntered', { name: 'Work', input: '{"order":1,"first":true}' });
  h.add('LambdaFunctionScheduled', { resource: 'fn' });
  h.add('LambdaFunctionStarted');
  if (ending === 'ExecutionFailed') h.add('LambdaFunctionFailed', { error: 'Boom', cause: 'first run failed' });
  // AWS points an abort or timeout at nothing (previousEventId 0); a failure at the failed call.
  h.add(ending, { error: ending === 'ExecutionFailed' ? 'Boom' : 'States.Timeout' }, ending === 'ExecutionFailed' ? undefined : 0);
  h.add('ExecutionRedriven', { redriveCount: 1 });
  return h;
}

/** The redriven run as the local engine writes it: the interrupted visit continues, no new StateEntered. */
function continueWork(h: TestHistory, failures = 0) {
  for (let i = 0; i < failures; i++) {
    h.add('LambdaFunctionScheduled', { resource: 'fn' });
    h.add('LambdaFunctionStarted');
    h.add('LambdaFunctionFailed', { error: 'Flaky', cause: 'try failed' });
  }
  h.add('LambdaFunctionScheduled', { resource: 'fn' });
  h.add('LambdaFunctionStarted');
  h.add('LambdaFunctionSucceeded', { output: '{"done":true}' });
  h.add('TaskStateExited', { name: 'Work', output: '{"done":true}' });
  h.pass('Done', 'Succeed');
  h.add('ExecutionSucceeded', { output: '{"done":true}' });
}

/** The redriven run as AWS writes it for a Task: the state is entered again. */
function reenterWork(h: TestHistory) {
  h.add('TaskStateEntered', { name: 'Work', input: '{"order":1,"first":true}' });
  continueWork(h);
}

describe.each([
  ['ABORTED', 'ExecutionAborted', 'ABORTED'],
  ['FAILED', 'ExecutionFailed', 'FAILED'],
  ['TIMED_OUT', 'ExecutionTimedOut', 'ABORTED'],
] as const)('a run %s, then redriven to success', (_status, ending, firstVisit) => {
  it.each([
    ['continuing the interrupted visit (local engine)', continueWork],
    ['entering the state again (AWS)', reenterWork],
  ])('%s: the state reads as its latest visit', (_shape, rerun) => {
    const h = interrupted(ending);
    rerun(h);
    const r = readExecution(linear, h.events);
    expect(r.executionStatus).toBe('SUCCEEDED');
    expect(r.sagaOutcome).toBe('COMPLETED');
    expect(r.redriveCount).toBe(1);
    expect(Object.fromEntries(Object.values(r.states).map((s) => [s.name, s.status]))).toEqual({ First: 'SUCCEEDED', Work: 'SUCCEEDED', Done: 'SUCCEEDED' });
    const work = r.states.Work;
    expect(work?.visits.map((v) => v.status)).toEqual([firstVisit, 'SUCCEEDED']);
    expect(work?.attempts).toBe(1);
    expect(work?.visits.at(-1)).toMatchObject({ attempts: 1, error: undefined, input: { order: 1, first: true } });
    expect(work?.visits.at(-1)?.output).toBeDefined();
    expect(r.edgesRun).toEqual(expect.arrayContaining(['First->Work:next', 'Work->Done:next']));
  });
});

describe('redrive: tries and times count per visit', () => {
  it('counts the redriven visit\'s own tries, and times it from the redrive', () => {
    const h = interrupted('ExecutionAborted');
    const redrivenId = h.events.length;
    continueWork(h, 2);
    const r = readExecution(linear, h.events);
    const work = r.states.Work;
    const redrivenAt = 1_700_000_000_000 + redrivenId * 1000;
    const exitedAt = 1_700_000_000_000 + (h.events.findIndex((e) => e.type === 'TaskStateExited' && e.id > redrivenId) + 1) * 1000;
    expect(work?.visits[0]).toMatchObject({ status: 'ABORTED', attempts: 1 });
    expect(work?.visits[1]).toMatchObject({ status: 'SUCCEEDED', attempts: 3, enteredAt: redrivenAt, exitedAt });
    expect(work?.visits[1]?.tries?.map((t) => t.outcome)).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);
    expect(work).toMatchObject({ attempts: 3, enteredAt: redrivenAt, exitedAt, durationMs: exitedAt - redrivenAt });
  });

  it('draws both visits on the timeline, the old one as it ended', () => {
    const h = interrupted('ExecutionAborted');
    continueWork(h);
    const bars = buildTimeline(readExecution(linear, h.events)).bars.filter((b) => b.state === 'Work');
    expect(bars.map((b) => [b.visit, b.status, b.open])).toEqual([[0, 'ABORTED', false], [1, 'SUCCEEDED', false]]);
  });

  it('shows the resumed state RUNNING while the redriven run is in it', () => {
    const h = interrupted('ExecutionFailed');
    h.add('LambdaFunctionScheduled', { resource: 'fn' });
    h.add('LambdaFunctionStarted');
    const r = readExecution(linear, h.events);
    expect(r.executionStatus).toBe('RUNNING');
    expect(r.states.Work?.status).toBe('RUNNING');
    expect(r.states.Work?.visits.map((v) => v.status)).toEqual(['FAILED', 'RUNNING']);
  });

  it('reads a second failure after a redrive as FAILED, with the new error', () => {
    const h = interrupted('ExecutionAborted');
    h.add('LambdaFunctionScheduled', { resource: 'fn' });
    h.add('LambdaFunctionStarted');
    h.add('LambdaFunctionFailed', { error: 'StillBroken', cause: 'again' });
    h.add('ExecutionFailed', { error: 'StillBroken' });
    const r = readExecution(linear, h.events);
    expect(r.executionStatus).toBe('FAILED');
    expect(r.states.Work?.visits.map((v) => v.status)).toEqual(['ABORTED', 'FAILED']);
    expect(r.states.Work?.visits.at(-1)).toMatchObject({ error: 'StillBroken', cause: 'again' });
    expect(r.states.Work?.status).toBe('FAILED');
  });

  it('leaves a succeeded state alone when an event after the redrive points at it', () => {
    const h = interrupted('ExecutionAborted');
    // A stray event chained to First's exit: First finished, nothing of it runs again.
    h.add('LambdaFunctionStarted', undefined, 6);
    const r = readExecution(linear, h.events);
    expect(r.states.First?.visits).toHaveLength(1);
  });
});

describe('redrive of a Parallel the previous run left unfinished', () => {
  const def: AslDefinition = {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'Left', States: { Left: { Type: 'Task', Resource: 'fn', End: true } } },
          { StartAt: 'Right', States: { Right: { Type: 'Task', Resource: 'fn', End: true } } },
        ],
      },
    },
  };

  it('reads the continued Parallel and its branches as their latest visits', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    const entered = h.add('ParallelStateEntered', { name: 'Both', input: '{}' });
    h.add('ParallelStateStarted');
    h.task('Left', { prev: entered + 1 });
    h.add('TaskStateEntered', { name: 'Right', input: '{}' }, entered + 1);
    h.add('ExecutionAborted', {}, 0);
    h.add('ExecutionRedriven', { redriveCount: 1 });
    const restarted = h.add('ParallelStateStarted');
    h.task('Left', { prev: restarted });
    h.task('Right', { prev: restarted });
    h.add('ParallelStateSucceeded');
    h.add('ParallelStateExited', { name: 'Both', output: '[]' });
    h.add('ExecutionSucceeded', { output: '[]' });
    const r = readExecution(def, h.events);
    expect(r.states.Both?.visits.map((v) => v.status)).toEqual(['ABORTED', 'SUCCEEDED']);
    expect(Object.values(r.states).map((s) => s.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(r.sagaOutcome).toBe('COMPLETED');
  });
});
