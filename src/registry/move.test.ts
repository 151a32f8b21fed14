// A beneficiary who moves to another commune (issue 6 part 6: "history follows the person"),
// with real dates: Vàng Thị Sua, severely disabled (certified 10/01/2020), receives monthly
// social assistance in Thu Lũm (Lai Châu) from 01/2026 and moves to Hoàng Phú (Thanh Hóa) on
// 14/10/2026. Thu Lũm, which holds the decision and pays, no longer sees her record: it learns
// of the move through ansinh_moved_beneficiaries (migration 067: name, date, communes, its own
// decision), files and confirms the stop from 11/2026 under its own unit; Hoàng Phú gets a
// move-in review and pays only from its own start decision. Amounts come from the law
// parameters (standard level × coefficient), not literals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { loadActor } from '../access/store.ts';
import { withActor } from '../access/scope.ts';
import type { Actor } from '../access/model.ts';
import { paramAt } from '../law/parameters.ts';
import * as reg from './store.ts';
import * as pay from '../payments/store.ts';
import type { HouseholdInput, PersonInput } from './model.ts';
import { jobWorker } from '../jobs/runner.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<'officerA' | 'approverA' | 'officerB' | 'approverB', Record<string, string>> = {} as never;
let actorA: Actor;
let actorB: Actor;
let A: reg.Commune;
let B: reg.Commune;
let sua: number;
let hhB: number;
let startA: number;
let octA: number;
const std = (month: string) => paramAt('assistance.standard', `${month}-01`)!.value ?? NaN;
const coef = (k: string) => (paramAt(`assistance.coef.${k}`, '2026-01-01')!.value ?? NaN) / 10;
const monthly = (month: string) => std(month) * coef('5.6.severe');
const person = (o: Partial<PersonInput>): PersonInput => registryPerson({ fullName: '', dateOfBirth: '', sex: 'F', ethnicCode: '03', ...o });
const household = (code: string, address: string): HouseholdInput => ({
  code,
  villageId: null,
  address,
  area: 'rural',
  incomePerMonth: 3_000_000,
  deprivations: {},
  disadvantagedArea: false,
  merit: false,
});

interface ProposalRow {
  id: number;
  personId: number;
  householdId: number | null;
  fullName: string;
  kind: string;
  action: string;
  eventDate: string;
  effectiveMonth: number;
  state: string;
  decisionId: number | null;
}
const proposals = async (code: string, who: Record<string, string>) => {
  const r = await t.app.inject({ method: 'GET', url: `/api/registry/units/${code}/proposals`, headers: who });
  assert.equal(r.statusCode, 200, r.body);
  return (r.json().items as ProposalRow[]).filter((p) => p.personId === sua);
};
const payroll = async (code: string, who: Record<string, string>, month: number) => {
  const g = await t.app.inject({ method: 'POST', url: `/api/payments/units/${code}/payrolls`, headers: who, payload: { month } });
  assert.equal(g.statusCode, 202, g.body);
  await jobWorker(t.db).idle();
  const job = (await t.app.inject({ method: 'GET', url: `/api/jobs/${g.json().id}`, headers: who })).json();
  assert.equal(job.state, 'done', JSON.stringify(job));
  return job.result.payrollId as number;
};
const linesOf = async (payrollId: number, who: Record<string, string>) => {
  const r = await t.app.inject({ method: 'GET', url: `/api/payments/payrolls/${payrollId}`, headers: who });
  assert.equal(r.statusCode, 200, r.body);
  return (
    r.json().lines as { personId: number; fullName: string; currentAmount: number; arrears: number; total: number; householdCode: string | null }[]
  ).filter((l) => l.personId === sua);
};
const decide = (id: number, who: Record<string, string>, decision?: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/registry/proposals/${id}/decide`,
    headers: who,
    payload: { state: 'confirmed', ...(decision ? { decision } : {}) },
  });

before(async () => {
  t = await testApp();
  A = (await reg.communeByCode(t.db.k, '03439'))!;
  B = (await reg.communeByCode(t.db.k, '15889'))!;
  const users = { officerA: ['officer', '03439'], approverA: ['approver', '03439'], officerB: ['officer', '15889'], approverB: ['approver', '15889'] } as const;
  const ids: Record<string, number> = {};
  for (const [k, [role, unitCode]] of Object.entries(users)) {
    ids[k] = await createTestUser(t.db, { username: `mv-${k}`, role, unitCode });
    h[k as keyof typeof h] = await sessionHeaders(t.db, ids[k]!);
  }
  actorA = (await loadActor(t.db.k, ids.officerA!))!;
  actorB = (await loadActor(t.db.k, ids.officerB!))!;
  const a = await reg.registerHousehold(
    t.db.k,
    A,
    household('MV-A1', 'Bản Thu Lũm'),
    [person({ fullName: 'Vàng Thị Sua', dateOfBirth: '1985-04-02', disability: 'severe', disabilityCertifiedOn: '2020-01-10' })],
    { by: 'test', reason: 'đăng ký mới' },
  );
  sua = a.personIds[0]!;
  hhB = (
    await reg.registerHousehold(t.db.k, B, household('MV-B1', 'Thôn Hoàng Phú'), [person({ fullName: 'Giàng A Páo', sex: 'M', dateOfBirth: '1980-02-11' })], {
      by: 'test',
      reason: 'đăng ký mới',
    })
  ).householdId;
  const d = await t.app.inject({
    method: 'POST',
    url: `/api/registry/persons/${sua}/decisions`,
    headers: h.approverA,
    payload: {
      number: '7/QĐ-UBND',
      decidedOn: '2025-12-22',
      signer: 'Chủ tịch UBND xã Thu Lũm',
      kind: 'start',
      startMonth: 202601,
      channel: 'bank',
      account: '0123456789',
    },
  });
  assert.equal(d.statusCode, 201, d.body);
  startA = d.json().id;
  // Thu Lũm paid January–September in September (approved), and drafted October on 01/10/2026.
  const sep = await payroll('03439', h.officerA, 202609);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${sep}/approve`, headers: h.approverA })).statusCode, 200);
  octA = await payroll('03439', h.officerA, 202610);
  // 14/10/2026: she moves into a household of Hoàng Phú (the system records a confirmed transfer).
  await t.db.k
    .transaction()
    .execute((tx) => reg.movePerson(tx, sua, hhB, 'other', { by: 'system', reason: 'chuyển đến từ xã Thu Lũm', at: new Date('2026-10-14T08:30:00+07:00') }));
});
after(async () => t.close());

test('the old commune sees the move through ansinh_moved_beneficiaries only (name, date, communes, its decision); nothing for a unit outside the scope', async () => {
  const mine = await withActor(t.db, actorA, (tx) => sql<Record<string, unknown>>`select * from ansinh_moved_beneficiaries(${A.id})`.execute(tx));
  assert.deepEqual(
    mine.rows,
    [
      {
        person_id: sua,
        full_name: 'Vàng Thị Sua',
        moved_on: '2026-10-14',
        from_unit_id: A.id,
        from_unit_name: A.name,
        to_unit_id: B.id,
        to_unit_name: B.name,
        decision_id: startA,
        old_active: true,
        stopped_from: null,
      },
    ],
    'no ID number, date of birth, health, ethnicity or other record field',
  );
  const outside = await withActor(t.db, actorB, (tx) => sql<{ n: number }>`select count(*)::int as n from ansinh_moved_beneficiaries(${A.id})`.execute(tx));
  assert.equal(outside.rows[0]!.n, 0, 'Hoàng Phú asks about Thu Lũm: nothing');
  const theirs = await withActor(t.db, actorB, (tx) =>
    sql<{
      person_id: number;
      decision_id: number | null;
      old_active: boolean;
    }>`select person_id, decision_id, old_active from ansinh_moved_beneficiaries(${B.id})`.execute(tx),
  );
  assert.deepEqual(
    theirs.rows,
    [{ person_id: sua, decision_id: null, old_active: true }],
    'the new commune learns that the old one still pays, not the decision',
  );
  assert.equal(
    (await t.app.inject({ method: 'GET', url: `/api/registry/persons/${sua}`, headers: h.officerA })).statusCode,
    404,
    'Thu Lũm no longer reads her record',
  );
  const seenByB = await t.app.inject({ method: 'GET', url: `/api/registry/persons/${sua}`, headers: h.officerB });
  assert.equal(seenByB.statusCode, 200);
  assert.deepEqual(seenByB.json().decisions, [], 'Hoàng Phú cannot read Thu Lũm’s decision');
  assert.equal(
    (await t.app.inject({ method: 'GET', url: `/api/registry/persons/${sua}`, headers: h.officerB })).json().history.length,
    2,
    'the history follows her',
  );
});

test('each commune files its own proposal: Thu Lũm the stop from 11/2026, Hoàng Phú the move-in review; detection is idempotent', async () => {
  const a = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/proposals/detect',
    headers: h.officerA,
    payload: { from: '2026-10-01', to: '2026-10-31' },
  });
  assert.equal(a.statusCode, 200, a.body);
  assert.equal(a.json().created, 1);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/registry/units/03439/proposals/detect',
        headers: h.officerA,
        payload: { from: '2026-11-01', to: '2026-11-30' },
      })
    ).json().created,
    0,
    'the same move, another window: nothing new',
  );
  assert.deepEqual(
    (await proposals('03439', h.officerA)).map((p) => [p.kind, p.action, p.eventDate, p.effectiveMonth, p.fullName, p.householdId, p.state]),
    [['move', 'stop', '2026-10-14', 202611, 'Vàng Thị Sua', null, 'open']],
  );
  const b = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/15889/proposals/detect',
    headers: h.officerB,
    payload: { from: '2026-10-01', to: '2026-10-31' },
  });
  assert.equal(b.json().created, 1);
  assert.deepEqual(
    (await proposals('15889', h.officerB)).map((p) => [p.kind, p.action, p.eventDate, p.effectiveMonth, p.householdId]),
    [['move_in', 'review', '2026-10-14', 202611, hhB]],
    'the new commune sees the review, not the stop',
  );
  const stop = (await proposals('03439', h.officerA))[0]!;
  assert.equal(
    (await decide(stop.id, h.approverB, { number: '1/QĐ-UBND', decidedOn: '2026-10-20', signer: 'x' })).statusCode,
    404,
    'Hoàng Phú cannot confirm Thu Lũm’s stop',
  );
});

test('the new commune cannot start before the old commune stops, nor record anything but a start', async () => {
  const p = (await proposals('15889', h.officerB))[0]!;
  const early = await decide(p.id, h.approverB, { number: '3/QĐ-UBND', decidedOn: '2026-10-21', signer: 'Chủ tịch UBND xã Hoàng Phú', kind: 'start' });
  assert.equal(early.statusCode, 409, early.body);
  assert.match(early.json().detail, new RegExp(A.name));
  const stop = await decide(p.id, h.approverB, { number: '3/QĐ-UBND', decidedOn: '2026-10-21', signer: 'Chủ tịch UBND xã Hoàng Phú', kind: 'stop' });
  assert.equal(stop.statusCode, 400);
  assert.equal(stop.json().errors[0].path, '/body/decision/kind');
  assert.equal((await proposals('15889', h.officerB))[0]!.state, 'open', 'nothing changed');
});

test('the old commune confirms the stop: recorded under Thu Lũm (unit, province, number unique there) from 11/2026', async () => {
  const p = (await proposals('03439', h.officerA))[0]!;
  const dup = await decide(p.id, h.approverA, { number: '7/QĐ-UBND', decidedOn: '2026-10-20', signer: 'Chủ tịch UBND xã Thu Lũm' });
  assert.equal(dup.statusCode, 409, 'the number of the start decision, in the same commune');
  const r = await decide(p.id, h.approverA, { number: '31/QĐ-UBND', decidedOn: '2026-10-20', signer: 'Chủ tịch UBND xã Thu Lũm' });
  assert.equal(r.statusCode, 200, r.body);
  const d = await sql<{ unit_id: number; province_code: string; kind: string; start_month: number; number: string; proposal_id: number }>`
    select unit_id, province_code, kind, start_month, number, proposal_id from benefit_decisions where id = ${r.json().decisionId}`.execute(t.db.k);
  assert.deepEqual(d.rows[0], { unit_id: A.id, province_code: A.provinceCode, kind: 'stop', start_month: 202611, number: '31/QĐ-UBND', proposal_id: p.id });
  assert.notEqual(A.provinceCode, B.provinceCode, 'she moved to another province: the stop stays in the old one');
  const after = (await proposals('03439', h.officerA))[0]!;
  assert.deepEqual(
    [after.state, after.decisionId, after.fullName],
    ['confirmed', r.json().decisionId, 'Vàng Thị Sua'],
    'the name still labels the confirmed proposal',
  );
  const left = await withActor(t.db, actorA, (tx) =>
    sql<{
      decision_id: number | null;
      old_active: boolean;
      stopped_from: number | null;
    }>`select decision_id, old_active, stopped_from from ansinh_moved_beneficiaries(${A.id})`.execute(tx),
  );
  assert.deepEqual(left.rows, [{ decision_id: null, old_active: false, stopped_from: 202611 }]);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/registry/units/03439/proposals/detect',
        headers: h.officerA,
        payload: { from: '2026-11-01', to: '2026-11-30' },
      })
    ).json().created,
    0,
    'nothing more to stop',
  );
});

test('payroll: Thu Lũm pays October (its line keeps her name), not November; Hoàng Phú pays from its own start decision', async () => {
  const oct = await linesOf(octA, h.officerA);
  assert.deepEqual(
    oct.map((l) => [l.fullName, l.currentAmount, l.arrears, l.householdCode]),
    [['Vàng Thị Sua', monthly('2026-10'), 0, null]],
    'drafted before the move, read after it',
  );
  assert.deepEqual(await linesOf(await payroll('03439', h.officerA, 202611), h.officerA), [], 'stopped from 11/2026');

  // Many communes at once (the district or province run, as the payroll job does), after the
  // move: October is still Thu Lũm's, paid in Thu Lũm's payroll, not in Hoàng Phú's.
  await pay.generatePayrolls(t.db.k, [A.id, B.id], 202610, 'test');
  const octLines = await sql<{
    unit_id: number;
    province_code: string;
    pr_unit: number;
    total: number;
  }>`select l.unit_id, l.province_code, pr.unit_id as pr_unit, l.total
    from payroll_lines l join payrolls pr on pr.id = l.payroll_id where l.person_id = ${sua} and pr.month = 202610`.execute(t.db.k);
  assert.deepEqual(octLines.rows, [{ unit_id: A.id, province_code: A.provinceCode, pr_unit: A.id, total: monthly('2026-10') }]);

  const p = (await proposals('15889', h.officerB))[0]!;
  const october = await t.app.inject({
    method: 'POST',
    url: `/api/registry/persons/${sua}/decisions`,
    headers: h.approverB,
    payload: { number: '2/QĐ-UBND', decidedOn: '2026-10-28', signer: 'Chủ tịch UBND xã Hoàng Phú', kind: 'start', startMonth: 202610 },
  });
  assert.equal(october.statusCode, 409, 'Thu Lũm pays October: a start here from October would pay it twice');
  assert.match(october.json().detail, /11\/2026/);
  const change = await decide(p.id, h.approverB, { number: '3/QĐ-UBND', decidedOn: '2026-10-28', signer: 'Chủ tịch UBND xã Hoàng Phú', kind: 'change' });
  assert.equal(change.statusCode, 400);
  const start = await decide(p.id, h.approverB, { number: '3/QĐ-UBND', decidedOn: '2026-10-28', signer: 'Chủ tịch UBND xã Hoàng Phú', kind: 'start' });
  assert.equal(start.statusCode, 200, start.body);
  assert.equal(start.json().decision.unitId, B.id);
  assert.equal(start.json().decision.monthlyAmount, monthly('2026-11'));
  assert.deepEqual(await linesOf(await payroll('15889', h.officerB, 202610), h.officerB), [], 'Hoàng Phú pays nothing for October');
  const nov = await linesOf(await payroll('15889', h.officerB, 202611), h.officerB);
  assert.deepEqual(
    nov.map((l) => [l.currentAmount, l.arrears]),
    [[monthly('2026-11'), 0]],
    'from 11/2026, no arrears of Thu Lũm’s months',
  );
  const chunked = await pay.computePayrollLines(t.db.k, [A.id, B.id], 202611);
  assert.deepEqual(
    chunked.lines.filter((l) => l.personId === sua).map((l) => [l.unitId, l.current]),
    [[B.id, monthly('2026-11')]],
    'the job path agrees',
  );
  assert.equal((await proposals('15889', h.officerB))[0]!.state, 'confirmed');
});
