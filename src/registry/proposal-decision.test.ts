// Confirming a life-event proposal records the decision it calls for (issue 6 parts 5–6), and
// the payroll follows, with real dates: Lò Văn Pền, born 20/11/1946, poor household, no one to
// support him, receives cl. 5a from 01/2026 (coefficient 1.5 under 80, 2.0 from the month he
// turns 80: Decree 20/2021 Art. 6); his wife Chu Thị Mai, severely disabled, dies on 17/10/2026
// (stop from the month after death: Art. 8). Amounts are computed here from the law parameters
// of src/law (standard level × coefficient), not written as literals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { paramAt } from '../law/parameters.ts';
import { enqueueJob, getJob, jobWorker, runJob } from '../jobs/runner.ts';
import * as reg from './store.ts';
import * as pay from '../payments/store.ts';
import { createDecision } from '../payments/decisions.ts';
import type { HouseholdInput, PersonInput } from './model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let approver: Record<string, string>;
let pen: number;
let mai: number;
const std = (month: string) => paramAt('assistance.standard', `${month}-01`)!.value ?? NaN;
const coef = (k: string) => (paramAt(`assistance.coef.${k}`, '2026-01-01')!.value ?? NaN) / 10;
const person = (o: Partial<PersonInput>): PersonInput => registryPerson({ fullName: '', dateOfBirth: '', ethnicCode: '03', ...o });

before(async () => {
  t = await testApp();
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'ev-officer', role: 'officer', unitCode: '03439' }));
  approver = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'ev-approver', role: 'approver', unitCode: '12' }));
  const commune = (await reg.communeByCode(t.db.k, '03439'))!;
  const deprived = Object.fromEntries(['employment', 'dependants', 'nutrition', 'health_insurance'].map((k) => [k, true]));
  const hh: HouseholdInput = {
    code: 'EV-1',
    villageId: null,
    address: 'Bản Pa Thắng',
    area: 'rural',
    incomePerMonth: 1_000_000,
    deprivations: deprived,
    disadvantagedArea: true,
    merit: false,
  };
  const { personIds } = await reg.registerHousehold(
    t.db.k,
    commune,
    hh,
    [
      person({ fullName: 'Lò Văn Pền', dateOfBirth: '1946-11-20', conditions: ['no_support'] }),
      person({
        fullName: 'Chu Thị Mai',
        dateOfBirth: '1950-03-10',
        sex: 'F',
        relation: 'spouse',
        disability: 'severe',
        disabilityCertifiedOn: '2020-01-10',
        conditions: ['no_support'],
      }),
    ],
    { by: 'test', reason: 'đăng ký mới' },
  );
  [pen, mai] = personIds as [number, number];
  const review = await runJob(t.db, await enqueueJob(t.db.k, 'annual_review', { year: 2026, unitId: commune.id }, { unitId: commune.id }));
  assert.equal(
    (review.result as { counts: Record<string, number> }).counts.poor,
    1,
    'income 1,000,000 (rural) and 4 deprivations: poor (Decree 07/2021 Art. 3)',
  );
  for (const [id, n] of [
    [pen, '1/QĐ-UBND'],
    [mai, '2/QĐ-UBND'],
  ] as const) {
    await createDecision(
      t.db.k,
      { personId: id, number: n, decidedOn: '2025-12-20', signer: 'Chủ tịch UBND xã', kind: 'start', startMonth: 202601, channel: 'bank', account: `00${id}` },
      'test',
    );
  }
});
after(async () => t.close());

const proposals = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/proposals', headers: officer })).json().items as {
    id: number;
    personId: number;
    kind: string;
    action: string;
    effectiveMonth: number;
    state: string;
    decisionId: number | null;
  }[];

test('a death and an 80th birthday become proposals with the months the law fixes', async () => {
  const d = await t.app.inject({
    method: 'PATCH',
    url: `/api/registry/persons/${mai}`,
    headers: officer,
    payload: { changes: { deathDate: '2026-10-17' }, reason: 'giấy báo tử số 12/2026' },
  });
  assert.equal(d.statusCode, 200, d.body);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/proposals/detect',
    headers: officer,
    payload: { from: '2026-10-01', to: '2026-12-31' },
  });
  assert.equal(r.json().created, 2);
  const ps = await proposals();
  assert.deepEqual(
    ps.map((p) => [p.personId, p.kind, p.action, p.effectiveMonth]).sort(),
    [
      [pen, 'age80', 'change', 202611],
      [mai, 'death', 'stop', 202611],
    ].sort(),
  );
});

test('confirming needs the decision number, date and signer; an officer cannot confirm', async () => {
  const p = (await proposals()).find((x) => x.kind === 'death')!;
  const none = await t.app.inject({ method: 'POST', url: `/api/registry/proposals/${p.id}/decide`, headers: approver, payload: { state: 'confirmed' } });
  assert.equal(none.statusCode, 400);
  assert.equal(none.json().errors[0].path, '/body/decision');
  const officerTry = await t.app.inject({
    method: 'POST',
    url: `/api/registry/proposals/${p.id}/decide`,
    headers: officer,
    payload: { state: 'confirmed', decision: { number: '9/QĐ-UBND', decidedOn: '2026-11-03', signer: 'x' } },
  });
  assert.equal(officerTry.statusCode, 403);
  assert.equal((await proposals()).find((x) => x.id === p.id)!.state, 'open', 'nothing changed');
});

test('confirming the death records the stop decision from 11/2026, linked to the proposal; the payroll stops after October', async () => {
  const p = (await proposals()).find((x) => x.kind === 'death')!;
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/registry/proposals/${p.id}/decide`,
    headers: approver,
    payload: { state: 'confirmed', decision: { number: '15/QĐ-UBND', decidedOn: '2026-11-03', signer: 'Chủ tịch UBND xã Thu Lũm' } },
  });
  assert.equal(r.statusCode, 200, r.body);
  const d = await sql<{ id: number; kind: string; start_month: number; number: string; decided_on: string; signer: string; proposal_id: number }>`
    select id, kind, start_month, number, decided_on, signer, proposal_id from benefit_decisions where person_id = ${mai} order by id desc limit 1`.execute(
    t.db.k,
  );
  assert.deepEqual(d.rows[0], {
    id: r.json().decisionId,
    kind: 'stop',
    start_month: 202611,
    number: '15/QĐ-UBND',
    decided_on: '2026-11-03',
    signer: 'Chủ tịch UBND xã Thu Lũm',
    proposal_id: p.id,
  });
  assert.equal((await proposals()).find((x) => x.id === p.id)!.decisionId, d.rows[0]!.id);
});

test('confirming the 80th birthday records the change decision at coefficient 2.0; October pays 1.5, November 2.0, nothing for the deceased', async () => {
  const p = (await proposals()).find((x) => x.kind === 'age80')!;
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/registry/proposals/${p.id}/decide`,
    headers: approver,
    payload: { state: 'confirmed', decision: { number: '16/QĐ-UBND', decidedOn: '2026-11-05', signer: 'Chủ tịch UBND xã Thu Lũm' } },
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().decision.coefficientTenths, coef('5.5a.80plus') * 10);
  assert.equal(r.json().decision.monthlyAmount, std('2026-11') * coef('5.5a.80plus'));
  const d = await sql<{
    kind: string;
    start_month: number;
    channel: string;
    account: string;
  }>`select kind, start_month, channel, account from benefit_decisions where id = ${r.json().decisionId}`.execute(t.db.k);
  assert.deepEqual(d.rows[0], { kind: 'change', start_month: 202611, channel: 'bank', account: `00${pen}` }, 'paid as before');

  const line = async (month: number, id: number) => {
    const s = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/payrolls', headers: officer, payload: { month } });
    assert.equal(s.statusCode, 202, s.body);
    await jobWorker(t.db).idle();
    const job = (await getJob(t.db.k, s.json().id))!;
    const lines = await pay.payrollLines(t.db.k, (job.result as { payrollId: number }).payrollId);
    return lines.find((l) => l.person_id === id) ?? null;
  };
  const octPen = await line(202610, pen);
  assert.equal(octPen!.current_amount, std('2026-10') * coef('5.5a.60to80'), 'October: aged 79, coefficient 1.5');
  assert.equal(octPen!.arrears, 9 * std('2026-01') * coef('5.5a.60to80'), 'January–September as arrears');
  const octMai = await line(202610, mai);
  assert.equal(octMai!.current_amount, std('2026-10') * coef('5.6.severe.childOrElderly'), 'the month of death is still paid (Art. 8)');
  const oct = (await pay.payrollsOf(t.db.k, (await reg.communeByCode(t.db.k, '03439'))!.id)).find((x) => x.month === 202610)!;
  await pay.approvePayroll(t.db.k, oct.id, 'approver');
  const novPen = await line(202611, pen);
  assert.equal(novPen!.current_amount, std('2026-11') * coef('5.5a.80plus'), 'November: turned 80, coefficient 2.0');
  assert.equal(novPen!.arrears, 0);
  assert.equal(await line(202611, mai), null, 'nothing after the month of death');
});
