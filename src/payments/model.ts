// Payroll arithmetic, pure: which months a beneficiary is owed (from the decision month, minus
// months already paid, never after the month of death: Decree 20/2021 Art. 8), the line of one
// person in one month's payroll (current month + arrears), reconciliation of a bank statement,
// and the cashless share. Amounts come from the law engine through `amountFor`.
import { text, type Text } from '../kernel/i18n.ts';
import { cashlessChannels, type PaymentChannel } from '../registry/model.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';

/** A benefit decision starts, changes or stops the payment (benefit_decisions.kind). */
export const DECISION_KINDS = ['start', 'change', 'stop'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** A payroll is a draft until the commune leader approves it. */
export const PAYROLL_STATES = ['draft', 'approved'] as const;
/** A payroll pays social assistance (benefit decisions) or the merit allowances (merit profiles): payrolls.programme. */
export const PAYROLL_PROGRAMMES = ['assistance', 'merit'] as const;
export type PayrollProgramme = (typeof PAYROLL_PROGRAMMES)[number];

export interface DecisionEvent {
  readonly id: number;
  readonly kind: DecisionKind;
  /** start/change: first month paid; stop: first month no longer paid. */
  readonly startMonth: MonthNumber;
  readonly channel: PaymentChannel | null;
  readonly account: string | null;
}

/**
 * The months from the first start decision to `upTo` in which the person is enrolled, each with
 * the decision that governs it (the latest start/change not yet stopped).
 */
export function enrolledMonths(decisions: readonly DecisionEvent[], upTo: MonthNumber): Map<MonthNumber, DecisionEvent> {
  const sorted = [...decisions].sort((a, b) => a.startMonth - b.startMonth || a.id - b.id);
  const out = new Map<MonthNumber, DecisionEvent>();
  const first = sorted.find((d) => d.kind !== 'stop');
  if (!first || first.startMonth > upTo) return out;
  let i = 0;
  let current: DecisionEvent | null = null;
  for (const m of monthNumber.range(first.startMonth, upTo)) {
    while (i < sorted.length && sorted[i]!.startMonth <= m) {
      current = sorted[i]!.kind === 'stop' ? null : sorted[i]!;
      i++;
    }
    if (current) out.set(m, current);
  }
  return out;
}

/**
 * Months still owed: enrolled, not already paid (or pending in an earlier payroll), and not
 * after the month of death (benefits stop from the month after death, Decree 20/2021 Art. 8).
 */
export function monthsDue(enrolled: Iterable<MonthNumber>, paid: ReadonlySet<MonthNumber>, deathDate: string | null): MonthNumber[] {
  const last = deathDate ? monthNumber.of(deathDate) : Infinity;
  return [...enrolled].filter((m) => !paid.has(m) && m <= last).sort((a, b) => a - b);
}

export interface MonthAmount {
  /** Integer VND; null when the law engine cannot determine it (the month is left out and reported). */
  readonly amount: number | null;
  readonly category: string | null;
  readonly coefficientTenths: number | null;
}

export interface PayrollItem extends MonthAmount {
  readonly month: MonthNumber;
}

export interface PayrollLine {
  readonly personId: number;
  readonly decisionId: number;
  readonly channel: PaymentChannel;
  readonly account: string | null;
  readonly items: readonly PayrollItem[];
  /** Amount for the payroll month itself. */
  readonly current: number;
  /** Amounts for earlier months (from the decision month, or after a failed payment). */
  readonly arrears: number;
  readonly total: number;
  /** Months owed whose amount the law engine could not determine. */
  readonly unknownMonths: readonly MonthNumber[];
}

/** One person's line in the payroll of `month`; null when nothing is owed. */
export function buildLine(
  personId: number,
  month: MonthNumber,
  enrolled: Map<MonthNumber, DecisionEvent>,
  paid: ReadonlySet<MonthNumber>,
  deathDate: string | null,
  amountFor: (m: MonthNumber) => MonthAmount,
): PayrollLine | null {
  const due = monthsDue(enrolled.keys(), paid, deathDate).filter((m) => m <= month);
  if (due.length === 0) return null;
  const items: PayrollItem[] = [];
  const unknownMonths: MonthNumber[] = [];
  for (const m of due) {
    const a = amountFor(m);
    if (a.amount === null) unknownMonths.push(m);
    else if (a.amount > 0) items.push({ month: m, ...a });
  }
  if (items.length === 0 && unknownMonths.length === 0) return null;
  const current = items.filter((i) => i.month === month).reduce((s, i) => s + i.amount!, 0);
  const total = items.reduce((s, i) => s + i.amount!, 0);
  const governing = enrolled.get(due.at(-1)!)!;
  return {
    personId,
    decisionId: governing.id,
    channel: governing.channel ?? 'cash',
    account: governing.account,
    items,
    current,
    arrears: total - current,
    total,
    unknownMonths,
  };
}

// ---- reconciliation --------------------------------------------------------------------

export const LINE_STATUSES = ['pending', 'paid', 'failed', 'returned'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
/** What a bank statement says of a line. */
export const STATEMENT_STATUSES = ['paid', 'failed', 'returned'] as const satisfies readonly LineStatus[];

export interface StatementRow {
  /** The line reference printed in the bank batch (payroll id + person id). */
  readonly reference: string;
  readonly amount: number;
  readonly status: 'paid' | 'failed' | 'returned';
}

export interface ReconcileResult {
  readonly updates: { personId: number; status: LineStatus }[];
  readonly problems: { reference: string; message: Text }[];
}

export function lineReference(payrollId: number, personId: number): string {
  return `AS${payrollId}-${personId}`;
}

/**
 * Matches a bank or post-office statement to the payroll's lines: each row must name a line of
 * this payroll and carry its exact amount; anything else is reported, never applied.
 */
export function reconcile(
  payrollId: number,
  lines: readonly { personId: number; total: number; status: LineStatus }[],
  rows: readonly StatementRow[],
): ReconcileResult {
  const byRef = new Map(lines.map((l) => [lineReference(payrollId, l.personId), l]));
  const updates: ReconcileResult['updates'] = [];
  const problems: ReconcileResult['problems'] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const l = byRef.get(r.reference.trim());
    if (!l) {
      problems.push({
        reference: r.reference,
        message: text('Không có dòng chi trả nào có mã tham chiếu này trong danh sách', 'No line of this payroll has this reference'),
      });
      continue;
    }
    if (seen.has(r.reference)) {
      problems.push({ reference: r.reference, message: text('Mã tham chiếu xuất hiện hai lần trong sao kê', 'The reference appears twice in the statement') });
      continue;
    }
    seen.add(r.reference);
    if (r.status === 'paid' && r.amount !== l.total) {
      problems.push({
        reference: r.reference,
        message: text(`Số tiền ${r.amount} khác số phải trả ${l.total}`, `Amount ${r.amount} differs from the ${l.total} due`),
      });
      continue;
    }
    updates.push({ personId: l.personId, status: r.status });
  }
  return { updates, problems };
}

/** Cashless share: payments to a bank account or e-wallet over all payments (counts). */
export function cashlessShare(lines: readonly { channel: PaymentChannel }[]): { numerator: number; denominator: number } {
  return { numerator: lines.filter((l) => cashlessChannels.has(l.channel)).length, denominator: lines.length };
}

/** Totals of a payroll's lines (the list's last row). */
export function payrollTotals(lines: readonly { current_amount: number; arrears: number; total: number }[]): {
  lines: number;
  current: number;
  arrears: number;
  total: number;
} {
  return lines.reduce((t, l) => ({ lines: t.lines + 1, current: t.current + l.current_amount, arrears: t.arrears + l.arrears, total: t.total + l.total }), {
    lines: 0,
    current: 0,
    arrears: 0,
    total: 0,
  });
}

/**
 * Bank accounts or e-wallets that more than one person of a payroll would be paid to (spaces,
 * dots and dashes ignored): each may be a typing error or money going to someone else. The
 * approver sees them before approving.
 */
export function sharedAccounts<L extends { person_id: number; full_name: string; channel: PaymentChannel; account: string | null }>(
  lines: readonly L[],
): { account: string; lines: L[] }[] {
  const by = new Map<string, L[]>();
  for (const l of lines) {
    if (!cashlessChannels.has(l.channel) || !l.account) continue;
    const key = l.account.replace(/[\s.\-]/g, '').toUpperCase();
    if (key === '') continue;
    by.set(key, [...(by.get(key) ?? []), l]);
  }
  return [...by.entries()].filter(([, ls]) => new Set(ls.map((l) => l.person_id)).size > 1).map(([account, ls]) => ({ account, lines: ls }));
}
