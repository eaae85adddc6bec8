import { describe, expect, it } from 'vitest';
import { shareInFlight, sharePerKey } from './share-in-flight';

function countingRead() {
  const calls: string[] = [];
  const releases: ((value: string) => void)[] = [];
  const fails: ((error: Error) => void)[] = [];
  const read = (key: string) => {
    calls.push(key);
    return new Promise<string>((resolve, reject) => {
      releases.push(resolve);
      fails.push(reject);
    });
  };
  return { calls, read, release: (i: number, value: string) => releases[i]?.(value), fail: (i: number, error: Error) => fails[i]?.(error) };
}

describe('shareInFlight', () => {
  it('gives concurrent callers for one key the one read under way; other keys read on their own', async () => {
    const fake = countingRead();
    const shared = shareInFlight(fake.read);
    const loads = [...Array.from({ length: 50 }, () => shared('a')), shared('b')];
    expect(fake.calls).toEqual(['a', 'b']);
    fake.release(0, 'A');
    fake.release(1, 'B');
    const values = await Promise.all(loads);
    expect(new Set(values.slice(0, 50))).toEqual(new Set(['A']));
    expect(values[50]).toBe('B');
  });

  it('keeps nothing once a read settles, failed or not: the next call reads afresh', async () => {
    const fake = countingRead();
    const shared = shareInFlight(fake.read);
    const first = shared('a');
    fake.fail(0, new Error('throttled'));
    await expect(first).rejects.toThrow('throttled');
    const second = shared('a');
    fake.release(1, 'A2');
    await expect(second).resolves.toBe('A2');
    const third = shared('a');
    expect(fake.calls).toEqual(['a', 'a', 'a']);
    fake.release(2, 'A3');
    await third;
  });
});

describe('sharePerKey', () => {
  it('hands out a read for its window after it started, measured on the clock it is given', async () => {
    let t = 0;
    const share = sharePerKey<number>({ keepMs: 5_000, failureMs: 1_000, clock: { now: () => t } });
    let calls = 0;
    const ok = () => Promise.resolve(++calls);
    const failing = () => Promise.reject(new Error(`throttled ${++calls}`));

    expect(await share('a', ok)).toBe(1);
    t = 4_999;
    expect(await share('a', ok)).toBe(1);
    t = 5_000;
    expect(await share('a', ok)).toBe(2);

    t = 10_000;
    await expect(share('b', failing)).rejects.toThrow('throttled 3');
    t = 10_999;
    await expect(share('b', ok)).rejects.toThrow('throttled 3');
    t = 11_000;
    await expect(share('b', ok)).resolves.toBe(4);
  });
});
