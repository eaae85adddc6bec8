import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A coalesced task whose runs the test settles by hand. */
function coalescedRuns() {
  const runs: ReturnType<typeof deferred>[] = [];
  const refresh = coalesce(() => {
    const run = deferred();
    runs.push(run);
    return run.promise;
  });
  return { runs, refresh };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesce', () => {
  it('lets a run finish and queues exactly one more for all calls made meanwhile', async () => {
    const { runs, refresh } = coalescedRuns();
    refresh();
    refresh();
    refresh();
    refresh();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve();
    await flush();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await flush();
    expect(runs).toHaveLength(2);
  });

  it('goes on after a failed run', async () => {
    const { runs, refresh } = coalescedRuns();
    refresh();
    refresh();
    runs[0]!.reject(new Error('engine down'));
    await flush();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await flush();
    refresh();
    expect(runs).toHaveLength(3);
  });
});
