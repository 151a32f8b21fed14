// Payroll for the approver (issue 15 item 7): the list's totals, a warning before approval when
// two persons would be paid to one account, and the cashless share of a month (never two months
// added together). Runs on PGlite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { jobWorker } from '../jobs/runner.ts';
import { registryMember, deprivationsFirst } from '../../test/helpers/registry.ts';

const member = registryMember;
const deprived = deprivationsFirst(4);

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
let ids: number[] = [];

before(async () => {
  t = await testApp();
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['approver', 'approver', '12'],
  ] as const) {
    h[name] = await sessionHeaders(t.db, await createTestUser(t.db, { username: `pay-${name}`, role, unitCode: unit }));
  }
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer!,
    payload: {
      household: {
        code: 'PAY-1',
        villageId: null,
        address: 'Bản Pa Thắng',
        area: 'rural',
        incomePerMonth: 1_100_000,
        deprivations: deprived,
        disadvantagedArea: true,
        merit: false,
      },
      members: [
        member({}),
        member({ fullName: 'Chu Mó Pà', sex: 'F', relation: 'spouse', dateOfBirth: '1941-06-05' }),
        member({ fullName: 'Lý A Sử', relation: 'sibling', dateOfBirth: '1942-01-01' }),
      ],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  ids = r.json().personIds;
  // Two of them to one account (typed with and without spaces), the third in cash; all three over 80.
  for (const [id, channel, account] of [
    [ids[0], 'bank', '0123 456 789'],
    [ids[1], 'bank', '0123456789'],
    [ids[2], 'cash', undefined],
  ] as const) {
    const d = await t.app.inject({
      method: 'POST',
      url: `/api/registry/persons/${id}/decisions`,
      headers: h.approver!,
      payload: {
        number: `${id}/QĐ-UBND`,
        decidedOn: '2026-08-01',
        signer: 'Chủ tịch UBND xã',
        kind: 'start',
        startMonth: 202608,
        channel,
        ...(account ? { account } : {}),
      },
    });
    assert.equal(d.statusCode, 201, d.body);
  }
});
after(async () => t.close());

async function generate(month: number): Promise<number> {
  const pr = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/payrolls', headers: h.officer!, payload: { month } });
  assert.equal(pr.statusCode, 202, pr.body);
  await jobWorker(t.db).idle();
  return (await t.app.inject({ method: 'GET', url: `/api/jobs/${pr.json().id}`, headers: h.officer! })).json().result.payrollId;
}

test('the payroll carries its totals and names the account two persons share; approval waits for the approver to confirm it', async () => {
  const id = await generate(202608);
  const v = await t.app.inject({ method: 'GET', url: `/api/payments/payrolls/${id}`, headers: h.approver! });
  assert.equal(v.statusCode, 200, v.body);
  const body = v.json();
  const sum = (k: string) => body.lines.reduce((s: number, l: Record<string, number>) => s + l[k]!, 0);
  assert.deepEqual(body.totals, { lines: 3, current: sum('currentAmount'), arrears: sum('arrears'), total: sum('total') });
  assert.ok(body.totals.total > 0);
  assert.equal(body.warnings.sharedAccounts.length, 1);
  assert.deepEqual(body.warnings.sharedAccounts[0].persons.map((p: { personId: number }) => p.personId).sort(), [ids[0], ids[1]].sort());

  const refused = await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${id}/approve`, headers: h.approver! });
  assert.equal(refused.statusCode, 409, refused.body);
  assert.match(refused.json().detail, /1 tài khoản nhận tiền của nhiều người \(Chu Mó Pà, Lý Mé Xá\)/, 'names in Vietnamese order');
  const ok = await t.app.inject({ method: 'POST', url: `/api/payments/payrolls/${id}/approve?acknowledgeSharedAccounts=true`, headers: h.approver! });
  assert.equal(ok.statusCode, 200, ok.body);
});

test('the cashless share is the latest month’s, and each month carries its own', async () => {
  await generate(202609);
  const r = await t.app.inject({ method: 'GET', url: '/api/payments/units/03439/payrolls', headers: h.officer! });
  assert.equal(r.statusCode, 200, r.body);
  const { items: payrolls, cashless } = r.json();
  assert.deepEqual(
    payrolls.map((p: { month: number }) => p.month),
    [202609, 202608],
  );
  assert.deepEqual(
    payrolls.map((p: { cashless: number; lines: number }) => [p.cashless, p.lines]),
    [
      [2, 3],
      [2, 3],
    ],
  );
  assert.deepEqual(cashless, { month: 202609, numerator: 2, denominator: 3 }, 'not 4 of 6 (two months added)');
});
