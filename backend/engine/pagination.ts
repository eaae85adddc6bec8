/**
 * Opaque nextTokens. A token carries the cursor of the last item returned plus a
 * fingerprint of the query it belongs to, so a token replayed against another query
 * (another execution, status filter or order) is refused as InvalidToken, like AWS does.
 */
import { SfnError } from './errors';

export const DEFAULT_PAGE_SIZE = 100;

/** maxResults 0 or absent means the default page size. */
export const pageSize = (maxResults: number | undefined): number =>
  maxResults === undefined || maxResults === 0 ? DEFAULT_PAGE_SIZE : maxResults;

export function encodeToken(query: string, cursor: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ q: query, c: cursor })).toString('base64url');
}

export function decodeToken(token: string | undefined, query: string): (string | number)[] | undefined {
  if (token === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new SfnError('InvalidToken', 'Invalid Token: the nextToken is malformed');
  }
  const { q, c } = (parsed ?? {}) as { q?: unknown; c?: unknown };
  if (q !== query) throw new SfnError('InvalidToken', 'Invalid Token: the nextToken belongs to another request');
  if (!Array.isArray(c) || !c.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new SfnError('InvalidToken', 'Invalid Token: the nextToken is malformed');
  }
  return c;
}
