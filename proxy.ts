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
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
