// Tokens, sessions and sign-in after the probe of issue 18 ("What to build" 4): a token never
// mints more than it holds, tokens die with password changes, resets and sign-out-everywhere,
// account security actions need a session, TOTP codes are single-use, a "must change password"
// user can only change it, and X-Forwarded-For is trusted only from configured proxies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../server.ts';
import { readConfig } from '../kernel/config.ts';
import { version } from '../kernel/version.ts';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { createTestUser } from './testing.ts';
import { totpCode } from './secrets.ts';

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;
let clock = new Date('2026-03-02T08:00:00Z');
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

before(async () => {
  db = await testDb();
  const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '' });
  app = await buildApp({ db, config, version }, { serveWeb: false, now: () => clock });
});
after(async () => {
  await app.close();
  await db.close();
});

const signIn = async (username: string, password: string, extra: Record<string, string> = {}, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/session', payload: { username, password, ...extra }, remoteAddress: ip });

async function session(username: string, password: string, extra: Record<string, string> = {}) {
  const r = await signIn(username, password, extra);
  assert.equal(r.statusCode, 200, r.body);
  const s = r.cookies.find((c) => c.name === 'ansinh_session')!;
  return { cookie: `ansinh_session=${s.value}`, 'x-csrf-token': r.json().csrfToken as string };
}

async function mint(headers: Record<string, string>, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/tokens', headers, payload });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const works = async (token: string) => (await app.inject({ method: 'GET', url: '/api/registry/units/03439/jobs', headers: bearer(token) })).statusCode;

test('Medium 5: a token limited to account.self cannot mint a token with more, nor one that outlives it', async () => {
  await createTestUser(db, { username: 'tok.officer', role: 'officer', unitCode: '03439', password: 'TokOfficer@2026' });
  const h = await session('tok.officer', 'TokOfficer@2026');
  const expiresAt = new Date(clock.getTime() + 7 * 86_400_000).toISOString();
  const self = await mint(h, { name: 'self only', permissions: ['account.self'], expiresAt });
  assert.equal(self.statusCode, 201, self.body);
  const b = bearer(self.json().token);
  // The probe: no permissions in the body used to mean "every permission of the user".
  const child = await mint(b, { name: 'escalated' });
  assert.equal(child.statusCode, 201, child.body);
  assert.deepEqual(child.json().permissions, ['account.self'], 'the child inherits the parent’s limits');
  assert.equal(child.json().expiresAt, expiresAt, 'and its expiry');
  assert.equal(await works(child.json().token), 403, 'the child cannot read the registry');
  const explicit = await mint(b, { name: 'explicit', permissions: ['units.read'] });
  assert.equal(explicit.statusCode, 400);
  assert.equal(explicit.json().errors[0].path, '/body/permissions/0');
  const longer = await mint(b, { name: 'longer', expiresAt: new Date(clock.getTime() + 30 * 86_400_000).toISOString() });
  assert.equal(longer.statusCode, 400);
  assert.equal(longer.json().errors[0].path, '/body/expiresAt');
});

test('Medium 5: a token cannot sign its user out everywhere, change the password or touch TOTP', async () => {
  const h = await session('tok.officer', 'TokOfficer@2026');
  const tok = (await mint(h, { name: 'full' })).json().token as string;
  for (const [method, url, payload] of [
    ['POST', '/api/session/revoke-all', {}],
    ['POST', '/api/me/password', { current: 'TokOfficer@2026', next: 'Another@2026x' }],
    ['POST', '/api/me/totp/setup', {}],
    ['DELETE', '/api/me/totp', { password: 'TokOfficer@2026' }],
  ] as const) {
    const r = await app.inject({ method, url, headers: bearer(tok), payload });
    assert.equal(r.statusCode, 403, `${method} ${url}: ${r.body}`);
    assert.match(r.headers['content-type'] as string, /problem\+json/);
    assert.match(r.json().detail, /mã API/);
  }
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: h })).statusCode, 200, 'the session was not ended');
});

test('Medium 6: password change, admin reset and sign-out-everywhere revoke the user’s API tokens', async () => {
  await createTestUser(db, { username: 'tok.admin', role: 'admin', unitCode: null, password: 'TokAdmin@2026', totpSecret: SECRET });
  const userId = await createTestUser(db, { username: 'tok.victim', role: 'officer', unitCode: '03439', password: 'TokVictim@2026' });

  let h = await session('tok.victim', 'TokVictim@2026');
  let tok = (await mint(h, { name: 'before change' })).json().token as string;
  assert.equal(await works(tok), 200);
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/me/password', headers: h, payload: { current: 'TokVictim@2026', next: 'TokVictim@2027' } })).statusCode,
    204,
  );
  assert.equal(await works(tok), 401, 'revoked by the password change');
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: h })).statusCode, 200, 'the session that changed it stays');

  tok = (await mint(h, { name: 'before sign-out everywhere' })).json().token as string;
  const all = await app.inject({ method: 'POST', url: '/api/session/revoke-all', headers: h });
  assert.equal(all.statusCode, 200);
  assert.equal(all.json().tokensRevoked, 1);
  assert.equal(await works(tok), 401, 'revoked by signing out everywhere');

  h = await session('tok.victim', 'TokVictim@2027');
  tok = (await mint(h, { name: 'before reset' })).json().token as string;
  advance(31_000); // the administrator's TOTP code must be a fresh one (single-use)
  const admin = await session('tok.admin', 'TokAdmin@2026', { totp: await totpCode(SECRET, clock) });
  const reset = await app.inject({ method: 'POST', url: `/api/users/${userId}/password-reset`, headers: admin });
  assert.equal(reset.statusCode, 200, reset.body);
  assert.equal(await works(tok), 401, 'revoked by the administrator’s reset');
});

test('Low: a TOTP code signs in once; the same code again is refused, the next step’s code works', async () => {
  await createTestUser(db, { username: 'totp.once', role: 'officer', unitCode: '03439', password: 'TotpOnce@2026', totpSecret: SECRET });
  advance(30_000);
  const code = await totpCode(SECRET, clock);
  const usedStep = Math.floor(clock.getTime() / 30_000);
  assert.equal((await signIn('totp.once', 'TotpOnce@2026', { totp: code })).statusCode, 200);
  const again = await signIn('totp.once', 'TotpOnce@2026', { totp: code });
  assert.equal(again.statusCode, 401, 'a replayed code');
  assert.equal(again.json().totpRequired, true);
  assert.match(again.json().detail, /đã được dùng/);
  advance(10_000);
  assert.equal((await signIn('totp.once', 'TotpOnce@2026', { totp: code })).statusCode, 401, 'still within the tolerance window, still refused');
  const { sql } = await import('kysely');
  const stored = await sql<{ totp_last_step: number }>`select totp_last_step from users where username = 'totp.once'`.execute(db.k);
  assert.equal(Number(stored.rows[0]!.totp_last_step), usedStep, 'the step used is kept in the database');
  advance(30_000);
  assert.equal((await signIn('totp.once', 'TotpOnce@2026', { totp: await totpCode(SECRET, clock) })).statusCode, 200, 'the next code');
});

test('Low: turning TOTP off needs the current password, not only a session', async () => {
  advance(30_000);
  const h = await session('totp.once', 'TotpOnce@2026', { totp: await totpCode(SECRET, clock) });
  const none = await app.inject({ method: 'DELETE', url: '/api/me/totp', headers: h });
  assert.equal(none.statusCode, 400, 'no password');
  const wrong = await app.inject({ method: 'DELETE', url: '/api/me/totp', headers: h, payload: { password: 'not-the-password' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().errors[0].path, '/body/password');
  const ok = await app.inject({ method: 'DELETE', url: '/api/me/totp', headers: h, payload: { password: 'TotpOnce@2026' } });
  assert.equal(ok.statusCode, 204, ok.body);
  assert.equal((await signIn('totp.once', 'TotpOnce@2026')).statusCode, 200, 'no code asked any more');
});

test('Low: a user with a temporary password can only read the session, change the password and sign out', async () => {
  advance(30_000);
  const admin = await session('tok.admin', 'TokAdmin@2026', { totp: await totpCode(SECRET, clock) });
  const created = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin,
    payload: { username: 'temp.pw', displayName: 'Tạm', roles: [{ role: 'officer', unitCode: '03439' }] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const temp = created.json().temporaryPassword as string;
  const h = await session('temp.pw', temp);
  assert.equal((await app.inject({ method: 'GET', url: '/api/session', headers: h })).json().user.mustChangePassword, true);
  for (const [method, url] of [
    ['GET', '/api/registry/units/03439/jobs'],
    ['GET', '/api/tokens'],
    ['POST', '/api/tokens'],
    ['POST', '/api/session/revoke-all'],
  ] as const) {
    const r = await app.inject({ method, url, headers: h, ...(method === 'POST' ? { payload: { name: 'x' } } : {}) });
    assert.equal(r.statusCode, 403, `${method} ${url}`);
    assert.match(r.headers['content-type'] as string, /problem\+json/);
    assert.match(r.json().detail, /mật khẩu tạm thời/);
  }
  assert.equal((await app.inject({ method: 'POST', url: '/api/me/password', headers: h, payload: { current: temp, next: 'TempPw@2026x' } })).statusCode, 204);
  assert.equal((await app.inject({ method: 'GET', url: '/api/registry/units/03439/jobs', headers: h })).statusCode, 200, 'full access after the change');
  assert.equal((await app.inject({ method: 'DELETE', url: '/api/session', headers: h })).statusCode, 204);
});

test('Medium 7: X-Forwarded-For is ignored by default: forged addresses neither dodge the address lockout nor reach the audit log', async () => {
  const { sql } = await import('kysely');
  const attacker = '203.0.113.66';
  const { limits } = await import('./model.ts');
  for (let i = 0; i < limits.ipFailures; i++) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: `ghost${i}`, password: 'x' },
      remoteAddress: attacker,
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    });
    assert.equal(r.statusCode, 401);
  }
  const locked = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'ghost-last', password: 'x' },
    remoteAddress: attacker,
    headers: { 'x-forwarded-for': '198.51.100.250' },
  });
  assert.equal(locked.statusCode, 429, 'a new forged address per try does not reset the lockout');
  const ips = await sql<{ ip: string }>`select distinct ip from audit_log where action = 'session.sign_in_failed' and after->>'username' like 'ghost%'`.execute(
    db.k,
  );
  assert.deepEqual(
    ips.rows.map((r) => r.ip),
    [attacker],
    'the audit log has the real address',
  );
  advance(limits.lockoutMs);
});

test('Medium 7: ANSINH_TRUST_PROXY names the proxies whose X-Forwarded-For is believed; others are not', async () => {
  const { parseTrustProxy } = await import('../kernel/config.ts');
  assert.deepEqual(parseTrustProxy(' 127.0.0.1, 10.0.0.0/8 ,::1,loopback'), ['127.0.0.1', '10.0.0.0/8', '::1', 'loopback']);
  assert.deepEqual(parseTrustProxy(undefined), []);
  for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.org']) assert.throws(() => parseTrustProxy(bad), /ANSINH_TRUST_PROXY/, bad);

  const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '', ANSINH_TRUST_PROXY: '10.0.0.5' });
  const proxied = await buildApp({ db, config, version }, { serveWeb: false, now: () => clock });
  try {
    const { sql } = await import('kysely');
    const viaProxy = await proxied.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'proxy-a', password: 'x' },
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': '198.51.100.9' },
    });
    assert.equal(viaProxy.statusCode, 401);
    const direct = await proxied.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'proxy-b', password: 'x' },
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '198.51.100.10' },
    });
    assert.equal(direct.statusCode, 401);
    const ipOf = async (u: string) =>
      (await sql<{ ip: string }>`select ip from audit_log where action = 'session.sign_in_failed' and after->>'username' = ${u}`.execute(db.k)).rows[0]?.ip;
    assert.equal(await ipOf('proxy-a'), '198.51.100.9', 'the client behind the trusted proxy');
    assert.equal(await ipOf('proxy-b'), '203.0.113.7', 'a header from anyone else is ignored');
  } finally {
    await proxied.close();
  }
});
