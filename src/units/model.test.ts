// Reading the Statistics Office's lists: headers in Vietnamese with or without accents, codes
// that lost their leading zeros in Excel, and every bad cell reported with its row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapHeader, parseRow, fold, splitKind, provinceName } from './model.ts';

test('headers are recognised without accents or case: "Mã tỉnh, Tên tỉnh, Mã xã, Tên xã, Cấp"', () => {
  const m = mapHeader(['Mã tỉnh', 'TÊN TỈNH', 'Ma xa', 'Tên xã', 'Cấp']);
  assert.deepEqual(m.errors, []);
  assert.deepEqual(m.columns, { provinceCode: 0, provinceName: 1, communeCode: 2, communeName: 3, communeKind: 4 });
});

test('a missing required column is an error naming the column', () => {
  const m = mapHeader(['Mã xã', 'Tên xã']);
  assert.deepEqual(
    m.errors.map((e) => e.path),
    ['/header/Mã tỉnh', '/header/Tên tỉnh'],
  );
});

test('a row: province code "1" from Excel becomes "01"; kinds come from the name or the Cấp column', () => {
  const m = mapHeader(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
  const r = parseRow(['12', 'Lai Châu', '3439', 'Thu Lũm', 'Xã'], m, 2);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.row!.province, { code: '12', name: 'Tỉnh Lai Châu', kind: 'Tỉnh' });
  assert.deepEqual(r.row!.commune, { code: '03439', name: 'Xã Thu Lũm', kind: 'Xã' });
  const hn = parseRow(['1', 'Thành phố Hà Nội', '00004', 'Phường Ba Đình', ''], m, 3);
  assert.deepEqual(hn.row!.province, { code: '01', name: 'Thành phố Hà Nội', kind: 'Thành phố Trung ương' });
  assert.equal(hn.row!.commune!.kind, 'Phường');
});

test('every bad cell of a row is reported, with row number, column and a Vietnamese reason', () => {
  const m = mapHeader(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
  const r = parseRow(['123', '', 'x1', 'Thu Lũm', 'Ấp lớn'], m, 7);
  assert.equal(r.row, null);
  assert.deepEqual(
    r.errors.map((e) => [e.rowNumber, e.column]),
    [
      [7, 'Mã tỉnh'],
      [7, 'Tên tỉnh'],
      [7, 'Mã xã'],
    ],
  );
  assert.match(r.errors[0]!.reason.vi, /2 chữ số/);
  const k = parseRow(['12', 'Lai Châu', '03439', 'Thu Lũm', 'Ấp lớn'], m, 8);
  assert.equal(k.errors[0]!.column, 'Cấp');
});

test('names fold without accents and đ; kinds split from names', () => {
  assert.equal(fold('Xã Hoằng Kim'), 'xa hoang kim');
  assert.equal(fold('Đắk Lắk'), 'dak lak');
  assert.deepEqual(splitKind('Thị trấn Mường Tè'), { kind: 'Thị trấn', bare: 'Mường Tè' });
  assert.deepEqual(provinceName('Lai Châu'), { name: 'Tỉnh Lai Châu', kind: 'Tỉnh' });
});

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { findHeader, parseTable, parseDateCell, toUnits, unitsByEra } from './model.ts';

const ref = (f: string) => parse(readFileSync(new URL(`../../reference/units/${f}`, import.meta.url)), { bom: true, relax_column_count: true }) as string[][];

test('the Statistics Office export ("Mã, Tên, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh / Thành Phố") below a title row', () => {
  const table = [
    ['DANH MỤC ĐƠN VỊ HÀNH CHÍNH VIỆT NAM'],
    [],
    ['Mã', 'Tên', 'Tên Tiếng Anh', 'Cấp', 'Mã QH', 'Quận Huyện', 'Mã TP', 'Tỉnh / Thành Phố'],
    ['03439', 'Xã Ka Lăng', 'Ka Lang Commune', 'Xã', '107', 'Huyện Mường Tè', '12', 'Tỉnh Lai Châu'],
  ];
  assert.equal(findHeader(table), 2);
  const t = parseTable(table);
  assert.deepEqual(t.errors, []);
  assert.equal(t.total, 1);
  const r = t.rows[0]!;
  assert.equal(r.rowNumber, 4, 'row numbers are the spreadsheet rows');
  assert.deepEqual([r.province.name, r.district!.name, r.district!.kind, r.commune!.name], ['Tỉnh Lai Châu', 'Huyện Mường Tè', 'Huyện', 'Xã Ka Lăng']);
});

test('a bare name that starts like a village kind stays a commune: "Bản Lầu" with Cấp Xã is Xã Bản Lầu (Lào Cai, 02788)', () => {
  const m = mapHeader(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
  const r = parseRow(['15', 'Lào Cai', '02788', 'Bản Lầu', 'Xã'], m, 2);
  assert.deepEqual(r.row!.commune, { code: '02788', name: 'Xã Bản Lầu', kind: 'Xã' });
  const d = parseRow(['12', 'Lai Châu', '03433', 'Mường Tè', 'thị trấn'], m, 3);
  assert.deepEqual(d.row!.commune, { code: '03433', name: 'Thị trấn Mường Tè', kind: 'Thị trấn' });
});

test('a name whose kind contradicts the Cấp column is refused (one of the two is wrong)', () => {
  const m = mapHeader(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
  const r = parseRow(['12', 'Lai Châu', '03439', 'Phường Thu Lũm', 'Xã'], m, 5);
  assert.equal(r.row, null);
  assert.deepEqual(
    r.errors.map((e) => [e.rowNumber, e.column]),
    [[5, 'Cấp']],
  );
  assert.match(r.errors[0]!.reason.vi, /không khớp/);
});

test('the same code twice with different names is an error on the later row; repeated identical rows are fine', () => {
  const t = parseTable([
    ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã'],
    ['12', 'Lai Châu', '03439', 'Xã Thu Lũm'],
    ['12', 'Lai Châu', '03439', 'Xã Thu Lũm'],
    ['12', 'Lai Châu', '03439', 'Xã Ka Lăng'],
    ['12', 'Lai Chau', '03436', 'Xã Mù Cả'],
  ]);
  assert.deepEqual(
    t.errors.map((e) => [e.rowNumber, e.column]),
    [
      [4, 'Mã xã'],
      [5, 'Mã tỉnh'],
    ],
  );
  assert.match(t.errors[0]!.reason.vi, /đã có ở dòng 2/);
  assert.equal(t.rows.length, 2);
});

test('"Hiệu lực từ" accepts dd/mm/yyyy and refuses dates that do not exist', () => {
  assert.equal(parseDateCell('01/07/2025'), '2025-07-01');
  assert.equal(parseDateCell('1/7/2025'), '2025-07-01');
  assert.equal(parseDateCell('2025-07-01'), '2025-07-01');
  assert.equal(parseDateCell('30/02/2025'), null);
  assert.equal(parseDateCell('07/2025'), null);
});

test('a row with its own "Hiệu lực từ" adds only its commune in that era; its province stays the one in force', () => {
  const t = parseTable([
    ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Hiệu lực từ'],
    ['12', 'Lai Châu', '03439', 'Xã Thu Lũm', ''],
    ['12', 'Lai Châu', '03440', 'Xã Mới', '01/01/2026'],
  ]);
  assert.deepEqual(t.errors, []);
  const eras = unitsByEra(t.rows, '2025-07-01');
  assert.deepEqual([...eras.keys()], ['2025-07-01', '2026-01-01']);
  assert.deepEqual(
    eras.get('2025-07-01')!.map((u) => u.code),
    ['12', '03439'],
  );
  assert.deepEqual(
    eras.get('2026-01-01')!.map((u) => [u.code, u.parentCode]),
    [['03440', '12']],
  );
});

test('the reference lists read through the importer (English headers); the two self-contradicting rows are reported', () => {
  // README of reference/units: 3,321 communes after 1 July 2025; 10,047 communes in 63 provinces before.
  const now = parseTable(ref('communes-2025.csv'));
  assert.deepEqual([now.errors.length, now.rows.length], [0, 3321]);
  // Two rows of the pre-reform list contradict themselves: "Phường 5" and "Phường 15" of Quận
  // Phú Nhuận typed "Xã". The importer reports them (the reference loader trusts the name).
  const before = parseTable(ref('units-before-2025-07.csv'));
  assert.deepEqual(
    before.errors.map((e) => [e.rowNumber, e.column, e.value]),
    [
      [8281, 'Cấp', 'Xã'],
      [8289, 'Cấp', 'Xã'],
    ],
  );
  assert.deepEqual(
    before.errors.map((e) => e.reason.vi),
    ['Tên "Phường 5" không khớp với cấp "Xã"', 'Tên "Phường 15" không khớp với cấp "Xã"'],
  );
  before.rows.push(
    ...parseTable(ref('units-before-2025-07.csv').map((r, i) => (i === 8280 || i === 8288 ? [...r.slice(0, 8), 'Phường'] : r))).rows.filter(
      (r) => r.rowNumber === 8281 || r.rowNumber === 8289,
    ),
  );
  assert.equal(before.rows.length, 10047);
  const units = toUnits(before.rows);
  const n = (l: string) => units.filter((u) => u.level === l).length;
  assert.deepEqual([n('province'), n('district'), n('commune')], [63, 691, 10047]);
  const provinces = parseTable(ref('provinces-2025.csv'));
  assert.deepEqual([provinces.errors.length, provinces.rows.length], [0, 34]);
  assert.ok(provinces.rows.some((r) => r.province.code === '12' && r.province.name === 'Tỉnh Lai Châu'));
});

import { ancestorSets } from './model.ts';

test('scope ancestry: old Xã Ka Lăng (in old Huyện Mường Tè) lies within the new Xã Thu Lũm and the new Lai Châu', () => {
  // 1 new Lai Châu, 2 new Thu Lũm; 10 old Lai Châu, 11 old Mường Tè, 12 old Ka Lăng, 13 old Thu Lũm; 3 a village of the new Thu Lũm
  const units = [
    { id: 1, parentId: null, level: 'province', former: false },
    { id: 2, parentId: 1, level: 'commune', former: false },
    { id: 3, parentId: 2, level: 'village', former: false },
    { id: 10, parentId: null, level: 'province', former: true },
    { id: 11, parentId: 10, level: 'district', former: true },
    { id: 12, parentId: 11, level: 'commune', former: true },
    { id: 13, parentId: 11, level: 'commune', former: true },
  ] as const;
  const lineage = [
    { successorId: 2, predecessorId: 12 },
    { successorId: 2, predecessorId: 13 },
    { successorId: 1, predecessorId: 10 },
  ];
  const a = ancestorSets(units, lineage);
  assert.deepEqual(a.get(12), [1, 2, 10, 11, 12]);
  assert.deepEqual(a.get(11), [1, 2, 10, 11], 'a former district: what its communes went into');
  assert.deepEqual(a.get(10), [1, 10]);
  assert.deepEqual(a.get(3), [1, 2, 3]);
  assert.deepEqual(a.get(2), [1, 2], 'a new unit does not lie within the old ones');
});

import { historyText } from './model.ts';

test('the history line: merged into, formed from (with partial parts), kept, renamed', () => {
  const d = '2025-07-01';
  assert.equal(
    historyText({ name: 'Xã Hoằng Kim', valid_to: '2025-06-30' }, [{ code: '15889', name: 'Xã Hoằng Phú', part: 'full', effective: d }], []).vi,
    'Đã sáp nhập vào Xã Hoằng Phú (15889) từ 01/07/2025',
  );
  assert.equal(
    historyText(
      { name: 'Xã Thu Lũm', valid_to: null },
      [],
      [
        { code: '03436', name: 'Xã Thu Lũm', part: 'full', effective: d },
        { code: '03439', name: 'Xã Ka Lăng', part: 'partial', effective: d },
      ],
    ).vi,
    'Hình thành ngày 01/07/2025 từ Xã Thu Lũm, Xã Ka Lăng (một phần)',
  );
  assert.equal(
    historyText({ name: 'Tỉnh Lai Châu', valid_to: null }, [], [{ code: '12', name: 'Tỉnh Lai Châu', part: 'full', effective: d }]).vi,
    'Giữ nguyên Tỉnh Lai Châu (mã cũ 12) từ 01/07/2025',
  );
  assert.match(
    historyText({ name: 'Tuyên Quang', valid_to: null }, [], [{ code: '08', name: 'Tỉnh Tuyên Quang', part: 'full', effective: d }]).vi,
    /^Đổi tên từ/,
  );
  assert.equal(historyText({ name: 'Xã X', valid_to: '2025-06-30' }, [], []).vi, 'Có hiệu lực đến hết ngày 30/06/2025');
  assert.equal(historyText({ name: 'Xã X', valid_to: null }, [], []).vi, 'Đang có hiệu lực');
});
