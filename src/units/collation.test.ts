// Vietnamese order of names in SQL (migration 090, ansinh_vi_key) against ICU's Vietnamese
// collation in Node (Intl.Collator('vi')) as the oracle: every unit name of the official lists,
// and the names of issue 15 that sorted by code point. Runs on PGlite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const vi = new Intl.Collator('vi');

async function sqlOrder(names: string[]): Promise<string[]> {
  const r = await sql<{ n: string }>`select n from unnest(${names}::text[]) as n order by ansinh_vi_key(n) collate "C"`.execute(t.db.k);
  return r.rows.map((x) => x.n);
}

test('the names that sorted by code point (issue 15) come in Vietnamese order', async () => {
  const names = ['Bum Nưa', 'Bum Tở', 'Bình Lư', 'Bản Bo', 'Pa Ủ', 'Phong Thổ', 'Pu Sam Cáp', 'Pắc Ta', 'Đông', 'Dương', 'Ba', 'ba', 'Bà A', 'Bá', 'Ba Z'];
  assert.deepEqual(await sqlOrder(names), [...names].sort(vi.compare));
  assert.deepEqual(await sqlOrder(['Bum Nưa', 'Bum Tở', 'Bình Lư', 'Bản Bo']), ['Bản Bo', 'Bình Lư', 'Bum Nưa', 'Bum Tở']);
  assert.deepEqual(await sqlOrder(['Pa Ủ', 'Phong Thổ', 'Pu Sam Cáp', 'Pắc Ta']), ['Pa Ủ', 'Pắc Ta', 'Phong Thổ', 'Pu Sam Cáp']);
});

test('tones order a à ả ã á ạ, then ă and â, and decomposed input sorts as composed', async () => {
  const letters = ['ạ', 'á', 'ã', 'ả', 'à', 'a', 'â', 'ă', 'b', 'đ', 'd', 'e'];
  assert.deepEqual(await sqlOrder(letters), ['a', 'à', 'ả', 'ã', 'á', 'ạ', 'ă', 'â', 'b', 'd', 'đ', 'e']);
  const r = await sql<{ same: boolean }>`select ansinh_vi_key(${'Hoà Bình'.normalize('NFD')}) = ansinh_vi_key(${'Hoà Bình'}) as same`.execute(t.db.k);
  assert.equal(r.rows[0]!.same, true);
});

test('every unit name of the official lists sorts as ICU sorts it', async () => {
  const all = await sql<{ name: string }>`select distinct name from units`.execute(t.db.k);
  const names = all.rows.map((r) => r.name);
  assert.ok(names.length > 5000, `only ${names.length} names`);
  const mine = await sqlOrder(names);
  const icu = [...names].sort(vi.compare);
  const differ = mine.filter((n, i) => n !== icu[i]);
  assert.deepEqual(differ.slice(0, 10), [], `${differ.length} of ${names.length} names out of ICU order`);
});

test('a unit’s children come in Vietnamese order', async () => {
  const { childrenOf, findUnitByCode } = await import('./store.ts');
  const r = await sql<{ id: number }>`select id from units where level = 'province' and valid_to is null order by code limit 1`.execute(t.db.k);
  const kids = (await childrenOf(t.db.k, r.rows[0]!.id)).map((u) => u.name);
  assert.ok(kids.length > 10);
  assert.deepEqual(kids, [...kids].sort(vi.compare));
});
