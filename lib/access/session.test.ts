import { describe, expect, it } from 'vitest';
import { issueSession, readSession, secretMatches } from './session';

const SECRET = 'correct horse battery staple';

describe('operator session', () => {
  it('a token it issued reads back until it expires', async () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const { token, session } = await issueSession(SECRET, now);
    expect(await readSession(token, SECRET, now)).toEqual(session);
    expect(await readSession(token, SECRET, new Date('2026-12-01T00:00:01Z'))).toBeUndefined();
  });

  it('a token signed with another secret, altered, or empty is no session', async () => {
    const { token } = await issueSession(SECRET);
    expect(await readSession(token, 'another secret of enough length')).toBeUndefined();
    const [header = '', , signature = ''] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ role: 'operator', jti: 'x', exp: 9e9 })).toString('base64url')}.${signature}`;
    expect(await readSession(forged, SECRET)).toBeUndefined();
    expect(await readSession('', SECRET)).toBeUndefined();
    expect(await readSession(undefined, SECRET)).toBeUndefined();
  });

  it('compares secrets whole: a prefix, a longer string or another case is refused', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET.slice(0, 10), SECRET)).toBe(false);
    expect(secretMatches(`${SECRET}!`, SECRET)).toBe(false);
    expect(secretMatches(SECRET.toUpperCase(), SECRET)).toBe(false);
  });
});
