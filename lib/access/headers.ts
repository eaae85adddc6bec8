/**
 * The security headers every response carries (proxy.ts sets them). Scripts run only with
 * the request's nonce, which Next puts on its own scripts; 'strict-dynamic' lets those load
 * the chunks they need. Styles allow 'unsafe-inline': React Flow and the graph export set
 * style attributes, and a style cannot run code. Pure, so the policy is tested as text.
 */
export type HeaderContext = { nonce: string; tls: boolean; development: boolean };

export function contentSecurityPolicy({ nonce, development }: Pick<HeaderContext, 'nonce' | 'development'>): string {
  return [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(context: HeaderContext): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(context),
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Only over TLS: a browser ignores it on plain HTTP, and pinning HTTPS on a local address would lock it out.
    ...(context.tls ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** A fresh, unguessable nonce per request (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
