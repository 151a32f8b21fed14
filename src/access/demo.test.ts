// The demo users of the README: each signs in with the documented password, in the documented
// scope; the Thu Lũm officer cannot open Hoằng Phú (the "other commune").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../test/helpers/app.ts';
import { seedDemoUsers, demoUsers, DEMO_ADMIN_TOTP_SECRET } from './demo.ts';
import { demoLogins } from '../demo/seed.ts';
import { totpCode } from './secrets.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
  await seedDemoUsers(t.db, () => {});
  await seedDemoUsers(t.db, () => {}); // idempotent
});
after(async () => {
  await t.close();
});

test('every demo login signs in with its documented password and role', async () => {
  for (const u of demoUsers) {
    assert.ok(
      demoLogins.some((l) => l.username === u.username && l.password === u.password),
      `${u.username} is printed at start-up`,
    );
    const totp = u.totpSecret ? await totpCode(u.totpSecret, new Date()) : undefined;
    const r = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: u.username, password: u.password, ...(totp ? { totp } : {}) } });
    assert.equal(r.statusCode, 200, `${u.username}: ${r.body}`);
    assert.deepEqual(
      r.json().user.roles.map((x: { role: string; unitCode: string | null }) => [x.role, x.unitCode]),
      [[u.roleName, u.unitCode]],
    );
  }
  assert.ok(demoLogins.find((l) => l.username === 'admin')!.role.includes(DEMO_ADMIN_TOTP_SECRET));
});

test('the Thu Lũm officer reaches Thu Lũm and not Hoằng Phú', async () => {
  const r = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'thulum', password: 'ThuLum@2026' } });
  const cookie = r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const route = t.app.routeTable.find((x) => x.method === 'GET' && /:unitCode/.test(x.url) && (x.access as { unit?: unknown })?.unit !== undefined);
  if (!route) return; // no unit page yet
  const url = (code: string) => route.url.replace(/:unitCode/, code).replace(/:([A-Za-z]+)/g, 'x');
  const own = await t.app.inject({ method: 'GET', url: url('03439'), headers: { cookie } });
  assert.notEqual(own.statusCode, 403);
  assert.notEqual(own.statusCode, 401);
  const other = await t.app.inject({ method: 'GET', url: url('15889'), headers: { cookie } });
  assert.equal(other.statusCode, 404);
});

test('the database accepts every role of roleNames and no other (migration 140 follows permissions.ts)', async () => {
  const { roleNames } = await import('./permissions.ts');
  const { sql } = await import('kysely');
  const u = await sql<{ id: number }>`insert into users (username, display_name, password_hash) values ('roles-check', 'x', 'x') returning id`.execute(t.db.k);
  const id = u.rows[0]!.id;
  for (const role of roleNames) await sql`insert into user_roles (user_id, role) values (${id}, ${role})`.execute(t.db.k);
  await assert.rejects(sql`insert into user_roles (user_id, role) values (${id}, 'chairman')`.execute(t.db.k), /check/i);
  await sql`delete from users where id = ${id}`.execute(t.db.k);
});
