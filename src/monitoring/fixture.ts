// Test fixture for monitoring: a small Lai Châu tree (province, communes, one pre-reform
// commune merged into Thu Lũm), a few indicators (catalogue ones, plus test-only ones when the
// catalogue lacks them) and plans with targets, with codes that do not clash with reference data.
import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';
import type { Db } from '../db/connection.ts';
import { testDb } from '../../test/helpers/db.ts';

async function tableExists(k: Executor, name: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = ${name}`.execute(k);
  return r.rows[0]!.n > 0;
}

/** Checks that the migrations created the monitoring tables (050_monitoring.sql). */
export async function ensureMonitoringSchema(db: Db): Promise<void> {
  if (!(await tableExists(db.k, 'monitoring_values'))) throw new Error('monitoring tables missing: run the migrations');
}

/** A test database with the monitoring tables, whatever else has landed. */
export async function monitoringDb(): Promise<Db> {
  const db = await testDb();
  await ensureMonitoringSchema(db);
  return db;
}

export interface FixtureIds {
  province: number;
  communes: Record<string, number>;
  oldCommune: number;
  plan: number;
}

// The catalogue (loaded into every test database) holds the first two; the others are
// test-only indicators of each remaining aggregation kind, all reported by communes.
const INDICATORS = [
  [
    'poor_household_rate',
    'Tỷ lệ hộ nghèo',
    'Poor household rate',
    '%',
    'rate',
    'lower_better',
    'sum_ratio',
    100,
    '{ethnicity}',
    'reported',
    'Tổng số hộ dân cư',
  ],
  [
    'health_insurance_coverage',
    'Tỷ lệ dân số tham gia bảo hiểm y tế',
    'Health insurance coverage',
    '%',
    'rate',
    'higher_better',
    'sum_ratio',
    100,
    '{}',
    'reported',
    'Dân số',
  ],
  [
    'temporary_houses_removed',
    'Số nhà tạm, nhà dột nát được xóa',
    'Temporary houses removed',
    'houses',
    'count',
    'higher_better',
    'sum',
    1,
    '{}',
    'reported',
    null,
  ],
  [
    'floor_area_per_person',
    'Diện tích nhà ở bình quân đầu người',
    'Floor area per person',
    'm2_per_person',
    'average',
    'higher_better',
    'weighted_mean',
    1,
    '{}',
    'reported',
    'Dân số',
  ],
  ['literacy_standard_level', 'Mức độ đạt chuẩn xóa mù chữ', 'Literacy standard level', 'level', 'level', 'higher_better', 'none', 1, '{}', 'reported', null],
] as const;

/**
 * Lai Châu (12) with communes Thu Lũm (03439) and five others; old Xã Ka Lăng (pre-reform,
 * valid to 30/06/2025) merged fully into Thu Lũm. A province plan targets poverty and health
 * insurance for 2030; Thu Lũm's own plan targets houses removed.
 */
export async function seedFixture(db: Db): Promise<FixtureIds> {
  const k = db.k;
  const ins = async (code: string, name: string, level: string, parent: number | null, validTo: string | null = null) => {
    const r = await sql<{ id: number }>`insert into units (code, name, level, kind, parent_id, valid_from, valid_to, ancestors, name_folded)
      values (${code}, ${name}, ${level}, ${level === 'province' ? 'Tỉnh' : 'Xã'}, ${parent}, ${validTo ? null : '2025-07-01'}, ${validTo}, '{}', ${name.toLowerCase()})
      returning id`.execute(k);
    return r.rows[0]!.id;
  };
  // Codes unlikely to clash with reference data already loaded (9xxxx), except in names.
  const province = await ins('98', 'Tỉnh Lai Châu (thử)', 'province', null);
  const names = ['Xã Thu Lũm', 'Xã Pa Ủ', 'Xã Mù Cả', 'Xã Tà Tổng', 'Xã Bum Nưa', 'Xã Pa Tần'];
  const communes: Record<string, number> = {};
  for (const [i, n] of names.entries()) communes[n] = await ins(`9${String(i).padStart(4, '0')}`, `${n} (thử)`, 'commune', province);
  const oldProvince = await ins('97', 'Tỉnh Lai Châu (trước 2025, thử)', 'province', null, '2025-06-30');
  const oldCommune = await ins('99999', 'Xã Ka Lăng (thử)', 'commune', oldProvince, '2025-06-30');
  const thuLum = communes['Xã Thu Lũm']!;
  await sql`insert into unit_lineage (successor_id, predecessor_id, part, effective) values (${thuLum}, ${oldCommune}, 'full', '2025-07-01')`.execute(k);
  // ancestors: self + structural + successors (and theirs), as the units migration defines it
  await sql`update units set ancestors = array[id] || case when parent_id is null then '{}'::int[] else array[parent_id] end
            where id in (${province}, ${oldProvince}, ${sql.join(Object.values(communes))})`.execute(k);
  await sql`update units set ancestors = array[${oldCommune}::int, ${oldProvince}::int, ${thuLum}::int, ${province}::int] where id = ${oldCommune}`.execute(k);
  for (const r of INDICATORS) {
    await sql`insert into indicators (code, name_vi, name_en, unit, kind, direction, aggregation, factor, disaggregations, source, area, denominator_vi)
      values (${r[0]}, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]}::text[], ${r[9]}, 'test', ${r[10]}) on conflict (code) do nothing`.execute(
      k,
    );
  }
  const plan = (
    await sql<{
      id: number;
    }>`insert into plans (unit_id, kind, number, title, status) values (${province}, 'action_programme', '53-CTr/TU', 'Chương trình hành động thực hiện Nghị quyết 42-NQ/TW', 'confirmed') returning id`.execute(
      k,
    )
  ).rows[0]!.id;
  await sql`insert into plan_targets (plan_id, unit_id, indicator_code, comparator, value, unit, year, baseline_year, baseline_value, confirmed)
    values (${plan}, ${province}, 'poor_household_rate', '<', 10, '%', 2030, 2021, 30, true),
           (${plan}, ${province}, 'health_insurance_coverage', '>', 96, '%', 2030, null, null, true)`.execute(k);
  const commPlan = (
    await sql<{
      id: number;
    }>`insert into plans (unit_id, kind, number, title, status) values (${thuLum}, 'plan', '152-KH/ĐU', 'Kế hoạch thực hiện chính sách xã hội', 'confirmed') returning id`.execute(
      k,
    )
  ).rows[0]!.id;
  await sql`insert into plan_targets (plan_id, unit_id, indicator_code, comparator, value, unit, year, confirmed)
    values (${commPlan}, ${thuLum}, 'temporary_houses_removed', '>=', 50, 'houses', 2030, true)`.execute(k);
  await sql`insert into plan_assignments (plan_id, ord, agency, role, what, recurrence, recurrence_day, recurrence_month)
    values (${commPlan}, 1, 'Văn phòng Đảng ủy', 'lead', 'báo cáo', 'annual', 15, 11)`.execute(k);
  return { province, communes, oldCommune, plan };
}
