// DHIS2 dataValueSets: export → import into a fresh database → identical values; conflicts
// are reported per row and a conflicting import writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';
import { monitoringDb, seedFixture } from './fixture.ts';
import { exportDataValueSet, importDataValueSet } from './dhis2.ts';
import { findUnit, requireUnit } from './store.ts';
import { saveValues, act } from './report-commands.ts';

async function snapshot(k: Executor) {
  const r = await sql`select u.code, v.indicator_code, v.period, v.disaggregation, v.numerator, v.denominator, v.value, v.comment
    from monitoring_values v join units u on u.id = v.unit_id order by 1, 2, 3, 4`.execute(k);
  return r.rows;
}
async function aggSnapshot(k: Executor) {
  const r = await sql`select u.code, a.indicator_code, a.period, a.disaggregation, a.numerator, a.denominator, a.value, a.sources
    from monitoring_aggregates a join units u on u.id = a.unit_id order by 1, 2, 3, 4`.execute(k);
  return r.rows;
}

test('export → import into a fresh database gives identical values and aggregates', async () => {
  const a = await monitoringDb();
  const b = await monitoringDb();
  try {
    const ids = await seedFixture(a);
    await seedFixture(b);
    const k = a.k;
    const communes = (await sql<{ code: string; id: number }>`select code, id from units where parent_id = ${ids.province} order by code`.execute(k)).rows;
    await sql`insert into monitoring_requirements (unit_id, indicator_code) values (${ids.province}, 'floor_area_per_person'), (${ids.province}, 'literacy_standard_level'), (${ids.province}, 'temporary_houses_removed')`.execute(
      k,
    );
    for (const [i, c] of communes.entries()) {
      const u = await requireUnit(a.k, c.code);
      for (const year of ['2024', '2025']) {
        const y = Number(year) - 2024;
        await saveValues(
          a.k,
          u,
          year,
          [
            { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 100 + 17 * i - 9 * y, denominator: 1000 + 250 * i },
            { indicatorCode: 'poor_household_rate', disaggregation: 'ethnicity=ethnic_minority', numerator: 80 + 17 * i - 9 * y, denominator: 700 + 250 * i },
            { indicatorCode: 'poor_household_rate', disaggregation: 'ethnicity=kinh', numerator: 20, denominator: 300 },
            {
              indicatorCode: 'health_insurance_coverage',
              disaggregation: '',
              numerator: 3900 + 10 * i,
              denominator: 4000 + 10 * i,
              comment: i === 2 ? 'Số liệu BHXH huyện cung cấp' : null,
            },
            { indicatorCode: 'floor_area_per_person', disaggregation: '', value: 18.5 + i * 0.75, denominator: 4000 + 10 * i },
            { indicatorCode: 'literacy_standard_level', disaggregation: '', value: 2 + (i % 2) },
            { indicatorCode: 'temporary_houses_removed', disaggregation: '', value: 3 * i + y },
          ],
          null,
        );
        if (i !== 5) {
          await act(a.k, u, year, { action: 'submit', actorId: null });
          await act(a.k, u, year, { action: 'approve', actorId: null });
        }
      }
    }
    const province = (await findUnit(a.k, '98'))!;
    const set = await exportDataValueSet(a.k, province, { children: true });
    assert.equal(set.dataSet, 'ansinh-nq42');
    assert.ok(set.dataValues.some((d) => d.dataElement === 'poor_household_rate.numerator' && d.categoryOptionCombo === 'ethnicity=ethnic_minority'));
    assert.ok(set.dataValues.every((d) => typeof d.value === 'string'));

    const json = JSON.parse(JSON.stringify(set));
    const s = await importDataValueSet(b.k, json);
    assert.equal(s.status, 'SUCCESS');
    assert.equal(s.importCount.imported, set.dataValues.length);
    assert.deepEqual(await snapshot(b.k), await snapshot(k));
    // Imported data counts as approved: the unapproved Xã Pa Tần (i = 5) becomes approved in B,
    // so compare aggregates after approving it in A too.
    const last = await requireUnit(a.k, communes[5]!.code);
    for (const y of ['2024', '2025']) {
      await act(a.k, last, y, { action: 'submit', actorId: null });
      await act(a.k, last, y, { action: 'approve', actorId: null });
    }
    assert.deepEqual(await aggSnapshot(b.k), await aggSnapshot(k));

    // Importing again changes nothing: every value is identical, so ignored.
    const again = await importDataValueSet(b.k, json);
    assert.equal(again.importCount.imported, 0);
    assert.equal(again.importCount.ignored, set.dataValues.length);
  } finally {
    await a.close();
    await b.close();
  }
});

test('bad rows come back with their reason and nothing is written', async () => {
  const db = await monitoringDb();
  try {
    const ids = await seedFixture(db);
    const k = db.k;
    const code = (await sql<{ code: string }>`select code from units where parent_id = ${ids.province} order by code limit 1`.execute(k)).rows[0]!.code;
    const s = await importDataValueSet(db.k, {
      dataSet: 'ansinh-nq42',
      period: '2025',
      orgUnit: code,
      dataValues: [
        { dataElement: 'temporary_houses_removed', value: '12' },
        { dataElement: 'no_such_indicator', value: '1' },
        { dataElement: 'temporary_houses_removed', orgUnit: '00000', value: '3' },
        { dataElement: 'temporary_houses_removed', period: '2025Q5', value: '3' },
        { dataElement: 'poor_household_rate.numerator', categoryOptionCombo: 'sex=female', value: '3' },
        { dataElement: 'poor_household_rate.denominator', value: 'mười' },
      ],
    });
    assert.equal(s.status, 'ERROR');
    assert.deepEqual(
      s.conflicts.map((c) => [c.index, c.object]),
      [
        [1, 'dataElement'],
        [2, 'orgUnit'],
        [3, 'period'],
        [4, 'categoryOptionCombo'],
        [5, 'value'],
      ],
    );
    assert.match(s.conflicts[0]!.message.vi, /Không có chỉ tiêu mã no_such_indicator/);
    const n = await sql<{ n: number }>`select count(*)::int as n from monitoring_values`.execute(k);
    assert.equal(n.rows[0]!.n, 0);
  } finally {
    await db.close();
  }
});
