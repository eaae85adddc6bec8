/**
 * The map from execution ARN to its one shared poller. Subscribing returns an unsubscribe;
 * when the last viewer leaves, the poller pauses and is dropped after `lingerMs`, so a
 * reload or reconnect within that window resumes without re-reading the history.
 */
import type { ExecutionEvent } from '../sfn/types';
import { ExecutionPoller, type LiveListener, type PollerOptions } from './poller';

export interface RegistryOptions extends Omit<PollerOptions, 'fetchAfter'> {
  fetchAfter(executionArn: string, afterId: number): Promise<ExecutionEvent[]>;
  lingerMs?: number;
}

export function createLiveRegistry(options: RegistryOptions) {
  const pollers = new Map<string, ExecutionPoller>();
  const evictions = new Map<string, ReturnType<typeof setTimeout>>();

  function pollerFor(executionArn: string): ExecutionPoller {
    clearTimeout(evictions.get(executionArn));
    evictions.delete(executionArn);
    let poller = pollers.get(executionArn);
    if (!poller) {
      poller = new ExecutionPoller({ ...options, fetchAfter: (after) => options.fetchAfter(executionArn, after) });
      pollers.set(executionArn, poller);
    }
    return poller;
  }

  return {
    subscribe(executionArn: string, afterId: number, listener: LiveListener): () => void {
      const poller = pollerFor(executionArn);
      const unsubscribe = poller.subscribe(afterId, listener);
      return () => {
        unsubscribe();
        if (poller.listenerCount > 0 || evictions.has(executionArn)) return;
        const timer = setTimeout(() => {
          evictions.delete(executionArn);
          if (poller.listenerCount === 0) pollers.delete(executionArn);
        }, options.lingerMs ?? 30_000);
        // Eviction must never keep a process (a test, a shutting-down server) alive.
        timer.unref?.();
        evictions.set(executionArn, timer);
      };
    },

    /** Events held for an execution, if someone is (or just was) watching it. */
    snapshot(executionArn: string): readonly ExecutionEvent[] | undefined {
      return pollers.get(executionArn)?.snapshot();
    },

    stats() {
      let listeners = 0;
      for (const poller of pollers.values()) listeners += poller.listenerCount;
      return { pollers: pollers.size, listeners };
    },
  };
}

export type LiveRegistry = ReturnType<typeof createLiveRegistry>;
