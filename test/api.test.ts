// API conventions: health, OpenAPI, problem+json errors in both locales, default deny.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from './helpers/app.ts';
import { backend } from './helpers/db.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('GET /api/health answers without login with status, version and database kind', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.status, 'ok');
  assert.match(body.version, /^\d+\.\d+\.\d+/);
  assert.equal(body.database.kind, backend);
  assert.ok(body.database.migration >= 2);
});

test('GET /api/openapi.json is an OpenAPI 3 document listing the routes', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(r.statusCode, 200);
  const doc = r.json();
  assert.match(doc.openapi, /^3\./);
  assert.ok(doc.paths['/api/health']);
});

test('the OpenAPI document is browsable at /api/docs', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /swagger/i);
});

test('an unknown API path is a problem+json 404 in Vietnamese, or English on request', async () => {
  const vi = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
  assert.equal(vi.statusCode, 404);
  assert.match(vi.headers['content-type'] as string, /^application\/problem\+json/);
  assert.equal(vi.json().title, 'Không tìm thấy');
  assert.equal(vi.json().status, 404);
  const en = await t.app.inject({ method: 'GET', url: '/api/khong-co', headers: { 'accept-language': 'en' } });
  assert.equal(en.json().title, 'Not found');
});

test('every route declares who may call it', () => {
  const missing = t.app.routeTable.filter((r) => !r.access && !r.url.startsWith('/api/docs'));
  assert.deepEqual(missing, []);
});
