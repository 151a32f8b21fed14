// Demo plans: the three real plans of reference/plans, read by the extractor and saved for
// their units, so that the cascade Lai Châu → Thu Lũm shows at once.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { extractPlan } from './extract/index.ts';
import { importPlan, toPlanInput } from './import.ts';
import { findUnitByCode } from '../units/store.ts';

const DIR = new URL('../../reference/plans/', import.meta.url);

// The shared copy of Lai Châu's programme lacks its header block; its number and date are the
// ones Thu Lũm's plan 152-KH/ĐU cites ("Chương trình hành động số 53-CTr/TU, ngày 24/5/2024").
const demoPlans = [
  {
    file: 'lai-chau-province-action-program-nq42.txt',
    unit: '12',
    override: { number: '53-CTr/TU', issuedOn: '2024-05-24', issuer: 'Ban Thường vụ Tỉnh ủy Lai Châu' },
  },
  { file: 'thu-lum-commune-2026-152-KH-DU.txt', unit: '03439', override: {} },
  // "xã Hoàng Kim" is the former Xã Hoằng Kim (Thanh Hóa), merged into Xã Hoằng Phú (15889).
  { file: 'hoang-kim-commune-2024.txt', unit: '15889', override: {} },
];

export async function seedDemoPlans(db: Db, log: (l: string) => void): Promise<void> {
  const have = await sql<{ n: number }>`select count(*)::int as n from plans`.execute(db.k);
  if ((have.rows[0]?.n ?? 0) > 0) return;
  for (const p of demoPlans) {
    const unit = await findUnitByCode(db.k, p.unit);
    if (!unit) continue;
    const text = readFileSync(new URL(p.file, DIR), 'utf8');
    const input = { ...toPlanInput(extractPlan(text)), ...p.override };
    const id = await importPlan(db, { unitId: unit.id, input, sourceText: text, sourceFile: p.file });
    await sql`update plans set status = 'confirmed', confirmed_at = now() where id = ${id}`.execute(db.k);
    await sql`update plan_targets set confirmed = true where plan_id = ${id}`.execute(db.k);
    log(`kế hoạch mẫu: ${input.number ?? p.file} (${unit.name}), ${input.targets.length} chỉ tiêu`);
  }
}
