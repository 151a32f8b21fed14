// The stage counts of housing cases feed monitoring (issue 13 item 1; decision 006): on the day
// asked, the houses of poor and near-poor households not handed over, the houses handed over
// since 1 January, and the share of registry households without an open case; a past day keeps
// its own figure (stage dates, not the current stage); a commune without cases answers nothing;
// the commune's report form for 2025 is prefilled with them, marked as computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { housingIndicators } from './indicators.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let h: Record<string, string>;
let communeId = 0;
const hh: Record<string, number> = {};
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: h, payload });

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2025-03-20T03:00:00Z') });
  h = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'housing-ind', role: 'officer', unitCode: '03439' }));
  communeId = (await sql<{ id: number }>`select id from units where code = '03439'`.execute(t.db.k)).rows[0]!.id;
  for (const code of ['IN-1', 'IN-2', 'IN-3', 'IN-4']) {
    const r = await post('/api/registry/units/03439/households', {
      household: {
        code,
        villageId: null,
        address: 'Bản Thu Lũm',
        area: 'rural',
        incomePerMonth: 1_000_000,
        deprivations: {},
        disadvantagedArea: false,
        merit: false,
      },
      members: [
        {
          personalId: null,
          fullName: `Chủ hộ ${code}`,
          dateOfBirth: '1970-01-01',
          sex: 'M',
          ethnicCode: '01',
          relation: 'head',
          disability: 'none',
          pension: false,
          socialInsurance: 'none',
          healthInsurance: true,
          schooling: 'none',
          conditions: [],
          merit: false,
        },
      ],
      reason: 'đăng ký mới',
    });
    assert.equal(r.statusCode, 201, r.body);
    hh[code] = r.json().householdId;
  }
});
after(async () => t.close());

async function house(code: string, group: string, stages: [string, string][]) {
  const c = await post('/api/housing/cases', {
    householdId: hh[code]!,
    group,
    programme: group === 'merit' ? 'qd21' : 'nq_poor',
    supportType: 'new',
    condition: 'Nhà tạm',
    surveyDate: '2025-01-06',
  });
  assert.equal(c.statusCode, 201, c.body);
  for (const [stage, date] of stages) {
    const r = await post(`/api/housing/cases/${c.json().id}/stages`, { stage, date, ...(stage === 'approved' ? { decision: { number: '1/QĐ-UBND' } } : {}) });
    assert.equal(r.statusCode, 200, r.body);
  }
}

const all: [string, string][] = [
  ['approved', '2025-01-10'],
  ['started', '2025-01-20'],
  ['completed', '2025-02-10'],
];

test('a commune without housing cases answers nothing (not a claim of 0 temporary houses)', async () => {
  assert.deepEqual(await housingIndicators(t.db.k, communeId, '2025-03-20'), []);
});

test('stage counts on a day: remaining (poor, near-poor), handed over in the year, durable share; a past day keeps its figure', async () => {
  await house('IN-1', 'merit', [...all, ['handed_over', '2025-02-15']]);
  await house('IN-2', 'poor', [['approved', '2025-01-10']]);
  await house('IN-3', 'near_poor', [...all, ['handed_over', '2025-03-01']]);
  const households = (await sql<{ n: number }>`select count(*)::int as n from households where unit_id = ${communeId}`.execute(t.db.k)).rows[0]!.n;
  const on = async (day: string) => Object.fromEntries((await housingIndicators(t.db.k, communeId, day)).map((v) => [v.code, [v.numerator, v.denominator]]));
  assert.deepEqual(await on('2025-03-20'), {
    temporary_houses_remaining: [1, null], // IN-2 (poor, approved); IN-3 handed over; IN-1 is merit
    temporary_houses_eliminated: [2, null],
    durable_house_rate: [households - 1, households],
  });
  assert.deepEqual(await on('2025-02-20'), {
    temporary_houses_remaining: [2, null], // IN-3 not handed over yet on 20/02
    temporary_houses_eliminated: [1, null],
    durable_house_rate: [households - 2, households],
  });
});

test("the commune's 2025 report form is prefilled with the housing figures (decision 006)", async () => {
  const form = (await t.app.inject({ method: 'GET', url: '/api/monitoring/units/03439/periods/2025/form', headers: h })).json();
  assert.ok(form.registry, form);
  const reg = (code: string) => form.registry.values.find((v: { indicatorCode: string }) => v.indicatorCode === code);
  assert.equal(reg('temporary_houses_remaining').value, 1);
  assert.equal(reg('temporary_houses_eliminated').value, 2);
  assert.ok(reg('durable_house_rate').denominator > 0);
  const codes = form.indicators.map((i: { code: string }) => i.code);
  for (const c of ['temporary_houses_remaining', 'temporary_houses_eliminated', 'durable_house_rate']) assert.ok(codes.includes(c), c);
});
