import { describe, expect, it } from 'vitest';
import { newNonce, securityHeaders } from './headers';

describe('securityHeaders', () => {
  it('scripts only with the nonce (no unsafe-inline or eval in production), no framing, no sniffing', () => {
    const headers = securityHeaders({ nonce: 'abc123', tls: false, development: false });
    const csp = headers['Content-Security-Policy'] ?? '';
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    expect(headers['Strict-Transport-Security']).toBeUndefined();
  });

  it('HSTS over TLS; eval for React only in development', () => {
    expect(securityHeaders({ nonce: 'n', tls: true, development: false })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ nonce: 'n', tls: false, development: true })['Content-Security-Policy']).toContain("'unsafe-eval'");
  });

  it('a new nonce per call, long enough not to guess', () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(atob(a)).toHaveLength(16);
  });
});
