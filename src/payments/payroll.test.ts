// Enrolment and the monthly payroll on a real database (issue 6 part 5), with the law engine's
// amounts: Decree 20/2021 Art. 5 cl. 5c (aged 80+, no pension: coefficient 1.0) at the standard
// level of Decree 76/2024 (500,000 VND from 07/2024); Art. 8 (from the decision month; nothing
// after the month of death). Also the annual review as a resumable job.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import * as reg from '../registry/store.ts';
import * as pay from './store.ts';
import { createDecision } from './decisions.ts';
import { bankBatchCsv, signatureListXlsx } from './export.ts';
import { FULL } from '../registry/presenters.ts';
import { lineReference } from './model.ts';
import { enqueueJob, runJob, getJob } from '../jobs/runner.ts';
import type { HouseholdInput, PersonInput } from '../registry/model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let db: Db;
let commune: reg.Commune;
const meta = { by: 'test', reason: 'đăng ký mới' };
const hh = (code: string, over: Partial<HouseholdInput> = {}): HouseholdInput => ({
  code,
  villageId: null,
  address: '',
  area: 'rural',
  incomePerMonth: 1_000_000,
  deprivations: {},
  disadvantagedArea: true,
  merit: false,
  ...over,
});
const pp = (over: Partial<PersonInput> = {}): PersonInput => registryPerson({ fullName: 'Lò Văn Già', dateOfBirth: '1940-03-10', ...over });

before(async () => {
  db = await testDb();
  commune = (await reg.communeByCode(db.k, '03439'))!;
});
after(async () => db.close());

test('a start decision takes category 5c, coefficient 1.0 and 500,000 VND from the law engine (Decree 20/2021 Art. 5 cl. 5c, Decree 76/2024)', async () => {
  const { personIds } = await reg.registerHousehold(db.k, commune, hh('P1'), [pp()], meta);
  const d = await createDecision(
    db.k,
    {
      personId: personIds[0]!,
      number: '101/QĐ-UBND',
      decidedOn: '2026-05-12',
      signer: 'Chủ tịch UBND xã',
      kind: 'start',
      startMonth: 202605,
      channel: 'bank',
      account: '0123456789',
    },
    'test',
  );
  assert.equal(d.category, '5.5c');
  assert.equal(d.coefficientTenths, 10);
  assert.equal(d.monthlyAmount, 500_000);
  assert.match(d.basis, /20\/2021/);
});

test('a start decision for someone the law does not cover is refused with the reason', async () => {
  const { personIds } = await reg.registerHousehold(db.k, commune, hh('P2'), [pp({ fullName: 'Lò Văn Trẻ', dateOfBirth: '1990-01-01' })], meta);
  await assert.rejects(
    createDecision(db.k, { personId: personIds[0]!, number: '102/QĐ-UBND', decidedOn: '2026-05-12', signer: 'x', kind: 'start', startMonth: 202605 }, 'test'),
    /No payable monthly social assistance/,
  );
});

test('the July 2026 payroll pays July plus May and June as arrears (Art. 8: from the decision month); August pays only August', async () => {
  const s = await pay.generatePayroll(db.k, commune.id, 202607, 'test');
  assert.equal(s.lines, 1);
  assert.equal(s.total, 1_500_000);
  assert.equal(s.arrears, 1_000_000);
  const lines = await pay.payrollLines(db.k, s.payrollId);
  assert.equal(lines[0]!.channel, 'bank');
  const csv = bankBatchCsv(s.payrollId, 202607, lines, FULL);
  assert.match(csv, new RegExp(`${lineReference(s.payrollId, lines[0]!.person_id)},0123456789,Lò Văn Già,1500000`));
  const xlsx = await signatureListXlsx({ id: s.payrollId, month: 202607, unitName: 'Xã Thu Lũm' }, lines, FULL);
  assert.ok(xlsx.length > 1000);
  const aug = await pay.generatePayroll(db.k, commune.id, 202608, 'test');
  assert.equal(aug.total, 500_000, 'months pending in July are not paid twice');
});

test('a returned payment is owed again as arrears; a statement with a wrong amount is reported, not applied', async () => {
  const july = (await pay.payrollsOf(db.k, commune.id)).find((p) => p.month === 202607)!;
  const lines = await pay.payrollLines(db.k, july.id);
  const ref = lineReference(july.id, lines[0]!.person_id);
  const bad = await pay.applyStatement(db.k, july.id, [{ reference: ref, amount: 1, status: 'paid' }]);
  assert.equal(bad.problems.length, 1);
  const ok = await pay.applyStatement(db.k, july.id, [{ reference: ref, amount: 0, status: 'returned' }]);
  assert.equal(ok.updates.length, 1);
  const aug = await pay.generatePayroll(db.k, commune.id, 202608, 'test');
  assert.equal(aug.total, 2_000_000, 'August + the returned May, June, July');
});

test('payroll generation as a job gives the same payroll as the direct call', async () => {
  const direct = await pay.generatePayroll(db.k, commune.id, 202607, 'test');
  const j = await runJob(db, await enqueueJob(db.k, 'payroll', { month: 202607, unitIds: [commune.id] }));
  assert.equal(j.state, 'done');
  assert.deepEqual([(j.result as { lines: number }).lines, (j.result as { total: number }).total], [direct.lines, direct.total]);
});

test('nothing is paid after the month of death (Art. 8): died 10/08/2026, the September payroll is empty', async () => {
  const [p] = (await sql<{ id: number }>`select id from persons where full_name = 'Lò Văn Già'`.execute(db.k)).rows;
  await reg.updatePerson(db.k, p!.id, { deathDate: '2026-08-10' }, { by: 'test', reason: 'giấy báo tử' });
  const aug = await pay.generatePayroll(db.k, commune.id, 202608, 'test');
  assert.equal(aug.total, 2_000_000, 'August (the month of death) is still paid');
  const july = (await pay.payrollsOf(db.k, commune.id)).find((x) => x.month === 202608)!;
  await pay.approvePayroll(db.k, july.id, 'approver');
  const sep = await pay.generatePayroll(db.k, commune.id, 202609, 'test');
  assert.equal(sep.total, 0);
  await assert.rejects(pay.generatePayroll(db.k, commune.id, 202608, 'test'), /is approved/);
});

test('the annual review is a job: interrupted after one chunk it resumes and applies everything at once', async () => {
  for (let i = 0; i < 12; i++)
    await reg.registerHousehold(
      db.k,
      commune,
      hh(`R${i}`, {
        incomePerMonth: i < 6 ? 1_000_000 : 5_000_000,
        deprivations: Object.fromEntries(
          [
            'employment',
            'dependants',
            'nutrition',
            'health_insurance',
            'adult_education',
            'child_schooling',
            'housing_quality',
            'housing_area',
            'water',
            'sanitation',
            'telecom',
            'information_access',
          ].map((k, j) => [k, i < 3 && j < 4]),
        ),
      }),
      [pp({ dateOfBirth: '1980-01-01' })],
      meta,
    );
  const { REVIEW_CHUNK } = await import('../registry/review.ts');
  assert.ok(REVIEW_CHUNK > 0);
  const id = await enqueueJob(db.k, 'annual_review', { year: 2026, unitId: commune.id }, { unitId: commune.id });
  const partial = await runJob(db, id, { stopAfterChunks: 0 });
  assert.equal(partial.state, 'running');
  const none = await sql<{ n: number }>`select count(*)::int as n from household_classifications where year = 2026`.execute(db.k);
  assert.equal(none.rows[0]!.n, 0, 'nothing applied before the end');
  const done = await runJob(db, id);
  assert.equal(done.state, 'done');
  const counts = (await getJob(db.k, id))!.result as { counts: Record<string, number> };
  // Decree 07/2021 Art. 3: rural income ≤ 1,500,000 and ≥ 3 deprivations = poor; < 3 = near-poor.
  assert.equal(counts.counts.poor, 3);
  assert.equal(counts.counts.near_poor, 3);
});
