// Operations (issue 17 item 5): every answer names its request id, the log has one JSON line per
// request by route pattern (never the URL with its query), and /metrics speaks the Prometheus
// text format to an operator's token holding system.metrics, and to nobody else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../server.ts';
import { readConfig, ConfigError } from '../kernel/config.ts';
import { version } from '../kernel/version.ts';
import type { Db } from '../db/connection.ts';
import { testDb } from '../../test/helpers/db.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { enqueueJob } from '../jobs/runner.ts';

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;
const lines: Record<string, unknown>[] = [];
before(async () => {
  db = await testDb();
  const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '' });
  app = await buildApp({ db, config, version }, { serveWeb: false, logger: 'info', logStream: { write: (l) => void lines.push(JSON.parse(l)) } });
});
after(async () => {
  await app.close();
  await db.close();
});

test('every answer carries a request id: the caller’s when well formed, a new one otherwise; the log line of the request names it', async () => {
  const mine = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'proxy-7f3a.1' } });
  assert.equal(mine.headers['x-request-id'], 'proxy-7f3a.1');
  const made = await app.inject({ method: 'GET', url: '/api/health' });
  assert.match(String(made.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  for (const bad of ['có dấu', 'a'.repeat(65), 'x\ny']) {
    const r = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': encodeURI(bad) === bad ? bad : bad.replace(/\n/g, '') + ' ' } });
    assert.notEqual(r.headers['x-request-id'], bad);
    assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/, `a malformed id (${JSON.stringify(bad)}) is replaced`);
  }
  const line = lines.find((l) => l.reqId === 'proxy-7f3a.1' && l.msg === 'request');
  assert.ok(line, JSON.stringify(lines.slice(-3)));
  assert.deepEqual(line.req, { method: 'GET', route: '/api/health' });
  assert.deepEqual(line.res, { statusCode: 200 });
  assert.equal(typeof line.ms, 'number');
});

test('the log names the route pattern, never the URL: no query string, no ID being searched, no tracking code', async () => {
  const before = lines.length;
  await app.inject({ method: 'GET', url: '/api/units?q=ha%20noi%20001234567890' });
  await app.inject({ method: 'GET', url: '/api/public/applications/SECRETCODE42' });
  await app.inject({ method: 'GET', url: '/api/khong-co?cccd=001234567890' });
  const text = JSON.stringify(lines.slice(before));
  assert.doesNotMatch(text, /001234567890|SECRETCODE42|ha%20noi|khong-co/);
  const routes = lines.slice(before).flatMap((l) => (l.msg === 'request' ? [(l.req as { route: string }).route] : []));
  assert.deepEqual(routes, ['/api/units', '/api/public/applications/:code', '(không có đường dẫn / no route)']);
});

test('/metrics: refused without credentials and to an officer; an operator token with system.metrics reads latency, jobs by state and progress', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode, 401);
  const officer = await createTestUser(db, { username: 'canbo-metrics', role: 'officer', unitCode: null });
  const or = await app.inject({ method: 'GET', url: '/api/metrics', headers: await sessionHeaders(db, officer) });
  assert.equal(or.statusCode, 403, or.body);

  const admin = await createTestUser(db, { username: 'quantri-metrics', role: 'admin', unitCode: null, totpSecret: 'JBSWY3DPEHPK3PXP' });
  const h = await sessionHeaders(db, admin);
  const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: h, payload: { name: 'prometheus', permissions: ['system.metrics'] } });
  assert.equal(created.statusCode, 201, created.body);
  const bearer = { authorization: `Bearer ${created.json().token}` };

  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/api/health' });
  await enqueueJob(db.k, 'registry_import', { test: true });
  await enqueueJob(db.k, 'registry_import', { test: true });
  const running = await enqueueJob(db.k, 'payroll', { test: true });
  await db.k.updateTable('jobs').set({ state: 'running', progress: 3, total: 4 }).where('id', '=', running).execute();

  const r = await app.inject({ method: 'GET', url: '/api/metrics', headers: bearer });
  assert.equal(r.statusCode, 200, r.body);
  assert.match(String(r.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  const value = (re: RegExp) => Number(r.body.match(re)?.[1] ?? NaN);
  assert.ok(value(/^ansinh_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="2xx"\} (\d+)$/m) >= 3, r.body.slice(0, 2000));
  assert.equal(value(/^ansinh_jobs\{kind="registry_import",state="queued"\} (\d+)$/m), 2);
  assert.equal(value(/^ansinh_jobs\{kind="payroll",state="running"\} (\d+)$/m), 1);
  assert.equal(value(new RegExp(`^ansinh_job_progress_ratio\\{job="${running}",kind="payroll"\\} ([\\d.]+)$`, 'm')), 0.75);
  assert.match(r.body, /^ansinh_process_resident_memory_bytes \d+/m);
  assert.match(r.body, /^ansinh_http_requests_in_flight \d+/m);
  // The same token reads nothing else.
  assert.equal((await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode, 403);
});

test('ANSINH_LOG: a level that is not one of off, error, warn, info, debug is refused at start; warn by default', () => {
  assert.throws(() => readConfig({ ANSINH_LOG: 'verbose' }), ConfigError);
  assert.equal(readConfig({}).log, 'warn');
  assert.equal(readConfig({ ANSINH_LOG: 'INFO' }).log, 'info');
});
