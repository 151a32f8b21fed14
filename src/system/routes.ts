// System routes: health check for operators and monitors.
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { FeatureRoutes } from '../kernel/http.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  database: Type.Object({
    kind: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
    migration: Type.Integer(),
    ok: Type.Boolean(),
  }),
});

export const systemRoutes: FeatureRoutes = (app, { db, version }) => {
  app.get(
    '/api/health',
    {
      config: { access: { public: true, reason: 'monitoring probes must reach it without credentials' } },
      schema: { tags: ['system'], summary: 'Health: status, version, database kind', response: { 200: Health } },
    },
    async () => {
      try {
        const r = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db.k);
        return { status: 'ok' as const, version, database: { kind: db.kind, migration: r.rows[0]?.v ?? 0, ok: true } };
      } catch {
        return { status: 'degraded' as const, version, database: { kind: db.kind, migration: 0, ok: false } };
      }
    },
  );
};
