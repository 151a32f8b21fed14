// Emergency relief over HTTP (issue 13 item 2): an event → a relief list of registry households
// with entitlements from Decree 20/2021 ch. III as amended by 76/2024 (Art. 15: 40,000,000 for a
// house washed away; Art. 12: 15 kg rice × persons × 3 months; unverified) → support recorded and
// the days from the event measured; bad dates refused, nothing changed; the signature list CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let h: Record<string, string>;
let other: Record<string, string>;
let household = 0;
const post = (url: string, payload: object, headers = h) => t.app.inject({ method: 'POST', url, headers, payload });

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2024-09-20T03:00:00Z') });
  h = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'relief-officer', role: 'officer', unitCode: '03439' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'relief-other', role: 'officer', unitCode: '15889' }));
  const m = {
    personalId: null,
    fullName: 'Vàng A Páo',
    dateOfBirth: '1980-02-03',
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
  };
  const r = await post('/api/registry/units/03439/households', {
    household: {
      code: 'LU-1',
      villageId: null,
      address: 'Bản Thu Lũm',
      area: 'rural',
      incomePerMonth: 1_000_000,
      deprivations: {},
      disadvantagedArea: false,
      merit: false,
    },
    members: [
      m,
      { ...m, fullName: 'Lý Thị Mai', sex: 'F', relation: 'spouse' },
      { ...m, fullName: 'Vàng A Sử', relation: 'child', dateOfBirth: '2010-05-05' },
      { ...m, fullName: 'Vàng Thị Dở', sex: 'F', relation: 'child', dateOfBirth: '2012-05-05' },
    ],
    reason: 'đăng ký mới',
  });
  assert.equal(r.statusCode, 201, r.body);
  household = r.json().householdId;
});
after(async () => t.close());

test('flood of 09/09/2024 → list: house washed away 40,000,000 (Art. 15), food 4 × 15 kg × 3 months = 180 kg (Art. 12) → supported, days measured → signature list', async () => {
  const e = await post('/api/relief/events', { unitCode: '03439', kind: 'flood', name: 'Lũ quét sau bão Yagi', date: '2024-09-09' });
  assert.equal(e.statusCode, 201, e.body);
  const id = e.json().id;
  const house = await post(`/api/relief/events/${id}/entries`, { householdId: household, supportType: 'house_lost' });
  assert.equal(house.statusCode, 201, house.body);
  assert.deepEqual([house.json().amount, house.json().status], [40_000_000, 'unverified']);
  const food = await post(`/api/relief/events/${id}/entries`, { householdId: household, supportType: 'food', persons: 4 });
  assert.equal(food.json().riceKg, 180);
  assert.equal((await post(`/api/relief/events/${id}/entries`, { householdId: household, supportType: 'food', persons: 4 })).statusCode, 409, 'listed once');

  const before = (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db.k)).rows[0]!.n;
  const early = await post(`/api/relief/entries/${house.json().id}/supported`, { date: '2024-09-08' });
  assert.equal(early.statusCode, 400);
  assert.equal(early.json().errors[0].path, '/body/date');
  const future = await post(`/api/relief/entries/${house.json().id}/supported`, { date: '2024-10-01' });
  assert.equal(future.statusCode, 400);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db.k)).rows[0]!.n, before);

  const s = await post(`/api/relief/entries/${house.json().id}/supported`, { date: '2024-09-12' });
  assert.deepEqual(s.json(), { days: 3 });
  const d = (await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}`, headers: h })).json();
  assert.deepEqual([d.total, d.supported, d.maxDays], [2, 1, 3]);
  assert.match(d.items.find((i: { supportType: string }) => i.supportType === 'house_lost').basis, /Điều 15/);

  const csv = await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}/signatures.csv`, headers: h });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.body, /^\uFEFFSTT,Mã hộ,Chủ hộ,Loại hỗ trợ/);
  assert.match(csv.body, /LU-1,Vàng A Páo,"?Nhà đổ, sập, trôi, cháy hoàn toàn"?,1,40\.000\.000/);

  assert.equal((await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}`, headers: other })).statusCode, 404, 'another commune');
});

test('an event dated in the future is refused with its field', async () => {
  const r = await post('/api/relief/events', { unitCode: '03439', kind: 'storm', name: 'Bão', date: '2024-10-01' });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().errors[0].path, '/body/date');
});

test("a unit's events list with each list's size and supports; another commune sees none; a household found by its code", async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/relief/units/03439/events', headers: h });
  assert.equal(r.statusCode, 200, r.body);
  const flood = r.json().items.find((e: { name: string }) => e.name === 'Lũ quét sau bão Yagi');
  assert.deepEqual([flood.kind, flood.date, flood.entries, flood.supported, flood.unit.code], ['flood', '2024-09-09', 2, 1, '03439']);
  const d = (await t.app.inject({ method: 'GET', url: `/api/relief/events/${flood.id}`, headers: h })).json();
  assert.equal(d.event.unitCode, '03439');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/relief/units/03439/events', headers: other })).statusCode, 404, 'outside the scope');
  const hh = await t.app.inject({ method: 'GET', url: '/api/housing/units/03439/households/LU-1', headers: h });
  assert.deepEqual(hh.json(), { id: household, code: 'LU-1', headName: 'Vàng A Páo', unitName: hh.json().unitName });
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/housing/units/03439/households/NO-SUCH', headers: h })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/housing/units/03439/households/LU-1', headers: other })).statusCode, 404);
});
