// The audit log for administrators: filter by entity, record, user and time, newest first.
// Row-level security limits the entries to the administrator's units.
import type { FeatureRoutes } from '../kernel/http.ts';
import { withScope } from '../db/scope.ts';
import { unitNames } from '../units/store.ts';
import { listEntries } from './store.ts';
import { AuditAnchorView, AuditPage, AuditQuery, presentEntry } from './schemas.ts';
import { chainHead, latestAnchor } from './anchor.ts';

/** A date alone as the end of a range means "through that day". */
export function endOf(to: string | undefined): string | undefined {
  if (!to) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return to;
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const auditRoutes: FeatureRoutes = (app, { db }) => {
  app.get(
    '/api/audit',
    {
      config: { access: { permission: 'audit.read', unit: 'none' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first (filters: entity, entityId, actor username, from, to)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const q = req.query;
      const pageSize = 50;
      const page = q.page ?? 1;
      const r = await withScope(db, req.actor, async (tx) => {
        const list = await listEntries(tx, { entity: q.entity, entityId: q.entityId, actor: q.actor, from: q.from, to: endOf(q.to), page, pageSize });
        const ids = [...new Set(list.items.map((e) => e.unitId).filter((x): x is number => x !== null))];
        return { ...list, unitNames: await unitNames(tx, ids) };
      });
      return { items: r.items.map((e) => presentEntry(e, req.locale, r.unitNames)), total: r.total, page, pageSize };
    },
  );

  app.get(
    '/api/audit/anchor',
    {
      config: { access: { permission: 'audit.read', unit: 'none' } },
      schema: {
        tags: ['audit'],
        summary:
          'The chain head now and the latest anchor of it written outside the database (ansinh audit anchor, or daily by a server with ANSINH_AUDIT_ANCHOR_DIR)',
        response: { 200: AuditAnchorView },
      },
    },
    async () => {
      // The whole chain's head (not the entries the administrator's units may see): seq and hash only.
      const [head, latest] = await Promise.all([chainHead(db.k), latestAnchor(db.k)]);
      return { head, latest };
    },
  );
};
