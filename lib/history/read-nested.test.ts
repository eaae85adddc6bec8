import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { readExecution } from './read-execution';
import { TestHistory } from './testing/test-history';

const parallel: AslDefinition = {
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'fn', End: true } } },
        { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 60, End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }],
      Next: 'Done',
    },
    Handle: { Type: 'Pass', End: true },
    Done: { Type: 'Succeed' },
  },
};

const map: AslDefinition = {
  StartAt: 'Each',
  States: {
    Each: { Type: 'Map', MaxConcurrency: 2, ItemProcessor: { StartAt: 'Ship', States: { Ship: { Type: 'Task', Resource: 'fn', End: true } } }, End: true },
  },
};

describe('readExecution: Parallel branches and Map iterations', () => {
  it('fails the failing branch, aborts its sibling, and catches on the Parallel', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('ParallelStateEntered', { name: 'Both', input: '{}' });
    const start = h.add('ParallelStateStarted');
    const hold = h.add('WaitStateEntered', { name: 'Hold', input: '{}' }, start);
    h.add('TaskStateEntered', { name: 'Charge', input: '{}' }, start);
    h.add('TaskScheduled', { resource: 'invoke' });
    h.add('TaskStarted', {});
    const failed = h.add('TaskFailed', { error: 'Declined', cause: 'card' });
    h.add('ParallelStateFailed', undefined, failed);
    h.add('WaitStateAborted', undefined, hold);
    h.add('ParallelStateExited', { name: 'Both', output: '{}' });
    h.pass('Handle');
    h.add('ExecutionSucceeded', { output: '{}' });
    const r = readExecution(parallel, h.events);
    expect(r.states.Charge).toMatchObject({ status: 'FAILED', visits: [{ iteration: 0, error: 'Declined' }] });
    expect(r.states.Hold).toMatchObject({ status: 'ABORTED', visits: [{ iteration: 1 }] });
    expect(r.states.Both?.status).toBe('CAUGHT');
    expect(r.states.Done?.status).toBe('NOT_RUN');
    expect(r.edgesRun).toEqual(['Both->Handle:catch']);
  });

  it('follows interleaved Map iterations through previousEventId', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '[1,2]' }, 0);
    h.add('MapStateEntered', { name: 'Each', input: '[1,2]' });
    const mapStart = h.add('MapStateStarted', { length: 2 });
    const it0 = h.add('MapIterationStarted', { name: 'Each', index: 0 }, mapStart);
    const it1 = h.add('MapIterationStarted', { name: 'Each', index: 1 }, mapStart);
    const e0 = h.add('TaskStateEntered', { name: 'Ship', input: '1' }, it0);
    const e1 = h.add('TaskStateEntered', { name: 'Ship', input: '2' }, it1);
    const s0 = h.add('TaskScheduled', { resource: 'invoke' }, e0);
    const s1 = h.add('TaskScheduled', { resource: 'invoke' }, e1);
    const f1 = h.add('TaskFailed', { error: 'NoStock' }, s1);
    const ok0 = h.add('TaskSucceeded', { output: '"shipped"' }, s0);
    const x0 = h.add('TaskStateExited', { name: 'Ship', output: '"shipped"' }, ok0);
    h.add('MapIterationSucceeded', { name: 'Each', index: 0 }, x0);
    const if1 = h.add('MapIterationFailed', { name: 'Each', index: 1 }, f1);
    h.add('MapStateFailed', undefined, if1);
    h.add('ExecutionFailed', { error: 'NoStock' });
    const r = readExecution(map, h.events);
    const ship = r.states.Ship;
    expect(ship?.status).toBe('FAILED');
    expect(ship?.visits.map((v) => [v.iteration, v.status, v.input])).toEqual([
      [0, 'SUCCEEDED', 1],
      [1, 'FAILED', 2],
    ]);
    expect(ship?.visits[0]?.output).toBe('shipped');
    expect(r.states.Each?.status).toBe('FAILED');
    expect(r.states.Each?.visits[0]).toMatchObject({ itemCount: 2, iterationCount: 2 });
  });

  it('reads a distributed Map from its map run events, and reopens it when the run is redriven', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('MapStateEntered', { name: 'Each', input: '{}' });
    h.add('MapStateStarted', { length: 0 });
    h.add('MapRunStarted', { mapRunArn: 'arn:run/1' });
    h.add('MapRunFailed', { error: 'States.ExceedToleratedFailureThreshold' });
    h.add('MapStateFailed');
    h.add('ExecutionFailed', { error: 'States.ExceedToleratedFailureThreshold' });
    expect(readExecution(map, h.events).states.Each?.status).toBe('FAILED');
    h.add('ExecutionRedriven', { redriveCount: 1 });
    h.add('MapRunRedriven', { mapRunArn: 'arn:run/1', redriveCount: 1 });
    const r = readExecution(map, h.events);
    expect(r.states.Each?.status).toBe('RUNNING');
    expect(r.states.Ship?.status).toBe('NOT_RUN');
  });
});
