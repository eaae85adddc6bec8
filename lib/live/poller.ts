/**
 * One poller per execution, shared by every viewer of it. It keeps the events it has
 * seen, so a viewer that joins late or reconnects gets exactly what it is missing, and
 * it asks Step Functions only for events newer than the last one it holds. It polls while
 * someone listens and stops for good at the terminal event (after a redrive the registry
 * starts a fresh one, see `forget`).
 *
 * Framework-free: the fetch and the clock are injected, so tests drive it directly.
 */
import { type Clock, systemClock, type TimerHandle } from '../core/clock';
import { ExecutionNotFoundError, ThrottledError, toStepFunctionsError } from '../sfn/errors';
import { mergeEvents } from '../sfn/reshape';
import { type ExecutionEvent, hasEnded } from '../sfn/types';
import type { LiveStatus } from './status';

export interface LiveListener {
  events(batch: ExecutionEvent[]): void;
  status(status: LiveStatus): void;
}

export interface PollerOptions {
  fetchAfter(afterId: number): Promise<ExecutionEvent[]>;
  intervalMs: number;
  /** cap for the backoff after throttling or an outage */
  maxBackoffMs?: number;
  /** AWS lists a new execution a moment after StartExecution returns; allow a few misses */
  notFoundRetries?: number;
  random?: () => number;
  /** what the wait between polls is measured on; default: the system clock */
  clock?: Clock;
}

/**
 * How long to wait after the `failures`-th failure in a row: doubling from the poll interval
 * (at least 200 ms) up to the cap, then jittered down by up to half, so many pollers
 * recovering together do not stampede. The cap keeps recovery within one cap of the
 * service coming back.
 */
export function backoffDelay(
  failures: number,
  options: Pick<PollerOptions, 'intervalMs' | 'maxBackoffMs' | 'random'>,
): number {
  const max = options.maxBackoffMs ?? 10_000;
  const base = Math.max(options.intervalMs, 200) * 2 ** Math.min(failures, 10);
  const random = options.random ?? Math.random;
  return Math.round(Math.min(max, base) * (0.5 + random() / 2));
}

export class ExecutionPoller {
  private events: ExecutionEvent[] = [];
  /** per listener: the last event id it has been sent, so nobody gets an event twice */
  private readonly listeners = new Map<LiveListener, number>();
  private current: LiveStatus = { state: 'connecting' };
  private timer: TimerHandle | undefined;
  private inFlight = false;
  private failures = 0;
  private ended = false;

  private readonly clock: Clock;

  constructor(private readonly options: PollerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(afterId: number, listener: LiveListener): () => void {
    this.listeners.set(listener, afterId);
    this.deliver(listener);
    listener.status(this.current);
    this.scheduleNext(0);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.pause();
    };
  }

  /** Stops polling; a later subscribe resumes from the last event held. */
  pause(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private deliver(listener: LiveListener): void {
    const sentUpTo = this.listeners.get(listener) ?? 0;
    const missing = this.events.filter((e) => e.id > sentUpTo);
    if (missing.length === 0) return;
    this.listeners.set(listener, missing.at(-1)?.id ?? sentUpTo);
    listener.events(missing);
  }

  private setStatus(status: LiveStatus): void {
    this.current = status;
    for (const listener of this.listeners.keys()) listener.status(status);
  }

  /** At most one poll is ever pending or running, however often viewers come and go. */
  private scheduleNext(delayMs: number): void {
    if (this.timer || this.inFlight || this.ended || this.listeners.size === 0) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delayMs);
  }

  private async poll(): Promise<void> {
    this.inFlight = true;
    let nextDelay = this.options.intervalMs;
    try {
      const fresh = await this.options.fetchAfter(this.events.at(-1)?.id ?? 0);
      this.failures = 0;
      const held = this.events.length;
      this.events = mergeEvents(this.events, fresh);
      if (this.current.state !== 'live') this.setStatus({ state: 'live' });
      for (const listener of this.listeners.keys()) this.deliver(listener);
      // Only the new events can end it (it had not ended before them), so a long running
      // history is not rescanned on every poll.
      if (hasEnded(this.events.slice(held))) {
        this.ended = true;
        this.setStatus({ state: 'ended' });
      }
    } catch (thrown) {
      nextDelay = this.onFailure(toStepFunctionsError(thrown));
    } finally {
      this.inFlight = false;
    }
    this.scheduleNext(nextDelay);
  }

  /** Reports the failure to viewers and returns how long to wait before the next try. */
  private onFailure(error: Error): number {
    this.failures += 1;
    if (error instanceof ExecutionNotFoundError && this.failures > (this.options.notFoundRetries ?? 5)) {
      this.ended = true;
      this.setStatus({ state: 'failed', message: error.message });
      return 0;
    }
    const delay = backoffDelay(this.failures, this.options);
    this.setStatus(
      error instanceof ThrottledError
        ? { state: 'throttled', retryInMs: delay }
        : { state: 'unavailable', message: error.message, retryInMs: delay },
    );
    return delay;
  }
}
