// Sign-in, sessions, CSRF, throttling, TOTP, API tokens and user administration through the
// HTTP API (issue 3, "Sign-in" and "Done means"). The clock is injected: no sleeping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../server.ts';
import { readConfig } from '../kernel/config.ts';
import { version } from '../kernel/version.ts';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { createTestUser, sessionHeaders } from './testing.ts';
import { totpCode } from './secrets.ts';
import { limits } from './model.ts';
import { allEntries } from '../audit/store.ts';
import { verifyChain } from '../audit/model.ts';

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;
let clock = new Date('2026-03-02T08:00:00Z');
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

before(async () => {
  db = await testDb();
  const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '' });
  app = await buildApp({ db, config, version }, { serveWeb: false, now: () => clock });
  await createTestUser(db, { username: 'thulum', role: 'officer', unitCode: '03439', password: 'ThuLum@2026' });
  await createTestUser(db, { username: 'hoangphu', role: 'officer', unitCode: '15889', password: 'HoangPhu@2026' });
  await createTestUser(db, { username: 'admin', role: 'admin', unitCode: null, password: 'Admin@2026', totpSecret: SECRET });
  await createTestUser(db, { username: 'newadmin', role: 'admin', unitCode: null, password: 'NewAdmin@2026' });
  await createTestUser(db, { username: 'admin12', role: 'admin', unitCode: '12', password: 'Admin12@2026', totpSecret: SECRET });
});
after(async () => {
  await app.close();
  await db.close();
});

const signIn = (username: string, password: string, extra: Record<string, string> = {}, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/session', payload: { username, password, ...extra }, remoteAddress: ip });

function cookiesOf(r: { cookies: { name: string; value: string }[] }) {
  const s = r.cookies.find((c) => c.name === 'ansinh_session')!;
  const c = r.cookies.find((c) => c.name === 'ansinh_csrf')!;
  return { cookie: `ansinh_session=${s.value}`, 'x-csrf-token': c.value };
}

test('signing in sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie; GET /api/session returns the user', async () => {
  const r = await signIn('thulum', 'ThuLum@2026');
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  assert.equal(body.user.username, 'thulum');
  assert.deepEqual(body.user.roles, [{ role: 'officer', unitCode: '03439', unitName: 'Xã Thu Lũm' }]);
  assert.ok(body.user.permissions.includes('monitoring.enter'));
  assert.ok(!body.user.permissions.includes('users.manage'));
  const sc = r.cookies.find((c) => c.name === 'ansinh_session')!;
  assert.equal(sc.httpOnly, true);
  assert.equal(sc.sameSite, 'Lax');
  const csrf = r.cookies.find((c) => c.name === 'ansinh_csrf')!;
  assert.ok(!csrf.httpOnly);
  assert.equal(csrf.value, body.csrfToken);
  const h = cookiesOf(r);
  const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: h.cookie } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.username, 'thulum');
  assert.equal(me.json().csrfToken, body.csrfToken);
  const none = await app.inject({ method: 'GET', url: '/api/session' });
  assert.equal(none.statusCode, 401);
});

test('a wrong password is 401 with the Vietnamese message, whether or not the user exists', async () => {
  for (const u of ['thulum', 'khongco']) {
    const r = await signIn(u, 'sai-mat-khau', {}, '10.0.0.2');
    assert.equal(r.statusCode, 401);
    assert.match(r.headers['content-type'] as string, /problem\+json/);
    assert.equal(r.json().detail, 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
});

test('brute force: the 6th attempt is 429 even with the right password, and allowed again after 15 minutes', async () => {
  await createTestUser(db, { username: 'bruteforce', role: 'officer', unitCode: '03439', password: 'Right@2026!' });
  for (let i = 1; i <= limits.userFailures; i++) {
    const r = await signIn('bruteforce', `wrong-${i}`, {}, `10.1.0.${i}`);
    assert.equal(r.statusCode, 401, `attempt ${i}`);
  }
  const locked = await signIn('bruteforce', 'Right@2026!', {}, '10.1.0.99');
  assert.equal(locked.statusCode, 429);
  assert.match(locked.json().detail, /15 phút/);
  assert.ok(Number(locked.headers['retry-after']) > 0);
  advance(limits.lockoutMs - 60_000);
  assert.equal((await signIn('bruteforce', 'Right@2026!', {}, '10.1.0.99')).statusCode, 429, 'still locked a minute before the end');
  advance(60_000);
  assert.equal((await signIn('bruteforce', 'Right@2026!', {}, '10.1.0.99')).statusCode, 200);
});

test('one address trying many usernames is throttled too', async () => {
  const ip = '10.9.9.9';
  for (let i = 0; i < limits.ipFailures; i++) assert.equal((await signIn(`nobody${i}`, 'x', {}, ip)).statusCode, 401);
  const r = await signIn('thulum', 'ThuLum@2026', {}, ip);
  assert.equal(r.statusCode, 429);
  assert.equal((await signIn('thulum', 'ThuLum@2026', {}, '10.9.9.10')).statusCode, 200, 'another address is not affected');
  advance(limits.lockoutMs);
});

test('a cookie-authenticated write without the CSRF header is refused with 403', async () => {
  const h = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  const no = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: h.cookie }, payload: { name: 'x' } });
  assert.equal(no.statusCode, 403);
  assert.match(no.json().detail, /CSRF/);
  const wrong = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: h.cookie, 'x-csrf-token': 'abc' }, payload: { name: 'x' } });
  assert.equal(wrong.statusCode, 403);
  const ok = await app.inject({ method: 'POST', url: '/api/tokens', headers: h, payload: { name: 'x' } });
  assert.equal(ok.statusCode, 201, ok.body);
});

test("a session cookie from one user cannot act for another: A's cookie with B's CSRF token, or on B's token", async () => {
  const a = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  const b = cookiesOf(await signIn('hoangphu', 'HoangPhu@2026'));
  const mixed = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: { cookie: a.cookie, 'x-csrf-token': b['x-csrf-token'] },
    payload: { name: 'x' },
  });
  assert.equal(mixed.statusCode, 403);
  const bTok = await app.inject({ method: 'POST', url: '/api/tokens', headers: b, payload: { name: 'B machine' } });
  assert.equal(bTok.statusCode, 201);
  const del = await app.inject({ method: 'DELETE', url: `/api/tokens/${bTok.json().id}`, headers: a });
  assert.equal(del.statusCode, 404, 'B’s token is invisible to A');
  const list = await app.inject({ method: 'GET', url: '/api/tokens', headers: { authorization: `Bearer ${bTok.json().token}` } });
  assert.deepEqual(
    list.json().items.map((t: { name: string }) => t.name),
    ['B machine'],
  );
});

test('sessions expire after 30 idle minutes and 12 hours in all, and sign-out ends them', async () => {
  const h = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  advance(limits.sessionIdleMs - 60_000);
  assert.equal((await app.inject({ method: 'GET', url: '/api/tokens', headers: h })).statusCode, 200, 'active after 29 minutes');
  advance(limits.sessionIdleMs);
  assert.equal((await app.inject({ method: 'GET', url: '/api/tokens', headers: h })).statusCode, 401, 'idle for 30 minutes');

  const h2 = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  for (let t = 0; t < limits.sessionAbsoluteMs - 20 * 60_000; t += 20 * 60_000) {
    assert.equal((await app.inject({ method: 'GET', url: '/api/tokens', headers: h2 })).statusCode, 200);
    advance(20 * 60_000);
  }
  advance(20 * 60_000);
  assert.equal((await app.inject({ method: 'GET', url: '/api/tokens', headers: h2 })).statusCode, 401, '12 hours after sign-in');

  const h3 = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  const h4 = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/session', headers: h3 })).statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: h3 })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: h4 })).statusCode, 200);
  const h5 = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  const all = await app.inject({ method: 'POST', url: '/api/session/revoke-all', headers: h5 });
  assert.equal(all.statusCode, 200);
  assert.ok(all.json().ended >= 2);
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: h4 })).statusCode, 401, 'signed out everywhere');
});

test('TOTP: an administrator with TOTP needs the code; a wrong code is refused', async () => {
  const r = await signIn('admin', 'Admin@2026');
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().totpRequired, true);
  assert.equal(r.json().errors[0].path, '/totp');
  const bad = await signIn('admin', 'Admin@2026', { totp: '000000' });
  assert.equal(bad.statusCode, 401);
  const ok = await signIn('admin', 'Admin@2026', { totp: await totpCode(SECRET, clock) });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().user.totpEnabled, true);
  assert.equal(ok.json().user.mustEnrollTotp, false);
  const h = cookiesOf(ok);
  assert.equal((await app.inject({ method: 'GET', url: '/api/users', headers: h })).statusCode, 200);
  const off = await app.inject({ method: 'DELETE', url: '/api/me/totp', headers: h, payload: { password: 'Admin@2026' } });
  assert.equal(off.statusCode, 409, 'administrators keep TOTP');
});

test('an administrator without TOTP must enrol before anything else', async () => {
  const r = await signIn('newadmin', 'NewAdmin@2026');
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().user.mustEnrollTotp, true);
  const h = cookiesOf(r);
  assert.equal((await app.inject({ method: 'GET', url: '/api/users', headers: h })).statusCode, 403);
  const setup = await app.inject({ method: 'POST', url: '/api/me/totp/setup', headers: h });
  assert.equal(setup.statusCode, 200);
  assert.match(setup.json().otpauthUrl, /^otpauth:\/\/totp\/ansinh:newadmin\?secret=/);
  const wrong = await app.inject({ method: 'POST', url: '/api/me/totp/confirm', headers: h, payload: { code: '123456' } });
  assert.equal(wrong.statusCode, 400);
  const confirm = await app.inject({ method: 'POST', url: '/api/me/totp/confirm', headers: h, payload: { code: await totpCode(setup.json().secret, clock) } });
  assert.equal(confirm.statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/users', headers: h })).statusCode, 200);
});

test('API tokens: shown once, hashed at rest, narrowed to their permissions, revocable', async () => {
  const h = cookiesOf(await signIn('thulum', 'ThuLum@2026'));
  const tooMuch = await app.inject({ method: 'POST', url: '/api/tokens', headers: h, payload: { name: 'x', permissions: ['users.manage'] } });
  assert.equal(tooMuch.statusCode, 400);
  const c = await app.inject({ method: 'POST', url: '/api/tokens', headers: h, payload: { name: 'DHIS2 sync', permissions: ['monitoring.read'] } });
  assert.equal(c.statusCode, 201);
  const { token, id } = c.json();
  assert.match(token, /^ansinh_/);
  const { sql } = await import('kysely');
  const stored = await sql<{ token_hash: string }>`select token_hash from api_tokens where id = ${id}`.execute(db.k);
  assert.notEqual(stored.rows[0]!.token_hash, token);
  const bearer = { authorization: `Bearer ${token}` };
  const audit = await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer });
  assert.equal(audit.statusCode, 403, 'account.self is not among the token’s permissions');
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: h })).statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode, 401, 'revoked');
});

test('a province administrator manages only users inside the province', async () => {
  const r = await signIn('admin12', 'Admin12@2026', { totp: await totpCode(SECRET, clock) });
  assert.equal(r.statusCode, 200, r.body);
  const h = cookiesOf(r);
  const list = await app.inject({ method: 'GET', url: '/api/users', headers: h });
  const names = list.json().items.map((u: { username: string }) => u.username);
  assert.ok(names.includes('thulum'));
  assert.ok(!names.includes('hoangphu'), 'Hoằng Phú is in Thanh Hóa');
  assert.ok(!names.includes('admin'), 'a national administrator is outside a province');
  const outside = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: h,
    payload: { username: 'ngoai.pham.vi', displayName: 'X', roles: [{ role: 'officer', unitCode: '15889' }] },
  });
  assert.equal(outside.statusCode, 403);
  const national = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: h,
    payload: { username: 'toan.quoc', displayName: 'X', roles: [{ role: 'supervisor', unitCode: null }] },
  });
  assert.equal(national.statusCode, 403);
  advance(30_000); // a TOTP code is single-use: the next sign-in takes the next step's code
  const all = await app.inject({
    method: 'GET',
    url: '/api/users',
    headers: cookiesOf(await signIn('admin', 'Admin@2026', { totp: await totpCode(SECRET, clock) })),
  });
  const hoangphuId = all.json().items.find((u: { username: string }) => u.username === 'hoangphu').id;
  assert.equal((await app.inject({ method: 'PATCH', url: `/api/users/${hoangphuId}`, headers: h, payload: { disabled: true } })).statusCode, 404);

  const created = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: h,
    payload: { username: 'canbo.ml', displayName: 'Cán bộ Mường Tè', roles: [{ role: 'officer', unitCode: '03439' }] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const temp = created.json().temporaryPassword;
  assert.equal(temp.length, 14);
  const first = await signIn('canbo.ml', temp);
  assert.equal(first.statusCode, 200);
  assert.equal(first.json().user.mustChangePassword, true);
  const fh = cookiesOf(first);
  const short = await app.inject({ method: 'POST', url: '/api/me/password', headers: fh, payload: { current: temp, next: 'ngan' } });
  assert.equal(short.statusCode, 400);
  const same = await app.inject({ method: 'POST', url: '/api/me/password', headers: fh, payload: { current: temp, next: 'canbo.ml' } });
  assert.equal(same.statusCode, 400);
  assert.equal((await app.inject({ method: 'POST', url: '/api/me/password', headers: fh, payload: { current: temp, next: 'MuongTe@2026' } })).statusCode, 204);
  assert.equal((await signIn('canbo.ml', 'MuongTe@2026')).json().user.mustChangePassword, false);

  const uid = created.json().user.id;
  const dis = await app.inject({ method: 'PATCH', url: `/api/users/${uid}`, headers: h, payload: { disabled: true } });
  assert.equal(dis.statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: fh })).statusCode, 401, 'disabling ends the sessions');
  assert.equal((await signIn('canbo.ml', 'MuongTe@2026')).statusCode, 401);
});

test('every sign-in and change above is in the audit log, and the chain is intact', async () => {
  const entries = [];
  for await (const e of allEntries(db.k)) entries.push(e);
  const v = verifyChain(entries);
  assert.equal(v.ok, true);
  const actions = new Set(entries.map((e) => e.action));
  for (const a of [
    'session.sign_in',
    'session.sign_in_failed',
    'session.sign_out',
    'session.revoke_all',
    'token.create',
    'token.revoke',
    'user.create',
    'user.update',
    'user.password_change',
    'user.totp_enable',
  ]) {
    assert.ok(actions.has(a), a);
  }
  const h = await sessionHeaders(db, entries.find((e) => e.action === 'session.sign_in' && e.actorUsername === 'admin')!.actorUserId!, clock);
  const page = await app.inject({ method: 'GET', url: '/api/audit?entity=user&actor=admin12', headers: h });
  assert.equal(page.statusCode, 200, page.body);
  assert.ok(page.json().items.length > 0);
  assert.ok(page.json().items.every((e: { actorUsername: string }) => e.actorUsername === 'admin12'));
  const seqs = page.json().items.map((e: { seq: number }) => e.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((a: number, b: number) => b - a),
    'newest first',
  );
  // Each event and record kind is named in words, in the reader's language.
  const created = page.json().items.find((e: { action: string }) => e.action === 'user.create');
  assert.ok(created, 'the user.create entry');
  assert.equal(created.actionLabel, 'Tạo tài khoản');
  assert.equal(created.entityLabel, 'Tài khoản');
  const en = await app.inject({ method: 'GET', url: '/api/audit?entity=user&actor=admin12', headers: { ...h, 'accept-language': 'en' } });
  assert.equal(en.json().items.find((e: { action: string }) => e.action === 'user.create').actionLabel, 'Created a user');
});
