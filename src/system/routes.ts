// System routes: health check for operators and monitors.
//
// /api/health answers within HEALTH_PROBE_MS whatever the database is doing (issue 18 finding
// 11): PGlite has one connection, and a job resumed after a crash (an import's apply, in one
// transaction) holds it for minutes; a monitor that got no answer would call the server dead and
// restart it, killing the apply again. The probe waits at most HEALTH_PROBE_MS for the database;
// past that the answer is 'busy' (or 'recovering' while the jobs a previous process left are
// being resumed) with the jobs under way, HTTP 200: the process is alive and working.
import { Health, MetricsText } from './schemas.ts';
import { sql } from 'kysely';
import type { FeatureRoutes } from '../kernel/http.ts';
import { jobWorker, runningJobs } from '../jobs/runner.ts';
import type { Metrics } from './metrics.ts';

/** How long /api/health waits for the database before it answers 'busy'. */
export const HEALTH_PROBE_MS = 800;

const timeout = Symbol('timeout');

export const systemRoutes: FeatureRoutes = (app, { db, version }) => {
  // Migrations run before the server starts: the version is read now, while the database is
  // free (the job worker starts after listen), and kept for answers given while it is busy.
  let migration: number | null = null;
  void sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db.k).then(
    (r) => (migration ??= r.rows[0]?.v ?? 0),
    () => {},
  );
  app.get(
    '/api/health',
    {
      config: { access: { public: true, reason: 'monitoring probes must reach it without credentials', limit: false } },
      schema: {
        tags: ['system'],
        summary: 'Health: status, version, database kind, jobs under way; answers within a second even while a job holds the database',
        response: { 200: Health },
      },
    },
    async () => {
      const worker = jobWorker(db);
      const jobs = { running: runningJobs(), recovering: worker.recovering };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const probe = sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db.k).then((r) => r.rows[0]?.v ?? 0);
      const late = new Promise<typeof timeout>((resolve) => (timer = setTimeout(() => resolve(timeout), HEALTH_PROBE_MS)));
      try {
        const v = await Promise.race([probe, late]);
        if (v === timeout) {
          probe.catch(() => {});
          return {
            status: jobs.recovering ? ('recovering' as const) : ('busy' as const),
            version,
            database: { kind: db.kind, migration: migration ?? 0, ok: false },
            jobs,
          };
        }
        migration = v;
        return { status: 'ok' as const, version, database: { kind: db.kind, migration: v, ok: true }, jobs };
      } catch {
        return { status: 'degraded' as const, version, database: { kind: db.kind, migration: migration ?? 0, ok: false }, jobs };
      } finally {
        clearTimeout(timer);
      }
    },
  );
};

/** /api/metrics in the Prometheus text format, for an operator's scraper holding `system.metrics`. */
export const metricsRoutes =
  (metrics: Metrics): FeatureRoutes =>
  (app) => {
    app.get(
      '/api/metrics',
      {
        config: { access: { permission: 'system.metrics', unit: 'none' } },
        schema: {
          tags: ['system'],
          summary:
            "Operating metrics in the Prometheus text format: request latency, requests in flight, jobs by kind and state, running jobs' progress, process figures",
          produces: ['text/plain'],
          response: { 200: MetricsText },
        },
      },
      async (_req, reply) => reply.type(metrics.contentType).send(await metrics.text()),
    );
  };
