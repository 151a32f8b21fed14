// The audit log on a real database (PGlite and PostgreSQL): appends in the caller's transaction,
// refusal of updates and deletes, and `ansinh audit verify` against each kind of tampering that
// a database administrator could do by switching the trigger off (issue 3, part 4).
import type { AuditAction, AuditEntity } from './actions.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import type { CliContext } from '../kernel/cli.ts';
import { readConfig } from '../kernel/config.ts';
import { audit } from './store.ts';
import { auditVerifyCommand } from './commands.ts';
import { withActor } from '../access/scope.ts';
import { loadActor } from '../access/store.ts';
import { createTestUser } from '../access/testing.ts';

let db: Db;
let thulumUnit: number;
let hoangphuUnit: number;

before(async () => {
  db = await testDb();
  const u = await sql<{ code: string; id: number }>`select code, id from units where code in ('03439', '15889') and valid_to is null`.execute(db.k);
  thulumUnit = u.rows.find((r) => r.code === '03439')!.id;
  hoangphuUnit = u.rows.find((r) => r.code === '15889')!.id;
});
after(async () => {
  await db.close();
});

async function verify(): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({
      write(c, _e, cb) {
        f(String(c));
        cb();
      },
    });
  const ctx: CliContext = {
    config: readConfig({ ...process.env, DATABASE_URL: '' }),
    db: async () => db,
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
  };
  const code = (await auditVerifyCommand.run({ positionals: [], values: {} }, ctx)) ?? 0;
  return { code, out, err };
}

/** Runs SQL as the superuser with the append-only trigger switched off, as an intruder would. */
async function tamper(statement: string): Promise<void> {
  await db.k.transaction().execute(async (tx) => {
    await sql.raw('alter table audit_log disable trigger audit_log_append_only').execute(tx);
    await sql.raw(statement).execute(tx);
    await sql.raw('alter table audit_log enable trigger audit_log_append_only').execute(tx);
  });
}

test('an empty log verifies with 0 entries', async () => {
  const r = await verify();
  assert.equal(r.code, 0);
  assert.match(r.out, /: 0 mục/);
});

test('entries are appended in the caller transaction: a rolled-back change leaves no entry', async () => {
  await db.k.transaction().execute((tx) =>
    audit(tx, {
      actor: { userId: null, username: 'cli' },
      action: 'test.one' as AuditAction,
      entity: 'test' as AuditEntity,
      entityId: 1,
      unitId: thulumUnit,
      after: { a: 1, b: { z: 'Thu Lũm', y: [1, 2] } },
    }),
  );
  await assert.rejects(
    db.k.transaction().execute(async (tx) => {
      await audit(tx, { actor: null, action: 'test.rolled_back' as AuditAction, entity: 'test' as AuditEntity });
      throw new Error('the change failed');
    }),
  );
  const n = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'test.rolled_back'`.execute(db.k);
  assert.equal(n.rows[0]!.n, 0);
});

test('concurrent appends as the application role keep one unbroken chain', async () => {
  const uid = await createTestUser(db, { username: 'thulum', role: 'officer', unitCode: '03439' });
  const actor = (await loadActor(db.k, uid))!;
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      withActor(db, actor, (tx) =>
        audit(tx, {
          actor,
          action: 'test.concurrent' as AuditAction,
          entity: 'household' as AuditEntity,
          entityId: i,
          unitId: i % 2 ? thulumUnit : hoangphuUnit,
          before: { i },
          after: { i: i + 1, at: new Date('2026-01-01T00:00:00Z') },
        }),
      ),
    ),
  );
  const r = await verify();
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /: 13 mục/);
});

test('the log refuses updates and deletes, even from the database superuser', async () => {
  await assert.rejects(sql`update audit_log set action = 'x' where seq = 1`.execute(db.k), /append-only/);
  await assert.rejects(sql`delete from audit_log where seq = 1`.execute(db.k), /append-only/);
  const uid = (await sql<{ id: number }>`select id from users where username = 'thulum'`.execute(db.k)).rows[0]!.id;
  const actor = (await loadActor(db.k, uid))!;
  await assert.rejects(
    withActor(db, actor, (tx) => sql`delete from audit_log`.execute(tx)),
    /permission denied|append-only/,
  );
});

test('row-level security: the Thu Lũm officer sees only Thu Lũm entries of the log', async () => {
  const uid = (await sql<{ id: number }>`select id from users where username = 'thulum'`.execute(db.k)).rows[0]!.id;
  const actor = (await loadActor(db.k, uid))!;
  const seen = await withActor(db, actor, (tx) => sql<{ unit_id: number | null }>`select unit_id from audit_log`.execute(tx));
  assert.ok(seen.rows.length >= 6);
  assert.ok(seen.rows.every((r) => r.unit_id === thulumUnit));
});

test('an edited entry is named (exit 1), and the chain is whole again once it is put back', async () => {
  const orig = (await sql<{ after: unknown }>`select after from audit_log where seq = 5`.execute(db.k)).rows[0]!.after;
  await tamper(`update audit_log set after = '{"i": 999}' where seq = 5`);
  const r = await verify();
  assert.equal(r.code, 1);
  assert.match(r.err, /#5 đã bị sửa/);
  assert.match(r.err, /4 mục đầu hợp lệ/);
  await tamper(`update audit_log set after = '${JSON.stringify(orig)}' where seq = 5`);
  assert.equal((await verify()).code, 0);
});

test('a deleted entry is reported at the gap', async () => {
  const row = (await sql<Record<string, unknown>>`select * from audit_log where seq = 7`.execute(db.k)).rows[0]!;
  await tamper('delete from audit_log where seq = 7');
  const r = await verify();
  assert.equal(r.code, 1);
  assert.match(r.err, /#7 bị xóa hoặc đổi chỗ/);
  await db.k
    .insertInto('audit_log')
    .values(row as never)
    .execute();
  assert.equal((await verify()).code, 0);
});

test('two entries swapped (reordered) are reported', async () => {
  await tamper('update audit_log set seq = -3 where seq = 3');
  await tamper('update audit_log set seq = 3 where seq = 4');
  await tamper('update audit_log set seq = 4 where seq = -3');
  const r = await verify();
  assert.equal(r.code, 1);
  assert.match(r.err, /#3/);
  await tamper('update audit_log set seq = -3 where seq = 3; update audit_log set seq = 3 where seq = 4; update audit_log set seq = 4 where seq = -3');
  assert.equal((await verify()).code, 0);
});

test('an entry inserted with a made-up hash is reported', async () => {
  await tamper(`insert into audit_log (seq, at, action, entity, prev_hash, hash)
    select max(seq) + 1, now(), 'forged', 'test', 'f00d', 'beef' from audit_log`);
  const r = await verify();
  assert.equal(r.code, 1);
  assert.match(r.err, /liên kết trước mục #14|#14/);
  await tamper(`delete from audit_log where action = 'forged'`);
  assert.equal((await verify()).code, 0);
});

test('an entry rewritten with a correctly recomputed hash breaks the link of the next one', async () => {
  const { allEntries } = await import('./store.ts');
  const { hashEntry } = await import('./model.ts');
  let e10;
  for await (const e of allEntries(db.k)) if (e.seq === 10) e10 = e;
  const forged = { ...e10!, after: { i: 0 } };
  const hash = hashEntry(forged);
  await tamper(`update audit_log set after = '{"i": 0}', hash = '${hash}' where seq = 10`);
  const r = await verify();
  assert.equal(r.code, 1);
  assert.match(r.err, /liên kết trước mục #11/);
  assert.match(r.err, /10 mục đầu hợp lệ/);
});

test('a full read of sensitive fields is logged with the fields read, and chains like any entry', async () => {
  const { auditRead } = await import('./store.ts');
  // The test above left the chain broken on purpose: start a fresh log (as the superuser).
  await sql
    .raw('alter table audit_log disable trigger audit_log_append_only; delete from audit_log; alter table audit_log enable trigger audit_log_append_only')
    .execute(db.k);
  const uid = (await sql<{ id: number }>`select id from users where username = 'thulum'`.execute(db.k)).rows[0]!.id;
  const actor = (await loadActor(db.k, uid))!;
  const e = await withActor(db, actor, (tx) =>
    auditRead(tx, { actor, entity: 'person', entityId: 42, unitId: thulumUnit, fields: ['idNumber', 'disability'], ip: '10.0.0.7' }),
  );
  assert.equal(e.action, 'person.read_full');
  assert.deepEqual(e.after, { fields: ['idNumber', 'disability'] });
  assert.equal(e.actorUsername, 'thulum');
  const r = await verify();
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /: 1 mục/);
});
