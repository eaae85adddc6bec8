/**
 * Visits -> one reading per state: worst of visits, largest number of tries, first entry,
 * last exit, counting only the visits of the latest run (see isCurrent).
 */
import type { GraphNode } from '../asl/types';
import type { Visit } from './tracker';
import type { StateReading, StateStatus, StateVisit } from './types';

/** The fixture README's order: FAILED > ABORTED > RUNNING > CAUGHT > SUCCEEDED (> NOT_RUN). */
export const STATUS_SEVERITY: Record<StateStatus, number> = {
  NOT_RUN: 0,
  SUCCEEDED: 1,
  CAUGHT: 2,
  RUNNING: 3,
  ABORTED: 4,
  FAILED: 5,
};

export const worstStatus = (a: StateStatus, b: StateStatus): StateStatus =>
  STATUS_SEVERITY[b] > STATUS_SEVERITY[a] ? b : a;

const duration = (from?: number, to?: number) => (from !== undefined && to !== undefined ? to - from : undefined);

export function toStateVisit(v: Visit): StateVisit {
  const reading: StateVisit = {
    status: v.open ? 'RUNNING' : v.status,
    seq: v.seq,
    attempts: Math.max(1, v.starts),
    enteredAt: v.enteredAt,
    exitedAt: v.open ? undefined : v.exitedAt,
    durationMs: v.open ? undefined : duration(v.enteredAt, v.exitedAt),
    input: v.input,
    parameters: v.parameters,
    result: v.result,
    output: v.output,
    error: v.error,
    cause: v.cause,
    iteration: v.thread.key,
    assignedVariables: v.assignedVariables,
    itemCount: v.itemCount,
    iterationCount: v.node?.type === 'Map' ? v.children.size : undefined,
  };
  // The tracker is thrown away after reading, so its tries can be handed out as they are.
  // Set, not spread in: a conditional spread cost more than the rest of the object, and a
  // replay seek makes thousands of these.
  if (v.tries.length > 0) reading.tries = v.tries;
  return reading;
}

/**
 * After a redrive a state runs again: its new visits replace the ones from before the
 * redrive in the same iteration/branch, so a redriven success does not stay FAILED.
 */
function isCurrent(visits: readonly Visit[]): (v: Visit) => boolean {
  // Before any redrive every visit is of the one run (a replay seek aggregates thousands).
  if (visits.every((v) => v.epoch === 0)) return () => true;
  const latest = new Map<number, number>();
  for (const v of visits) latest.set(v.thread.key ?? -1, Math.max(latest.get(v.thread.key ?? -1) ?? 0, v.epoch));
  return (v) => v.epoch === latest.get(v.thread.key ?? -1);
}

/**
 * `readings`: toStateVisit of each visit, when the caller keeps them already (a replay
 * seek). They are handed out as they are, so no one may change them afterwards.
 */
export function aggregateState(
  node: GraphNode,
  visits: readonly Visit[],
  readings: StateVisit[] = visits.map(toStateVisit),
): StateReading {
  const counts = isCurrent(visits);
  let status: StateStatus = 'NOT_RUN';
  let attempts = 0;
  // Times, like status and tries, are the current run's: a redriven state's wait for the redrive is no part of it.
  let enteredAt: number | undefined;
  let last: StateVisit | undefined;
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i] as StateVisit;
    if (!counts(visits[i] as Visit)) continue;
    status = worstStatus(status, r.status);
    attempts = Math.max(attempts, r.attempts);
    enteredAt ??= r.enteredAt;
    last = r;
  }
  const exitedAt = status === 'RUNNING' ? undefined : last?.exitedAt;
  return {
    name: node.id,
    status,
    attempts,
    enteredAt,
    exitedAt,
    durationMs: duration(enteredAt, exitedAt),
    visits: readings,
    role: node.role,
  };
}
