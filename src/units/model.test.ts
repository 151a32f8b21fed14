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
  assert.deepEqual(m.errors.map((e) => e.path), ['/header/Mã tỉnh', '/header/Tên tỉnh']);
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
  assert.deepEqual(r.errors.map((e) => [e.rowNumber, e.column]), [[7, 'Mã tỉnh'], [7, 'Tên tỉnh'], [7, 'Mã xã']]);
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
