/**
 * Who may read and write which state machine: the one policy every server action, route
 * and page applies (through ./server.ts), and the UI mirrors to hide controls. Pure and
 * browser-safe; the environment and the session come in as arguments.
 */
import { parseStatesArn, statesArn } from '../core/arn';

export type DashboardMode = 'local' | 'shared' | 'read-only';

export type Policy = {
  mode: DashboardMode;
  /** state machine ARNs (or bare names, when there was no saga ARN to place them beside) */
  writable: readonly string[];
  readable: 'any' | readonly string[];
};

export type RefusalKind = 'sign-in-required' | 'read-only' | 'machine-not-allowed' | 'rate-limited';

/** Why something was refused, with the HTTP status a route answers and a message for a person. */
export type Refusal = { kind: RefusalKind; status: 401 | 403 | 429; message: string };

export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** A machine's identity without a version or alias suffix, so `OrderSaga:3` is `OrderSaga`. */
function unqualified(arnOrName: string): { arn?: string; name: string } {
  const parsed = parseStatesArn(arnOrName);
  if (parsed?.kind !== 'stateMachine') return { name: arnOrName };
  return { arn: statesArn(parsed, ['stateMachine', parsed.name]), name: parsed.name };
}

/**
 * The allow-list's entries as ARNs: a bare name is placed in the saga's account and Region,
 * the only ones the dashboard's client talks to. Without a saga ARN a name stays a name.
 */
export function normalizeMachines(entries: readonly string[], sagaArn: string | undefined): string[] {
  const saga = sagaArn === undefined ? undefined : parseStatesArn(sagaArn);
  return entries.map((entry) => {
    const { arn, name } = unqualified(entry);
    if (arn !== undefined) return arn;
    return saga ? statesArn(saga, ['stateMachine', name]) : name;
  });
}

export function machineListed(list: 'any' | readonly string[], stateMachineArn: string): boolean {
  if (list === 'any') return true;
  const wanted = unqualified(stateMachineArn);
  return list.some((entry) => (wanted.arn !== undefined && entry === wanted.arn) || entry === wanted.name);
}

const nameOf = (stateMachineArn: string): string => unqualified(stateMachineArn).name;

/** Whether a write on this machine is allowed now, before any rate limit; undefined means yes. */
export function writeRefusal(policy: Policy, who: { signedIn: boolean }, stateMachineArn: string): Refusal | undefined {
  if (policy.mode === 'read-only') {
    return { kind: 'read-only', status: 403, message: 'This dashboard is read-only: nothing can be started, stopped or redriven from it.' };
  }
  if (policy.mode === 'shared' && !who.signedIn) {
    return { kind: 'sign-in-required', status: 401, message: 'Only the operator can do this: sign in first.' };
  }
  if (!machineListed(policy.writable, stateMachineArn)) {
    return {
      kind: 'machine-not-allowed',
      status: 403,
      message: `${nameOf(stateMachineArn)} is not on this dashboard's allow-list (ALLOWED_STATE_MACHINES): nothing was done.`,
    };
  }
  return undefined;
}

export function readRefusal(policy: Policy, stateMachineArn: string): Refusal | undefined {
  if (machineListed(policy.readable, stateMachineArn)) return undefined;
  return {
    kind: 'machine-not-allowed',
    status: 403,
    message: `${nameOf(stateMachineArn)} is not on this dashboard's allow-list for reading (READABLE_STATE_MACHINES, by default ALLOWED_STATE_MACHINES): nothing was read.`,
  };
}

/** Whether this viewer could write at all: the UI hides write controls when not. */
export const writesOpen = (policy: Policy, who: { signedIn: boolean }): boolean =>
  policy.mode === 'local' || (policy.mode === 'shared' && who.signedIn);

export const rateLimited = (retryAfterMs: number): Refusal => ({
  kind: 'rate-limited',
  status: 429,
  message: `Too many actions from this session: wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and try again. Nothing was done.`,
});

/** Orders a batch may start for each write it spends of the session's rate. */
export const ORDERS_PER_WRITE = 100;

/**
 * What starting (or resuming) a batch spends of a session's writes a minute. Every order is a
 * StartExecution, so a batch is not one write: counted as one, a session allowed 30 writes a
 * minute could launch 30,000 orders a minute. One write per hundred orders keeps the default
 * at 3,000 a minute (three full batches, more than a room can follow), while one click on a
 * preset still costs one. Never more than a whole minute's budget, so however low the limit,
 * a batch of 1,000 is not refused outright: it waits for the next minute at most. The
 * batch runner paces the starts themselves (lib/batch/server's START_RATE).
 */
export const batchWriteCost = (orders: number, writesPerMinute: number): number =>
  Math.min(writesPerMinute, Math.max(1, Math.ceil(orders / ORDERS_PER_WRITE)));
