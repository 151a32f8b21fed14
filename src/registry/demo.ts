// Demo registry of Xã Thu Lũm (Lai Châu): ~1,200 synthetic households (~5,000 persons, mostly
// Hà Nhì, Dao, Lự and Thái), the 2026 poverty review, benefit decisions for most eligible
// persons (some left out on purpose, so that the omission queue shows), the November 2026
// payroll, two deaths and a duplicate for the proposal and integrity queues. Idempotent.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { AppError } from '../kernel/errors.ts';
import { enqueueJob, runJob } from '../jobs/runner.ts';
import { generatePayroll } from '../payments/store.ts';
import { createDecision } from '../payments/decisions.ts';
import type { PaymentChannel } from './model.ts';
import { communeByCode, villagesOf, updatePerson } from './store.ts';
import { bulkInsertRegistry, generateRegistry, rng } from './synthetic.ts';
import { detectLifeEvents } from './events.ts';
import { scanIntegrity } from './integrity.ts';

export const DEMO_AS_OF = '2026-11-01';
export const DEMO_PAYROLL_MONTH = 202611;

export async function seedDemoRegistry(db: Db, log: (l: string) => void): Promise<void> {
  const commune = await communeByCode(db.k, '03439');
  if (!commune) return;
  const exists = await sql<{ n: number }>`select count(*)::int as n from households where unit_id = ${commune.id}`.execute(db.k);
  if (exists.rows[0]!.n > 0) return;
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
  // Enrol most of those the law covers; every eleventh is left out (omission queue).
  const cands = await sql<{ id: number }>`select p.id from persons p where p.unit_id = ${commune.id} and p.death_date is null and
      (p.date_of_birth <= date '1951-11-01' or p.disability in ('severe', 'especially_severe') or cardinality(p.conditions) > 0 or p.date_of_birth > date '2023-11-01') order by p.id`.execute(
    db.k,
  );
  const r = rng(7);
  const channels: [PaymentChannel, number][] = [
    ['bank', 0.55],
    ['ewallet', 0.1],
    ['post', 0.15],
    ['cash', 0.2],
  ];
  let n = 0;
  let skipped = 0;
  for (const { id } of cands.rows) {
    let x = r();
    const channel = channels.find(([, w]) => (x -= w) < 0)?.[0] ?? 'cash';
    try {
      await db.k.transaction().execute(async (tx) => {
        if (n > 0 && (n + skipped) % 11 === 10) throw Object.assign(new Error('skip'), { skip: true });
        await createDecision(
          tx,
          {
            personId: id,
            number: `${100 + n}/QĐ-UBND`,
            decidedOn: '2026-09-10',
            signer: 'Chủ tịch UBND xã Thu Lũm',
            kind: 'start',
            startMonth: 202609,
            channel,
            account: channel === 'bank' ? `8888${String(id).padStart(8, '0')}` : channel === 'ewallet' ? `09${String(id).padStart(8, '0')}` : null,
          },
          'demo',
        );
      });
      n++;
    } catch (e) {
      if ((e as { skip?: boolean }).skip) skipped++;
      else if (!(e instanceof AppError)) throw e;
    }
  }
  const payroll = await db.k.transaction().execute((tx) => generatePayroll(tx, commune.id, DEMO_PAYROLL_MONTH, 'demo'));
  // Two beneficiaries died in October: their proposals and, had they been paid, the queue.
  const dead = await sql<{ person_id: number }>`select person_id from benefit_decisions where unit_id = ${commune.id} order by id limit 2`.execute(db.k);
  for (const [i, d] of dead.rows.entries())
    await updatePerson(db.k, d.person_id, { deathDate: `2026-10-${10 + i * 7}` }, { by: 'demo', reason: 'giấy báo tử (dữ liệu mẫu)' });
  const proposals = await detectLifeEvents(db.k, commune.id, '2026-10-01', '2027-03-31');
  const flags = await scanIntegrity(db.k, [commune.id], DEMO_AS_OF);
  log(
    `sổ hộ mẫu xã Thu Lũm: ${data.households.length} hộ, ${data.persons.length} nhân khẩu, ${n} quyết định hưởng, danh sách chi trả tháng 11/2026: ${payroll.lines} người, ${payroll.total.toLocaleString('vi-VN')} đồng; ${proposals} đề xuất, ${Object.values(flags).reduce((a, b) => a + b, 0)} cảnh báo`,
  );
}
