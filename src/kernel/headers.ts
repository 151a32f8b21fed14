// Security headers on every response (issue 18, "What to build" 8): a Content-Security-Policy
// that admits only this server's own scripts, styles and connections (the built web app needs
// nothing else: no inline script, styles set through the DOM, images as data: URIs at most),
// no framing, no MIME sniffing, no referrer, HSTS behind HTTPS, and `Cache-Control: no-store`
// on every API response except public reference data, so that personal data (full reads, bank
// exports, registry pages) is not kept by a browser or a proxy cache.
// /api/docs (Swagger UI) keeps the policy its plugin computes (hashes of its own inline code).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './http.ts';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API paths whose answers are public reference data and may be cached. */
const CACHEABLE = [/^\/api\/docs(\/|$)/, /^\/api\/openapi\.json$/, /^\/api\/units(\/|$)/, /^\/api\/indicators(\/|$)/, /^\/api\/registry\/ethnic-groups$/];

export function isHttps(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

/** The headers of every response (the CSP of /api/docs aside). */
export const baseSecurityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

export function installSecurityHeaders(app: App): void {
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    for (const [k, v] of Object.entries(baseSecurityHeaders)) if (k !== 'content-security-policy' || !path.startsWith('/api/docs')) void reply.header(k, v);
    if (isHttps(req)) void reply.header('strict-transport-security', 'max-age=31536000');
    if (path.startsWith('/api/') && !CACHEABLE.some((re) => re.test(path))) void reply.header('cache-control', 'no-store');
  });
}

/**
 * Swagger UI's own policy (hashes of its scripts), without upgrade-insecure-requests (the server
 * may run on plain HTTP in a LAN), not framable, and with inline styles, which Swagger UI adds
 * at run time (the documentation page holds no data).
 */
export function swaggerCsp(policy: string): string {
  return policy
    .replace(/\s*upgrade-insecure-requests;?/, '')
    .replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'")
    .replace(/style-src ([^;]*)/, (_m, v: string) => `style-src ${v.trim()} 'unsafe-inline'`);
}
