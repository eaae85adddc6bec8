/**
 * Keeps one child process running: when it dies without being asked to, it is started
 * again, at once the first time and with a growing pause when it keeps dying young, so a
 * process that cannot start does not spin a core. Spawning and time are injected, so the
 * policy is tested without processes or real waits.
 */

/** The part of a child process the supervisor needs. */
export interface Child {
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(signal: 'SIGINT' | 'SIGKILL'): void;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
}

export interface SupervisorOptions {
  name: string;
  start: () => Child;
  clock: Clock;
  log: (line: string) => void;
  /** a run at least this long counts as healthy: the next restart is immediate again */
  healthyAfterMs?: number;
  maxDelayMs?: number;
}

export interface Supervised {
  /** restarts so far */
  readonly restarts: number;
  /** stop restarting and ask the current process to end; resolves when it has */
  stop(signal?: 'SIGINT' | 'SIGKILL'): Promise<void>;
}

/** 0, 0.5, 1, 2, 4 … s while it keeps dying young, capped. */
export const restartDelay = (quickDeaths: number, maxDelayMs: number): number =>
  quickDeaths <= 1 ? 0 : Math.min(maxDelayMs, 500 * 2 ** (quickDeaths - 2));

export function supervise(options: SupervisorOptions): Supervised {
  const { name, clock, log, healthyAfterMs = 30_000, maxDelayMs = 10_000 } = options;
  let stopping = false;
  let restarts = 0;
  let quickDeaths = 0;
  let current: { child: Child; exited: Promise<void> } | undefined;

  const launch = () => {
    const startedAt = clock.now();
    const child = options.start();
    const exited = new Promise<void>((resolve) =>
      child.onExit((code, signal) => {
        resolve();
        if (stopping) return;
        quickDeaths = clock.now() - startedAt >= healthyAfterMs ? 1 : quickDeaths + 1;
        const delay = restartDelay(quickDeaths, maxDelayMs);
        log(`${name} exited (${signal ?? code}); restarting${delay > 0 ? ` in ${delay / 1000} s` : ''}.`);
        clock.setTimeout(() => {
          if (stopping) return;
          restarts++;
          launch();
        }, delay);
      }),
    );
    current = { child, exited };
  };
  launch();

  return {
    get restarts() {
      return restarts;
    },
    async stop(signal = 'SIGINT') {
      stopping = true;
      if (!current) return;
      current.child.kill(signal);
      await current.exited;
    },
  };
}
