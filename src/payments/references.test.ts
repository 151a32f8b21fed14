// The references of the tables the bulk jobs write (migration 068): checked once per statement
// instead of a foreign key's probe per row, with the foreign key's error (SQLSTATE 23503), on
// both backends and under the application role's row-level scope; and the items of existing
// payroll lines moved into the lines by the same migration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import { openPGlite, type Db } from '../db/connection.ts';
import { loadMigrations, migrate } from '../db/migrate.ts';
import { loadReferenceData } from '../reference.ts';
import * as reg from '../registry/store.ts';
import type { HouseholdInput, PersonInput } from '../registry/model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let db: Db;
let commune: reg.Commune;
let personId: number;
let householdId: number;
let payrollId: number;
const meta = { by: 'test', reason: 'đăng ký mới' };
const hh: HouseholdInput = {
  code: 'R1',
  villageId: null,
  address: '',
  area: 'rural',
  incomePerMonth: 1_000_000,
  deprivations: {},
  disadvantagedArea: true,
  merit: false,
};
const pp: PersonInput = registryPerson({ fullName: 'Lò Văn Già', dateOfBirth: '1940-03-10' });

/** The SQLSTATE of the error `p` rejects with. */
async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const line = (
  payroll: number,
  person: number,
) => sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, channel, current_amount, arrears, total)
  values (${payroll}, ${person}, ${commune.provinceCode}, ${commune.id}, 'cash', 500000, 0, 500000)`;

before(async () => {
  db = await testDb();
  commune = (await reg.communeByCode(db.k, '03439'))!;
  const r = await reg.registerHousehold(db.k, commune, hh, [pp], meta);
  personId = r.personIds[0]!;
  householdId = r.householdId;
  payrollId = (
    await sql<{
      id: number;
    }>`insert into payrolls (province_code, unit_id, month) values (${commune.provinceCode}, ${commune.id}, 202611) returning id`.execute(db.k)
  ).rows[0]!.id;
});
after(async () => db.close());

test('a payroll line for a person or a payroll that does not exist is refused as a foreign-key violation, and nothing of the statement stays', async () => {
  assert.equal(await codeOf(line(payrollId, 999_999).execute(db.k)), '23503');
  assert.equal(await codeOf(line(999_999, personId).execute(db.k)), '23503');
  // One bad row among good ones: the whole statement goes.
  assert.equal(
    await codeOf(
      sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, channel, current_amount, arrears, total)
    values (${payrollId}, ${personId}, ${commune.provinceCode}, ${commune.id}, 'cash', 500000, 0, 500000), (${payrollId + 1000}, ${personId}, ${commune.provinceCode}, ${commune.id}, 'cash', 500000, 0, 500000)`.execute(
        db.k,
      ),
    ),
    '23503',
  );
  const n = await sql<{ n: number }>`select count(*)::int as n from payroll_lines`.execute(db.k);
  assert.equal(n.rows[0]!.n, 0);
  // Moving a line to a payroll that does not exist is refused too.
  await line(payrollId, personId).execute(db.k);
  assert.equal(await codeOf(sql`update payroll_lines set payroll_id = ${payrollId + 1000} where person_id = ${personId}`.execute(db.k)), '23503');
  assert.equal(
    await codeOf(
      sql`insert into household_classifications (household_id, year, province_code, unit_id, class, household_version) values (999999, 2026, 'x', ${commune.id}, 'poor', 1)`.execute(
        db.k,
      ),
    ),
    '23503',
  );
});

test('a line refers to its person even when the writer cannot see that person (moved out of the scope)', async () => {
  // Under the application role scoped to another commune, the person's row is invisible, yet the
  // reference is checked against the table, not the writer's view of it.
  const other = (
    await sql<{ id: number }>`select id from units where level = 'commune' and valid_to is null and id <> ${commune.id} order by id limit 1`.execute(db.k)
  ).rows[0]!.id;
  const otherPayroll = (
    await sql<{ id: number }>`insert into payrolls (province_code, unit_id, month) values (${commune.provinceCode}, ${other}, 202611) returning id`.execute(
      db.k,
    )
  ).rows[0]!.id;
  await db.k.transaction().execute(async (tx) => {
    await sql`set local role ansinh_app`.execute(tx);
    await sql`select set_config('ansinh.scope', ${`{${other}}`}, true)`.execute(tx);
    const seen = await sql<{ n: number }>`select count(*)::int as n from persons where id = ${personId}`.execute(tx);
    assert.equal(seen.rows[0]!.n, 0);
    await sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, channel, current_amount, arrears, total)
      values (${otherPayroll}, ${personId}, ${commune.provinceCode}, ${other}, 'cash', 500000, 0, 500000)`.execute(tx);
    assert.equal(
      await codeOf(
        sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, channel, current_amount, arrears, total)
      values (${otherPayroll}, 999999, ${commune.provinceCode}, ${other}, 'cash', 500000, 0, 500000)`.execute(tx),
      ),
      '23503',
    );
  });
});

test('a payroll still referred to by its lines cannot be deleted, nor its id changed; once emptied it can', async () => {
  assert.equal(await codeOf(sql`delete from payrolls where id = ${payrollId}`.execute(db.k)), '23503');
  assert.equal(await codeOf(sql`update payrolls set id = id + 1000 where id = ${payrollId}`.execute(db.k)), '23503');
  const still = await sql<{ n: number }>`select count(*)::int as n from payrolls where id = ${payrollId}`.execute(db.k);
  assert.equal(still.rows[0]!.n, 1);
  await sql`delete from payroll_lines where payroll_id = ${payrollId}`.execute(db.k);
  await sql`delete from payrolls where id = ${payrollId}`.execute(db.k);
  const gone = await sql<{ n: number }>`select count(*)::int as n from payrolls where id = ${payrollId}`.execute(db.k);
  assert.equal(gone.rows[0]!.n, 0);
});

test('a household whose classification refers to it cannot be deleted, even once its persons are gone', async () => {
  await sql`insert into household_classifications (household_id, year, province_code, unit_id, class, household_version) values (${householdId}, 2026, ${commune.provinceCode}, ${commune.id}, 'poor', 1)`.execute(
    db.k,
  );
  await db.k
    .transaction()
    .execute(async (tx) => {
      // Everything else that refers to the household goes first (as owner, in a transaction rolled back below).
      await sql`delete from payroll_lines`.execute(tx);
      await sql`delete from person_versions where person_id in (select id from persons where household_id = ${householdId})`.execute(tx);
      await sql`delete from persons where household_id = ${householdId}`.execute(tx);
      await sql`delete from household_versions where household_id = ${householdId}`.execute(tx);
      const e = await sql`delete from households where id = ${householdId}`.execute(tx).then(
        () => null,
        (x: Error & { code?: string }) => x,
      );
      assert.equal(e?.code, '23503');
      assert.match(e!.message, /household_classifications/);
      throw new Error('rollback');
    })
    .catch((e: Error) => assert.equal(e.message, 'rollback'));
});

test('migration 068 moves the items of existing payroll lines into the lines, month by month', async () => {
  const old = await openPGlite(null);
  try {
    await migrate(
      old,
      loadMigrations().filter((m) => m.version < 68),
    );
    await loadReferenceData(old);
    const c = (await reg.communeByCode(old.k, '03439'))!;
    const p = (await reg.registerHousehold(old.k, c, { ...hh, code: 'M1' }, [pp], meta)).personIds[0]!;
    const pr = (
      await sql<{ id: number }>`insert into payrolls (province_code, unit_id, month) values (${c.provinceCode}, ${c.id}, 202611) returning id`.execute(old.k)
    ).rows[0]!.id;
    await sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, channel, current_amount, arrears, total)
      values (${pr}, ${p}, ${c.provinceCode}, ${c.id}, 'cash', 500000, 1000000, 1500000)`.execute(old.k);
    await sql`insert into payroll_items (payroll_id, person_id, unit_id, for_month, amount, category, coefficient_tenths)
      values (${pr}, ${p}, ${c.id}, 202611, 500000, '5.5c', 10), (${pr}, ${p}, ${c.id}, 202609, 500000, '5.5c', 10), (${pr}, ${p}, ${c.id}, 202610, 500000, '5.5c', 10)`.execute(
      old.k,
    );
    await migrate(old);
    const items = await sql<{
      month: number;
      amount: number;
      category: string;
      coefficient_tenths: number;
    }>`select i.* from payroll_lines l cross join unnest(l.items) i where l.person_id = ${p}`.execute(old.k);
    assert.deepEqual(
      items.rows,
      [202609, 202610, 202611].map((month) => ({ month, amount: 500000, category: '5.5c', coefficient_tenths: 10 })),
    );
    const gone = await sql<{ t: string | null }>`select to_regclass('payroll_items')::text as t`.execute(old.k);
    assert.equal(gone.rows[0]!.t, null);
  } finally {
    await old.close();
  }
});
