/**
 * Definitions, and what is derived from them (a laid-out graph), cached per state machine
 * revision. DescribeStateMachineForExecution refills at 1 call/s on AWS, so a room opening
 * one execution at once must cause one call, not one per viewer: concurrent first loads
 * share the call in flight. Executions of the same revision share one derived value, so
 * it is computed once per revision. Failures are not cached; the next load tries again.
 *
 * Framework-free: the describe call is injected.
 */
import type { StateMachineInfo } from './types';

export interface RevisionCacheOptions<T> {
  describe(executionArn: string): Promise<StateMachineInfo>;
  derive(info: StateMachineInfo): T;
  /** per map; the oldest entry goes first */
  maxEntries?: number;
}

/**
 * The revision an execution ran: AWS's revisionId, else the machine's update date. With
 * neither, nothing proves two executions share a definition, so the execution is its own key.
 */
export function revisionKey(info: StateMachineInfo, executionArn: string): string {
  const revision = info.revisionId ?? (info.updatedAt === undefined ? undefined : `updated:${info.updatedAt}`);
  return revision === undefined ? `execution:${executionArn}` : `${info.stateMachineArn}#${revision}`;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  if (map.size >= maxEntries) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

export function createRevisionCache<T>(options: RevisionCacheOptions<T>) {
  const maxEntries = options.maxEntries ?? 500;
  /** An execution's revision never changes, so its lookup is kept, in flight or done. */
  const byExecution = new Map<string, Promise<T>>();
  const byRevision = new Map<string, T>();

  async function load(executionArn: string): Promise<T> {
    const info = await options.describe(executionArn);
    const key = revisionKey(info, executionArn);
    const known = byRevision.get(key);
    if (known !== undefined) return known;
    const derived = options.derive(info);
    remember(byRevision, key, derived, maxEntries);
    return derived;
  }

  return {
    get(executionArn: string): Promise<T> {
      const cached = byExecution.get(executionArn);
      if (cached) return cached;
      const loading = load(executionArn);
      remember(byExecution, executionArn, loading, maxEntries);
      loading.catch(() => {
        if (byExecution.get(executionArn) === loading) byExecution.delete(executionArn);
      });
      return loading;
    },
  };
}
