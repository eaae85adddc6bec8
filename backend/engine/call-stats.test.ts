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
    expect(stats.snapshot()).toEqual({ since: '1970-01-01T00:00:05.000Z', total: 1, throttled: 0, byOperation: { ListExecutions: 1 } });
  });
});
