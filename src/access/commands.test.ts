// `ansinh users create`, `users list` and `audit verify` in-process on a test database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import type { CliCommand, CliContext } from '../kernel/cli.ts';
import { readConfig } from '../kernel/config.ts';
import { usersCreateCommand, usersListCommand } from './commands.ts';
import { auditVerifyCommand } from '../audit/commands.ts';
import { findUserByName, loadActor } from './store.ts';
import { verifyPassword } from './secrets.ts';

let db: Db;
before(async () => {
  db = await testDb();
});
after(async () => {
  await db.close();
});

async function run(cmd: CliCommand, values: Record<string, string | boolean>) {
  let out = '';
  const sink = new Writable({
    write(c, _e, cb) {
      out += String(c);
      cb();
    },
  });
  const ctx: CliContext = { config: readConfig({ ...process.env, DATABASE_URL: '' }), db: async () => db, stdout: sink, stderr: sink };
  const code = (await cmd.run({ positionals: [], values }, ctx)) ?? 0;
  return { code, out };
}

test('users create makes a Thu Lũm officer whose scope is the commune', async () => {
  const r = await run(usersCreateCommand, { username: 'thulum', password: 'ThuLum@2026', role: 'officer', unit: '03439', 'display-name': 'Lò Thị Mai' });
  assert.equal(r.code, 0);
  assert.match(r.out, /Created user thulum/);
  const u = (await findUserByName(db.k, 'THULUM'))!;
  assert.equal(u.display_name, 'Lò Thị Mai');
  assert.ok(u.password_hash.startsWith('$argon2id$'));
  assert.ok(await verifyPassword(u.password_hash, 'ThuLum@2026'));
  const actor = (await loadActor(db.k, u.id))!;
  assert.deepEqual(
    actor.roles.map((x) => [x.role, x.unitCode, x.unitName]),
    [['officer', '03439', 'Xã Thu Lũm']],
  );
  assert.ok(actor.scope !== 'all' && actor.scope.length >= 2, 'the commune and the former communes merged into it');
});

test('users create refuses a duplicate name, an unknown role or unit, and a weak password', async () => {
  await assert.rejects(run(usersCreateCommand, { username: 'ThuLum', password: 'ThuLum@2026', role: 'officer', unit: '03439' }), /already exists/);
  await assert.rejects(run(usersCreateCommand, { username: 'x.y', password: 'ThuLum@2026', role: 'boss' }), /--role must be one of/);
  await assert.rejects(run(usersCreateCommand, { username: 'x.y', password: 'ThuLum@2026', role: 'officer', unit: '99999' }), /99999/);
  await assert.rejects(run(usersCreateCommand, { username: 'x.y', password: 'short', role: 'officer' }));
});

test('users list shows roles with their units; audit verify counts the creations', async () => {
  await run(usersCreateCommand, { username: 'giamsat', password: 'GiamSat@2026', role: 'supervisor', unit: '12' });
  const l = await run(usersListCommand, {});
  assert.match(l.out, /thulum\s+officer@03439/);
  assert.match(l.out, /giamsat\s+supervisor@12/);
  assert.match(l.out, /2 user\(s\)/);
  const v = await run(auditVerifyCommand, {});
  assert.equal(v.code, 0);
  assert.match(v.out, /: 2 mục/);
});
