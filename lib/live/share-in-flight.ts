/**
 * Wraps a keyed read so that calls for a key while a read of it is under way share that
 * read instead of starting another. A room opening one execution at once then costs one
 * GetExecutionHistory, not one per viewer. Nothing is kept once the read settles, so this
 * never serves stale data; caching is the shared poller's job.
 */
export function shareInFlight<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const pending = new Map<string, Promise<V>>();
  return (key) => {
    const running = pending.get(key);
    if (running) return running;
    const started = read(key).finally(() => pending.delete(key));
    pending.set(key, started);
    return started;
  };
}
