// Person search served from indexes (issue 18 finding 12): names that contain the term come first
// and alone; trigram similarity only when no name contains it (a typo); the count and the page
// agree; and the row-level security of every table is computed once per query (a sub-select,
// migration 069), not twice per row, which made a commune of 204,000 persons take seconds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { withActor } from '../access/scope.ts';
import { loadActor } from '../access/store.ts';
import { createTestUser } from '../access/testing.ts';
import type { Actor } from '../access/model.ts';
import * as store from './store.ts';
import type { HouseholdInput, PersonInput } from './model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

const household = (code: string): HouseholdInput => ({
  code,
  villageId: null,
  address: 'Bản Thu Lũm',
  area: 'rural',
  incomePerMonth: 1_200_000,
  deprivations: { water: true },
  disadvantagedArea: true,
  merit: false,
});
const person = (over: Partial<PersonInput> = {}): PersonInput => registryPerson({ fullName: 'Lò Văn Pọm', dateOfBirth: '1990-05-04', ...over });

let db: Db;
let thulum: Actor;
let commune: store.Commune;

before(async () => {
  db = await testDb();
  commune = (await store.communeByCode(db.k, '03439'))!;
  thulum = (await loadActor(db.k, await createTestUser(db, { username: 'search-thulum', role: 'officer', unitCode: '03439' })))!;
  const names = ['Lò Văn Khăm', 'Lò Văn Khằm', 'Lò Thị Khăm', 'Lường Văn Pọm', 'Giàng A Páo', 'Lò Văn Khăm Em'];
  for (const [i, fullName] of names.entries()) {
    await withActor(db, thulum, (tx) =>
      store.registerHousehold(tx, commune, household(`S-${i}`), [person({ fullName, personalId: `01209000${String(500 + i).padStart(4, '0')}` })], {
        by: 't',
        reason: 't',
      }),
    );
  }
});
after(async () => {
  await db.close();
});

const search = (q: string | undefined, page = 1, pageSize = 50) =>
  withActor(db, thulum, (tx) => store.searchPersons(tx, { unitId: commune.id, q, page, pageSize }));

test('a name search lists the names containing the term (accents ignored), the exact name first, and nothing merely similar', async () => {
  const r = await search('lo van kham');
  assert.equal(r.items[0]!.full_name, 'Lò Văn Khăm', 'the exact name first');
  assert.deepEqual(r.items.map((p) => p.full_name).sort(), ['Lò Văn Khăm', 'Lò Văn Khăm Em', 'Lò Văn Khằm'].sort(), 'not Lò Thị Khăm, only similar');
  assert.equal(r.total, 3);
});

test('a typo that no name contains falls back to similarity, best first', async () => {
  const r = await search('giang a pao x');
  assert.ok(r.total >= 1);
  assert.equal(r.items[0]!.full_name, 'Giàng A Páo');
});

test('the count is that of every match, and paging walks them in order', async () => {
  const all = await search(undefined);
  const pages = [await search(undefined, 1, 4), await search(undefined, 2, 4), await search(undefined, 3, 4)];
  assert.equal(pages[0]!.total, all.total);
  assert.equal(pages[2]!.total, all.total, 'a page past the end still carries the count');
  assert.deepEqual(
    pages.flatMap((p) => p.items.map((x) => x.id)),
    all.items.map((x) => x.id),
  );
  assert.equal((await search('S-3')).items[0]!.full_name, 'Lường Văn Pọm', 'by household code');
});

test('every row-level security policy computes the scope once per query (a sub-select), not per row', async () => {
  const r = await sql<{
    table: string;
    policy: string;
    expr: string;
  }>`select tablename as table, policyname as policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
    from pg_policies where schemaname = current_schema()`.execute(db.k);
  const perRow = r.rows.filter((p) => /ansinh_in_scope\(/.test(p.expr) || /(?<!SELECT )ansinh_scope\(\)(?! AS)/.test(p.expr));
  assert.deepEqual(
    perRow.filter((p) => !['plans_read', 'plan_targets_read'].includes(p.policy)).map((p) => `${p.table}.${p.policy}`),
    [],
  );
  const plan = await withActor(db, thulum, (tx) =>
    sql<{ 'QUERY PLAN': string }>`explain select count(*) from persons where unit_id = ${commune.id}`.execute(tx),
  );
  assert.match(plan.rows.map((x) => x['QUERY PLAN']).join('\n'), /InitPlan/);
});

test('the search of a commune outside the scope finds nothing, also when the matching runs as the owner (ansinh_person_search)', async () => {
  const other = (await loadActor(db.k, await createTestUser(db, { username: 'search-other', role: 'officer', unitCode: '15889' })))!;
  const r = await withActor(db, other, (tx) => store.searchPersons(tx, { unitId: commune.id, q: 'lo van kham', page: 1, pageSize: 50 }));
  assert.deepEqual([r.items.length, r.total], [0, 0]);
  const direct = await withActor(db, other, (tx) =>
    sql<{ id: number }>`select id from ansinh_person_search(${commune.id}::int, '%lo%', 'lo', '{}'::int[], null, false, 50, 0)`.execute(tx),
  );
  assert.equal(direct.rows.length, 0, 'no ids of another commune');
  const own = await withActor(db, thulum, (tx) =>
    sql<{ id: number }>`select id from ansinh_person_search(${commune.id}::int, '%lo%', 'lo', '{}'::int[], null, false, 50, 0)`.execute(tx),
  );
  assert.ok(own.rows.length >= 4);
});
