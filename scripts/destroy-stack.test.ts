import { describe, expect, it } from 'vitest';
import { destroy, OUTPUTS_FILE } from './destroy-stack';

describe('npm run destroy', () => {
  it('passes its arguments to cdk destroy and removes the outputs file once the stack is gone', () => {
    const removed: string[] = [];
    const calls: string[][] = [];
    expect(destroy((args) => (calls.push(args), 0), (p) => removed.push(p), ['--force'])).toBe(0);
    expect(calls).toEqual([['destroy', '--force']]);
    expect(removed).toEqual([OUTPUTS_FILE]);
  });

  it('keeps the outputs file when the destroy fails: the stack still exists', () => {
    const removed: string[] = [];
    expect(destroy(() => 1, (p) => removed.push(p), [])).toBe(1);
    expect(removed).toEqual([]);
  });
});
