/**
 * Which execution the follow view (`/follow`) shows: the presenter's current one. It moves
 * when the dashboard starts an execution (Start, Run again, Redrive) or the presenter picks
 * "Show this one" on an execution page, and it is kept in storage so a restart of the
 * dashboard does not lose it. Subscribers (each follow view's stream) hear every move.
 *
 * Why the dashboard's own action, not the newest execution in the account: anyone's CLI
 * run, a test or another presenter would take the room's screen away, and ListExecutions is
 * eventually consistent right after StartExecution (the docs say to navigate by the returned
 * ARN, which is what this records). The newest saga execution is only the fallback when
 * nothing was ever recorded. Framework-free: storage and clock are injected.
 */
export type Followed = {
  name: string;
  /** absent for the saga, as in the dashboard's URLs */
  stateMachineArn?: string;
  /** ISO time it became current */
  since: string;
};

export interface FollowStorage {
  load(): Followed | undefined;
  save(followed: Followed): void;
}

export interface FollowPointer {
  current(): Followed | undefined;
  set(name: string, stateMachineArn: string | undefined): Followed;
  /** Calls `listener` on every move; returns the unsubscribe. */
  subscribe(listener: (followed: Followed) => void): () => void;
}

export function createFollowPointer(storage: FollowStorage, now: () => Date = () => new Date()): FollowPointer {
  let followed: Followed | undefined;
  let loaded = false;
  const listeners = new Set<(followed: Followed) => void>();
  return {
    current() {
      if (!loaded) {
        loaded = true;
        followed ??= storage.load();
      }
      return followed;
    },
    set(name, stateMachineArn) {
      loaded = true;
      const next: Followed = { name, ...(stateMachineArn ? { stateMachineArn } : {}), since: now().toISOString() };
      followed = next;
      storage.save(next);
      for (const listener of listeners) listener(next);
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What storage holds, checked: a damaged file reads as nothing recorded. */
export function parseFollowed(value: unknown): Followed | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, stateMachineArn, since } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name === '' || typeof since !== 'string') return undefined;
  if (stateMachineArn !== undefined && typeof stateMachineArn !== 'string') return undefined;
  return { name, ...(stateMachineArn ? { stateMachineArn } : {}), since };
}
