// The workflow and the roll-up on a real database (PGlite and PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';
import { AppError } from '../kernel/errors.ts';
import { monitoringDb, seedFixture } from './fixture.ts';
import { requireUnit, getForm, rebuildAggregates, completeness, findUnit, type Q } from './store.ts';
import { saveValues, act } from './report-commands.ts';

type Agg = {
  unit_id: number;
  indicator_code: string;
  period: string;
  disaggregation: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  sources: number;
};
async function aggregates(k: Executor): Promise<Agg[]> {
  const r =
    await sql<Agg>`select unit_id, indicator_code, period, disaggregation, numerator, denominator, value, sources from monitoring_aggregates order by 1, 2, 3, 4`.execute(
      k,
    );
  return r.rows;
}

async function countryRows(k: Executor): Promise<Omit<Agg, 'unit_id'>[]> {
  const r = await sql<
    Omit<Agg, 'unit_id'>
  >`select indicator_code, period, disaggregation, numerator, denominator, value, sources from monitoring_country_aggregates order by 1, 2, 3`.execute(k);
  return r.rows;
}

test('Thu Lũm reports, the province approves: the province rate is Σnum/Σden, incrementally equal to a full rebuild', async () => {
  const db = await monitoringDb();
  try {
    const ids = await seedFixture(db);
    const k = db.k;
    const codes = (await sql<{ code: string; id: number }>`select code, id from units where id = any(${Object.values(ids.communes)})`.execute(k)).rows;
    const codeOf = (id: number) => codes.find((c) => c.id === id)!.code;
    const thuLum = await requireUnit(db.k, codeOf(ids.communes['Xã Thu Lũm']!));
    const paU = await requireUnit(db.k, codeOf(ids.communes['Xã Pa Ủ']!));

    // The form lists the province plan's targets and Thu Lũm's own.
    const form = await getForm(db.k, thuLum, '2026');
    assert.deepEqual(
      form.indicators.map((i) => i.code),
      ['health_insurance_coverage', 'poor_household_rate', 'temporary_houses_removed'],
    );
    assert.equal(form.status, 'missing');
    assert.equal(form.deadline, '2026-11-15'); // Thu Lũm's plan: report before 15/11 each year (fixture rule)
    const poorDef = form.indicators.find((i) => i.code === 'poor_household_rate')!;
    assert.deepEqual(poorDef.keys.slice(0, 3), ['', 'ethnicity=ethnic_minority', 'ethnicity=kinh']); // the total first, then each breakdown
    assert.equal(poorDef.keys.length, 1 + 2 * poorDef.disaggregations.length);

    // Errors do not stop a draft but block the submission, with the field path.
    const r = await saveValues(
      db.k,
      thuLum,
      '2026',
      [
        { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 1300, denominator: 1200 },
        { indicatorCode: 'health_insurance_coverage', disaggregation: '', numerator: 5600, denominator: 6000 },
      ],
      null,
    );
    assert.ok(r.issues.some((i) => i.rule === 'numerator_exceeds_denominator'));
    await assert.rejects(
      act(db.k, thuLum, '2026', { action: 'submit', actorId: null }),
      (e: AppError) => e instanceof AppError && e.errors.some((f) => f.path === '/values/1/numerator') && e.errors.some((f) => /chưa nhập/.test(f.message.vi)),
    );
    // A value for an indicator not on the form is refused outright.
    await assert.rejects(
      saveValues(db.k, thuLum, '2026', [{ indicatorCode: 'floor_area_per_person', disaggregation: '', value: 20, denominator: 100 }], null),
      AppError,
    );

    await saveValues(
      db.k,
      thuLum,
      '2026',
      [
        { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 300, denominator: 1200 }, // 25 %
        { indicatorCode: 'temporary_houses_removed', disaggregation: '', value: 12 },
      ],
      null,
    );
    const audits: string[] = [];
    const audit = async (_q: Q, e: { action: string }) => {
      audits.push(e.action);
    };
    assert.equal((await act(db.k, thuLum, '2026', { action: 'submit', actorId: null, audit })).status, 'submitted');
    await assert.rejects(
      saveValues(db.k, thuLum, '2026', [{ indicatorCode: 'temporary_houses_removed', disaggregation: '', value: 13 }], null),
      (e: AppError) => e.kind.status === 409,
    );
    await assert.rejects(act(db.k, thuLum, '2026', { action: 'return', actorId: null, reason: '  ' }), AppError);
    assert.equal((await act(db.k, thuLum, '2026', { action: 'approve', actorId: 7, audit })).status, 'approved');

    // The province requires the houses count of every commune (beyond the plans' targets).
    await sql`insert into monitoring_requirements (unit_id, indicator_code) values (${ids.province}, 'temporary_houses_removed')`.execute(k);
    await saveValues(
      db.k,
      paU,
      '2026',
      [
        { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 90, denominator: 9000 }, // 1 %
        { indicatorCode: 'health_insurance_coverage', disaggregation: '', numerator: 30000, denominator: 31000 },
        { indicatorCode: 'temporary_houses_removed', disaggregation: '', value: 5 },
      ],
      null,
    );
    await act(db.k, paU, '2026', { action: 'submit', actorId: null });
    await act(db.k, paU, '2026', { action: 'approve', actorId: 7 });

    const prov = (await aggregates(k)).filter((a) => a.unit_id === ids.province && a.period === '2026');
    const poor = prov.find((a) => a.indicator_code === 'poor_household_rate')!;
    assert.equal(poor.numerator, 390);
    assert.equal(poor.denominator, 10200);
    assert.ok(Math.abs(poor.value! - (100 * 390) / 10200) < 1e-9); // 3.82 %, where the mean of rates would be 13 %
    assert.equal(poor.sources, 2);
    assert.equal(prov.find((a) => a.indicator_code === 'temporary_houses_removed')!.value, 17);

    // The country row is kept in the same transaction: Σnum/Σden over the provinces.
    const nation = (await countryRows(k)).filter((a) => a.period === '2026');
    assert.deepEqual(
      nation.find((a) => a.indicator_code === 'poor_household_rate' && a.disaggregation === ''),
      {
        indicator_code: 'poor_household_rate',
        period: '2026',
        disaggregation: '',
        numerator: 390,
        denominator: 10200,
        value: (100 * 390) / 10200,
        sources: 1,
      },
    );

    const incremental = await aggregates(k);
    const incrementalCountry = await countryRows(k);
    await rebuildAggregates(db.k);
    assert.deepEqual(await aggregates(k), incremental);
    assert.deepEqual(await countryRows(k), incrementalCountry);

    // Reopening (audited) takes Thu Lũm out of the province totals until approved again.
    await act(db.k, thuLum, '2026', { action: 'reopen', actorId: 7, reason: 'Sửa số nhà tạm theo biên bản rà soát', audit });
    const after = (await aggregates(k)).find((a) => a.unit_id === ids.province && a.indicator_code === 'temporary_houses_removed' && a.period === '2026')!;
    assert.equal(after.value, 5);
    assert.equal((await countryRows(k)).find((a) => a.indicator_code === 'temporary_houses_removed' && a.period === '2026')!.value, 5);
    assert.deepEqual(audits, ['monitoring.submit', 'monitoring.approve', 'monitoring.reopen']);

    const c = await completeness(db.k, (await findUnit(db.k, '98'))!, '2026');
    assert.equal(c.expected, 6);
    assert.equal(c.received, 1);
    assert.ok(Math.abs(c.completeness! - 100 / 6) < 1e-9);
  } finally {
    await db.close();
  }
});

test("pre-reform Xã Ka Lăng's 2024 values count toward its successor Thu Lũm and the new province", async () => {
  const db = await monitoringDb();
  try {
    const ids = await seedFixture(db);
    const k = db.k;
    await sql`insert into monitoring_submissions (unit_id, period, status) values (${ids.oldCommune}, '2024', 'approved'), (${ids.communes['Xã Thu Lũm']!}, '2024', 'approved')`.execute(
      k,
    );
    await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator) values
      (${ids.oldCommune}, 'poor_household_rate', '2024', '', 200, 800), (${ids.communes['Xã Thu Lũm']!}, 'poor_household_rate', '2024', '', 100, 1200)`.execute(
      k,
    );
    await rebuildAggregates(db.k);
    const rows = await aggregates(k);
    const at = (u: number) => rows.find((a) => a.unit_id === u && a.indicator_code === 'poor_household_rate' && a.period === '2024');
    assert.equal(at(ids.communes['Xã Thu Lũm']!)?.value, 15); // (200 + 100) / (800 + 1200)
    assert.equal(at(ids.province)?.denominator, 2000);
    assert.equal(
      rows.some((a) => a.unit_id === ids.oldCommune),
      false,
    ); // a reporting unit with nothing beneath: no aggregate row...
    const own = await sql<{
      value: number;
    }>`select value from monitoring_totals where unit_id = ${ids.oldCommune} and indicator_code = 'poor_household_rate' and period = '2024'`.execute(k);
    assert.equal(own.rows[0]?.value, 25); // ...its own approved value is its total
  } finally {
    await db.close();
  }
});

test('row-level security: a commune officer sees only its rows; a province approver approves and the roll-up runs', async () => {
  const { withActor } = await import('../access/index.ts');
  const { makeActor } = await import('../access/model.ts');
  const db = await monitoringDb();
  try {
    const ids = await seedFixture(db);
    const k = db.k;
    const thuLumId = ids.communes['Xã Thu Lũm']!;
    const paUId = ids.communes['Xã Pa Ủ']!;
    await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, value) values
      (${thuLumId}, 'temporary_houses_removed', '2025', '', 4), (${paUId}, 'temporary_houses_removed', '2025', '', 9)`.execute(k);
    const user = { id: 1, username: 'x', displayName: 'x', totpEnabled: false };
    const officer = makeActor(user, [{ role: 'officer', unitId: thuLumId, unitCode: null, unitName: null, scope: [thuLumId] }]);
    const seen = await withActor(
      db,
      officer,
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from monitoring_values`.execute(tx)).rows[0]!.n,
    );
    assert.equal(seen, 1);
    await assert.rejects(
      withActor(db, officer, (tx) =>
        sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, value) values (${paUId}, 'temporary_houses_removed', '2024', '', 1)`.execute(
          tx,
        ),
      ),
    );

    const thuLum = await requireUnit(db.k, (await sql<{ code: string }>`select code from units where id = ${thuLumId}`.execute(k)).rows[0]!.code);
    await sql`insert into monitoring_requirements (unit_id, indicator_code) values (${thuLumId}, 'poor_household_rate'), (${thuLumId}, 'health_insurance_coverage')`.execute(
      k,
    );
    await withActor(db, officer, async (tx) => {
      await saveValues(
        tx,
        thuLum,
        '2025',
        [
          { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 100, denominator: 1000 },
          { indicatorCode: 'health_insurance_coverage', disaggregation: '', numerator: 4000, denominator: 4200 },
        ],
        1,
      );
      await act(tx, thuLum, '2025', { action: 'submit', actorId: 1 });
    });
    const approver = makeActor({ ...user, id: 2 }, [
      { role: 'approver', unitId: ids.province, unitCode: null, unitName: null, scope: [ids.province, ...Object.values(ids.communes)] },
    ]);
    await withActor(db, approver, (tx) => act(tx, thuLum, '2025', { action: 'approve', actorId: 2 }));
    const agg = await sql<{
      value: number;
    }>`select value from monitoring_aggregates where unit_id = ${ids.province} and indicator_code = 'poor_household_rate' and period = '2025'`.execute(k);
    assert.equal(agg.rows[0]?.value, 10);
  } finally {
    await db.close();
  }
});
