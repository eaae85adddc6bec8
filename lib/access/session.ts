/**
 * The operator's session: a JWT signed by jose (HS256) in an httpOnly cookie, with a key
 * derived from DASHBOARD_SECRET by HKDF, so changing the secret signs everyone out. The
 * secret itself is compared as SHA-256 digests with timingSafeEqual: equal lengths, and
 * no early exit that would time how much of a guess was right. Server-only (node:crypto).
 */
import { createHash, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

export const SESSION_COOKIE = 'saga_session';
export const SESSION_HOURS = 12;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export const secretMatches = (given: string, secret: string): boolean => timingSafeEqual(digest(given), digest(secret));

const signingKey = (secret: string): Uint8Array =>
  new Uint8Array(hkdfSync('sha256', secret, 'saga-dashboard', 'operator-session-v1', 32));

export type Session = { id: string; expiresAt: Date };

export async function issueSession(secret: string, now: Date = new Date()): Promise<{ token: string; session: Session }> {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const token = await new SignJWT({ role: 'operator' })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(id)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(signingKey(secret));
  return { token, session: { id, expiresAt } };
}

/** The session a cookie carries, or undefined for anything forged, expired or signed with another secret. */
export async function readSession(token: string | undefined, secret: string, now: Date = new Date()): Promise<Session | undefined> {
  if (token === undefined || token === '') return undefined;
  try {
    const { payload } = await jwtVerify(token, signingKey(secret), { algorithms: ['HS256'], currentDate: now });
    if (payload.role !== 'operator' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return undefined;
    return { id: payload.jti, expiresAt: new Date(payload.exp * 1000) };
  } catch {
    return undefined;
  }
}
