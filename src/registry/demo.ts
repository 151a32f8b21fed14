// Demo registry of Xã Thu Lũm (Lai Châu): ~1,200 synthetic households (~5,000 persons, mostly
// Hà Nhì, Dao, Lự and Thái) and the 2026 poverty review; then, once payments has enrolled and
// paid them (src/payments/demo.ts, which runs these), two deaths and a duplicate for the proposal
// and integrity queues. Idempotent.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { enqueueJob, runJob } from '../jobs/runner.ts';
import { communeByCode, villagesOf, updatePerson, type Commune } from './store.ts';
import { bulkInsertRegistry, generateRegistry } from './synthetic.ts';
import { detectLifeEvents } from './events.ts';
import { scanIntegrity } from './integrity.ts';

export const DEMO_AS_OF = '2026-11-01';

/** The demo households and their 2026 review, or null when the commune is missing or already seeded. */
export async function seedDemoHouseholds(db: Db): Promise<{ commune: Commune; households: number; persons: number } | null> {
  const commune = await communeByCode(db.k, '03439');
  if (!commune) return null;
  const exists = await sql<{ n: number }>`select count(*)::int as n from households where unit_id = ${commune.id}`.execute(db.k);
  if (exists.rows[0]!.n > 0) return null;
  const villages = await villagesOf(db.k, commune.id);
  const data = generateRegistry(
    20260,
    1200,
    [{ unitId: commune.id, provinceCode: commune.provinceCode, villageIds: villages.map((v) => v.id), codePrefix: 'TL-' }],
    DEMO_AS_OF,
  );
  await db.k.transaction().execute((tx) => bulkInsertRegistry(tx, data, { by: 'demo', reason: 'dữ liệu mẫu (tổng hợp, không phải người thật)' }));
  const job = await enqueueJob(db.k, 'annual_review', { year: 2026, unitId: commune.id }, { unitId: commune.id, by: 'demo' });
  await runJob(db, job);
  return { commune, households: data.households.length, persons: data.persons.length };
}

/** The persons the demo enrols: those the law covers by age, disability, condition or infancy. */
export async function demoCandidates(db: Db, communeId: number): Promise<number[]> {
  const cands = await sql<{ id: number }>`select p.id from persons p where p.unit_id = ${communeId} and p.death_date is null and
      (p.date_of_birth <= date '1951-11-01' or p.disability in ('severe', 'especially_severe') or cardinality(p.conditions) > 0 or p.date_of_birth > date '2023-11-01') order by p.id`.execute(
    db.k,
  );
  return cands.rows.map((r) => r.id);
}

/** Two of the given persons died in October; then the proposals and the integrity queue. */
export async function seedDemoLifeEvents(db: Db, commune: Commune, deceased: readonly number[]): Promise<{ proposals: number; flags: number }> {
  for (const [i, id] of deceased.entries())
    await updatePerson(db.k, id, { deathDate: `2026-10-${10 + i * 7}` }, { by: 'demo', reason: 'giấy báo tử (dữ liệu mẫu)' });
  const proposals = await detectLifeEvents(db.k, commune.id, '2026-10-01', '2027-03-31');
  const flags = await scanIntegrity(db.k, [commune.id], DEMO_AS_OF);
  return { proposals, flags: Object.values(flags).reduce((a, b) => a + b, 0) };
}
