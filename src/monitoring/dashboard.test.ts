// Dashboards on a real database: the targets table with statuses, the ranked children, the
// indicator history with its projection, and the country total from the provinces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { monitoringDb, seedFixture } from './fixture.ts';
import { findUnit, rebuildAggregates } from './store.ts';
import { dashboard, childrenCompared, indicatorDetail, countryDashboard } from './dashboard.ts';

test('Lai Châu (fixture): targets with status, communes ranked, history with projection, country = Σnum/Σden', async () => {
  const db = await monitoringDb();
  try {
    const ids = await seedFixture(db);
    const k = db.k;
    const communes = (await sql<{ id: number; code: string }>`select id, code from units where parent_id = ${ids.province} order by code`.execute(k)).rows;
    // Poverty falls 2 points a year in every commune; communes differ in size and level.
    for (const [i, c] of communes.entries()) {
      for (const year of [2021, 2022, 2023, 2024, 2025]) {
        const den = 1000 * (i + 1);
        const rate = 0.3 - 0.02 * (year - 2021) - 0.01 * i;
        await sql`insert into monitoring_submissions (unit_id, period, status) values (${c.id}, ${String(year)}, 'approved')`.execute(k);
        await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator) values
          (${c.id}, 'poor_household_rate', ${String(year)}, '', ${Math.round(den * rate)}, ${den})`.execute(k);
      }
    }
    await rebuildAggregates(db.k);
    const province = (await findUnit(db.k, '98'))!;
    const d = await dashboard(db.k, province, 2025, 'vi');
    const poor = d.rows.find((r) => r.indicator.code === 'poor_household_rate')!;
    // Σnum/Σden for 2025: Σ round(1000(i+1)(0.22 − 0.01 i)) / 21000
    const expected = (100 * communes.reduce((a, _c, i) => a + Math.round(1000 * (i + 1) * (0.22 - 0.01 * i)), 0)) / 21000;
    assert.ok(Math.abs(poor.latest!.value - expected) < 1e-9);
    assert.equal(poor.target.comparator, '<');
    assert.equal(poor.baseline?.value, 30); // the plan's 2021 baseline
    assert.equal(poor.baselineSource, 'plan');
    assert.equal(poor.status, 'on_track'); // −2 points a year reaches below 10% by 2030
    assert.match(poor.rule, /Đúng tiến độ/);
    const bhyt = d.rows.find((r) => r.indicator.code === 'health_insurance_coverage')!;
    assert.equal(bhyt.status, 'no_data');
    assert.deepEqual([bhyt.baseline, bhyt.baselineSource], [null, null], 'no plan baseline and no value: none');
    // Without the plan's baseline, the first value reported stands in (the column is never blank when data exists).
    await sql`update plan_targets set baseline_year = null, baseline_value = null where indicator_code = 'poor_household_rate'`.execute(k);
    const noPlanBase = (await dashboard(db.k, province, 2025, 'vi')).rows.find((r) => r.indicator.code === 'poor_household_rate')!;
    assert.deepEqual([noPlanBase.baseline?.year, noPlanBase.baselineSource], [2021, 'reported']);
    assert.equal(noPlanBase.status, poor.status, 'the status is the same: the first value is already in the trend');
    assert.equal(d.counts.no_data, 1);

    const kids = await childrenCompared(db.k, province, 2025, 'vi', 'poor_household_rate');
    assert.equal(kids.rows.length, 6);
    const vals = kids.rows.map((r) => r.cells[0]!.value!);
    assert.deepEqual(
      vals,
      [...vals].sort((a, b) => a - b),
    ); // lower poverty ranks first
    assert.equal(kids.rows[0]!.rank, 1);
    assert.equal(kids.rows[0]!.cells[0]!.value, 17); // the sixth commune: 22 % − 5 points
    assert.ok(kids.rows.every((r) => r.cells[0]!.meetsTarget === false)); // none is below 10 % yet

    const detail = (await indicatorDetail(db.k, province, 'poor_household_rate', 2025, 'en'))!;
    assert.equal(detail.history.length, 5);
    assert.equal(detail.progress!.projection[0]!.year, 2025);
    assert.equal(detail.progress!.projection.at(-1)!.year, 2030);
    assert.match(detail.progress!.rule, /On track/);

    // The country sums the provinces' numerators and denominators.
    const country = await countryDashboard(db.k, 2025, 'vi');
    const row = country.rows.find((r) => r.indicator.code === 'poor_household_rate')!;
    assert.ok(Math.abs(row.latest.value - expected) < 1e-9);
    assert.equal(row.latest.denominator, 21000);
  } finally {
    await db.close();
  }
});
