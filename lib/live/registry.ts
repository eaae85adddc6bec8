/**
 * The map from execution ARN to its one shared poller. Subscribing returns an unsubscribe;
 * when the last viewer leaves, the poller pauses and is dropped after `lingerMs`, so a
 * reload or reconnect within that window resumes without re-reading the history.
 */
import { systemClock, type TimerHandle } from '../core/clock';
import type { ExecutionEvent } from '../sfn/types';
import { ExecutionPoller, type LiveListener, type PollerOptions } from './poller';

export interface RegistryOptions extends Omit<PollerOptions, 'fetchAfter'> {
  fetchAfter(executionArn: string, afterId: number): Promise<ExecutionEvent[]>;
  lingerMs?: number;
}

export function createLiveRegistry(options: RegistryOptions) {
  const pollers = new Map<string, ExecutionPoller>();
  const clock = options.clock ?? systemClock;
  const evictions = new Map<string, TimerHandle>();

  function pollerFor(executionArn: string): ExecutionPoller {
    clock.clearTimeout(evictions.get(executionArn));
    evictions.delete(executionArn);
    let poller = pollers.get(executionArn);
    if (!poller) {
      poller = new ExecutionPoller({ ...options, clock, fetchAfter: (after) => options.fetchAfter(executionArn, after) });
      pollers.set(executionArn, poller);
    }
    return poller;
  }

  function subscribe(executionArn: string, afterId: number, listener: LiveListener): () => void {
    const poller = pollerFor(executionArn);
    const unsubscribe = poller.subscribe(afterId, listener);
    return () => {
      unsubscribe();
      if (poller.listenerCount > 0 || evictions.has(executionArn)) return;
      const timer = clock.setTimeout(() => {
        evictions.delete(executionArn);
        // Only this poller: a forgotten one must not evict the fresh one that replaced it.
        if (poller.listenerCount === 0 && pollers.get(executionArn) === poller) pollers.delete(executionArn);
      }, options.lingerMs ?? 30_000);
      // Eviction must never keep a process (a test, a shutting-down server) alive.
      timer.unref();
      evictions.set(executionArn, timer);
    };
  }

  return {
    subscribe,

    /**
     * Drops what is held for an execution, so the next viewer starts a fresh poller with a
     * full read. For a redrive: an ended poller never reads again and its history lacks
     * the redrive. Viewers still subscribed keep their poller until they leave.
     */
    forget(executionArn: string): void {
      clock.clearTimeout(evictions.get(executionArn));
      evictions.delete(executionArn);
      pollers.delete(executionArn);
    },

    /**
     * The history so far, for a page load: the shared poller's events at once if it holds
     * any, else its first read, which every later load then reuses. A room opening the
     * page one after another costs one history read, not one each. Resolves undefined when
     * the poller cannot read yet (throttled, unreachable, not found), so the caller makes a
     * direct read whose typed error says why.
     */
    currentEvents(executionArn: string): Promise<readonly ExecutionEvent[] | undefined> {
      return new Promise((resolve) => {
        let settled = false;
        let leave = () => {};
        const settle = (events: readonly ExecutionEvent[] | undefined) => {
          if (settled) return;
          settled = true;
          resolve(events);
          // Deferred: this can run inside subscribe(), before `leave` is assigned.
          queueMicrotask(() => leave());
        };
        leave = subscribe(executionArn, 0, {
          // From id 0, the first batch is everything held, or everything the first read found.
          events: (batch) => settle(batch),
          status: (status) => {
            if (status.state !== 'connecting' && status.state !== 'live') settle(undefined);
          },
        });
      });
    },

    stats() {
      let listeners = 0;
      for (const poller of pollers.values()) listeners += poller.listenerCount;
      return { pollers: pollers.size, listeners };
    },
  };
}

export type LiveRegistry = ReturnType<typeof createLiveRegistry>;
