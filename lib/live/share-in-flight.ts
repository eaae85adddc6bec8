/**
 * Sharing a keyed read among the callers that want it at about the same time, so a room of
 * viewers costs one Step Functions call, not one each.
 */
import { type Clock, systemClock } from '../core/clock';

export interface ShareOptions {
  /** how long after it started a successful read is still handed out; 0: only while in flight */
  keepMs?: number;
  /** the same for a failed read (a throttled account is not hammered by every retry); default keepMs */
  failureMs?: number;
  /** what the windows are measured on; default: the system clock */
  clock?: Pick<Clock, 'now'>;
}

type Entry<V> = { at: number; value: Promise<V>; keepUntil?: number };

/**
 * Shares a keyed load while it runs and for its window after it started. An entry is
 * dropped as soon as it is settled and past its window: when it settles, or at the next
 * call, whichever notices first, so the map holds only what may still be handed out.
 */
export function sharePerKey<V>(options: ShareOptions = {}): (key: string, load: () => Promise<V>) => Promise<V> {
  const keepMs = options.keepMs ?? 0;
  const failureMs = options.failureMs ?? keepMs;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const entries = new Map<string, Entry<V>>();
  const expired = (e: Entry<V>, t: number) => e.keepUntil !== undefined && t >= e.keepUntil;
  return (key, load) => {
    const t = now();
    for (const [k, e] of entries) if (expired(e, t)) entries.delete(k);
    const known = entries.get(key);
    if (known) return known.value;
    const entry: Entry<V> = { at: t, value: load() };
    const settle = (windowMs: number) => {
      entry.keepUntil = entry.at + windowMs;
      if (expired(entry, now()) && entries.get(key) === entry) entries.delete(key);
    };
    entry.value.then(
      () => settle(keepMs),
      () => settle(failureMs),
    );
    entries.set(key, entry);
    return entry.value;
  };
}

/**
 * Wraps a keyed read so that calls for a key while a read of it is under way share that
 * read instead of starting another. A room opening one execution at once then costs one
 * GetExecutionHistory, not one per viewer. Nothing is kept once the read settles, so this
 * never serves stale data; caching is the shared poller's job.
 */
export function shareInFlight<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const share = sharePerKey<V>();
  return (key) => share(key, () => read(key));
}
