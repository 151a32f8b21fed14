// Pure rules of funds (no I/O): the vocabularies, reading a bank statement's table (the CSV or
// .xlsx layouts of Vietcombank, VietinBank, Agribank and BIDV, found by their column headers),
// checking its balances, and matching its lines to the ledger's receipts and spending.
import { fold } from '../units/model.ts';
import type { FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';

export const FUND_KINDS = ['gratitude', 'poor', 'relief', 'other'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const FUND_KIND_TEXT: Record<FundKind, { vi: string; en: string }> = {
  gratitude: text('Quỹ Đền ơn đáp nghĩa', 'Gratitude Fund'),
  poor: text('Quỹ Vì người nghèo', 'Fund for the Poor'),
  relief: text('Quỹ cứu trợ', 'Relief donations'),
  other: text('Quỹ khác', 'Other fund'),
};
export const RECEIPT_CHANNELS = ['bank', 'cash', 'in_kind'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];
/** What an allocation is for: a case of another feature, by kind and id (no foreign key). */
export const CASE_KINDS = ['housing_case', 'relief_list', 'visit', 'other'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const BANKS = ['vietcombank', 'vietinbank', 'agribank', 'bidv', 'unknown'] as const;
export type Bank = (typeof BANKS)[number];

/** The donor's name as the search compares it: no accents, lower case ("Nguyễn Văn Đức" → "nguyen van duc"). */
export const foldDonor = (s: string): string => fold(s);

/**
 * A VND amount as banks write it: "1.500.000", "1,500,000", "1 500 000 VND", "+500.000",
 * "(200.000)" or a number; trailing ",00"/".00" dropped. Null when not an amount.
 */
export function parseAmount(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v) : null;
  let s = v.trim().replace(/\s|VND|VNĐ|đ/gi, '');
  if (s === '' || s === '-') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/[.,]00$/, '');
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? sign * n : null;
}

/** A date as banks write it: dd/mm/yyyy (with a time after), dd-mm-yyyy or yyyy-mm-dd. Null when not a real date. */
export function parseDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = v.trim();
  let y: number, m: number, d: number;
  let r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(s);
  if (r) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{4})-(\d{2})-(\d{2})/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/**
 * The column headers of the common banks' statements, folded. The exact wording of each bank's
 * export was not verified against a published sample this session (the search tool found none):
 * these are the usual Vietnamese and English headers, matched accent- and case-insensitively.
 */
const HEADERS = {
  date: ['ngay giao dich', 'ngay gd', 'ngay hach toan', 'ngay hieu luc', 'ngay', 'transaction date', 'date', 'posting date'],
  credit: ['so tien ghi co', 'ghi co', 'phat sinh co', 'so tien co', 'co', 'credit', 'credit amount'],
  debit: ['so tien ghi no', 'ghi no', 'phat sinh no', 'so tien no', 'no', 'debit', 'debit amount'],
  amount: ['so tien', 'so tien giao dich', 'amount'],
  reference: ['so tham chieu', 'so but toan', 'ma giao dich', 'so ct', 'so chung tu', 'reference', 'ref no', 'transaction no', 'so giao dich'],
  description: ['noi dung', 'noi dung chi tiet', 'dien giai', 'mo ta', 'noi dung giao dich', 'description', 'details', 'transaction details'],
  balance: ['so du', 'so du sau giao dich', 'balance'],
} as const;
type Column = keyof typeof HEADERS;

const OPENING = ['so du dau ky', 'so du dau', 'opening balance', 'beginning balance'];
const CLOSING = ['so du cuoi ky', 'so du cuoi', 'closing balance', 'ending balance'];
const TOTAL = ['tong cong', 'tong phat sinh', 'cong phat sinh', 'total'];

/** A header cell's column: the exact folded header, or one that starts with it ("Số tiền ghi có (VND)"). */
function columnOf(cell: string): Column | null {
  const f = fold(cell)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!f) return null;
  for (const exact of [true, false])
    for (const [col, names] of Object.entries(HEADERS) as [Column, readonly string[]][])
      for (const n of names) if (exact ? f === n : n.length > 3 && f.startsWith(n + ' ')) return col;
  return null;
}

export interface StatementLine {
  readonly lineNo: number;
  /** the row in the file (1-based), for the report */
  readonly row: number;
  readonly bookedOn: string;
  /** positive: money in (credit); negative: money out (debit) */
  readonly amount: number;
  readonly reference: string | null;
  readonly description: string;
  readonly lineKey: string;
}

export interface Statement {
  readonly bank: Bank;
  readonly opening: number;
  readonly closing: number;
  readonly from: string;
  readonly to: string;
  readonly lines: StatementLine[];
}

const bankOf = (rows: readonly (readonly string[])[], fileName: string): Bank => {
  const all = fold([fileName, ...rows.slice(0, 12).flat()].join(' '));
  if (all.includes('vietcombank') || all.includes('ngoai thuong')) return 'vietcombank';
  if (all.includes('vietinbank') || all.includes('cong thuong')) return 'vietinbank';
  if (all.includes('agribank') || all.includes('nong nghiep va phat trien nong thon')) return 'agribank';
  if (all.includes('bidv') || all.includes('dau tu va phat trien')) return 'bidv';
  return 'unknown';
};

/** The first amount in a row after the cell that names it ("Số dư đầu kỳ: | 1.000.000"), or in the same cell. */
function labelled(rows: readonly (readonly string[])[], labels: readonly string[]): number | null {
  for (const row of rows)
    for (const [i, c] of row.entries()) {
      const f = fold(c);
      const hit = labels.find((l) => f.startsWith(l));
      if (!hit) continue;
      const inCell = parseAmount(c.slice(c.indexOf(':') + 1));
      if (c.includes(':') && inCell !== null) return inCell;
      for (const next of row.slice(i + 1)) {
        const n = parseAmount(next);
        if (n !== null) return n;
      }
    }
  return null;
}

/**
 * Reads a statement table (rows of cell texts) and checks it: every line has a date and an
 * amount, the opening balance plus the lines equals the closing balance, a running balance column
 * agrees line by line, a totals row equals the lines. Errors carry the file row in the path.
 * `given` supplies balances the file does not print.
 */
export function readStatement(
  rows: readonly (readonly string[])[],
  fileName: string,
  given: { opening?: number | null; closing?: number | null } = {},
): { statement: Statement | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const at = (row: number, field: string) => `/body/file/rows/${row}/${field}`;
  let headerAt = -1;
  let cols: Partial<Record<Column, number>> = {};
  for (const [i, row] of rows.entries()) {
    const c: Partial<Record<Column, number>> = {};
    for (const [j, cell] of row.entries()) {
      const col = columnOf(cell);
      if (col && c[col] === undefined) c[col] = j;
    }
    if (c.date !== undefined && (c.credit !== undefined || c.amount !== undefined)) {
      headerAt = i;
      cols = c;
      break;
    }
  }
  if (headerAt < 0) {
    errors.push({
      path: '/body/file',
      message: text(
        'Không tìm thấy dòng tiêu đề của sao kê (cần cột "Ngày giao dịch" và "Số tiền ghi có" hoặc "Số tiền")',
        'No statement header row found (a date column and a credit or amount column are needed)',
      ),
    });
    return { statement: null, errors };
  }
  const lines: StatementLine[] = [];
  const cell = (row: readonly string[], col: Column) => (cols[col] === undefined ? '' : (row[cols[col]!] ?? '').trim());
  let totalRow: { credit: number | null; debit: number | null; row: number } | null = null;
  const balances: { row: number; balance: number }[] = [];
  const seen = new Map<string, number>();
  let end = rows.length;
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    const first = fold(row.find((c) => c.trim() !== '') ?? '');
    if (TOTAL.some((t) => first.startsWith(t))) {
      totalRow = { credit: parseAmount(cell(row, 'credit')), debit: parseAmount(cell(row, 'debit')), row: i + 1 };
      end = i;
      break;
    }
    if (OPENING.some((t) => first.startsWith(t)) || CLOSING.some((t) => first.startsWith(t))) {
      end = i;
      break;
    }
    const dateText = cell(row, 'date');
    const bookedOn = parseDate(dateText);
    let amount: number | null;
    if (cols.credit !== undefined || cols.debit !== undefined) {
      const cr = parseAmount(cell(row, 'credit')) ?? 0;
      const dr = parseAmount(cell(row, 'debit')) ?? 0;
      if (cr < 0 || dr < 0) amount = null;
      else amount = cr - dr;
    } else amount = parseAmount(cell(row, 'amount'));
    if (!bookedOn)
      errors.push({ path: at(i + 1, 'date'), message: text(`Dòng ${i + 1}: ngày giao dịch không đọc được ("${dateText}")`, `Row ${i + 1}: unreadable date`) });
    if (amount === null || amount === 0)
      errors.push({
        path: at(i + 1, 'amount'),
        message: text(`Dòng ${i + 1}: số tiền không đọc được hoặc bằng 0`, `Row ${i + 1}: the amount is unreadable or zero`),
      });
    if (!bookedOn || amount === null || amount === 0) continue;
    const reference = cell(row, 'reference') || null;
    const description = cell(row, 'description');
    const base = reference ? `ref:${reference}` : `${bookedOn}|${amount}|${fold(description)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    lines.push({ lineNo: lines.length + 1, row: i + 1, bookedOn, amount, reference, description, lineKey: n > 1 ? `${base}#${n}` : base });
    const bal = parseAmount(cell(row, 'balance'));
    if (bal !== null) balances.push({ row: i + 1, balance: bal });
  }
  const around = [...rows.slice(0, headerAt), ...rows.slice(end)];
  const opening = labelled(around, OPENING) ?? given.opening ?? null;
  const closing = labelled(around, CLOSING) ?? given.closing ?? null;
  if (opening === null)
    errors.push({
      path: '/body/openingBalance',
      message: text('Sao kê không ghi số dư đầu kỳ: nhập số dư đầu kỳ', 'The statement shows no opening balance: give it'),
    });
  if (closing === null)
    errors.push({
      path: '/body/closingBalance',
      message: text('Sao kê không ghi số dư cuối kỳ: nhập số dư cuối kỳ', 'The statement shows no closing balance: give it'),
    });
  if (lines.length === 0 && errors.length === 0)
    errors.push({ path: '/body/file', message: text('Sao kê không có giao dịch nào', 'The statement has no lines') });
  if (errors.length) return { statement: null, errors };
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  if (opening! + sum !== closing!)
    errors.push({
      path: '/body/file',
      message: text(
        `Sao kê không khớp: số dư đầu kỳ ${vnd(opening!)} + phát sinh ${vnd(sum)} = ${vnd(opening! + sum)}, khác số dư cuối kỳ ${vnd(closing!)}`,
        `The statement does not add up: opening ${opening} + lines ${sum} = ${opening! + sum}, not the closing ${closing}`,
      ),
    });
  if (totalRow) {
    const cr = lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0);
    const dr = -lines.filter((l) => l.amount < 0).reduce((s, l) => s + l.amount, 0);
    if ((totalRow.credit !== null && totalRow.credit !== cr) || (totalRow.debit !== null && totalRow.debit !== dr))
      errors.push({
        path: at(totalRow.row, 'total'),
        message: text(
          `Dòng tổng cộng (${vnd(totalRow.credit ?? 0)} có, ${vnd(totalRow.debit ?? 0)} nợ) khác tổng các dòng (${vnd(cr)} có, ${vnd(dr)} nợ)`,
          `The totals row differs from the sum of the lines (${cr} credit, ${dr} debit)`,
        ),
      });
  }
  if (balances.length === lines.length) {
    let run = opening!;
    for (const [k, l] of lines.entries()) {
      run += l.amount;
      if (balances[k]!.balance !== run) {
        errors.push({
          path: at(l.row, 'balance'),
          message: text(
            `Dòng ${l.row}: số dư ${vnd(balances[k]!.balance)} khác số dư tính được ${vnd(run)}`,
            `Row ${l.row}: the balance differs from the running balance ${run}`,
          ),
        });
        break;
      }
    }
  }
  if (errors.length) return { statement: null, errors };
  const dates = lines.map((l) => l.bookedOn).sort();
  return { statement: { bank: bankOf(rows, fileName), opening: opening!, closing: closing!, from: dates[0]!, to: dates.at(-1)!, lines }, errors };
}

/** 1500000 → "1.500.000 đ" */
export const vnd = (n: number): string => `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;

export interface LedgerEntry {
  readonly id: number;
  readonly amount: number;
  readonly date: string;
  readonly reference: string | null;
  /** folded donor name (receipts) or purpose (spending) */
  readonly folded: string;
}

const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
/** How far apart a ledger entry and a bank line may be dated (a transfer booked over a weekend). */
export const MATCH_DAYS = 3;

/**
 * Each line's ledger entry: the same amount (money in to receipts, money out to spending), dated
 * within MATCH_DAYS, and the same reference, or the donor's name (purpose) in the line's
 * description. Each entry matches at most one line; the closest date wins.
 */
export function matchLines(
  lines: readonly StatementLine[],
  receipts: readonly LedgerEntry[],
  spendings: readonly LedgerEntry[],
): Map<number, { kind: 'receipt' | 'spending'; id: number }> {
  const out = new Map<number, { kind: 'receipt' | 'spending'; id: number }>();
  const used = new Set<string>();
  for (const l of lines) {
    const kind = l.amount > 0 ? 'receipt' : 'spending';
    const pool = kind === 'receipt' ? receipts : spendings;
    const desc = fold(l.description);
    const candidates = pool
      .filter((e) => !used.has(`${kind}:${e.id}`) && e.amount === Math.abs(l.amount) && days(e.date, l.bookedOn) <= MATCH_DAYS)
      .filter((e) => (e.reference && l.reference && e.reference === l.reference) || (e.folded.length >= 3 && desc.includes(e.folded)))
      .sort((a, b) => days(a.date, l.bookedOn) - days(b.date, l.bookedOn) || a.id - b.id);
    const e = candidates[0];
    if (e) {
      used.add(`${kind}:${e.id}`);
      out.set(l.lineNo, { kind, id: e.id });
    }
  }
  return out;
}

/**
 * The donor of a bank credit with no receipt yet, from its description: the remitter's name the
 * banks print before " chuyen tien"/" ung ho"/" CT", else the description itself (at most 200).
 */
export function donorFromDescription(description: string): string {
  const d = description.trim();
  const m = /^(.+?)\s+(chuyen tien|chuyển tiền|ung ho|ủng hộ|ct |chuyen khoan|chuyển khoản)/i.exec(d);
  return (m ? m[1]! : d).slice(0, 200) || 'Không rõ người chuyển';
}

/**
 * Why a bank line may not be linked by hand to this ledger entry (null: it may). Money in goes to
 * a receipt, money out to a spending, of the same amount; a line or an entry already linked is
 * refused (unlink is not offered: a wrong link is corrected by the audit trail and a new entry).
 */
export function manualLinkError(
  line: { amount: number; linked: boolean },
  entry: { kind: 'receipt' | 'spending'; amount: number; linked: boolean } | null,
): { vi: string; en: string; field: 'receiptId' | 'spendingId' | 'donor' | 'line' } | null {
  if (line.linked) return { field: 'line', vi: 'Giao dịch này đã được đối chiếu', en: 'This bank line is already matched' };
  if (!entry) return null;
  const field = entry.kind === 'receipt' ? 'receiptId' : 'spendingId';
  if ((entry.kind === 'receipt') !== line.amount > 0)
    return {
      field,
      vi: line.amount > 0 ? 'Tiền vào chỉ ghép được với khoản thu' : 'Tiền ra chỉ ghép được với khoản chi',
      en: line.amount > 0 ? 'Money in matches a receipt only' : 'Money out matches a spending only',
    };
  if (entry.linked) return { field, vi: 'Khoản này đã được ghép với giao dịch khác', en: 'This entry is already matched to another bank line' };
  if (entry.amount !== Math.abs(line.amount))
    return { field, vi: `Số tiền khác nhau: ${vnd(entry.amount)} và ${vnd(Math.abs(line.amount))}`, en: 'The amounts differ' };
  return null;
}
