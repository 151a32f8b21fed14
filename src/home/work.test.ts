// The home work list per role (issue 15 item 1), on the demo's Lai Châu plans and monitoring
// data with a few registry records added: the commune officer sees what is due (the year's report
// past its 01/12 deadline, an import to confirm, a proposal waiting for the chair, this month's
// payroll not drawn up, overdue plan tasks); the commune chair what awaits his decision (the
// proposal, the draft payroll, an integrity flag); the province reviewer the reports to review
// and the communes late; the supervisor the targets off track. Nothing of another commune shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { testDb } from '../../test/helpers/db.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { seedDemoVillages } from '../units/demo.ts';
import { seedDemoPlans } from '../plans/demo.ts';
import { seedMonitoringDemo } from '../monitoring/demo.ts';
import { enqueueJob, runJob } from '../jobs/runner.ts';
import * as reg from '../registry/store.ts';
import * as pay from '../payments/store.ts';
import { createDecision } from '../payments/decisions.ts';
import { detectLifeEvents } from '../registry/events.ts';
import { startImport } from '../registry/import-job.ts';
import { insertPlan } from '../plans/store.ts';
import type { PersonInput } from '../registry/model.ts';
import type { WorkItem, WorkList } from './schemas.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

// 03/12/2026, 09:00 in Vietnam: two days after the 2026 report deadline (01/12).
const NOW = new Date('2026-12-03T02:00:00Z');
let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const person = (o: Partial<PersonInput>): PersonInput => registryPerson({ fullName: '', dateOfBirth: '', ethnicCode: '03', ...o });

before(async () => {
  const db = await testDb();
  for (const seed of [seedDemoVillages, seedDemoPlans, seedMonitoringDemo]) await seed(db, () => {});
  t = await testApp(db, { now: () => NOW });
  for (const [name, role, unitCode] of [
    ['officer', 'officer', '03439'],
    ['leader', 'leader', '03439'],
    ['approver', 'approver', '12'],
    ['supervisor', 'supervisor', '12'],
    ['other', 'officer', '15889'],
    ['admin', 'admin', null],
  ] as const) {
    h[name] = await sessionHeaders(
      db,
      await createTestUser(db, { username: `home-${name}`, role, unitCode, ...(role === 'admin' ? { totpSecret: 'ANSINHDEMOADMINTOTPANSINHDEMO234' } : {}) }),
      NOW,
    );
  }
  // Thu Lũm's registry: Lò Văn Pền, poor, no one to support him, receives assistance from 01/2026
  // and turns 80 on 20/11/2026 (a "change" proposal for the chair: Decree 20/2021 Art. 6).
  const commune = (await reg.communeByCode(db.k, '03439'))!;
  const deprived = Object.fromEntries(['employment', 'dependants', 'nutrition', 'health_insurance'].map((k) => [k, true]));
  const { personIds } = await reg.registerHousehold(
    db.k,
    commune,
    {
      code: 'HOME-1',
      villageId: null,
      address: 'Bản Pa Thắng',
      area: 'rural',
      incomePerMonth: 1_000_000,
      deprivations: deprived,
      disadvantagedArea: true,
      merit: false,
    },
    [person({ fullName: 'Lò Văn Pền', dateOfBirth: '1946-11-20', conditions: ['no_support'] })],
    { by: 'test', reason: 'đăng ký mới' },
  );
  await runJob(db, await enqueueJob(db.k, 'annual_review', { year: 2026, unitId: commune.id }, { unitId: commune.id }));
  await createDecision(
    db.k,
    {
      personId: personIds[0]!,
      number: '1/QĐ-UBND',
      decidedOn: '2025-12-20',
      signer: 'Chủ tịch UBND xã',
      kind: 'start',
      startMonth: 202601,
      channel: 'bank',
      account: '0011',
    },
    'test',
  );
  assert.equal(await detectLifeEvents(db.k, commune.id, '2026-11-01', '2026-11-30'), 1);
  await pay.generatePayroll(db.k, commune.id, 202611, 'test');
  await sql`insert into integrity_flags (province_code, unit_id, kind, key, person_ids, reason, detected_at)
    values ('12', ${commune.id}, 'duplicate', 'home-test', ${[personIds[0]!]}, ${JSON.stringify({ vi: 'Trùng', en: 'Duplicate' })}::jsonb, '2026-11-25')`.execute(
    db.k,
  );
  // A commune plan task due 30/06/2026 and not done: overdue.
  await insertPlan(
    db.k,
    {
      kind: 'plan',
      number: '9-KH/UBND',
      issuer: 'UBND xã Thu Lũm',
      place: null,
      issuedOn: '2026-01-15',
      issuedOnText: null,
      title: 'Kế hoạch rà soát hộ nghèo',
      signer: null,
      signerTitle: null,
      implements: [],
      sections: [],
      targets: [],
      tasks: [],
      recipients: [],
      assignments: [
        { agency: 'Công chức Văn hóa - Xã hội', role: 'lead', what: 'Rà soát hộ nghèo giữa năm', dueDate: '2026-06-30', recurrence: null, sourceText: null },
      ],
    },
    { unitId: commune.id, sourceText: null, sourceFile: null, createdBy: null, status: 'confirmed' },
  );
  // An import checked and waiting for the officer's confirmation.
  const csv = 'ma_ho,ho_ten,ngay_sinh,gioi_tinh,quan_he\nHOME-2,Lò Thị Xuân,1990-02-03,F,head\n';
  const jobId = await db.k
    .transaction()
    .execute((tx) => startImport(tx, commune, { name: 'ho.csv', content: Buffer.from(csv) }, { by: 'test', today: '2026-12-02' }));
  await runJob(db, jobId);
});
after(async () => t?.close());

async function work(who: string): Promise<WorkList> {
  const r = await t.app.inject({ method: 'GET', url: '/api/home', headers: h[who] });
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as WorkList;
}
const kinds = (l: WorkList) => l.items.map((i) => i.kind).sort();
const item = (l: WorkList, kind: WorkItem['kind']) => l.items.find((i) => i.kind === kind);

test('anonymous: 401', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode, 401);
});

test("the commune officer: the 2026 report past its deadline, the import to confirm, the proposal, this month's payroll, overdue plan tasks", async () => {
  const l = await work('officer');
  assert.equal(l.today, '2026-12-03');
  const due = item(l, 'report_due')!;
  assert.deepEqual([due.unit.code, due.year, due.late], ['03439', 2026, true]);
  assert.match(due.date!, /^2026-\d\d-\d\d$/);
  assert.ok(due.date! < '2026-12-03');
  assert.equal(item(l, 'import_ready')?.count, 1);
  assert.deepEqual([item(l, 'proposals_waiting')?.count, item(l, 'proposals_waiting')?.date], [1, '2026-11-20']);
  assert.equal(item(l, 'payroll_to_prepare')?.month, 202612);
  const tasks = item(l, 'assignments_overdue')!;
  assert.ok(tasks.count > 0 && tasks.late, 'the task due 30/06/2026');
  // An officer decides nothing: the chair's and the province's work is not on his list.
  for (const k of ['decisions_to_sign', 'payroll_to_approve', 'integrity_open', 'reports_to_review', 'reports_late'] as const)
    assert.equal(item(l, k), undefined, k);
  assert.ok(l.items.every((i) => i.unit.code === '03439' && i.role === 'officer'));
  // Late items first.
  assert.ok(l.items.findIndex((i) => !i.late) === -1 || l.items.slice(l.items.findIndex((i) => !i.late)).every((i) => !i.late));
});

test('the commune chair: the proposal to decide, the draft payroll to approve, the open integrity flag', async () => {
  const l = await work('leader');
  assert.deepEqual([item(l, 'decisions_to_sign')?.count, item(l, 'decisions_to_sign')?.date], [1, '2026-11-20']);
  assert.deepEqual([item(l, 'payroll_to_approve')?.count, item(l, 'payroll_to_approve')?.month], [1, 202611]);
  assert.deepEqual([item(l, 'integrity_open')?.count, item(l, 'integrity_open')?.date], [1, '2026-11-25']);
  for (const k of ['report_due', 'import_ready', 'payroll_to_prepare', 'reports_to_review'] as const) assert.equal(item(l, k), undefined, k);
});

test("the province reviewer: the communes' 2026 reports to review and those late", async () => {
  const l = await work('approver');
  const review = item(l, 'reports_to_review')!;
  assert.ok(review.count > 2, JSON.stringify(review));
  assert.deepEqual([review.unit.code, review.year], ['12', 2026]);
  const late = item(l, 'reports_late')!;
  assert.ok(late.count >= 1 && late.late, JSON.stringify(late));
  assert.equal(item(l, 'decisions_to_sign'), undefined, "the province does not decide a commune's benefits on its home");
});

test('the supervisor: only what is off track, read-only', async () => {
  const l = await work('supervisor');
  assert.deepEqual([...new Set(kinds(l))], ['targets_off_track']);
  const off = item(l, 'targets_off_track')!;
  assert.ok(off.count > 0);
  assert.deepEqual([off.unit.code, off.year], ['12', 2025]);
});

test("another commune's officer sees none of Thu Lũm's work; an administrator of the whole country has no list", async () => {
  const l = await work('other');
  assert.ok(l.items.every((i) => i.unit.code === '15889'));
  assert.equal(item(l, 'proposals_waiting'), undefined);
  assert.equal(item(l, 'import_ready'), undefined);
  assert.equal(item(l, 'report_due')?.unit.code, '15889');
  const a = await work('admin');
  assert.deepEqual(a.scopes, [{ role: 'admin', unit: null }]);
  assert.deepEqual(a.items, []);
});
