// Issue 18, Low findings and "What to build" 8: CSP, frame and content-type options, referrer
// policy and `no-store` on personal-data responses; Secure cookies behind HTTPS by default; a bad
// URL, an unknown path and a wrong method under /api answer problem+json in Vietnamese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../server.ts';
import { readConfig } from './config.ts';
import { version } from './version.ts';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { createTestUser } from '../access/testing.ts';
import { contentSecurityPolicy } from './headers.ts';

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;
let httpsApp: Awaited<ReturnType<typeof buildApp>>;
const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '', ANSINH_PUBLIC_URL: '', ANSINH_SECURE_COOKIES: '' });

before(async () => {
  db = await testDb();
  app = await buildApp({ db, config, version }, { serveWeb: true });
  const httpsConfig = readConfig({
    ...process.env,
    ANSINH_DATA_DIR: '/nonexistent',
    DATABASE_URL: '',
    ANSINH_PUBLIC_URL: 'https://ansinh.laichau.gov.vn',
    ANSINH_SECURE_COOKIES: '',
  });
  httpsApp = await buildApp({ db, config: httpsConfig, version }, { serveWeb: false });
  await createTestUser(db, { username: 'hdr-officer', role: 'officer', unitCode: '03439', password: 'HdrOfficer@2026' });
});
after(async () => {
  await app.close();
  await httpsApp.close();
  await db.close();
});

test('every response carries CSP, X-Frame-Options DENY, nosniff and no referrer', async () => {
  for (const url of ['/api/session', '/api/units?q=lai', '/api/nope', '/']) {
    const r = await app.inject({ method: 'GET', url });
    assert.equal(r.headers['content-security-policy'], contentSecurityPolicy, url);
    assert.match(contentSecurityPolicy, /frame-ancestors 'none'/);
    assert.equal(r.headers['x-frame-options'], 'DENY', url);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(r.headers['referrer-policy'], 'no-referrer', url);
  }
});

test('API responses are no-store (full reads, bank exports, sign-in) except public reference data', async () => {
  for (const url of ['/api/session', '/api/registry/persons/1?full=true', '/api/payments/payrolls/1/export?format=bank-csv', '/api/audit', '/api/nope']) {
    assert.equal((await app.inject({ method: 'GET', url })).headers['cache-control'], 'no-store', url);
  }
  const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'hdr-officer', password: 'HdrOfficer@2026' } });
  assert.equal(signIn.statusCode, 200);
  assert.equal(signIn.headers['cache-control'], 'no-store');
  assert.notEqual((await app.inject({ method: 'GET', url: '/api/units?q=lai' })).headers['cache-control'], 'no-store');
  assert.notEqual((await app.inject({ method: 'GET', url: '/api/indicators' })).headers['cache-control'], 'no-store');
});

test('the built web app needs nothing the CSP refuses: no inline script or style, no eval', (t) => {
  const dist = config.webDir;
  if (!existsSync(join(dist, 'index.html'))) return t.skip('web/dist not built');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script>');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'inline style');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'a resource from another origin');
});

test('Swagger UI keeps its own policy, not framable and without upgrade-insecure-requests', async () => {
  const r = await app.inject({ method: 'GET', url: '/api/docs/static/index.html' });
  const csp = String(r.headers['content-security-policy']);
  assert.match(csp, /script-src-attr 'none'/); // the plugin's policy, not the app's
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  const ui = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
  assert.equal(ui.statusCode, 200);
});

test('cookies are Secure when ANSINH_PUBLIC_URL is https, not on a plain-HTTP install', async () => {
  const plain = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'hdr-officer', password: 'HdrOfficer@2026' } });
  assert.ok(plain.cookies.length >= 2);
  for (const c of plain.cookies) assert.ok(!c.secure, c.name);
  const https = await httpsApp.inject({ method: 'POST', url: '/api/session', payload: { username: 'hdr-officer', password: 'HdrOfficer@2026' } });
  assert.equal(https.statusCode, 200);
  for (const c of https.cookies) assert.equal(c.secure, true, c.name);
  assert.equal(readConfig({ ANSINH_PUBLIC_URL: 'https://x.vn', ANSINH_SECURE_COOKIES: '0' }).secureCookies, false);
  assert.equal(readConfig({ ANSINH_SECURE_COOKIES: '1' }).secureCookies, true);
});

test('a bad URL, an unknown path and a wrong method under /api answer problem+json in Vietnamese', async () => {
  const bad = await app.inject({ method: 'GET', url: '/api/units/%zz' });
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
  assert.equal(bad.json().title, 'Dữ liệu không hợp lệ');
  assert.equal(bad.headers['x-content-type-options'], 'nosniff');
  const missing = await app.inject({ method: 'GET', url: '/api/khong-co' });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
  assert.equal(missing.json().title, 'Không tìm thấy');
  const post = await app.inject({ method: 'POST', url: '/api/khong-co', payload: {} });
  assert.equal(post.statusCode, 404);
  assert.match(String(post.headers['content-type']), /application\/problem\+json/);
  const wrong = await app.inject({ method: 'DELETE', url: '/api/units/03439' });
  assert.equal(wrong.statusCode, 405);
  assert.equal(wrong.headers.allow, 'GET, HEAD');
  assert.match(String(wrong.headers['content-type']), /application\/problem\+json/);
  assert.equal(wrong.json().title, 'Phương thức không được hỗ trợ');
  const en = await app.inject({ method: 'DELETE', url: '/api/units/03439', headers: { 'accept-language': 'en' } });
  assert.equal(en.json().title, 'Method not allowed');
});
