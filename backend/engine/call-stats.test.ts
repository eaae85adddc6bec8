import { describe, expect, it } from 'vitest';
import { createCallStats } from './call-stats';

describe('createCallStats', () => {
  it('counts calls by operation and in total, throttled ones among them', () => {
    const stats = createCallStats(() => 0);
    stats.record('GetExecutionHistory');
    stats.record('GetExecutionHistory');
    stats.record('DescribeExecution');
    stats.recordThrottled();
    expect(stats.snapshot()).toEqual({
      since: '1970-01-01T00:00:00.000Z',
      total: 3,
      throttled: 1,
      byOperation: { GetExecutionHistory: 2, DescribeExecution: 1 },
      peakPerSecond: { GetExecutionHistory: 2, DescribeExecution: 1 },
    });
  });

  it('starts again from zero on reset, and a snapshot is not changed by later calls', () => {
    let now = 0;
    const stats = createCallStats(() => now);
    stats.record('ListExecutions');
    const before = stats.snapshot();
    now = 5_000;
    stats.reset();
    stats.record('ListExecutions');
    expect(before.byOperation).toEqual({ ListExecutions: 1 });
    expect(stats.snapshot()).toEqual({
      since: '1970-01-01T00:00:05.000Z',
      total: 1,
      throttled: 0,
      byOperation: { ListExecutions: 1 },
      peakPerSecond: { ListExecutions: 1 },
    });
  });

  it('keeps the most calls of an operation within any one second, across whole-second edges', () => {
    let now = 0;
    const stats = createCallStats(() => now);
    // 10 calls from 0.5 s to 0.95 s, 10 more from 1.0 s to 1.45 s: 20 inside one second, 10 in each whole second.
    for (let i = 0; i < 20; i++) {
      now = 500 + i * 50;
      stats.record('GetExecutionHistory');
    }
    now = 5_000;
    stats.record('GetExecutionHistory');
    expect(stats.snapshot().peakPerSecond).toEqual({ GetExecutionHistory: 20 });
  });
});
