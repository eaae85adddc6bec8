import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { readExecution } from './read-execution';
import { TestHistory } from './testing/test-history';
import { axisTicks, buildTimeline } from './timeline';

const def: AslDefinition = {
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: 'fn',
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Undo' }],
      End: true,
    },
    Undo: { Type: 'Task', Resource: 'fn', End: true },
  },
};

/** TestHistory stamps event n at T + n s. */
const T = 1_700_000_000_000;
const s = (n: number) => T + n * 1000;

describe('buildTimeline', () => {
  it('one bar per visit in start order, tries and backoff as segments, compensation marked', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0); // 1
    h.task('Work', { failures: 1, finalError: 'Boom', exit: false }); // 2..8
    h.add('TaskStateExited', { name: 'Work', output: '{}' }); // 9
    h.task('Undo'); // 10..14
    h.add('ExecutionSucceeded', { output: '{}' }); // 15
    const t = buildTimeline(readExecution(def, h.events));
    expect(t).toMatchObject({ from: s(1), to: s(15), untimed: 0 });
    expect(t.bars.map((b) => [b.state, b.role, b.status, b.start, b.end])).toEqual([
      ['Work', 'forward', 'CAUGHT', s(2), s(9)],
      ['Undo', 'compensation', 'SUCCEEDED', s(10), s(14)],
    ]);
    expect(t.bars[0]?.segments).toEqual([
      { kind: 'try', from: s(3), to: s(5), outcome: 'FAILED' },
      { kind: 'backoff', from: s(5), to: s(6) },
      { kind: 'try', from: s(6), to: s(8), outcome: 'FAILED' },
    ]);
    // One successful try is the bar itself.
    expect(t.bars[1]?.segments).toEqual([]);
  });

  it('a running visit ends at `until`; visits without times are counted, not drawn', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('TaskStateEntered', { name: 'Work', input: '{}' });
    h.add('LambdaFunctionScheduled', { resource: 'fn' });
    const running = buildTimeline(readExecution(def, h.events), s(20));
    expect(running.bars[0]).toMatchObject({ open: true, end: s(20) });
    expect(running.to).toBe(s(20));

    const untimed = new TestHistory();
    untimed.add('ExecutionStarted', { input: '{}' }, 0, 'timestamp');
    untimed.add('TaskStateEntered', { name: 'Work', input: '{}' }, 1, 'timestamp');
    expect(buildTimeline(readExecution(def, untimed.events))).toMatchObject({ bars: [], untimed: 1 });
  });
});

describe('axisTicks', () => {
  it('round steps, at most about the number asked for', () => {
    expect(axisTicks(0, 1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(0, 7_300, 8)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000]);
    expect(axisTicks(0, 50 * 3_600_000, 10).length).toBeLessThanOrEqual(11);
  });

  it('a zoomed-in window still gets round offsets from the start', () => {
    expect(axisTicks(1_150, 9_900, 8)).toEqual([2000, 4000, 6000, 8000]);
    expect(axisTicks(5, 5, 8)).toEqual([5]);
  });
});
