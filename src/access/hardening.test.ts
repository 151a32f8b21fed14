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
  assert.equal((await app.inject({ method: 'POST', url: '/api/me/password', headers: h, payload: { current: 'TokVictim@2026', next: 'TokVictim@2027' } })).statusCode, 204);
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
