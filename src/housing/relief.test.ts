// Emergency relief over HTTP (issue 13 item 2): an event → a relief list of registry households
// with entitlements from Decree 20/2021 ch. III as amended by 76/2024 (Art. 15: 40,000,000 for a
// house washed away; Art. 12: 15 kg rice × persons × 3 months; unverified) → support recorded and
// the days from the event measured; bad dates refused, nothing changed; the signature list CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { seedDemoVillages } from '../units/demo.ts';

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

  const unapproved = await post(`/api/relief/entries/${house.json().id}/supported`, { date: '2024-09-12' });
  assert.equal(unapproved.statusCode, 409, 'no support before the decision approving the list');
  const dec = await post(`/api/relief/events/${id}/decision`, { number: '512/QĐ-UBND', date: '2024-09-10', signer: 'Lò Văn Thắng' });
  assert.equal(dec.statusCode, 201, dec.body);
  assert.deepEqual([dec.json().lines, dec.json().amount], [2, 40_000_000]);
  const s = await post(`/api/relief/entries/${house.json().id}/supported`, { date: '2024-09-12' });
  assert.deepEqual(s.json(), { days: 3 });
  const d = (await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}`, headers: h })).json();
  assert.deepEqual([d.total, d.supported, d.maxDays], [2, 1, 3]);
  assert.deepEqual(d.decision, { number: '512/QĐ-UBND', date: '2024-09-10', signer: 'Lò Văn Thắng', lines: 2, amount: 40_000_000 });
  assert.match(d.items.find((i: { supportType: string }) => i.supportType === 'house_lost').basis, /Điều 15/);

  const csv = await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}/signatures.csv`, headers: h });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.body, /^\uFEFFSTT,Mã hộ,Họ và tên,Loại hỗ trợ,Số người,Hình thức,Số tiền \(đồng\),Hiện vật,Ký nhận/);
  assert.match(csv.body, /LU-1,Vàng A Páo,"?Nhà đổ, sập, trôi, cháy hoàn toàn"?,1,Tiền mặt,40\.000\.000/);

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

const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.k)).rows[0]!.n;

test('a person outside the registry on the list, in kind and by transfer; reviewed into the registry by its own command; decision; bank file', async () => {
  await seedDemoVillages(t.db, () => {});
  const village = (await sql<{ id: number }>`select id from units where code = '03439-02' and level = 'village'`.execute(t.db.k)).rows[0]!.id;
  const id = (await post('/api/relief/events', { unitCode: '03439', kind: 'landslide', name: 'Sạt lở bản Ka Lăng', date: '2024-09-15' })).json().id;
  const entries = `/api/relief/events/${id}/entries`;

  // Refusals, each on its field, nothing written.
  const before = [await count('relief_entries'), await count('audit_log')];
  const neither = await post(entries, { supportType: 'food' });
  assert.deepEqual([neither.statusCode, neither.json().errors[0].path], [400, '/body/householdId']);
  const both = await post(entries, { householdId: household, outside: { fullName: 'Sùng A Chứ' }, supportType: 'food' });
  assert.equal(both.statusCode, 400);
  const badId = await post(entries, { outside: { fullName: 'Sùng A Chứ', personalId: '123' }, supportType: 'food' });
  assert.deepEqual([badId.statusCode, badId.json().errors[0].path], [400, '/body/outside/personalId']);
  const noItem = await post(entries, { householdId: household, supportType: 'house_damaged', distribution: 'in_kind' });
  assert.deepEqual([noItem.statusCode, noItem.json().errors[0].path], [400, '/body/item']);
  const noAccount = await post(entries, { householdId: household, supportType: 'house_damaged', distribution: 'transfer' });
  assert.deepEqual([noAccount.statusCode, noAccount.json().errors[0].path], [400, '/body/account']);
  const foodTransfer = await post(entries, { householdId: household, supportType: 'food', distribution: 'transfer', account: '0123456789' });
  assert.deepEqual([foodTransfer.statusCode, foodTransfer.json().errors[0].path], [400, '/body/distribution'], 'rice has no amount to transfer');
  const zero = await post(entries, {
    householdId: household,
    supportType: 'food',
    distribution: 'in_kind',
    item: 'Mì tôm',
    quantity: 0,
    quantityUnit: 'thùng',
  });
  assert.equal(zero.statusCode, 400, 'a quantity of 0');
  assert.deepEqual([await count('relief_entries'), await count('audit_log')], before);

  // Food in kind for a person outside the registry: 3 persons × 15 kg × 3 months = 135 kg of rice (Decree 20/2021 Art. 12, unverified).
  const rice = await post(entries, {
    outside: { fullName: '  Sùng  A Chứ ', personalId: '001080012345', villageId: village, household: 'hộ ông Sùng A Chứ (mới đến)' },
    supportType: 'food',
    persons: 3,
    distribution: 'in_kind',
  });
  assert.equal(rice.statusCode, 201, rice.body);
  assert.equal(rice.json().riceKg, 135);
  // Repair money by transfer for the registry household: 20,000,000 (Art. 15 cl. 3).
  const cash = await post(entries, { householdId: household, supportType: 'house_damaged', distribution: 'transfer', account: '1903 6655 4433' });
  assert.equal(cash.statusCode, 201, cash.body);

  const d = (await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}`, headers: h })).json();
  const o = d.items.find((i: { outside: unknown }) => i.outside);
  assert.deepEqual(
    [o.household, o.outside.name, o.outside.personalId, o.outside.village, o.distribution, o.item, o.quantity, o.quantityUnit],
    [null, 'Sùng A Chứ', '•••••••••345', 'Bản Ka Lăng', 'in_kind', 'Gạo', 135, 'kg'],
  );
  assert.equal(d.items.find((i: { distribution: string }) => i.distribution === 'transfer').account, '••••••••4433');
  assert.ok(d.villages.some((v: { id: number }) => v.id === village));

  // No bank file before the decision.
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}/bank.csv`, headers: h })).statusCode, 409);

  // The review registers the person through the registry's command: its own validation refuses a bad date of birth.
  const review = { householdCode: 'KL-NEW-1', dateOfBirth: '1980-03-04', sex: 'M', ethnicCode: '01', address: 'Bản Ka Lăng', area: 'rural' };
  const badDob = await post(`/api/relief/entries/${rice.json().id}/register`, { ...review, dateOfBirth: '2030-01-01' });
  assert.deepEqual([badDob.statusCode, badDob.json().errors[0].path], [400, '/body/members/0/dateOfBirth']);
  const taken = await post(`/api/relief/entries/${rice.json().id}/register`, { ...review, householdCode: 'LU-1' });
  assert.equal(taken.statusCode, 409, 'the registry refuses a code in use');
  assert.equal(await count('households'), 1);
  const reg = await post(`/api/relief/entries/${rice.json().id}/register`, review);
  assert.equal(reg.statusCode, 201, reg.body);
  const hh = (
    await sql<{ code: string; village_id: number; head: string; pid: string }>`select h.code, h.village_id, p.full_name as head, p.personal_id as pid
    from households h join persons p on p.id = h.head_person_id where h.id = ${reg.json().householdId}`.execute(t.db.k)
  ).rows[0]!;
  assert.deepEqual(hh, { code: 'KL-NEW-1', village_id: village, head: 'Sùng A Chứ', pid: '001080012345' });
  const actions = (await sql<{ action: string }>`select action from audit_log order by seq desc limit 2`.execute(t.db.k)).rows.map((r) => r.action);
  assert.deepEqual(actions, ['relief_entry.registered', 'household.create']);
  assert.equal((await post(`/api/relief/entries/${rice.json().id}/register`, { ...review, householdCode: 'KL-NEW-2' })).statusCode, 409, 'once');
  const after = (await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}`, headers: h })).json();
  const linked = after.items.find((i: { id: number }) => i.id === rice.json().id);
  assert.deepEqual([linked.household.code, linked.outside.registeredOn], ['KL-NEW-1', '2024-09-20']);

  // The decision: refused before the event, then recorded; the list is frozen.
  const early = await post(`/api/relief/events/${id}/decision`, { number: '530/QĐ-UBND', date: '2024-09-14', signer: 'Lò Văn Thắng' });
  assert.deepEqual([early.statusCode, early.json().errors[0].path], [400, '/body/date']);
  const dec = await post(`/api/relief/events/${id}/decision`, { number: '530/QĐ-UBND', date: '2024-09-16', signer: 'Lò Văn Thắng' });
  assert.deepEqual([dec.statusCode, dec.json().lines, dec.json().amount], [201, 2, 20_000_000]);
  assert.equal((await post(`/api/relief/events/${id}/decision`, { number: '531/QĐ-UBND', date: '2024-09-16', signer: 'X Y' })).statusCode, 409);
  assert.equal((await post(entries, { householdId: household, supportType: 'relocation' })).statusCode, 409, 'frozen after the decision');

  // The bank file: the payments' format (same header), transfer lines only, the account in full.
  const bank = await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}/bank.csv`, headers: h });
  assert.equal(bank.statusCode, 200);
  const lines = bank.body.trimEnd().split('\r\n');
  assert.equal(lines[0], '\uFEFFMã tham chiếu,Số tài khoản / ví,Họ và tên,Số tiền (đồng),Nội dung');
  assert.deepEqual(lines.slice(1), [`CT${id}-${cash.json().id},190366554433,Vàng A Páo,20000000,Ho tro khan cap QD 530/QĐ-UBND`]);
  assert.equal(
    (await sql<{ action: string }>`select action from audit_log order by seq desc limit 1`.execute(t.db.k)).rows[0]!.action,
    'relief_list.bank_export',
  );
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}/bank.csv`, headers: other })).statusCode, 404, 'another commune');

  // The signature list: the in-kind line (rice), not the transfer.
  const sig = (await t.app.inject({ method: 'GET', url: `/api/relief/events/${id}/signatures.csv`, headers: h })).body;
  assert.match(sig, /1,KL-NEW-1,Sùng A Chứ,Hỗ trợ lương thực,3,Hiện vật,,Gạo 135 kg,/);
  assert.doesNotMatch(sig, /Nhà hư hỏng nặng/);
});
