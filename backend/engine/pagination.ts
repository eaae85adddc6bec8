/**
 * Opaque, unforgeable nextTokens. A token carries the cursor of the last item returned and
 * a digest of the query it belongs to, signed with HMAC-SHA256 under a key kept in the data
 * directory (so tokens survive a restart, as AWS's do). A token that was not issued here,
 * was altered, or is replayed against another query (another execution, status filter or
 * order) is refused as InvalidToken with AWS's text.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SfnError } from './errors';

export const DEFAULT_PAGE_SIZE = 100;

/** maxResults 0 or absent means the default page size. */
export const pageSize = (maxResults: number | undefined): number =>
  maxResults === undefined || maxResults === 0 ? DEFAULT_PAGE_SIZE : maxResults;

export type Cursor = (string | number)[];

const KEY_FILE = 'page-token.key';
const KEY_BYTES = 32;

/** The signing key: created once per data directory. */
export function loadTokenKey(dataDir: string): Buffer {
  const file = join(dataDir, KEY_FILE);
  try {
    const key = readFileSync(file);
    if (key.length === KEY_BYTES) return key;
  } catch {
    // first start over this directory: create it below
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

const invalid = () => new SfnError('InvalidToken', "Invalid Token: 'Invalid token'");
const queryDigest = (query: string) => createHash('sha256').update(query).digest('base64url').slice(0, 16);

export class PageTokens {
  constructor(private readonly key: Buffer) {}

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }

  encode(query: string, cursor: Readonly<Cursor>): string {
    const payload = Buffer.from(JSON.stringify({ q: queryDigest(query), c: cursor })).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  decode(token: string | undefined, query: string): Cursor | undefined {
    if (token === undefined) return undefined;
    const [payload, signature, extra] = token.split('.');
    if (payload === undefined || signature === undefined || extra !== undefined) throw invalid();
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    // Signed by us, so well-formed; the query check is what remains.
    const { q, c } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { q: string; c: Cursor };
    if (q !== queryDigest(query)) throw invalid();
    return c;
  }
}
