// Demo enrolment and payroll of Xã Thu Lũm: the registry's demo households (src/registry/demo.ts),
// benefit decisions for most eligible persons (some left out on purpose, so that the omission
// queue shows), the November 2026 payroll, then the registry's demo deaths among the paid.
// Idempotent (nothing when the registry's demo is already there).
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { AppError } from '../kernel/errors.ts';
import type { PaymentChannel } from '../registry/model.ts';
import { demoCandidates, seedDemoHouseholds, seedDemoLifeEvents } from '../registry/demo.ts';
import { rng } from '../registry/synthetic.ts';
import { generatePayroll } from './store.ts';
import { createDecision } from './decisions.ts';

export const DEMO_PAYROLL_MONTH = 202611;

export async function seedDemoRegistry(db: Db, log: (l: string) => void): Promise<void> {
  const seeded = await seedDemoHouseholds(db);
  if (!seeded) return;
  const { commune } = seeded;
  // Enrol most of those the law covers; every eleventh is left out (omission queue).
  const cands = await demoCandidates(db, commune.id);
  const r = rng(7);
  const channels: [PaymentChannel, number][] = [
    ['bank', 0.55],
    ['ewallet', 0.1],
    ['post', 0.15],
    ['cash', 0.2],
  ];
  let n = 0;
  let skipped = 0;
  for (const id of cands) {
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
  const events = await seedDemoLifeEvents(
    db,
    commune,
    dead.rows.map((d) => d.person_id),
  );
  log(
    `sổ hộ mẫu xã Thu Lũm: ${seeded.households} hộ, ${seeded.persons} nhân khẩu, ${n} quyết định hưởng, danh sách chi trả tháng 11/2026: ${payroll.lines} người, ${payroll.total.toLocaleString('vi-VN')} đồng; ${events.proposals} đề xuất, ${events.flags} cảnh báo`,
  );
}
