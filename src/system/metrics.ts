// Operations at national size (issue 17 item 5): request ids, one structured log line per
// request, and /api/metrics in the Prometheus text format.
//
// - Request id: a caller's X-Request-Id is kept when it is a short token (a proxy or the web
//   app sets it), otherwise one is made; every answer carries it back and every log line of the
//   request names it, so an officer's "lỗi máy chủ" can be found in the log.
// - Logs: JSON lines (pino, Fastify's logger) at ANSINH_LOG's level. A request is logged by its
//   route pattern, never by its URL: query strings and paths hold names, ID numbers being
//   searched and tracking codes, which have no place in a log file.
// - Metrics: request latency by route pattern and status class, requests in flight, jobs by kind
//   and state (queue depth), the progress of running jobs, and the process's own figures. Read
//   by an operator's token holding `system.metrics` (src/access/permissions.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Registry, Histogram, Gauge, collectDefaultMetrics } from 'prom-client';
import type { FastifyRequest } from 'fastify';
import type { App } from '../kernel/http.ts';
import type { Db } from '../db/connection.ts';

/** A caller's request id is kept when it is this shape: no spaces, no control characters, short. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: the caller's X-Request-Id when it is well formed, otherwise a new one. */
export function requestId(req: IncomingMessage): string {
  const h = req.headers['x-request-id'];
  const given = Array.isArray(h) ? h[0] : h;
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The route pattern of a request (`/api/registry/persons/:id`), or a marker when none matched. */
export function routeOf(req: FastifyRequest): string {
  return req.routeOptions?.url ?? '(không có đường dẫn / no route)';
}

/** Log serializers: the method and route pattern, never the URL with its query string. */
export const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, route: routeOf(req) }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

// The process's own metrics (CPU, memory, event-loop delay, handles) are one set per process,
// however many apps a test builds: collected once into their own registry.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'ansinh_' });
  }
  return processRegistry;
}

export interface Metrics {
  readonly registry: Registry;
  /** The Prometheus text of every metric, the jobs read from the database now. */
  text(): Promise<string>;
  readonly contentType: string;
}

/** Install request ids on answers, one log line per request and the metrics of this app. */
export function installObservability(app: App, db: Db): Metrics {
  const registry = new Registry();
  const latency = new Histogram({
    name: 'ansinh_http_request_duration_seconds',
    help: 'Thời gian trả lời yêu cầu HTTP theo mẫu đường dẫn / HTTP request latency by route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'ansinh_http_requests_in_flight',
    help: 'Yêu cầu HTTP đang xử lý / HTTP requests being served',
    registers: [registry],
  });
  const jobs = new Gauge({
    name: 'ansinh_jobs',
    help: 'Tác vụ nền theo loại và trạng thái; queued là hàng đợi / background jobs by kind and state; queued is the queue depth',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
  });
  const progress = new Gauge({
    name: 'ansinh_job_progress_ratio',
    help: 'Tiến độ của tác vụ đang chạy (0–1) / progress of a running job (0–1)',
    labelNames: ['job', 'kind'] as const,
    registers: [registry],
  });
  const started = new WeakMap<FastifyRequest, bigint>();

  app.addHook('onRequest', async (req, reply) => {
    started.set(req, process.hrtime.bigint());
    inFlight.inc();
    void reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    inFlight.dec();
    const t0 = started.get(req);
    const seconds = t0 === undefined ? 0 : Number(process.hrtime.bigint() - t0) / 1e9;
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    latency.observe({ method: req.method, route: routeOf(req), status }, seconds);
    req.log.info({ req, res: reply, ms: Math.round(seconds * 1000) }, 'request');
  });

  return {
    registry,
    contentType: registry.contentType,
    async text() {
      // Jobs are read when scraped, so that a job queued by the CLI or another process counts.
      jobs.reset();
      progress.reset();
      const byState = await db.k
        .selectFrom('jobs')
        .select(['kind', 'state', (eb) => eb.fn.countAll<string>().as('n')])
        .where('state', 'in', ['queued', 'running', 'ready', 'failed'])
        .groupBy(['kind', 'state'])
        .execute();
      for (const r of byState) jobs.set({ kind: r.kind, state: r.state }, Number(r.n));
      const running = await db.k
        .selectFrom('jobs')
        .select(['id', 'kind', 'progress', 'total'])
        .where('state', '=', 'running')
        .orderBy('id')
        .limit(100)
        .execute();
      for (const j of running) progress.set({ job: String(j.id), kind: j.kind }, j.total ? Math.min(1, j.progress / j.total) : 0);
      return (await processMetrics().metrics()) + '\n' + (await registry.metrics());
    },
  };
}
