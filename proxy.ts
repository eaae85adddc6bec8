import { type NextRequest, NextResponse } from 'next/server';
import { newNonce, securityHeaders } from '@/lib/access/headers';
import { isDevelopment } from '@/lib/env';

/**
 * Security headers on every response (lib/access/headers). The CSP goes on the request too:
 * Next reads its nonce from there and puts it on the scripts it renders; the layout reads
 * `x-nonce` for the one inline script of our own (the theme).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const tls = request.nextUrl.protocol === 'https:' || (request.headers.get('x-forwarded-proto') ?? '').includes('https');
  const headers = securityHeaders({ nonce, tls, development: isDevelopment() });
  // Next's router cannot decode a path like /executions/%ff%fe and answers 500; it is bad input.
  if (!decodablePath(request.nextUrl.pathname)) {
    return Response.json(
      { error: { kind: 'BadRequest', message: 'The address is not valid percent-encoded UTF-8.', retryable: false } },
      { status: 400, headers },
    );
  }
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
