import { describe, expect, it } from 'vitest';
import { EXECUTION_STATUSES, isRedrivable, TERMINAL_STATUSES } from './execution-status';

describe('execution statuses', () => {
  it('redrive only what AWS redrives: failed, timed out or aborted runs', () => {
    expect(EXECUTION_STATUSES.filter(isRedrivable)).toEqual(['FAILED', 'TIMED_OUT', 'ABORTED']);
    expect(isRedrivable('NOT_A_STATUS')).toBe(false);
  });

  it('count a pending redrive as unfinished, so its list row is read again', () => {
    expect(EXECUTION_STATUSES.filter((s) => !TERMINAL_STATUSES.has(s))).toEqual(['RUNNING', 'PENDING_REDRIVE']);
  });
});
