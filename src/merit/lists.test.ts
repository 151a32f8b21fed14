// The yearly lists over HTTP (issue 12 item 4) on PGlite and PostgreSQL: a Heroic Mother, a war
// invalid of 41% and a relative of one martyr in Thu Lũm; the convalescence list of 2026 (Ordinance
// Art. 18 cl. 5 yearly, Art. 24 cl. 3 every two years; Decree 75/2021 Art. 6: 2,510,000 / 5,020,000),
// a recorded convalescence that moves the war invalid to "not due"; the Tết gift list of 2026
// (Quyết định 01/QĐ-CTN: 600,000 and 300,000); health insurance; CSV export; bad input, scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { registryHousehold, registryMember } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const person: Record<string, number> = {};
const decision = { number: '125/QĐ-LĐTBXH', date: '2021-06-20', body: 'Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu' };

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2026-01-10T03:00:00Z') });
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['other', 'officer', '15889'],
  ] as const) {
    const id = await createTestUser(t.db, { username: `lists-${name}`, role, unitCode: unit });
    h[name] = await sessionHeaders(t.db, id);
  }
  const m = (fullName: string, sex: 'F' | 'M', relation: string) =>
    registryMember({ fullName, dateOfBirth: '1945-02-03', sex, ethnicCode: '01', merit: true, relation });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer,
    payload: {
      household: registryHousehold('NCC-2', { merit: true }),
      members: [m('Hoàng Thị Mai', 'F', 'head'), m('Lò Văn Sơn', 'M', 'spouse'), m('Lò Thị Hoa', 'F', 'other')],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  [person.mother, person.invalid, person.relative] = r.json().personIds;
  const add = async (personId: number, category: string, facts: Record<string, unknown>) => {
    const x = await t.app.inject({
      method: 'POST',
      url: '/api/merit/profiles',
      headers: h.officer,
      payload: { personId, category, facts, decision, startMonth: '2021-07', reason: 'hồ sơ gốc' },
    });
    assert.equal(x.statusCode, 201, x.body);
  };
  await add(person.mother!, 'heroic_mother', {});
  await add(person.invalid!, 'war_invalid', { injuryRate: 41, invalidType: 'invalid' });
  await add(person.relative!, 'relative', { relativeOf: 'martyr', martyrs: [{ relation: 'spouse' }] });
});
after(async () => t.close());

const list = async (name: string, year = 2026, headers = h.officer) =>
  t.app.inject({ method: 'GET', url: `/api/merit/units/03439/lists/${name}?year=${year}`, headers });

test('convalescence 2026: the Heroic Mother every year, the war invalid of 41% and the martyr’s spouse every two years; 2,510,000 at home, 5,020,000 at a centre (Decree 75/2021 Art. 6)', async () => {
  const r = await list('convalescence');
  assert.equal(r.statusCode, 200, r.body);
  const rows = r.json().rows as { personId: number; status: string; frequency: string; amountHome: number; amountCentre: number }[];
  const of = (id: number) => rows.find((x) => x.personId === id)!;
  assert.equal(of(person.mother!).frequency, 'yearly');
  assert.equal(of(person.invalid!).frequency, 'biennial');
  assert.equal(of(person.relative!).frequency, 'biennial');
  assert.ok(rows.every((x) => x.status === 'due' && x.amountHome === 2_510_000 && x.amountCentre === 5_020_000));

  const rec = await t.app.inject({
    method: 'POST',
    url: '/api/merit/units/03439/convalescences',
    headers: h.officer,
    payload: { personId: person.invalid, year: 2025, kind: 'centre' },
  });
  assert.equal(rec.statusCode, 200, rec.body);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'merit_convalescence.record'`.execute(t.db.k);
  assert.equal(audit.rows[0]!.n, 1);
  const after = (await list('convalescence')).json().rows as { personId: number; status: string; lastYear: number }[];
  const inv = after.find((x) => x.personId === person.invalid)!;
  assert.equal(inv.status, 'not_due', 'Ordinance Art. 24 cl. 3: received 2025, next in 2027');
  assert.equal(inv.lastYear, 2025);
});

test('convalescence: bad input gets its field and nothing is saved; another commune’s officer sees nothing of Thu Lũm', async () => {
  const n = async () => (await sql<{ n: number }>`select count(*)::int as n from merit_convalescences`.execute(t.db.k)).rows[0]!.n;
  const before = await n();
  const future = await t.app.inject({
    method: 'POST',
    url: '/api/merit/units/03439/convalescences',
    headers: h.officer,
    payload: { personId: person.mother, year: 2027, kind: 'home' },
  });
  assert.equal(future.statusCode, 400, future.body);
  assert.ok(JSON.stringify(future.json()).includes('/body/year'));
  const kind = await t.app.inject({
    method: 'POST',
    url: '/api/merit/units/03439/convalescences',
    headers: h.officer,
    payload: { personId: person.mother, year: 2026, kind: 'hospital' },
  });
  assert.equal(kind.statusCode, 400, kind.body);
  assert.equal(await n(), before);
  assert.equal((await list('convalescence', 2026, h.other)).statusCode, 404);
});

test('Tết gifts 2026 (Quyết định 01/QĐ-CTN): the Heroic Mother 600,000, the war invalid of 41% 300,000, the relative of one martyr unknown (row not read); 2025 has no decision in the data', async () => {
  const r = await list('tet-gifts');
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json() as {
    basis: string;
    rows: { personId: number; status: string; amount: number | null }[];
    total: number;
    counts: Record<string, number>;
  };
  const of = (id: number) => body.rows.find((x) => x.personId === id)!;
  assert.equal(of(person.mother!).amount, 600_000);
  assert.equal(of(person.invalid!).amount, 300_000);
  assert.equal(of(person.relative!).status, 'unknown');
  assert.equal(body.total, 900_000);
  assert.match(body.basis, /01\/QĐ-CTN/);
  const y2025 = (await list('tet-gifts', 2025)).json() as { rows: { status: string }[]; basis: string | null };
  assert.ok(y2025.rows.every((x) => x.status === 'unknown'));
  assert.equal(y2025.basis, null);
});

test('health insurance (Ordinance Art. 16 cl. 6, 18 cl. 1, 24 cl. 2): all three covered; CSV export with the basis, audited', async () => {
  const r = await list('health-insurance');
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(
    (r.json().rows as { status: string }[]).map((x) => x.status),
    ['covered', 'covered', 'covered'],
  );
  const csv = await t.app.inject({ method: 'GET', url: '/api/merit/units/03439/lists/tet-gifts/export?year=2026&format=csv', headers: h.officer });
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.ok(csv.body.includes('Hoàng Thị Mai') && csv.body.includes('600000') && csv.body.includes('01/QĐ-CTN'));
  const xlsx = await t.app.inject({ method: 'GET', url: '/api/merit/units/03439/lists/convalescence/export?year=2026', headers: h.officer });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  const a = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'merit_list.export'`.execute(t.db.k);
  assert.equal(a.rows[0]!.n, 2);
});
