/**
 * Time as an input. Code that waits or measures durations takes a Clock, so its tests move
 * time with fake timers (or a clock of their own) instead of waiting on the real one, and
 * a loaded machine cannot change what they see.
 */
export type TimerHandle = ReturnType<typeof setTimeout>;

export interface Clock {
  /** milliseconds on a monotonic scale: only differences between readings mean anything */
  now(): number;
  setTimeout(run: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/**
 * The process's clock. Each call looks the global up when it runs, so fake timers installed
 * after this module loaded still take effect. Monotonic, so a wall-clock step back cannot
 * stretch a window.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};
