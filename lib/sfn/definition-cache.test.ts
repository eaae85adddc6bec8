import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { createRevisionCache, revisionKey } from './definition-cache';
import { ThrottledError } from './errors';
import type { StateMachineInfo } from './types';

const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:Saga';
const definition = (marker: string): AslDefinition => ({ StartAt: marker, States: { [marker]: { Type: 'Succeed' } } });
const info = (revisionId: string | undefined, updatedAt?: number): StateMachineInfo => ({
  stateMachineArn: MACHINE,
  name: 'Saga',
  definition: definition(revisionId ?? 'none'),
  ...(revisionId ? { revisionId } : {}),
  ...(updatedAt === undefined ? {} : { updatedAt }),
});

/** A describe call counting its calls, answering from a table of execution -> revision. */
function fakeDescribe(revisions: Record<string, StateMachineInfo>) {
  const calls: string[] = [];
  let failNext: Error | undefined;
  return {
    calls,
    failOnce(error: Error) {
      failNext = error;
    },
    describe: async (executionArn: string) => {
      calls.push(executionArn);
      await new Promise((r) => setTimeout(r, 1));
      const error = failNext;
      failNext = undefined;
      if (error) throw error;
      const found = revisions[executionArn];
      if (!found) throw new Error(`no such execution ${executionArn}`);
      return found;
    },
  };
}

describe('createRevisionCache', () => {
  it('makes one describe call for fifty concurrent first loads of one execution', async () => {
    const fake = fakeDescribe({ a: info('r1') });
    let derived = 0;
    const cache = createRevisionCache({ describe: fake.describe, derive: (i) => ({ drawn: i.definition, n: ++derived }) });
    const loads = await Promise.all(Array.from({ length: 50 }, () => cache.get('a')));
    expect(fake.calls).toEqual(['a']);
    expect(new Set(loads).size).toBe(1);
    await cache.get('a');
    expect(fake.calls).toEqual(['a']);
  });

  it('derives once per revision: executions of one revision share it, a new revision gets its own', async () => {
    const fake = fakeDescribe({ a: info('r1'), b: info('r1'), c: info('r2') });
    const derivedFor: string[] = [];
    const derive = (i: StateMachineInfo) => {
      derivedFor.push(i.revisionId ?? '');
      return { rev: i.revisionId };
    };
    const cache = createRevisionCache({ describe: fake.describe, derive });
    const [a, b, c] = [await cache.get('a'), await cache.get('b'), await cache.get('c')];
    expect(a).toBe(b);
    expect(c).toEqual({ rev: 'r2' });
    expect(derivedFor).toEqual(['r1', 'r2']);
    // One describe per execution remains: only it says which revision an execution ran.
    expect(fake.calls).toEqual(['a', 'b', 'c']);
  });

  it('does not cache a failure: a throttled load is tried again next time', async () => {
    const fake = fakeDescribe({ a: info('r1') });
    const cache = createRevisionCache({ describe: fake.describe, derive: (i) => i.revisionId });
    fake.failOnce(new ThrottledError('slow down'));
    await expect(cache.get('a')).rejects.toBeInstanceOf(ThrottledError);
    await expect(cache.get('a')).resolves.toBe('r1');
    expect(fake.calls).toEqual(['a', 'a']);
  });

  it('keeps at most maxEntries executions, dropping the oldest', async () => {
    const fake = fakeDescribe({ a: info('r1'), b: info('r1'), c: info('r1') });
    const cache = createRevisionCache({ describe: fake.describe, derive: (i) => i.revisionId, maxEntries: 2 });
    for (const arn of ['a', 'b', 'c', 'c', 'b', 'a']) await cache.get(arn);
    expect(fake.calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('revisionKey', () => {
  it('uses revisionId, else the update date, else the execution alone', () => {
    expect(revisionKey(info('r1', 5), 'x')).toBe(`${MACHINE}#r1`);
    expect(revisionKey(info(undefined, 5), 'x')).toBe(`${MACHINE}#updated:5`);
    expect(revisionKey(info(undefined), 'x')).toBe('execution:x');
  });
});
