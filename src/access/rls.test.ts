// Row-level security (issue 3, part 3): a query that forgets its unit filter (a count, a search,
// an export, a join to related records) still sees only the actor's units, on PGlite and
// PostgreSQL. The table is made here with the policy pattern features copy (030_access.sql).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { withActor } from './scope.ts';
import { loadActor } from './store.ts';
import { createTestUser } from './testing.ts';
import type { Actor } from './model.ts';

let db: Db;
const actors: Record<string, Actor> = {};
const unit: Record<string, number> = {};

before(async () => {
  db = await testDb();
  const u = await sql<{ code: string; id: number; valid_to: string | null }>`
    select code, id, valid_to from units where code in ('03439', '15889', '12') order by id`.execute(db.k);
  unit.thulum = u.rows.find((r) => r.code === '03439' && r.valid_to === null)!.id;
  unit.kalang = u.rows.find((r) => r.code === '03439' && r.valid_to !== null)!.id; // Xã Ka Lăng, merged into Thu Lũm
  unit.hoangphu = u.rows.find((r) => r.code === '15889' && r.valid_to === null)!.id;
  unit.laichau = u.rows.find((r) => r.code === '12' && r.valid_to === null)!.id;
  await sql
    .raw(
      `
    create table test_households (id serial primary key, unit_id int not null references units(id), head text not null);
    create table test_members (id serial primary key, household_id int not null references test_households(id), unit_id int not null, name text not null);
    alter table test_households enable row level security;
    create policy test_households_scope on test_households to ansinh_app
      using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
    alter table test_members enable row level security;
    create policy test_members_scope on test_members to ansinh_app
      using (ansinh_unit_within(unit_id, ansinh_scope()) or ansinh_scope() is null) with check (ansinh_in_scope(unit_id));
  `,
    )
    .execute(db.k);
  const rows: [number, string][] = [
    [unit.thulum, 'Lò Văn Pọm'],
    [unit.thulum, 'Chang A Sử'],
    [unit.kalang, 'Pờ Thị Mé'],
    [unit.hoangphu, 'Lê Văn Tám'],
    [unit.hoangphu, 'Lê Thị Pọm'],
    [unit.hoangphu, 'Nguyễn Văn Chín'],
  ];
  for (const [u, head] of rows) {
    const h = await sql<{ id: number }>`insert into test_households (unit_id, head) values (${u}, ${head}) returning id`.execute(db.k);
    await sql`insert into test_members (household_id, unit_id, name) values (${h.rows[0]!.id}, ${u}, ${head + ' (con)'})`.execute(db.k);
  }
  for (const [name, role, code] of [
    ['thulum', 'officer', '03439'],
    ['laichau', 'approver', '12'],
    ['admin', 'admin', null],
  ] as const) {
    const id = await createTestUser(db, { username: name, role, unitCode: code });
    actors[name] = (await loadActor(db.k, id))!;
  }
});
after(async () => {
  await db.close();
});

test('an unfiltered count as the Thu Lũm officer counts only Thu Lũm (with Ka Lăng, merged into it on 01/07/2025)', async () => {
  const n = await withActor(db, actors.thulum!, (tx) => sql<{ n: number }>`select count(*)::int as n from test_households`.execute(tx));
  assert.equal(n.rows[0]!.n, 3);
  const owner = await sql<{ n: number }>`select count(*)::int as n from test_households`.execute(db.k);
  assert.equal(owner.rows[0]!.n, 6, 'outside withActor (migrations, CLI) everything is there');
});

test('a search, an export and a join to related records see only in-scope rows', async () => {
  const search = await withActor(db, actors.thulum!, (tx) => sql<{ head: string }>`select head from test_households where head ilike '%Pọm%'`.execute(tx));
  assert.deepEqual(
    search.rows.map((r) => r.head),
    ['Lò Văn Pọm'],
  );
  const exportAll = await withActor(db, actors.thulum!, (tx) => sql<{ unit_id: number }>`select * from test_households`.execute(tx));
  assert.ok(exportAll.rows.every((r) => r.unit_id === unit.thulum || r.unit_id === unit.kalang));
  const joined = await withActor(db, actors.thulum!, (tx) =>
    sql<{ name: string }>`select m.name from test_members m join test_households h on h.id = m.household_id`.execute(tx),
  );
  assert.equal(joined.rows.length, 3);
  const members = await withActor(db, actors.thulum!, (tx) => sql<{ n: number }>`select count(*)::int as n from test_members`.execute(tx));
  assert.equal(members.rows[0]!.n, 3, 'ansinh_unit_within in a policy gives the same answer');
});

test('writing a row for another commune is refused by the policy', async () => {
  await assert.rejects(
    withActor(db, actors.thulum!, (tx) => sql`insert into test_households (unit_id, head) values (${unit.hoangphu}, 'Giả mạo')`.execute(tx)),
    /row-level security/,
  );
  const upd = await withActor(db, actors.thulum!, (tx) => sql`update test_households set head = 'x' where unit_id = ${unit.hoangphu}`.execute(tx));
  assert.equal(Number(upd.numAffectedRows), 0, 'other communes’ rows are invisible to an update');
});

test('a province approver sees the province; the administrator sees all; nobody signed in sees nothing', async () => {
  const count = async (a: Actor | null) =>
    (await withActor(db, a, (tx) => sql<{ n: number }>`select count(*)::int as n from test_households`.execute(tx))).rows[0]!.n;
  assert.equal(await count(actors.laichau!), 3);
  assert.equal(await count(actors.admin!), 6);
  assert.equal(await count(null), 0);
  assert.ok(actors.laichau!.scope !== 'all' && actors.laichau!.scope.includes(unit.laichau!));
});

test('the secrets of access control are out of reach of code running as the application role', async () => {
  await assert.rejects(
    withActor(db, actors.admin!, (tx) => sql`select password_hash from users`.execute(tx)),
    /permission denied/,
  );
  await assert.rejects(
    withActor(db, actors.admin!, (tx) => sql`select * from sessions`.execute(tx)),
    /permission denied/,
  );
  const names = await withActor(db, actors.thulum!, (tx) => sql<{ username: string }>`select username, display_name from users`.execute(tx));
  assert.ok(names.rows.length >= 3, 'display names stay readable for "entered by" columns');
});

test('plans: a commune reads its own plans and those of the units above it, not those of another province (migration 197)', async () => {
  const ids: Record<string, number> = {};
  for (const [name, u] of [
    ['commune', unit.thulum],
    ['former', unit.kalang],
    ['province', unit.laichau],
    ['other', unit.hoangphu],
  ] as const) {
    const r = await sql<{ id: number }>`insert into plans (unit_id, kind, title) values (${u}, 'plan', ${'rls ' + name}) returning id`.execute(db.k);
    ids[name] = r.rows[0]!.id;
  }
  const seen = async (a: Actor) =>
    (await withActor(db, a, (tx) => sql<{ title: string }>`select title from plans where title like 'rls %' order by title`.execute(tx))).rows.map(
      (r) => r.title,
    );
  assert.deepEqual(await seen(actors.thulum!), ['rls commune', 'rls former', 'rls province'], 'its own, the merged Ka Lăng, and Lai Châu above it');
  assert.deepEqual(await seen(actors.laichau!), ['rls commune', 'rls former', 'rls province'], 'the province and what is below it');
  assert.deepEqual(await seen(actors.admin!), ['rls commune', 'rls former', 'rls other', 'rls province']);
  assert.deepEqual(
    await withActor(db, null, (tx) => sql<{ title: string }>`select title from plans where title like 'rls %'`.execute(tx)).then((r) => r.rows),
    [],
    'nobody signed in reads nothing',
  );
  await sql`delete from plans where id = any(${Object.values(ids)}::int[])`.execute(db.k);
});
