// The public ledger's rate limit: a fixed window per client address, in memory (one server
// process). Past the limit a request is refused with 429 and Retry-After.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';

export function rateLimiter(o: { max: number; windowMs: number; now: () => number }) {
  const hits = new Map<string, { start: number; n: number }>();
  return function check(req: FastifyRequest, reply: FastifyReply): void {
    const t = o.now();
    if (hits.size > 50_000) for (const [k, v] of hits) if (t - v.start >= o.windowMs) hits.delete(k);
    const h = hits.get(req.ip);
    if (!h || t - h.start >= o.windowMs) {
      hits.set(req.ip, { start: t, n: 1 });
      return;
    }
    h.n++;
    if (h.n > o.max) {
      reply.header('retry-after', String(Math.ceil((h.start + o.windowMs - t) / 1000)));
      throw new AppError(
        errorCatalogue.tooManyRequests,
        text('Quá nhiều lượt tra cứu sổ quỹ, vui lòng thử lại sau ít phút', 'Too many ledger requests, try again in a few minutes'),
      );
    }
  };
}
