// The registry over HTTP (issue 6 parts 5, 8, 11): register → search (masked) → full read
// (audited, only with the permission) → review → enrol → payroll → exports, and the public list
// of poor households with names and villages only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { jobWorker } from '../jobs/runner.ts';
import { loadActor } from '../access/store.ts';
import { withActor } from '../access/scope.ts';
import * as reg from './store.ts';
import * as pay from '../payments/store.ts';
import { createDecision } from '../payments/decisions.ts';
import type { PersonInput } from './model.ts';
import { registryMember, deprivationsFirst } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const ids: Record<string, number> = {};
const member = registryMember;
const deprived = deprivationsFirst(4);

before(async () => {
  t = await testApp();
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['approver', 'approver', '12'],
    ['supervisor', 'supervisor', '12'],
    ['other', 'officer', '15889'],
  ] as const) {
    ids[name] = await createTestUser(t.db, { username: `api-${name}`, role, unitCode: unit });
    h[name] = await sessionHeaders(t.db, ids[name]!);
  }
});
after(async () => t.close());

test('register, search masked, read in full only with the permission (and audited)', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer,
    payload: {
      household: {
        code: 'API-1',
        villageId: null,
        address: 'Bản Pa Thắng',
        area: 'rural',
        incomePerMonth: 1_100_000,
        deprivations: deprived,
        disadvantagedArea: true,
        merit: false,
      },
      members: [
        member({ personalId: '012040000777' }),
        member({ fullName: 'Chu Mó Pà', sex: 'F', relation: 'spouse', dateOfBirth: '1950-06-05', disability: 'severe', disabilityCertifiedOn: '2020-01-10' }),
      ],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer,
    payload: {
      household: { code: 'API-2', villageId: null, address: '', area: 'rural', incomePerMonth: null, deprivations: {}, disadvantagedArea: false, merit: false },
      members: [member({ personalId: '012140000777', relation: 'child' })],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(bad.statusCode, 400);
  const paths = bad.json().errors.map((e: { path: string }) => e.path);
  assert.ok(paths.includes('/body/members') && paths.includes('/body/members/0/personalId'), JSON.stringify(paths));
  const s = await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/persons?q=ly me xa', headers: h.supervisor });
  assert.equal(s.statusCode, 200);
  const p = s.json().items[0];
  assert.equal(p.personalId, '012******777');
  assert.equal(p.ethnicity, null);
  assert.equal(p.masked, true);
  const denied = await t.app.inject({ method: 'GET', url: `/api/registry/persons/${p.id}?full=true`, headers: h.supervisor });
  assert.equal(denied.statusCode, 403, 'supervisors never read sensitive fields in full');
  const full = await t.app.inject({ method: 'GET', url: `/api/registry/persons/${p.id}?full=true`, headers: h.officer });
  assert.equal(full.json().person.personalId, '012040000777');
  assert.equal(full.json().person.ethnicity, 'Hà Nhì');
  const log = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'person.read_full' and entity_id = ${String(p.id)}`.execute(
    t.db.k,
  );
  assert.equal(log.rows[0]!.n, 1);
  const other = await t.app.inject({ method: 'GET', url: `/api/registry/persons/${p.id}`, headers: h.other });
  assert.equal(other.statusCode, 404, 'another commune’s officer cannot see the record');
});

test('review → household page with reasons → enrol → payroll → exports → public list', async () => {
  const rev = await t.app.inject({ method: 'POST', url: '/api/registry/units/03439/review', headers: h.officer, payload: { year: 2026 } });
  assert.equal(rev.statusCode, 202, rev.body);
  await jobWorker(t.db).idle();
  const job = await t.app.inject({ method: 'GET', url: `/api/jobs/${rev.json().id}`, headers: h.officer });
  assert.equal(job.json().state, 'done');
  assert.equal(job.json().progress, job.json().total);
  const [hh] = (await sql<{ id: number }>`select id from households where code = 'API-1'`.execute(t.db.k)).rows;
  const page = await t.app.inject({ method: 'GET', url: `/api/registry/households/${hh!.id}?year=2026`, headers: h.officer });
  assert.equal(page.json().classification.class, 'poor');
  assert.ok(page.json().classification.reasons.some((r: { basis: string | null }) => /Nghị định \d+\/20\d\d\/NĐ-CP/.test(r.basis ?? '')));
  const [pid] = (await sql<{ id: number }>`select id from persons where full_name = 'Chu Mó Pà'`.execute(t.db.k)).rows;
  const officerTry = await t.app.inject({
    method: 'POST',
    url: `/api/registry/persons/${pid!.id}/decisions`,
    headers: h.officer,
    payload: { number: '1/QĐ-UBND', decidedOn: '2026-09-01', signer: 'x', kind: 'start', startMonth: 202609 },
  });
  assert.equal(officerTry.statusCode, 403, 'officers do not decide benefits');
  const d = await t.app.inject({
    method: 'POST',
    url: `/api/registry/persons/${pid!.id}/decisions`,
    headers: h.approver,
    payload: { number: '1/QĐ-UBND', decidedOn: '2026-09-01', signer: 'Chủ tịch UBND xã', kind: 'start', startMonth: 202609, channel: 'post' },
  });
  assert.equal(d.statusCode, 201, d.body);
  // Decree 20/2021 Art. 5 cl. 6, Art. 6: severe disability of an elderly person, coefficient 2.0 × 500,000.
  assert.equal(d.json().monthlyAmount, 1_000_000);
  // A Thu Lũm beneficiary who moved to Hoằng Phú (Thanh Hóa), outside the officer's scope: the
  // request ran under the officer's row-level scope and left him out; the job, run under the
  // scope kept with it, too.
  const home = { villageId: null, address: '', area: 'rural' as const, incomePerMonth: 3_000_000, deprivations: {}, disadvantagedArea: false, merit: false };
  const meta = { by: 'test', reason: 'đăng ký mới' };
  const [thuLum, hoangPhu] = [(await reg.communeByCode(t.db.k, '03439'))!, (await reg.communeByCode(t.db.k, '15889'))!];
  const [mover] = (
    await reg.registerHousehold(
      t.db.k,
      thuLum,
      { ...home, code: 'API-MOVE' },
      [member({ fullName: 'Sùng A Dơ', dateOfBirth: '1938-01-01' }) as PersonInput],
      meta,
    )
  ).personIds;
  await createDecision(t.db.k, { personId: mover!, number: '2/QĐ-UBND', decidedOn: '2026-09-01', signer: 'x', kind: 'start', startMonth: 202609 }, 'test');
  const dest = await reg.registerHousehold(
    t.db.k,
    hoangPhu,
    { ...home, code: 'HP-1' },
    [member({ fullName: 'Lê Văn Chủ', dateOfBirth: '1970-01-01' }) as PersonInput],
    meta,
  );
  await reg.movePerson(t.db.k, mover!, dest.householdId, 'parent', meta);
  // The payroll is generated by a job: 202 with the job, then its result is the payroll's summary.
  const pr = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/payrolls', headers: h.officer, payload: { month: 202611 } });
  assert.equal(pr.statusCode, 202, pr.body);
  assert.equal(pr.json().kind, 'payroll');
  await jobWorker(t.db).idle();
  const pj = (await t.app.inject({ method: 'GET', url: `/api/jobs/${pr.json().id}`, headers: h.officer })).json();
  assert.equal(pj.state, 'done');
  assert.deepEqual([pj.result.lines, pj.result.total, pj.result.arrears], [1, 3_000_000, 2_000_000], 'November and the September–October arrears');
  const payrollId = pj.result.payrollId;
  const officer = (await loadActor(t.db.k, ids.officer!))!;
  const sync = await withActor(t.db, officer, (tx) => pay.generatePayroll(tx, thuLum.id, 202611, 'api-officer'));
  assert.deepEqual(
    { ...pj.result, communes: undefined },
    { ...JSON.parse(JSON.stringify(sync)), communes: undefined },
    'the job gives what the synchronous request gave',
  );
  const logged = await sql<{
    actor_username: string;
    entity_id: string;
  }>`select actor_username, entity_id from audit_log where action = 'payroll.generate'`.execute(t.db.k);
  assert.deepEqual(logged.rows, [{ actor_username: 'api-officer', entity_id: String(payrollId) }], 'audited once, as the officer who asked');
  const sig = await t.app.inject({ method: 'GET', url: `/api/payments/payrolls/${payrollId}/export?format=signatures`, headers: h.officer });
  assert.equal(sig.statusCode, 200);
  assert.match(sig.headers['content-type'] as string, /spreadsheetml/);
  const appr = await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${payrollId}/approve`, headers: h.approver });
  assert.equal(appr.statusCode, 200);
  const again = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/payrolls', headers: h.officer, payload: { month: 202611 } });
  assert.equal(again.statusCode, 409, 'an approved payroll is refused at once, no job queued');
  assert.match(again.json().detail, /11\/2026 đã được duyệt/);
  const pub = await t.app.inject({ method: 'GET', url: '/api/public/units/03439/poor-households?year=2026' });
  assert.equal(pub.statusCode, 200);
  assert.deepEqual(Object.keys(pub.json().items[0]).sort(), ['class', 'headName', 'village']);
  assert.equal(pub.json().items[0].headName, 'Lý Mé Xá');
  const ind = await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/indicators?year=2026&month=202611', headers: h.supervisor });
  const rate = ind.json().items.find((x: { code: string }) => x.code === 'poor_household_rate');
  assert.deepEqual([rate.numerator, rate.denominator], [1, 1]);
});
