/**
 * The access guard, server side: every write server action and route, and every read of a
 * `?sm=` machine, goes through here. It reads the environment (lib/env), the session cookie
 * and the saga's ARN, and applies ./policy. Refusals are typed (policy's Refusal): server
 * actions get Next's 401/403 interrupts, routes a JSON answer with the status; nothing is
 * called on Step Functions first.
 *
 *   const write = await requireWrite(stateMachineArn);   // server action: 401/403 thrown
 *   if (!write.ok) return { status: 'refused', message: write.message };   // rate limit
 *   await requireWrite(undefined, { writes: 0 });         // who may, spending nothing yet
 *   await requireWrite(undefined, { orders: 250 });       // a batch: batchWriteCost
 *   await requireRead(stateMachineArn);                  // page or read action: 403 thrown
 *   const refusal = await writeCheck(arn) ?? …;           // route: refusalResponse(refusal)
 */
import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, unauthorized } from 'next/navigation';
import { accessConfig } from '../env';
import { systemClock } from '../core/clock';
import { sagaStateMachineArn } from '../sfn';
import {
  batchWriteCost,
  normalizeMachines,
  rateLimited,
  readRefusal,
  writeRefusal,
  writesOpen,
  type DashboardMode,
  type Policy,
  type Refusal,
} from './policy';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { issueSession, readSession, SESSION_COOKIE, SESSION_HOURS, secretMatches } from './session';

type Limiters = { writes: RateLimiter; signInPerClient: RateLimiter; signInAll: RateLimiter; revoked: Set<string> };

/**
 * One set per process: Next bundles actions, routes and pages apart, and a module-level
 * value could exist once per bundle; a global symbol makes them share (as the list cache does).
 */
const KEY = Symbol.for('saga-dashboard.access');
type WithLimiters = typeof globalThis & { [KEY]?: Limiters };

/** Wrong secrets allowed per client per minute, and from everyone together (the client's address can be spoofed). */
export const SIGN_IN_FAILURES_PER_MINUTE = 5;
const SIGN_IN_FAILURES_ALL_PER_MINUTE = 30;

function limiters(): Limiters {
  const scope = globalThis as WithLimiters;
  scope[KEY] ??= {
    writes: createRateLimiter({ limit: accessConfig().writesPerMinute, windowMs: 60_000, clock: systemClock }),
    signInPerClient: createRateLimiter({ limit: SIGN_IN_FAILURES_PER_MINUTE, windowMs: 60_000, clock: systemClock }),
    signInAll: createRateLimiter({ limit: SIGN_IN_FAILURES_ALL_PER_MINUTE, windowMs: 60_000, clock: systemClock }),
    revoked: new Set(),
  };
  return scope[KEY];
}

function sagaArnOrUndefined(): string | undefined {
  try {
    return sagaStateMachineArn();
  } catch {
    return undefined;
  }
}

function policy(): { policy: Policy; secret: string | undefined; sagaArn: string | undefined } {
  const config = accessConfig();
  const sagaArn = sagaArnOrUndefined();
  const writable = normalizeMachines(config.writable ?? (sagaArn === undefined ? [] : [sagaArn]), sagaArn);
  const readable = config.readable === 'any' ? 'any' : config.readable === undefined ? writable : normalizeMachines(config.readable, sagaArn);
  return { policy: { mode: config.mode, writable, readable }, secret: config.secret, sagaArn };
}

async function sessionId(secret: string | undefined): Promise<string | undefined> {
  if (secret === undefined) return undefined;
  const session = await readSession((await cookies()).get(SESSION_COOKIE)?.value, secret);
  return session && !limiters().revoked.has(session.id) ? session.id : undefined;
}

/** The machine asked about as an ARN: the saga when omitted, a bare name placed beside it. */
const asked = (stateMachineArn: string | undefined, sagaArn: string | undefined): string | undefined =>
  stateMachineArn === undefined ? sagaArn : normalizeMachines([stateMachineArn], sagaArn)[0];

const noSaga: Refusal = {
  kind: 'machine-not-allowed',
  status: 403,
  message: 'No saga state machine is configured, so there is nothing this dashboard may change.',
};

/**
 * What a write spends of the session's rate: a number of writes (one by default; 0 checks who
 * may without spending), or a batch's orders (policy's batchWriteCost).
 */
export type WriteSpend = { writes: number } | { orders: number };

/** Why a write on this machine (the saga when omitted) would be refused now; spends the session's rate when allowed. */
export async function writeCheck(stateMachineArn?: string, spend: WriteSpend = { writes: 1 }): Promise<Refusal | undefined> {
  const { policy: p, secret, sagaArn } = policy();
  const arn = asked(stateMachineArn, sagaArn);
  const id = await sessionId(secret);
  const refusal = writeRefusal(p, { signedIn: id !== undefined }, arn ?? '');
  if (refusal) return refusal.kind === 'machine-not-allowed' && arn === undefined ? noSaga : refusal;
  // Only a shared room has sessions to limit; a local dashboard is one presenter's own.
  if (id === undefined) return undefined;
  const cost = 'orders' in spend ? batchWriteCost(spend.orders, accessConfig().writesPerMinute) : spend.writes;
  const taken = limiters().writes.take(id, cost);
  return taken.ok ? undefined : rateLimited(taken.retryAfterMs);
}

/** Why reading this machine (the saga when omitted) is refused; undefined when it may be read. */
export async function readCheck(stateMachineArn?: string): Promise<Refusal | undefined> {
  const { policy: p, sagaArn } = policy();
  const arn = asked(stateMachineArn, sagaArn);
  // With no saga configured the page says so itself; there is nothing to protect.
  return arn === undefined ? undefined : readRefusal(p, arn);
}

function interrupt(refusal: Refusal): void {
  if (refusal.status === 401) unauthorized();
  if (refusal.status === 403) forbidden();
}

/**
 * For a write server action, first thing: 401/403 end the request (Next's interrupts, so a
 * forged POST gets that status); a spent rate comes back as a message to return.
 */
export async function requireWrite(stateMachineArn?: string, spend?: WriteSpend): Promise<{ ok: true } | { ok: false; message: string }> {
  const refusal = await writeCheck(stateMachineArn, spend);
  if (!refusal) return { ok: true };
  interrupt(refusal);
  return { ok: false, message: refusal.message };
}

/** For a page or a read action on a `?sm=` machine: 403 when this dashboard does not show it. */
export async function requireRead(stateMachineArn?: string): Promise<void> {
  const refusal = await readCheck(stateMachineArn);
  if (refusal) interrupt(refusal);
}

/** A route's answer to a refusal, in the shape the routes' other errors have. */
export const refusalResponse = (refusal: Refusal): Response =>
  Response.json(
    { error: { kind: refusal.kind, message: refusal.message, retryable: refusal.status === 429 } },
    { status: refusal.status, headers: { 'cache-control': 'no-store' } },
  );

/** What the UI needs to hide what this viewer cannot do (the server checks regardless). */
export type ViewerAccess = {
  mode: DashboardMode;
  signedIn: boolean;
  /** the mode and the session allow writing at all */
  canWrite: boolean;
  writable: readonly string[];
  sagaArn: string | undefined;
};

export async function viewerAccess(): Promise<ViewerAccess> {
  const { policy: p, secret, sagaArn } = policy();
  const signedIn = (await sessionId(secret)) !== undefined;
  return { mode: p.mode, signedIn, canWrite: writesOpen(p, { signedIn }), writable: p.writable, sagaArn };
}

async function clientKey(): Promise<string> {
  return (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}

const isTls = async (): Promise<boolean> => ((await headers()).get('x-forwarded-proto') ?? '').includes('https');

export type SignInResult = { ok: true } | { ok: false; refusal: Refusal };

/**
 * Checks the operator's secret and sets the session cookie. Wrong secrets are counted per
 * client and overall; past the limit every attempt is refused unchecked until the minute ends.
 */
export async function signIn(given: string): Promise<SignInResult> {
  const { policy: p, secret } = policy();
  if (p.mode !== 'shared' || secret === undefined) {
    return { ok: false, refusal: { kind: 'read-only', status: 403, message: `There is no sign-in on a ${p.mode} dashboard.` } };
  }
  const client = await clientKey();
  const { signInPerClient, signInAll } = limiters();
  const waits = [signInPerClient.spent(client), signInAll.spent('all')].flatMap((r) => (r.ok ? [] : [r.retryAfterMs]));
  if (waits.length > 0) {
    const wait = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    return { ok: false, refusal: { kind: 'rate-limited', status: 429, message: `Too many wrong secrets: try again in ${wait} s.` } };
  }
  if (!secretMatches(given, secret)) {
    signInPerClient.take(client);
    signInAll.take('all');
    return { ok: false, refusal: { kind: 'sign-in-required', status: 401, message: 'That is not the operator secret.' } };
  }
  const { token } = await issueSession(secret);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isTls(),
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
  return { ok: true };
}

/** Ends the session: the cookie goes, and the token is refused from now on even if kept. */
export async function signOut(): Promise<void> {
  const { secret } = policy();
  const id = await sessionId(secret);
  if (id !== undefined) limiters().revoked.add(id);
  (await cookies()).delete(SESSION_COOKIE);
}
