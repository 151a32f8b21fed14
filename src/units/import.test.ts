// `ansinh units import`: the command as an official runs it, on a copy of the test database:
// exit codes and messages, --skip-invalid, corrections (upsert) and "Hiệu lực từ".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, truncateSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import { xlsxWithRawText } from '../../test/helpers/xlsx.ts';
import type { Db } from '../db/connection.ts';
import { readConfig } from '../kernel/config.ts';
import { unitsImportCommand } from './commands.ts';
import { findUnitByCode, findUnitByCodeAt } from './store.ts';

let db: Db;
let dir: string;
before(async () => {
  db = await testDb();
  dir = mkdtempSync(join(tmpdir(), 'units-import-'));
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function sink() {
  let s = '';
  return {
    stream: new Writable({
      write(c, _e, cb) {
        s += String(c);
        cb();
      },
    }),
    text: () => s,
  };
}

/** Runs the command as src/cli.ts would, on the test database. */
async function run(args: string[], opts: Record<string, string | boolean> = {}) {
  const out = sink();
  const err = sink();
  const ctx = { config: readConfig({ ANSINH_DATA_DIR: dir }), db: async () => db, stdout: out.stream, stderr: err.stream };
  const code = (await unitsImportCommand.run({ positionals: args, values: opts }, ctx)) ?? 0;
  return { code, out: out.text(), err: err.text() };
}

const count = async (where: string) => (await sql<{ n: number }>`select count(*)::int as n from units where ${sql.raw(where)}`.execute(db.k)).rows[0]!.n;

test('a list with a bad row: exit 1, each error with its row and column in Vietnamese, nothing written', async () => {
  const f = join(dir, 'bad.csv');
  writeFileSync(f, 'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp\n99,Thử Ba,99911,Một,Xã\n99,Thử Ba,9991x,Hai,Xã\n99,Thử Ba,99913,Ba,Làng\n');
  const r = await run([f]);
  assert.equal(r.code, 1);
  assert.match(r.err, /dòng 3, cột "Mã xã" \("9991x"\): Mã xã phải gồm 5 chữ số/);
  assert.match(r.err, /dòng 4, cột "Cấp" \("Làng"\): Cấp "Làng" không hợp lệ/);
  assert.match(r.err, /2 lỗi trong 3 dòng; không ghi gì/);
  assert.equal(await count(`code in ('99', '99911')`), 0);
});

test('--skip-invalid writes the good rows and still lists the bad ones', async () => {
  const f = join(dir, 'bad.csv');
  const r = await run([f], { 'skip-invalid': true });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /3 dòng, 1 hợp lệ; 2 đơn vị mới, 0 đơn vị được cập nhật; 2 lỗi/);
  assert.match(r.err, /dòng 3/);
  const u = await findUnitByCode(db.k, '99911', 'commune');
  assert.equal(u?.name, 'Xã Một');
  assert.equal(u?.valid_from, '2025-07-01', 'a list without dates is the list in force from 01/07/2025');
});

test('a corrected name updates the unit (level + code + validity start), and the new name is searchable', async () => {
  const f = join(dir, 'fix.csv');
  writeFileSync(f, 'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp\n99,Thử Ba,99911,Một Trăm,Xã\n');
  const r = await run([f]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /cập nhật 99911: Xã Một → Xã Một Trăm\n/);
  assert.match(r.out, /0 đơn vị mới, 1 đơn vị được cập nhật/);
  const again = await run([f]);
  assert.match(again.out, /0 đơn vị mới, 0 đơn vị được cập nhật/);
  const row = (
    await sql<{ name: string; name_folded: string; n: number }>`select name, name_folded, count(*) over ()::int as n from units where code = '99911'`.execute(
      db.k,
    )
  ).rows;
  assert.deepEqual(row, [{ name: 'Xã Một Trăm', name_folded: 'xa mot tram', n: 1 }]);
});

test('"Hiệu lực từ": a commune created on 01/01/2026 joins the province in force then, the old unit with its code stays history', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow(['DANH MỤC ĐƠN VỊ HÀNH CHÍNH THÁNG 01/2026']);
  ws.addRow([]);
  ws.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp', 'Hiệu lực từ']);
  ws.addRow([12, 'Lai Châu', 3439, 'Thu Lũm', 'Xã', null]);
  ws.addRow([12, 'Lai Châu', 99921, 'Pa Vệ Sủ Mới', 'Xã', new Date(Date.UTC(2026, 0, 1))]);
  const f = join(dir, 'moi.xlsx');
  await wb.xlsx.writeFile(f);
  const provincesBefore = await count(`level = 'province'`);
  const r = await run([f]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /2 dòng, 2 hợp lệ; 1 đơn vị mới, 0 đơn vị được cập nhật/, 'Lai Châu and Thu Lũm exist already: only the new commune is written');
  assert.equal(await count(`level = 'province'`), provincesBefore);
  const u = await findUnitByCode(db.k, '99921', 'commune');
  assert.equal(u?.valid_from, '2026-01-01');
  const lc = await findUnitByCode(db.k, '12', 'province');
  assert.equal(u?.parent_id, lc?.id);
  assert.deepEqual(await sql<{ w: boolean }>`select ansinh_unit_within(${u!.id}, array[${lc!.id}]::int[]) as w`.execute(db.k).then((x) => x.rows[0]!.w), true);
  assert.equal(await findUnitByCodeAt(db.k, '99921', '2025-12-31'), undefined);
});

test('a cell with a NUL or half a surrogate pair (.xlsx _x0000_ / _xD800_, a NUL byte in a .csv) refuses its row, naming row and column; the others are written', async () => {
  const header = ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp'];
  const xlsx = await xlsxWithRawText(
    [header, ['97', 'Thử Nul', '99701', 'Một', 'Xã'], ['97', 'Thử Nul', '99702', 'NUL1', 'Xã'], ['97', 'Thử Nul', '99703', 'SUR1', 'Xã']],
    { NUL1: 'Hai_x0000_', SUR1: 'Ba_xD800_' },
  );
  writeFileSync(join(dir, 'nul.xlsx'), xlsx);
  const strict = await run([join(dir, 'nul.xlsx')]);
  assert.equal(strict.code, 1, strict.err);
  assert.match(strict.err, /dòng 3, cột "Tên xã" \("Hai\uFFFD"\): Không được chứa ký tự NUL/);
  assert.match(strict.err, /dòng 4, cột "Tên xã" \("Ba\uFFFD"\): Chứa ký tự Unicode không hợp lệ/);
  assert.equal(await count(`code in ('97', '99701')`), 0, 'nothing written without --skip-invalid');
  const r = await run([join(dir, 'nul.xlsx')], { 'skip-invalid': true });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /3 dòng, 1 hợp lệ/);
  assert.equal(
    await count(`code in ('97', '99701')`),
    2,
    JSON.stringify((await sql`select code, name, level, valid_from from units where code in ('97', '99701')`.execute(db.k)).rows),
  );
  assert.equal(await count(`code in ('99702', '99703')`), 0);
  // The same in a .csv: a NUL byte in one cell (a UTF-8 text otherwise).
  writeFileSync(join(dir, 'nul.csv'), Buffer.from('Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp\n98,Thử Csv,99801,Một,Xã\n98,Thử Csv,99802,Hai\u0000,Xã\n'));
  const c = await run([join(dir, 'nul.csv')], { 'skip-invalid': true });
  assert.equal(c.code, 0, c.err);
  assert.match(c.err, /dòng 3, cột "Tên xã"/);
  assert.equal(await count(`code in ('98', '99801')`), 2);
  assert.equal(await count(`code = '99802'`), 0);
});

test('bounded like an upload: a zip bomb named .xlsx, a list over 200,000 rows and a file over 50 MB each fail with one Vietnamese line and exit 1, nothing written', async () => {
  const before = await count('true');
  const fail = async (file: string, pattern: RegExp) => {
    const e = await run([file]).then(
      () => null,
      (x: unknown) => x as Error & { exitCode?: number },
    );
    assert.ok(e, `${file} was imported`);
    assert.equal(e.exitCode, 1, e.message);
    assert.match(e.message, pattern);
  };
  // A real workbook whose sheet is 200 MB of spaces (about 200 KB deflated): refused on the ZIP's
  // directory, before anything is inflated.
  const files = unzipSync(new Uint8Array(await new ExcelJS.Workbook().addWorksheet('a').workbook.xlsx.writeBuffer()));
  const sheet = Object.keys(files).find((k) => /worksheets\/sheet1\.xml$/.test(k))!;
  files[sheet] = [new Uint8Array(200 * 1024 * 1024).fill(0x20), { level: 9 }] as never;
  writeFileSync(join(dir, 'bom.xlsx'), zipSync(files));
  await fail(join(dir, 'bom.xlsx'), /không nhập được .*bom\.xlsx: Tệp nén bất thường: .* tối đa 100 lần \(giới hạn zip_ratio\)/);
  // 200,001 data rows: stopped while reading.
  writeFileSync(join(dir, 'lon.csv'), 'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp\n' + '99,Thử Ba,99911,Một,Xã\n'.repeat(200_001));
  await fail(join(dir, 'lon.csv'), /quá nhiều dòng: tối đa 200\.000 dòng/);
  // Over 50 MB (a sparse file): refused before it is read.
  const huge = join(dir, 'rat-lon.csv');
  writeFileSync(huge, 'Mã tỉnh\n');
  truncateSync(huge, 50 * 1024 * 1024 + 1);
  await fail(huge, /quá lớn: .* tối đa 50 MB/);
  assert.equal(await count('true'), before, 'nothing written');
});

test('bad options and files are one clear line', async () => {
  await assert.rejects(run([]), /thiếu FILE/);
  await assert.rejects(run([join(dir, 'x.csv')], { 'valid-from': '31/02/2025' }), /--valid-from phải là một ngày/);
  writeFileSync(join(dir, 'x.txt'), 'x');
  await assert.rejects(run([join(dir, 'x.txt')]), /unsupported file type/);
  writeFileSync(join(dir, 'empty.csv'), '');
  const e = await run([join(dir, 'empty.csv')]);
  assert.equal(e.code, 1);
  assert.match(e.err, /Tệp rỗng/);
});

test('--help documents the accepted columns', () => {
  for (const col of ['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Mã xã', 'Tên xã', 'Cấp', 'Hiệu lực từ', '--skip-invalid'])
    assert.ok(unitsImportCommand.help!.includes(col), col);
});
