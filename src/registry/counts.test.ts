// The per-commune person counts (unit_person_counts, migration 151) that the registry home and
// the person list read instead of counting a commune's persons on every view: after every kind
// of write (registration, bulk insert, death, insurance, a move to another commune, deletion,
// truncation) they equal a count of the persons table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { withActor } from '../access/scope.ts';
import { loadActor } from '../access/store.ts';
import { createTestUser } from '../access/testing.ts';
import { registryIndicators } from './indicators.ts';
import { bulkInsertRegistry, generateRegistry } from './synthetic.ts';
import * as store from './store.ts';

let db: Db;
before(async () => {
  db = await testDb();
});
after(async () => {
  await db.close();
});

async function assertCountsTrue(what: string) {
  const kept = await sql<{
    unit_id: number;
    persons: number;
    living: number;
    insured: number;
  }>`select unit_id, persons, living, insured from unit_person_counts where persons <> 0 or living <> 0 or insured <> 0 order by unit_id`.execute(db.k);
  const real = await sql<{
    unit_id: number;
    persons: number;
    living: number;
    insured: number;
  }>`select unit_id, count(*)::int as persons, count(*) filter (where death_date is null)::int as living,
    count(*) filter (where death_date is null and health_insurance)::int as insured from persons group by unit_id order by unit_id`.execute(db.k);
  assert.deepEqual(kept.rows, real.rows, what);
}

test('the kept counts equal the persons table after inserts, updates, moves, deletes and truncation; the registry home and the list read them', async () => {
  const units = await sql<{
    id: number;
    code: string;
    province_code: string;
  }>`select c.id, c.code, p.code as province_code from units c join units p on p.id = c.parent_id
    where c.level = 'commune' and c.valid_to is null and c.code in ('03439', '15889')`.execute(db.k);
  const [a, b] = units.rows;
  const synth = units.rows.map((u) => ({ unitId: u.id, provinceCode: u.province_code, villageIds: [], codePrefix: `C${u.code}-` }));
  await bulkInsertRegistry(db.k, generateRegistry(3, 400, synth), { by: 't', reason: 't' });
  await assertCountsTrue('after a bulk insert');
  await sql`update persons set death_date = '2026-01-02' where id in (select id from persons where unit_id = ${a!.id} and death_date is null order by id limit 17)`.execute(
    db.k,
  );
  await sql`update persons set health_insurance = not health_insurance where id % 5 = 0`.execute(db.k);
  await assertCountsTrue('after deaths and insurance changes');
  await sql`update persons set unit_id = ${b!.id} where id in (select id from persons where unit_id = ${a!.id} order by id limit 9)`.execute(db.k);
  await sql`update persons set full_name = full_name where unit_id = ${b!.id}`.execute(db.k);
  await assertCountsTrue('after a move and an update that changes no count');
  // As the app role, under an officer's scope (the counts are written whatever the scope).
  const officer = (await loadActor(db.k, await createTestUser(db, { username: 'counts-officer', role: 'officer', unitCode: a!.code })))!;
  const commune = (await store.communeByCode(db.k, a!.code))!;
  const h = await sql<{ id: number }>`select id from households where unit_id = ${a!.id} order by id limit 1`.execute(db.k);
  await withActor(db, officer, async (tx) => {
    await sql`delete from persons where household_id = ${h.rows[0]!.id} and id <> (select head_person_id from households where id = ${h.rows[0]!.id})`.execute(
      tx,
    );
  });
  await assertCountsTrue('after a delete as the app role');
  const list = await withActor(db, officer, (tx) => store.searchPersons(tx, { unitId: commune.id, page: 1, pageSize: 10 }));
  const n = (await sql<{ n: number }>`select count(*)::int as n from persons where unit_id = ${a!.id}`.execute(db.k)).rows[0]!.n;
  assert.equal(list.total, n, 'the list says how many persons the commune has');
  assert.equal(list.items.length, 10);
  const hi = (await withActor(db, officer, (tx) => registryIndicators(tx, a!.id, 2026))).find((x) => x.code === 'health_insurance_coverage_registry')!;
  const real = (
    await sql<{
      insured: number;
      living: number;
    }>`select count(*) filter (where health_insurance)::int as insured, count(*)::int as living from persons where unit_id = ${a!.id} and death_date is null`.execute(
      db.k,
    )
  ).rows[0]!;
  assert.deepEqual([hi.numerator, hi.denominator], [real.insured, real.living]);
  // The app role reads the counts, never writes them.
  await assert.rejects(
    withActor(db, officer, (tx) => sql`update unit_person_counts set persons = 0`.execute(tx)),
    /permission denied/,
  );
  await sql`truncate persons cascade`.execute(db.k);
  await assertCountsTrue('after truncation');
});
