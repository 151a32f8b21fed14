// Public procedure pages (issue 14 item 1): generated from the law data, no login, and the
// eligibility check runs the law's rules on a visitor's answers and stores nothing. Amounts
// against the decrees' own numbers: standard level 360,000 VND (Decree 20/2021 Art. 4 cl. 2) and
// 500,000 from 01/07/2024 (Decree 76/2024); a person of 80 or more without a pension has
// coefficient 1.0 (Decree 20/2021 Art. 6 cl. 1 point c, Art. 5 cl. 5 point c).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from './helpers/app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const check = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/check', payload: body });
const base = { poverty: 'none', disability: 'none', receivesPension: false };

test('the procedures are listed without login, each with who decides', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/public/procedures' });
  assert.equal(r.statusCode, 200);
  const codes = r.json().items.map((p: { code: string }) => p.code);
  for (const c of ['tro-cap-xa-hoi-hang-thang', 'tro-cap-huu-tri-xa-hoi', 'ho-tro-mai-tang', 'ra-soat-ho-ngheo', 'tro-cap-nguoi-co-cong'])
    assert.ok(codes.includes(c), c);
});

test('monthly social assistance: the Art. 5 groups, the deadlines with their basis (10 working days for the commune chair, Decree 147/2025 Art. 5) and the standard level in force on the date asked', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/public/procedures/tro-cap-xa-hoi-hang-thang?at=2024-03-01' });
  assert.equal(r.statusCode, 200);
  const p = r.json();
  assert.equal(p.qualifies.length, 11);
  assert.ok(p.qualifies.some((q: { basis: string }) => q.basis === 'Nghị định 20/2021/NĐ-CP, Điều 5 khoản 6'));
  const decision = p.deadlines.find((d: { code: string }) => d.code === 'assistance.decision');
  assert.deepEqual([decision.days, decision.counting, decision.basis], [10, 'working', 'Nghị định 147/2025/NĐ-CP, Điều 5']);
  assert.equal(p.amounts[0].value, 360_000);
  const later = (await t.app.inject({ method: 'GET', url: '/api/public/procedures/tro-cap-xa-hoi-hang-thang?at=2024-07-01' })).json();
  assert.equal(later.amounts[0].value, 500_000);
  assert.equal(later.amounts[0].text, '500.000 đ/tháng');
  const missing = await t.app.inject({ method: 'GET', url: '/api/public/procedures/khong-co' });
  assert.equal(missing.statusCode, 404);
});

test('"Tôi có thuộc diện được hưởng không?": born 03/1944, no pension, in 03/2024 → 360,000 VND a month (80+, coefficient 1.0); in 08/2024 → 500,000; a 40-year-old with nothing → not entitled', async () => {
  const old = await check({ ...base, birthYear: 1944, birthMonth: 3, month: '2024-03' });
  assert.equal(old.statusCode, 200, old.body);
  const a = old.json();
  assert.equal(a.eligible, true);
  assert.equal(a.monthlyTotal, 360_000);
  assert.equal(a.stored, false);
  assert.deepEqual(a.procedures, ['tro-cap-xa-hoi-hang-thang']);
  assert.match(a.summary.vi, /360\.000 đ mỗi tháng/);
  assert.equal((await check({ ...base, birthYear: 1944, birthMonth: 3, month: '2024-08' })).json().monthlyTotal, 500_000);
  const young = (await check({ ...base, birthYear: 1985, month: '2025-08' })).json();
  assert.equal(young.eligible, false);
  assert.equal(young.monthlyTotal, 0);
});

test('a severely disabled adult in 2024-08 is entitled (Art. 5 cl. 6); a pensioner of 85 is not under Art. 5 cl. 5 point c', async () => {
  const d = (await check({ ...base, birthYear: 1990, disability: 'severe', month: '2024-08' })).json();
  assert.equal(d.eligible, true);
  assert.ok(d.benefits.some((b: { category: string; status: string }) => b.category === '5.6' && b.status === 'payable'));
  const p = (await check({ ...base, birthYear: 1939, receivesPension: true, month: '2024-08' })).json();
  assert.equal(p.eligible, false);
});

test('the check stores nothing, refuses bad answers with the field named, and answers in problem+json', async () => {
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db.k)).rows[0]!.n;
  const before = await count();
  await check({ ...base, birthYear: 1944, month: '2024-03' });
  assert.equal(await count(), before);
  const bad = await check({ ...base, birthYear: 1800 });
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /problem\+json/);
  assert.ok(JSON.stringify(bad.json()).includes('/body/birthYear'));
  const extra = await check({ ...base, birthYear: 1950, idNumber: '001234567890' });
  assert.equal(extra.statusCode, 400);
  const future = await check({ ...base, birthYear: 2030, month: '2025-01' });
  assert.equal(future.statusCode, 400);
});
