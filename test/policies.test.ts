// The feature policies (issue 16 item 2: src/payments/policy.ts, src/registry/policy.ts) through
// the real routes: a permission counts only in the commune of the record. The wrong actor here
// reads the whole province of Lai Châu (supervisor) and holds the writing permission only in a
// commune of another province, so the route's access check and row-level security let the
// request reach the handler; the policy refuses it. Runs on PGlite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from './helpers/app.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';
import { setRoles, unitByCode } from '../src/access/store.ts';
import type { Role } from '../src/access/permissions.ts';
import { jobWorker } from '../src/jobs/runner.ts';
import { registryMember, deprivationsFirst } from './helpers/registry.ts';

const member = registryMember;
const deprived = deprivationsFirst(4);

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
let personId = 0;
let payrollId = 0;

/** A user who reads Lai Châu (12) and holds `role` only in a commune of another province. */
async function elsewhere(name: string, role: Role): Promise<Record<string, string>> {
  const id = await createTestUser(t.db, { username: name, role: null });
  const other = await t.db.k
    .selectFrom('units as c')
    .innerJoin('units as p', (j) => j.on((eb) => eb('p.id', '=', eb.fn.any('c.ancestors'))))
    .select('c.code')
    .where('c.level', '=', 'commune')
    .where('c.valid_to', 'is', null)
    .where('p.level', '=', 'province')
    .where('p.code', '<>', '12')
    .orderBy('c.code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const province = (await unitByCode(t.db.k, '12'))!;
  const commune = (await unitByCode(t.db.k, other.code))!;
  await setRoles(t.db.k, id, [
    { role: 'supervisor', unitId: province.id },
    { role, unitId: commune.id },
  ]);
  return sessionHeaders(t.db, id);
}

before(async () => {
  t = await testApp();
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['approver', 'approver', '12'],
  ] as const) {
    h[name] = await sessionHeaders(t.db, await createTestUser(t.db, { username: `pol-${name}`, role, unitCode: unit }));
  }
  h.leaderElsewhere = await elsewhere('pol-leader-elsewhere', 'leader');
  h.officerElsewhere = await elsewhere('pol-officer-elsewhere', 'officer');
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer!,
    payload: {
      household: {
        code: 'POL-1',
        villageId: null,
        address: 'Bản Pa Thắng',
        area: 'rural',
        incomePerMonth: 1_100_000,
        deprivations: deprived,
        disadvantagedArea: true,
        merit: false,
      },
      members: [member({})],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  personId = r.json().personIds[0];
  const decision = { number: `${personId}/QĐ-UBND`, decidedOn: '2026-08-01', signer: 'Chủ tịch UBND xã', kind: 'start', startMonth: 202608, channel: 'cash' };
  const refused = await t.app.inject({ method: 'POST', url: `/api/registry/persons/${personId}/decisions`, headers: h.leaderElsewhere!, payload: decision });
  assert.equal(refused.statusCode, 403, 'benefits.decide held in another commune: refused (canDecideBenefit)');
  const d = await t.app.inject({ method: 'POST', url: `/api/registry/persons/${personId}/decisions`, headers: h.approver!, payload: decision });
  assert.equal(d.statusCode, 201, d.body);
  const pr = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/payrolls', headers: h.officer!, payload: { month: 202608 } });
  assert.equal(pr.statusCode, 202, pr.body);
  await jobWorker(t.db).idle();
  payrollId = (await t.app.inject({ method: 'GET', url: `/api/jobs/${pr.json().id}`, headers: h.officer! })).json().result.payrollId;
});
after(async () => t.close());

test('payments: a payroll is approved only with payments.approve in its commune or above (canApprovePayroll)', async () => {
  const seen = await t.app.inject({ method: 'GET', url: `/api/payments/payrolls/${payrollId}`, headers: h.leaderElsewhere! });
  assert.equal(seen.statusCode, 200, 'the supervisor role reads the payroll');
  const refused = await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${payrollId}/approve`, headers: h.leaderElsewhere! });
  assert.equal(refused.statusCode, 403, refused.body);
  assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  const state = await t.db.k.selectFrom('payrolls').select('state').where('id', '=', payrollId).executeTakeFirstOrThrow();
  assert.equal(state.state, 'draft');
  const ok = await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${payrollId}/approve`, headers: h.approver! });
  assert.equal(ok.statusCode, 200, ok.body);
});

test("payments: a statement is reconciled only with payments.prepare in the payroll's commune (canPreparePayroll)", async () => {
  const rows = [{ reference: `${payrollId}-${personId}`, amount: 1, status: 'paid' }];
  const refused = await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${payrollId}/statement`, headers: h.officerElsewhere!, payload: { rows } });
  assert.equal(refused.statusCode, 403, refused.body);
});

test("registry: a person is changed only with registry.write in the person's commune (canWriteRegistry)", async () => {
  const payload = { changes: { fullName: 'Lý Mé Xá (sửa)' }, reason: 'sửa tên' };
  const refused = await t.app.inject({ method: 'PATCH', url: `/api/registry/persons/${personId}`, headers: h.officerElsewhere!, payload });
  assert.equal(refused.statusCode, 404, "another commune's person stays unseen to a writer");
  const ok = await t.app.inject({ method: 'PATCH', url: `/api/registry/persons/${personId}`, headers: h.officer!, payload });
  assert.equal(ok.statusCode, 200, ok.body);
});

test('registry: an integrity flag is reviewed only with integrity.review in its commune (canReviewFlag)', async () => {
  const commune = (await unitByCode(t.db.k, '03439'))!;
  const flag = await t.db.k
    .insertInto('integrity_flags')
    .values({
      province_code: '12',
      unit_id: commune.id,
      kind: 'same_personal_id',
      key: `policy-${personId}`,
      person_ids: [personId],
      reason: { vi: 'thử', en: 'test' },
      score: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const payload = { state: 'dismissed', note: 'đã kiểm tra' };
  const refused = await t.app.inject({ method: 'POST', url: `/api/registry/integrity/${flag.id}/review`, headers: h.leaderElsewhere!, payload });
  assert.equal(refused.statusCode, 403, refused.body);
  const still = await t.db.k.selectFrom('integrity_flags').select('state').where('id', '=', flag.id).executeTakeFirstOrThrow();
  assert.equal(still.state, 'open');
  const ok = await t.app.inject({ method: 'POST', url: `/api/registry/integrity/${flag.id}/review`, headers: h.approver!, payload });
  assert.equal(ok.statusCode, 200, ok.body);
});

test("registry: a life-event proposal is decided only with benefits.decide in the person's commune (canDecideProposal)", async () => {
  const death = await t.app.inject({
    method: 'PATCH',
    url: `/api/registry/persons/${personId}`,
    headers: h.officer!,
    payload: { changes: { deathDate: '2026-10-17' }, reason: 'giấy báo tử số 12/2026' },
  });
  assert.equal(death.statusCode, 200, death.body);
  const detect = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/proposals/detect',
    headers: h.officer!,
    payload: { from: '2026-10-01', to: '2026-12-31' },
  });
  assert.equal(detect.statusCode, 200, detect.body);
  const list = (await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/proposals', headers: h.officer! })).json() as {
    items: { id: number; personId: number; kind: string }[];
  };
  const p = list.items.find((x) => x.personId === personId && x.kind === 'death');
  assert.ok(p, 'the death is proposed');
  const refused = await t.app.inject({
    method: 'POST',
    url: `/api/registry/proposals/${p.id}/decide`,
    headers: h.leaderElsewhere!,
    payload: { state: 'rejected' },
  });
  assert.equal(refused.statusCode, 403, refused.body);
  const ok = await t.app.inject({ method: 'POST', url: `/api/registry/proposals/${p.id}/decide`, headers: h.approver!, payload: { state: 'rejected' } });
  assert.equal(ok.statusCode, 200, ok.body);
});
