// Merit profiles over HTTP (issue 12 item 1) on PGlite and PostgreSQL: record → list with the
// month's allowance and its basis (Decree 77/2024 Annex I row 3.2, Annex II) → change with history;
// bad input answered with field paths and nothing saved; masking, audited full reads, commune scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { loadActor } from '../access/store.ts';
import { withActor } from '../access/scope.ts';
import { MERIT_CATEGORIES } from '../law/merit-categories.ts';
import { registryHousehold, registryMember } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const ids: Record<string, number> = {};
const person: Record<string, number> = {};
const member = (o: Record<string, unknown>) =>
  registryMember({ fullName: 'Hoàng Thị Lan', dateOfBirth: '1948-02-03', sex: 'F', ethnicCode: '01', merit: true, ...o });
const decision = { number: '125/QĐ-LĐTBXH', date: '2021-06-20', body: 'Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu' };
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from merit_profiles`.execute(t.db.k)).rows[0]!.n;

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2024-08-15T03:00:00Z') });
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['supervisor', 'supervisor', '12'],
    ['other', 'officer', '15889'],
  ] as const) {
    ids[name] = await createTestUser(t.db, { username: `merit-${name}`, role, unitCode: unit });
    h[name] = await sessionHeaders(t.db, ids[name]!);
  }
  const household = (code: string, members: unknown[]) => ({
    household: registryHousehold(code, { merit: true }),
    members,
    reason: 'đăng ký mới',
  });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer,
    payload: household('NCC-1', [member({}), member({ fullName: 'Lò Văn Minh', sex: 'M', relation: 'spouse', dateOfBirth: '1946-09-20' })]),
  });
  assert.equal(r.statusCode, 201, r.body);
  [person.lan, person.minh] = r.json().personIds;
  const o = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/15889/households',
    headers: h.other,
    payload: household('NCC-9', [member({ fullName: 'Lê Văn Tám', sex: 'M' })]),
  });
  assert.equal(o.statusCode, 201, o.body);
  person.elsewhere = o.json().personIds[0];
});
after(async () => t.close());

test('record a relative of two martyrs: Decree 77/2024 Annex I row 3.2 gives 5,578,000 in 08/2024 and 55/2023 gives 4,110,000 in 08/2023; audited in the same transaction', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/merit/profiles',
    headers: h.officer,
    payload: {
      personId: person.lan,
      category: 'relative',
      facts: {
        relativeOf: 'martyr',
        martyrs: [
          { name: 'Lò Văn Sơn', relation: 'mother' },
          { name: 'Lò Văn Hải', relation: 'mother' },
        ],
      },
      decision,
      startMonth: '2021-07',
      reason: 'công nhận thân nhân liệt sĩ',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const { id } = r.json();
  const list = await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.lan}/profiles`, headers: h.officer });
  assert.equal(list.statusCode, 200, list.body);
  const l = list.json();
  assert.equal(l.total, 1);
  assert.equal(l.month, '2024-08', 'the current month by default');
  assert.equal(l.monthlyTotal, 5_578_000);
  const a = l.items[0].allowance;
  assert.equal(a.components[0].basis, 'Nghị định 77/2024/NĐ-CP, Phụ lục I, mục 3.2');
  assert.ok(a.reasons.some((x: { text: { vi: string } }) => /Thân nhân của 02 liệt sĩ: 5\.578\.000 đ/.test(x.text.vi)));
  assert.deepEqual(l.items[0].decision, decision);
  const aug2023 = await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.lan}/profiles?month=2023-08`, headers: h.officer });
  assert.equal(aug2023.json().monthlyTotal, 4_110_000);
  const log = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'merit_profile.create' and entity_id = ${String(id)}`.execute(
    t.db.k,
  );
  assert.equal(log.rows[0]!.n, 1);
});

test('bad input gets problem+json with the field path and saves nothing: injury rate 120%, no recognition decision, a person not in the registry', async () => {
  const before = await count();
  const base = {
    personId: person.minh,
    category: 'war_invalid',
    facts: { injuryRate: 61, invalidType: 'invalid' },
    decision,
    startMonth: '2021-07',
    reason: 'công nhận thương binh',
  };
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...base, facts: { injuryRate: 120, invalidType: 'invalid' } }, /^\/body\/facts\/injuryRate$/],
    [{ ...base, decision: undefined }, /^\/body(\/decision)?$/],
    [{ ...base, decision: { ...decision, number: '   ' } }, /^\/body\/decision\/number$/],
    [{ ...base, personId: 999_999 }, /^\/body\/personId$/],
    [{ ...base, personId: person.elsewhere }, /^\/body\/personId$/],
    [{ ...base, facts: { invalidType: 'invalid' } }, /^\/body\/facts\/injuryRate$/],
    [{ ...base, category: 'relative', facts: { relativeOf: 'martyr' } }, /^\/body\/facts\/martyrs$/],
    [{ ...base, endMonth: '2020-01' }, /^\/body\/endMonth$/],
  ];
  for (const [payload, path] of cases) {
    const r = await t.app.inject({ method: 'POST', url: '/api/merit/profiles', headers: h.officer, payload });
    assert.equal(r.statusCode, 400, `${JSON.stringify(payload)}: ${r.body}`);
    assert.match(r.headers['content-type'] as string, /application\/problem\+json/);
    const paths = r.json().errors.map((e: { path: string }) => e.path);
    assert.ok(
      paths.some((p: string) => path.test(p)),
      `${path} in ${JSON.stringify(r.json().errors)}`,
    );
  }
  assert.equal(await count(), before, 'nothing saved');
});

test('a war invalid (Annex II 61%): masked for a supervisor (no rate, no amount), in full for the officer (audited), 403 in full for a supervisor', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/merit/profiles',
    headers: h.officer,
    payload: {
      personId: person.minh,
      category: 'war_invalid',
      facts: { injuryRate: 61, invalidType: 'invalid' },
      decision,
      startMonth: '2021-07',
      reason: 'công nhận thương binh',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const masked = (await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.minh}/profiles`, headers: h.supervisor })).json();
  assert.equal(masked.items[0].facts.injuryRate, undefined);
  assert.equal(masked.items[0].facts.invalidType, 'invalid');
  assert.equal(masked.items[0].allowance, null);
  assert.equal(masked.monthlyTotal, null);
  assert.equal(masked.items[0].masked, true);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.minh}/profiles?full=true`, headers: h.supervisor })).statusCode, 403);
  const fullRead = await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.minh}/profiles?full=true`, headers: h.officer });
  assert.equal(fullRead.statusCode, 200, fullRead.body);
  assert.equal(fullRead.headers['cache-control'], 'no-store');
  const f = fullRead.json();
  assert.equal(f.items[0].facts.injuryRate, 61);
  assert.equal(f.monthlyTotal, 5_450_000);
  assert.equal(f.items[0].allowance.components[0].basis, 'Nghị định 77/2024/NĐ-CP, Phụ lục II, mục STT 41 (61%)');
  const log = await sql<{
    n: number;
  }>`select count(*)::int as n from audit_log where action = 'person.read_full' and entity_id = ${String(person.minh)}`.execute(t.db.k);
  assert.equal(log.rows[0]!.n, 1);
});

test('change a profile: a new version with the reason, history kept; another commune sees nothing', async () => {
  const id = (await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.lan}/profiles`, headers: h.officer })).json().items[0].id;
  const p = await t.app.inject({
    method: 'PATCH',
    url: `/api/merit/profiles/${id}`,
    headers: h.officer,
    payload: {
      changes: { facts: { relativeOf: 'martyr', martyrs: [{ relation: 'mother' }, { relation: 'mother' }], nurturing: true } },
      reason: 'sống cô đơn',
    },
  });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(p.json().version, 2);
  const d = (await t.app.inject({ method: 'GET', url: `/api/merit/profiles/${id}`, headers: h.officer })).json();
  assert.deepEqual(
    d.history.map((v: { version: number; reason: string }) => [v.version, v.reason]),
    [
      [2, 'sống cô đơn'],
      [1, 'công nhận thân nhân liệt sĩ'],
    ],
  );
  assert.equal(d.profile.allowance.monthlyAmount, 5_578_000 + 2_231_000, 'Annex I row 3.4 adds the nurturing allowance');
  const bad = await t.app.inject({
    method: 'PATCH',
    url: `/api/merit/profiles/${id}`,
    headers: h.officer,
    payload: { changes: { facts: { relativeOf: 'martyr', injuryRate: 130 } }, reason: 'sai' },
  });
  assert.equal(bad.statusCode, 400);
  assert.ok(
    bad.json().errors.some((e: { path: string }) => e.path === '/body/changes/facts/injuryRate'),
    bad.body,
  );
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/merit/profiles/${id}`, headers: h.other })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/merit/persons/${person.lan}/profiles`, headers: h.other })).statusCode, 404);
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/merit/profiles/${id}`,
        headers: h.other,
        payload: { changes: { startMonth: '2022-01' }, reason: 'thử sửa' },
      })
    ).statusCode,
    404,
  );
  // Row-level security: a query without any filter sees only the actor's communes.
  const other = (await loadActor(t.db.k, ids.other!))!;
  const seen = await withActor(t.db, other, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from merit_profiles`.execute(tx)).rows[0]!.n);
  assert.equal(seen, 0);
  const versions = await withActor(
    t.db,
    other,
    async (tx) => (await sql<{ n: number }>`select count(*)::int as n from merit_profile_versions`.execute(tx)).rows[0]!.n,
  );
  assert.equal(versions, 0);
});

test('Ordinance 02/2020 Art. 3: the SQL check of merit_profiles.category names exactly the vocabulary of src/law/merit-categories.ts', async () => {
  const r = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'merit_profiles_category'`.execute(t.db.k);
  const inSql = [...r.rows[0]!.def.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(inSql, [...MERIT_CATEGORIES].sort());
});

test('recording a profile marks the registry person as a person with meritorious service (persons.merit, a new person version with the reason)', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer,
    payload: {
      household: registryHousehold('NCC-2'),
      members: [member({ fullName: 'Đèo Thị Hoa', merit: false })],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().personIds[0] as number;
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/merit/profiles',
    headers: h.officer,
    payload: { personId: id, category: 'heroic_mother', decision, startMonth: '2024-08', reason: 'truy tặng danh hiệu' },
  });
  assert.equal(p.statusCode, 201, p.body);
  const row = (await sql<{ merit: boolean; version: number }>`select merit, version from persons where id = ${id}`.execute(t.db.k)).rows[0]!;
  assert.deepEqual(row, { merit: true, version: 2 });
  const v = (await sql<{ reason: string }>`select reason from person_versions where person_id = ${id} and version = 2`.execute(t.db.k)).rows[0]!;
  assert.match(v.reason, /125\/QĐ-LĐTBXH/);
});

test("the commune's merit payroll over HTTP: the month's allowances as lines of a payroll of its own programme, audited; another commune's officer is refused", async () => {
  const r = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/merit-payrolls', headers: h.officer, payload: { month: 202408 } });
  assert.equal(r.statusCode, 201, r.body);
  const s = r.json();
  assert.ok(s.lines >= 1);
  const list = await t.app.inject({ method: 'GET', url: '/api/payments/units/03439/payrolls', headers: h.officer });
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(
    list
      .json()
      .items.filter((x: { id: number }) => x.id === s.payrollId)
      .map((x: { programme: string }) => x.programme),
    ['merit'],
  );
  const a = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'payroll.generate' and entity_id = ${String(s.payrollId)}`.execute(
    t.db.k,
  );
  assert.equal(a.rows[0]!.n, 1);
  const other = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/merit-payrolls', headers: h.other, payload: { month: 202408 } });
  assert.equal(other.statusCode, 403, other.body);
});
