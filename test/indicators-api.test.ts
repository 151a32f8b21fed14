// GET /api/indicators: public, filterable, in the request's language; the table mirrors the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from './helpers/app.ts';
import { catalogue } from '../src/indicators/catalogue.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('GET /api/indicators lists the whole catalogue without login, names in Vietnamese', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/indicators' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().total, catalogue.length);
  const hi = r.json().items.find((i: { code: string }) => i.code === 'health_insurance_coverage');
  assert.equal(hi.name, 'Tỷ lệ dân số tham gia bảo hiểm y tế');
  assert.equal(hi.aggregation, 'sum_ratio');
});

test('filters by area, source and accent-free text; English names on request', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/indicators?area=education&q=mau%20giao', headers: { 'accept-language': 'en' } });
  const codes = r.json().items.map((i: { code: string }) => i.code);
  assert.ok(codes.includes('preschool_enrolment_rate'));
  assert.ok(r.json().items.every((i: { area: string }) => i.area === 'education'));
  assert.equal(r.json().items.find((i: { code: string }) => i.code === 'preschool_enrolment_rate').name, 'Preschool enrolment rate');
  const reg = await t.app.inject({ method: 'GET', url: '/api/indicators?source=registry' });
  assert.ok(reg.json().items.some((i: { code: string }) => i.code === 'poor_household_rate'));
});

test('an unknown area is a 400 problem, not an empty list', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/indicators?area=khong_co' });
  assert.equal(r.statusCode, 400);
});

test('one indicator by code, and a Vietnamese 404 for an unknown code', async () => {
  const ok = await t.app.inject({ method: 'GET', url: '/api/indicators/stunting_under5_rate' });
  assert.equal(ok.json().direction, 'lower_better');
  const nf = await t.app.inject({ method: 'GET', url: '/api/indicators/khong_co' });
  assert.equal(nf.statusCode, 404);
  assert.match(nf.json().detail, /Không có chỉ tiêu mã khong_co/);
});

test('the indicators table holds the catalogue (loaded at start-up)', async () => {
  const n = await sql<{ n: number }>`select count(*)::int as n from indicators`.execute(t.db.k);
  assert.equal(n.rows[0]!.n, catalogue.length);
});
