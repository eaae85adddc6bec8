import 'server-only';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { followConfig } from '../env';
import { newestExecutions } from './server';
import { sagaStateMachineArn } from '../sfn';
import { createFollowPointer, parseFollowed, type Followed, type FollowPointer } from './follow';

/** A small JSON file, replaced whole (write then rename) so a crash never leaves half of one. */
function fileStorage(file: string) {
  return {
    load(): Followed | undefined {
      try {
        return parseFollowed(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        return undefined;
      }
    },
    save(followed: Followed) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, JSON.stringify(followed));
        renameSync(`${file}.tmp`, file);
      } catch (error) {
        // The room still follows in memory; only a restart would forget.
        console.error(`follow: cannot keep the current execution in ${file}:`, error);
      }
    },
  };
}

/** One pointer per process (Next bundles routes apart; see lib/live/server.ts for the same). */
const KEY = Symbol.for('saga-dashboard.follow-pointer');
type WithPointer = typeof globalThis & { [KEY]?: FollowPointer };

export function followPointer(): FollowPointer {
  const scope = globalThis as WithPointer;
  scope[KEY] ??= createFollowPointer(fileStorage(followConfig().file));
  return scope[KEY];
}

/**
 * The execution the room follows: the one recorded, else the newest of the saga (from the
 * executions list's shared cache: at most one ListExecutions per window for everyone).
 */
export async function followedExecution(): Promise<Omit<Followed, 'since'> | undefined> {
  const recorded = followPointer().current();
  if (recorded) return recorded;
  const newest = (await newestExecutions(sagaStateMachineArn())).executions[0];
  return newest && { name: newest.name };
}

/** The presenter's start, run again or redrive makes that execution the room's. */
export function followExecution(name: string, stateMachineArn?: string): void {
  followPointer().set(name, stateMachineArn);
}
