import { describe, expect, it } from 'vitest';
import { restartDelay, supervise, type Child, type Clock } from './supervise';

/** Children that exit when told, and a clock whose timers run when the test moves it. */
function harness() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const clock: Clock = { now: () => now, setTimeout: (run, ms) => timers.push({ at: now + ms, run }) };
  const children: { exit: (code: number | null, signal?: string) => void; killedWith?: string }[] = [];
  const start = (): Child => {
    let listener: (code: number | null, signal: string | null) => void = () => {};
    const entry = {
      exit: (code: number | null, signal?: string) => listener(code, signal ?? null),
      killedWith: undefined as string | undefined,
    };
    children.push(entry);
    return {
      onExit: (l) => (listener = l),
      kill: (signal) => {
        entry.killedWith = signal;
        entry.exit(null, signal);
      },
    };
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
      if (timer.at <= now) timer.run();
      else timers.push(timer);
    }
  };
  return { clock, start, children, advance };
}

describe('supervise', () => {
  it('starts a child that died again at once, and again after a pause when it keeps dying young', () => {
    const h = harness();
    const lines: string[] = [];
    const s = supervise({ name: 'engine', start: h.start, clock: h.clock, log: (l) => lines.push(l) });
    h.advance(60_000);
    h.children[0]!.exit(null, 'SIGKILL');
    h.advance(0);
    expect(h.children).toHaveLength(2);
    expect(lines).toEqual(['engine exited (SIGKILL); restarting.']);
    // Dies at once, twice more: the second quick death waits 0.5 s, the third 1 s.
    h.children[1]!.exit(1);
    h.advance(0);
    expect(h.children).toHaveLength(2);
    h.advance(500);
    expect(h.children).toHaveLength(3);
    h.children[2]!.exit(1);
    h.advance(999);
    expect(h.children).toHaveLength(3);
    h.advance(1);
    expect(h.children).toHaveLength(4);
    expect(s.restarts).toBe(3);
  });

  it('does not restart what it was asked to stop', async () => {
    const h = harness();
    const s = supervise({ name: 'dashboard', start: h.start, clock: h.clock, log: () => {} });
    await s.stop();
    h.advance(60_000);
    expect(h.children).toHaveLength(1);
    expect(h.children[0]!.killedWith).toBe('SIGINT');
  });

  it('caps the pause', () => {
    expect([1, 2, 3, 4, 5].map((n) => restartDelay(n, 10_000))).toEqual([0, 500, 1_000, 2_000, 4_000]);
    expect(restartDelay(20, 10_000)).toBe(10_000);
  });
});
