// The pure rules of funds: amounts and dates as banks write them, statement tables of several
// layouts (VietinBank's single signed amount column, Agribank's .xlsx), the balance checks that
// refuse a file whose totals do not add up, and matching by amount, date and reference or donor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excel } from '../kernel/excel.ts';
import { matchLines, parseAmount, parseDate, readStatement } from './model.ts';
import { statementRows } from './files.ts';

test('amounts and dates as banks write them', () => {
  assert.equal(parseAmount('1.500.000'), 1_500_000);
  assert.equal(parseAmount('1,500,000.00'), 1_500_000);
  assert.equal(parseAmount('+500.000 VND'), 500_000);
  assert.equal(parseAmount('(200.000)'), -200_000);
  assert.equal(parseAmount('-200,000'), -200_000);
  assert.equal(parseAmount('12.34.5'), null);
  assert.equal(parseDate('05/08/2024 10:21:03'), '2024-08-05');
  assert.equal(parseDate('2024-08-05'), '2024-08-05');
  assert.equal(parseDate('31/02/2024'), null);
});

test('a VietinBank-style table with one signed amount column and a running balance', () => {
  const rows = [
    ['NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM - VietinBank'],
    ['Số dư đầu kỳ: 1.000.000'],
    ['STT', 'Ngày giao dịch', 'Diễn giải', 'Số tiền', 'Số dư'],
    ['1', '01/09/2024', 'PHAM THI HOA ung ho', '+200.000', '1.200.000'],
    ['2', '02/09/2024', 'Chi ho tro', '-150.000', '1.050.000'],
    ['Số dư cuối kỳ: 1.050.000'],
  ];
  const { statement, errors } = readStatement(rows, 'sao-ke.csv');
  assert.deepEqual(errors, []);
  assert.equal(statement!.bank, 'vietinbank');
  assert.deepEqual(
    statement!.lines.map((l) => l.amount),
    [200_000, -150_000],
  );
  const wrongBalance = rows.map((r) => (r[0] === '2' ? [...r.slice(0, 4), '1.060.000'] : r));
  assert.match(readStatement(wrongBalance, 'x.csv').errors[0]!.path, /rows\/5\/balance/);
});

test('an Agribank .xlsx statement is read from its first sheet; a wrong totals row is refused', async () => {
  const X = await excel();
  const wb = new X.Workbook();
  const ws = wb.addWorksheet('Sao ke');
  ws.addRows([
    ['Agribank - Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam'],
    ['Số dư đầu kỳ', 0],
    ['Ngày giao dịch', 'Số chứng từ', 'Phát sinh nợ', 'Phát sinh có', 'Nội dung'],
    [new Date(Date.UTC(2024, 8, 3)), 'AG1', null, 300000, 'HA VAN SINH ung ho'],
    ['Tổng cộng', null, 0, 300000],
    ['Số dư cuối kỳ', 300000],
  ]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const rows = await statementRows(buf, 'agribank.xlsx');
  const { statement, errors } = readStatement(rows, 'agribank.xlsx');
  assert.deepEqual(errors, []);
  assert.equal(statement!.bank, 'agribank');
  assert.deepEqual(statement!.lines[0], {
    lineNo: 1,
    row: 4,
    bookedOn: '2024-09-03',
    amount: 300_000,
    reference: 'AG1',
    description: 'HA VAN SINH ung ho',
    lineKey: 'ref:AG1',
  });
  const bad = rows.map((r) => (r[0] === 'Tổng cộng' ? ['Tổng cộng', '', '0', '350000'] : r));
  assert.match(readStatement(bad, 'agribank.xlsx').errors[0]!.message.vi, /Dòng tổng cộng/);
});

test('matching needs the amount, a date within 3 days, and the reference or the donor in the description', () => {
  const line = (lineNo: number, amount: number, bookedOn: string, description: string, reference: string | null = null) => ({
    lineNo,
    row: lineNo,
    bookedOn,
    amount,
    reference,
    description,
    lineKey: String(lineNo),
  });
  const receipts = [
    { id: 1, amount: 500_000, date: '2024-08-01', reference: null, folded: 'nguyen van an' },
    { id: 2, amount: 500_000, date: '2024-08-01', reference: 'FT9', folded: 'cong ty x' },
  ];
  const m = matchLines(
    [line(1, 500_000, '2024-08-02', 'NGUYEN VAN AN chuyen tien'), line(2, 500_000, '2024-08-03', 'CT', 'FT9'), line(3, 500_000, '2024-08-09', 'NGUYEN VAN AN')],
    receipts,
    [],
  );
  assert.deepEqual(
    [...m.entries()],
    [
      [1, { kind: 'receipt', id: 1 }],
      [2, { kind: 'receipt', id: 2 }],
    ],
  );
});
