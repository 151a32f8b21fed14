// Payroll documents: the bank batch-transfer file (CSV or XLSX: reference, account, name,
// amount) for cashless lines, and the signature list (.xlsx) for cash and post-office lines,
// grouped by village, with totals and a signature column.
// What each cell shows is decided by the presenters (./presenters.ts), the same as the JSON view.
import { excel } from '../kernel/excel.ts';
import { toCsv } from '../kernel/csv.ts';
import type { PayrollLineRow } from './store.ts';
import { paymentChannels } from '../registry/model.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';
import type { Disclosure } from '../registry/presenters.ts';
import { inBankFile, presentBankLine, presentPayrollLine } from './presenters.ts';
import type { PayrollProgramme } from './model.ts';

const bankHeader = ['Mã tham chiếu', 'Số tài khoản / ví', 'Họ và tên', 'Số tiền (đồng)', 'Nội dung'];

function bankRows(payrollId: number, month: MonthNumber, lines: readonly PayrollLineRow[], disc: Disclosure, programme: PayrollProgramme): BankRow[] {
  return lines.filter(inBankFile).map((l) => presentBankLine(payrollId, month, l, disc, programme));
}

/** A row of a bank batch-transfer file: reference, account, name, amount, transfer note. */
export type BankRow = readonly [reference: string, account: string, name: string, amount: number, note: string];

/** The bank batch-transfer CSV of any list of transfers, in the one format (also relief lists: src/housing/relief-routes.ts). */
export function bankTransferCsv(rows: readonly BankRow[]): string {
  return toCsv([bankHeader, ...rows]);
}

/** UTF-8 CSV with a byte-order mark (Excel opens it with the diacritics intact). */
export function bankBatchCsv(
  payrollId: number,
  month: MonthNumber,
  lines: readonly PayrollLineRow[],
  disc: Disclosure,
  programme: PayrollProgramme = 'assistance',
): string {
  return bankTransferCsv(bankRows(payrollId, month, lines, disc, programme));
}

export async function bankBatchXlsx(
  payrollId: number,
  month: MonthNumber,
  lines: readonly PayrollLineRow[],
  disc: Disclosure,
  programme: PayrollProgramme = 'assistance',
): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('Chuyen khoan');
  ws.addRow(bankHeader).font = { bold: true };
  for (const r of bankRows(payrollId, month, lines, disc, programme)) ws.addRow([...r]);
  ws.getColumn(4).numFmt = '#,##0';
  ws.columns.forEach((c, i) => (c.width = [16, 22, 28, 16, 34][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The signature list (danh sách ký nhận) for payments in cash or at the post office. */
export async function signatureListXlsx(
  p: { id: number; month: MonthNumber; unitName: string; programme?: PayrollProgramme },
  lines: readonly PayrollLineRow[],
  disc: Disclosure,
): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('Ky nhan');
  ws.addRow([`${p.unitName.toUpperCase()}`]).font = { bold: true };
  const title = p.programme === 'merit' ? 'DANH SÁCH CHI TRẢ TRỢ CẤP ƯU ĐÃI NGƯỜI CÓ CÔNG HẰNG THÁNG' : 'DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG';
  ws.addRow([`${title} - THÁNG ${monthNumber.formatVi(p.month)}`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  ws.addRow(['STT', 'Họ và tên', 'Bản / thôn', 'Mã hộ', 'Chế độ', 'Tháng này', 'Truy lĩnh', 'Tổng (đồng)', 'Hình thức', 'Ký nhận']).font = { bold: true };
  let n = 0;
  let total = 0;
  for (const row of lines.filter((x) => x.channel === 'cash' || x.channel === 'post')) {
    const l = presentPayrollLine(row, disc);
    n++;
    total += l.total;
    ws.addRow([
      n,
      l.full_name,
      l.village_name ?? '',
      l.household_code ?? '',
      l.category ?? '',
      l.current_amount,
      l.arrears,
      l.total,
      paymentChannels[l.channel].vi,
      '',
    ]);
  }
  ws.addRow(['', 'Cộng', '', '', '', '', '', total, '', '']).font = { bold: true };
  for (const c of [6, 7, 8]) ws.getColumn(c).numFmt = '#,##0';
  ws.columns.forEach((c, i) => (c.width = [6, 28, 18, 12, 10, 12, 12, 14, 14, 18][i]));
  ws.addRow([]);
  ws.addRow(['', 'Người lập biểu', '', '', '', 'Kế toán', '', '', 'TM. ỦY BAN NHÂN DÂN']).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
