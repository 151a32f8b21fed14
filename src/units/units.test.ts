// The unit tree as loaded from reference/units (official lists before and after 1 July 2025),
// search, the public API, the importer and scope ancestry. Runs on PGlite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { computeAncestors, countUnits, findUnitByCode, findUnitByCodeAt, descendantIds, lineageOf, childrenOf } from './store.ts';
import { seedDemoVillages, demoVillages } from './demo.ts';
import { importUnits, readTable } from './import.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const csvRows = (f: string) =>
  (parse(readFileSync(new URL(`../../reference/units/${f}`, import.meta.url)), { columns: true, skip_empty_lines: true }) as unknown[]).length;

test('the reference load has 34 provinces and 3,321 communes now, 63 provinces and 10,047 communes before the reform', async () => {
  const counts = Object.fromEntries((await countUnits(t.db.k)).map((r) => [`${r.level}:${r.current ? 'now' : 'before'}`, r.n]));
  assert.equal(counts['province:now'], 34);
  assert.equal(counts['commune:now'], 3321);
  assert.equal(counts['province:before'], 63);
  assert.equal(counts['commune:before'], 10047);
  // 691 districts with communes in the list + 5 island districts known only from the lineage
  assert.equal(counts['district:before'], 696);
});

test('every lineage row of the reference files is loaded', async () => {
  const n = await sql<{ n: number }>`select count(*)::int as n from unit_lineage`.execute(t.db.k);
  assert.equal(n.rows[0]!.n, csvRows('lineage-2025.csv') + csvRows('province-lineage-2025.csv'));
});

test('GET /api/units?q=Thu Lũm needs no login and finds Xã Thu Lũm (03439) first', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units?q=Thu%20L%C5%A9m' });
  assert.equal(r.statusCode, 200);
  const first = r.json().items[0];
  assert.equal(first.code, '03439');
  assert.equal(first.name, 'Xã Thu Lũm');
  assert.equal(first.current, true);
  assert.equal(first.province.name, 'Tỉnh Lai Châu');
});

test('search is accent- and typo-tolerant: "Thu Lum", "thu lumm", "Lai Chau"', async () => {
  for (const q of ['Thu Lum', 'thu lumm']) {
    const r = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent(q)}` });
    assert.equal(r.json().items[0].code, '03439', q);
  }
  const lc = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('Lai Chau')}&level=province` });
  assert.equal(lc.json().items[0].code, '12');
  assert.equal(lc.json().items[0].current, true);
});

test('"Hoàng Kim" finds the former Xã Hoằng Kim and tells that it merged into Xã Hoằng Phú', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('Hoàng Kim')}` });
  const hk = r.json().items.find((u: { name: string }) => u.name === 'Xã Hoằng Kim');
  assert.ok(hk, 'Xã Hoằng Kim is found');
  assert.equal(hk.current, false);
  assert.equal(hk.validTo, '2025-06-30');
  assert.equal(hk.district.name, 'Huyện Hoằng Hóa');
  assert.deepEqual(
    hk.successors.map((s: { code: string; name: string }) => [s.code, s.name]),
    [['15889', 'Xã Hoằng Phú']],
  );
  assert.match(hk.history.vi, /Đã sáp nhập vào Xã Hoằng Phú \(15889\)/);
});

test('GET /api/units/03439 lists its predecessors (old Thu Lũm 03436 and old Ka Lăng 03439) and the code reuse', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units/03439' });
  assert.equal(r.statusCode, 200);
  const u = r.json();
  assert.equal(u.name, 'Xã Thu Lũm');
  assert.deepEqual(u.predecessors.map((p: { code: string }) => p.code).sort(), ['03436', '03439']);
  assert.ok(u.sameCode.some((s: { name: string; current: boolean }) => s.name === 'Xã Ka Lăng' && !s.current));
  assert.deepEqual(
    u.parents.map((p: { code: string }) => p.code),
    ['12'],
  );
});

test('an unknown code is a Vietnamese 404 problem; a malformed one is a 400 with the field path', async () => {
  const nf = await t.app.inject({ method: 'GET', url: '/api/units/99999' });
  assert.equal(nf.statusCode, 404);
  assert.match(nf.json().detail, /Không có đơn vị hành chính mã 99999/);
  const bad = await t.app.inject({ method: 'GET', url: '/api/units/abc' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].path, '/params/code');
});

test('children of a province are listed with parent=CODE (the unit picker)', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units?parent=12&current=true&limit=500' });
  const items = r.json().items;
  assert.ok(items.length > 30);
  assert.ok(items.every((u: { level: string; province: { code: string } }) => u.level === 'commune' && u.province.code === '12'));
  assert.ok(items.some((u: { code: string }) => u.code === '03439'));
});

test('ancestry: old Xã Ka Lăng lies within the new Lai Châu and the new Thu Lũm; Hoằng Phú does not', async () => {
  const ka = await sql<{ id: number }>`select id from units where code = '03439' and name = 'Xã Ka Lăng'`.execute(t.db.k);
  const lc = (await findUnitByCode(t.db.k, '12', 'province'))!;
  const tl = (await findUnitByCode(t.db.k, '03439', 'commune'))!;
  const hp = (await findUnitByCode(t.db.k, '15889', 'commune'))!;
  const within = async (u: number, scope: number[]) =>
    (await sql<{ w: boolean }>`select ansinh_unit_within(${u}, ${`{${scope.join(',')}}`}::int[]) as w`.execute(t.db.k)).rows[0]!.w;
  assert.equal(await within(ka.rows[0]!.id, [lc.id]), true);
  assert.equal(await within(ka.rows[0]!.id, [tl.id]), true);
  assert.equal(await within(ka.rows[0]!.id, [hp.id]), false);
  assert.equal(await within(hp.id, [lc.id]), false);
});

test('units import: a csv and an xlsx in the official layout; a bad row writes nothing; re-import changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'units-'));
  try {
    const csvFile = join(dir, 'ds.csv');
    writeFileSync(csvFile, 'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp\n98,Thử Nghiệm,99901,Một,Xã\n98,Thử Nghiệm,99902,Hai,Phường\n');
    const first = await importUnits(t.db, await readTable(csvFile), { validFrom: '2030-01-01', validTo: null, skipInvalid: false });
    assert.deepEqual([first.rows, first.valid, first.inserted, first.errors.length], [2, 2, 3, 0]);
    const again = await importUnits(t.db, await readTable(csvFile), { validFrom: '2030-01-01', validTo: null, skipInvalid: false });
    assert.equal(again.inserted, 0);
    const two = await sql<{ name: string; kind: string }>`select name, kind from units where code = '99902'`.execute(t.db.k);
    assert.deepEqual(two.rows, [{ name: 'Phường Hai', kind: 'Phường' }]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
    ws.addRow(['97', 'Thử Hai', '99903', 'Ba', 'Xã']);
    ws.addRow(['97', 'Thử Hai', '9990', '', 'Xã']); // bad: empty name
    const xlsx = join(dir, 'ds.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const bad = await importUnits(t.db, await readTable(xlsx), { validFrom: '2030-01-01', validTo: null, skipInvalid: false });
    assert.equal(bad.written, false);
    assert.deepEqual(
      bad.errors.map((e) => [e.rowNumber, e.column]),
      [[3, 'Tên xã']],
    );
    const none = await sql<{ n: number }>`select count(*)::int as n from units where code in ('97', '99903')`.execute(t.db.k);
    assert.equal(none.rows[0]!.n, 0, 'nothing written when a row is bad');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a search by code puts the unit in force first, then the former one that used the code', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units?q=03439' });
  const items = r.json().items;
  assert.deepEqual(
    items.slice(0, 2).map((u: { name: string; current: boolean }) => [u.name, u.current]),
    [
      ['Xã Thu Lũm', true],
      ['Xã Ka Lăng', false],
    ],
  );
  assert.equal(items[1].district.name, 'Huyện Mường Tè');
  assert.equal(items[1].parent.name, 'Huyện Mường Tè');
});

test('a former province: Hà Giang merged into Tuyên Quang (province lineage, Resolution 202/2025/QH15)', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('Ha Giang')}&level=province&current=false` });
  const hg = r.json().items[0];
  assert.equal(hg.name, 'Tỉnh Hà Giang');
  assert.deepEqual(
    hg.successors.map((s: { code: string }) => s.code),
    ['08'],
  );
  const tq = await t.app.inject({ method: 'GET', url: '/api/units/08' });
  assert.deepEqual(
    tq
      .json()
      .predecessors.map((p: { name: string }) => p.name)
      .sort(),
    ['Tỉnh Hà Giang', 'Tỉnh Tuyên Quang'],
  );
  assert.match(tq.json().history.vi, /^Hình thành ngày 01\/07\/2025 từ Tỉnh (Hà Giang|Tuyên Quang), Tỉnh (Hà Giang|Tuyên Quang)$/);
  const lc = await t.app.inject({ method: 'GET', url: '/api/units/12' });
  assert.match(lc.json().history.vi, /^Giữ nguyên Tỉnh Lai Châu \(mã cũ 12\)/, 'Lai Châu was not merged');
});

test('parent=12&current=false lists the districts of the former Lai Châu, Huyện Mường Tè among them', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units?parent=12&current=false&limit=50' });
  const items = r.json().items;
  assert.ok(items.every((u: { level: string; current: boolean }) => u.level === 'district' && !u.current));
  assert.ok(items.some((u: { code: string; name: string }) => u.code === '107' && u.name === 'Huyện Mường Tè'));
});

test('the reference loader trusts the name over a contradicting type: Phường 5 of Quận Phú Nhuận is a ward', async () => {
  const r = await sql<{ kind: string }>`select kind from units where code = '27046' and valid_to is not null`.execute(t.db.k);
  assert.deepEqual(r.rows, [{ kind: 'Phường' }]);
});

test('store for other features: units in force on a date, descendants for roll-up, lineage', async () => {
  assert.equal((await findUnitByCodeAt(t.db.k, '03439', '2024-12-31'))?.name, 'Xã Ka Lăng');
  assert.equal((await findUnitByCodeAt(t.db.k, '03439', '2025-07-01'))?.name, 'Xã Thu Lũm');
  const lc = (await findUnitByCode(t.db.k, '12', 'province'))!;
  const ka = (await findUnitByCodeAt(t.db.k, '03439', '2025-06-30'))!;
  const all = await descendantIds(t.db.k, lc.id);
  const now = await descendantIds(t.db.k, lc.id, { currentOnly: true });
  assert.ok(all.includes(ka.id) && !now.includes(ka.id));
  const communesNow = (await childrenOf(t.db.k, lc.id)).filter((c) => c.level === 'commune').length;
  assert.equal(now.length, 1 + communesNow, 'Lai Châu in force: itself and its communes');
  const hp = (await findUnitByCode(t.db.k, '15889', 'commune'))!;
  const lin = await lineageOf(t.db.k, hp.id);
  assert.ok(lin.predecessors.some((p) => p.name === 'Xã Hoằng Kim' && p.part === 'full' && p.parentName === 'Huyện Hoằng Hóa'));
  assert.deepEqual(lin.successors, []);
});

test('demo villages: 8 bản under Xã Thu Lũm, listed by parent=03439, within Lai Châu; seeding twice adds nothing', async () => {
  await seedDemoVillages(t.db, () => {});
  await seedDemoVillages(t.db, () => {});
  const r = await t.app.inject({ method: 'GET', url: '/api/units?parent=03439&limit=50' });
  const items = r.json().items;
  assert.deepEqual(items.map((u: { name: string }) => u.name).sort(), [...demoVillages].sort());
  assert.ok(
    items.every(
      (u: { level: string; kind: string; province: { code: string }; parent: { code: string } }) =>
        u.level === 'village' && u.kind === 'Bản' && u.province.code === '12' && u.parent.code === '03439',
    ),
  );
  const v = await t.app.inject({ method: 'GET', url: '/api/units/03439-01' });
  assert.equal(v.statusCode, 200);
  assert.deepEqual(
    v.json().parents.map((p: { code: string }) => p.code),
    ['12', '03439'],
  );
  const lc = (await findUnitByCode(t.db.k, '12', 'province'))!;
  const w = await sql<{ n: number }>`select count(*)::int as n from units where level = 'village' and ansinh_unit_within(id, array[${lc.id}]::int[])`.execute(
    t.db.k,
  );
  assert.equal(w.rows[0]!.n, demoVillages.length);
});

test("the loader's in-memory ancestry equals the SQL rule: recomputing changes no row, and repairs a damaged one", async () => {
  assert.equal(await computeAncestors(t.db.k), 0);
  const damaged = await sql`update units set ancestors = '{}' where code in ('03439', '107', '12')`.execute(t.db.k);
  assert.equal(await computeAncestors(t.db.k), Number(damaged.numAffectedRows));
  assert.equal(await computeAncestors(t.db.k), 0);
});

test('the name as typed ranks first: "Hoàng Kim" is Xã Hoàng Kim (09016), then Xã Hoằng Kim; decomposed accents are read too', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('Hoàng Kim')}&limit=5` });
  assert.deepEqual(
    r
      .json()
      .items.slice(0, 2)
      .map((u: { code: string; name: string }) => [u.code, u.name]),
    [
      ['09016', 'Xã Hoàng Kim'],
      ['15889', 'Xã Hoằng Kim'],
    ],
  );
  const nfd = await t.app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('Thu Lũm'.normalize('NFD'))}` });
  assert.equal(nfd.json().items[0].code, '03439');
});

test('English problem details on request', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units/99999', headers: { 'accept-language': 'en' } });
  assert.equal(r.statusCode, 404);
  assert.match(r.headers['content-type'] as string, /application\/problem\+json/);
  assert.match(r.json().detail, /No administrative unit with code 99999/);
  const bad = await t.app.inject({ method: 'GET', url: '/api/units/1234' });
  assert.equal(bad.statusCode, 400, "a 4-digit code is no level's code");
});
