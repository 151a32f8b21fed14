// Issue 18, Medium 4 and "What to build" 5: CSV cells a spreadsheet would run as a formula are
// neutralised in every CSV download (bank batch file, import report); numbers stay numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvCell, neutralise, toCsv } from './csv.ts';
import { bankBatchCsv } from '../payments/export.ts';
import { FULL } from '../registry/presenters.ts';
import { reportCsv, type ImportReport } from '../registry/import.ts';
import type { PayrollLineRow } from '../payments/store.ts';

const rowsOf = (csv: string) => parse(csv, { bom: true }) as string[][];

test('text cells starting with = + - @ tab or CR get a leading quote; others and numbers are unchanged', () => {
  for (const s of ['=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(neutralise(s), `'${s}`);
  for (const s of ['Lò Văn Páo', '0123456789', 'a=b', '', "'already"]) assert.equal(neutralise(s), s);
  assert.equal(csvCell(-150000), '-150000');
  assert.equal(csvCell('=1+1'), `"'=1+1"`);
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(null), '');
  assert.equal(toCsv([['a', 1], ['-x', -2]]), '\ufeffa,1\r\n"\'-x",-2\r\n');
});

test('the bank batch CSV neutralises a name =HYPERLINK(...) and keeps the amount a number', () => {
  const line = (id: number, name: string, account: string, total: number): PayrollLineRow => ({
    person_id: id, full_name: name, personal_id: null, village_name: null, household_code: null, channel: 'bank', account, current_amount: total, arrears: 0, total, status: 'new' as PayrollLineRow['status'], category: null,
  });
  const csv = bankBatchCsv(7, 202607, [line(1, '=HYPERLINK("http://evil","Bấm")', '@123', 500000), line(2, 'Lò Thị Xuân', '0011223344', 750000)], FULL);
  const rows = rowsOf(csv);
  assert.equal(rows[1]![2], `'=HYPERLINK("http://evil","Bấm")`);
  assert.equal(rows[1]![1], `'@123`);
  assert.equal(rows[1]![3], '500000');
  assert.equal(rows[2]![2], 'Lò Thị Xuân');
  for (const r of rows) for (const c of r) assert.doesNotMatch(c, /^[=+\-@\t\r]/);
});

test('the import report CSV does not echo a +cmd|... cell as a formula', () => {
  const r: ImportReport = {
    dryRun: true, alreadyImported: false, fileHash: 'x', counts: { new: 0, unchanged: 0, changed: 0, rejected: 1 }, headerProblems: [],
    rows: [{ row: 2, householdCode: "+cmd|' /C calc'!A0", fullName: '-2+3+cmd', status: 'rejected', reasons: [{ column: '=Bad', message: { vi: 'sai', en: 'bad' } }] }],
  } as unknown as ImportReport;
  const rows = rowsOf(reportCsv(r));
  assert.equal(rows[1]![1], `'+cmd|' /C calc'!A0`);
  assert.equal(rows[1]![2], `'-2+3+cmd`);
  assert.equal(rows[1]![4], `'=Bad: sai`);
  for (const row of rows) for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/);
});
