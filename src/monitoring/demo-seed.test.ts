// The demo: Lai Châu's communes have approved 2021–2025 values (2026 in part), the province dashboard has
// rolled-up data, and Thu Lũm's 2026 report is a draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import { seedMonitoringDemo, DEMO_PROVINCE, DEMO_COMMUNE } from './demo.ts';
import { findUnit, getForm } from './store.ts';
import { dashboard } from './dashboard.ts';

test('demo seeding: Lai Châu 2021–2025 approved and rolled up; Thu Lũm 2026 in draft', async () => {
  const db = await testDb();
  try {
    const lines: string[] = [];
    await seedMonitoringDemo(db, (l) => lines.push(l));
    const k = db.k;
    const province = (await findUnit(db.k, DEMO_PROVINCE))!;
    const r = await sql<{
      n: number;
      communes: number;
      years: string[];
    }>`select count(*)::int as n, count(distinct s.unit_id)::int as communes, array_agg(distinct s.period order by s.period) as years
      from monitoring_submissions s where s.status = 'approved'`.execute(k);
    assert.ok(r.rows[0]!.communes >= 30, `communes with reports: ${r.rows[0]!.communes}`);
    assert.deepEqual(r.rows[0]!.years, ['2021', '2022', '2023', '2024', '2025', '2026']);
    // 2026 is being reported: some communes approved, some awaiting review, some not in yet.
    const y = await sql<{
      status: string;
      n: number;
    }>`select s.status, count(*)::int as n from monitoring_submissions s where s.period = '2026' group by 1`.execute(k);
    const by = Object.fromEntries(y.rows.map((x) => [x.status, x.n]));
    assert.ok(by.approved! > 5 && by.submitted! > 2 && by.approved! + by.submitted! + 1 < r.rows[0]!.communes, JSON.stringify(by));
    const agg = await sql<{ n: number }>`select count(*)::int as n from monitoring_aggregates where unit_id = ${province.id} and period = '2025'`.execute(k);
    assert.ok(agg.rows[0]!.n > 0);
    const thuLum = (await findUnit(db.k, DEMO_COMMUNE))!;
    const form = await getForm(db.k, thuLum, '2026');
    assert.equal(form.status, 'draft');
    assert.ok(form.values.length > 0);
    const d = await dashboard(db.k, province, 2025, 'vi');
    if (d.rows.length > 0)
      assert.ok(
        d.rows.some((x) => x.latest !== null),
        'targets of the loaded plans have data',
      );
    assert.match(lines.join('\n'), /Lai Châu/);
    // idempotent
    await seedMonitoringDemo(db, () => {});
    const again = await sql<{ n: number }>`select count(*)::int as n from monitoring_submissions where status = 'approved'`.execute(k);
    assert.equal(again.rows[0]!.n, r.rows[0]!.n);
  } finally {
    await db.close();
  }
});
