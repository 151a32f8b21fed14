// What of a benefit decision, a payroll line and a bank-file line leaves the server, by the
// masking rules of src/registry/presenters.ts. The JSON views and the exports (CSV, XLSX) use
// these functions and nothing else, so a supervisor's bank file masks what the screen masks.
import { maskAccount, maskPersonalId, type Disclosure } from '../registry/presenters.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';
import { lineReference, type PayrollProgramme } from './model.ts';
import type { PayrollLineRow } from './store.ts';

export interface DecisionRow {
  id: number;
  number: string;
  decided_on: string;
  signer: string;
  kind: string;
  category: string | null;
  coefficient_tenths: number | null;
  monthly_amount: number | null;
  basis: string;
  start_month: number;
  channel: string | null;
}

/**
 * A benefit decision as JSON (camelCase). Masked, its category, coefficient and legal basis are withheld for every
 * decision alike (withholding only the health categories would itself tell which ones they are).
 * The amount stays: it is what is paid, and coefficients are shared across categories.
 */
export function presentDecision(d: DecisionRow, disc: Disclosure) {
  return {
    id: d.id,
    number: d.number,
    decidedOn: d.decided_on,
    signer: d.signer,
    kind: d.kind,
    category: disc.health ? d.category : null,
    coefficientTenths: disc.health ? d.coefficient_tenths : null,
    basis: disc.health ? d.basis : null,
    monthlyAmount: d.monthly_amount,
    startMonth: d.start_month,
    channel: d.channel,
    masked: !disc.health,
  };
}

/**
 * A decision just recorded (camelCase, as the law engine returns it): the same rule as
 * presentDecision, decided by whether the caller may read the person's sensitive fields in full
 * (a token narrowed to benefits.decide alone is told the amount only).
 */
export function presentRecordedDecision<D extends { category: string | null; coefficientTenths: number | null; basis: string | null }>(
  d: D,
  full: boolean,
): D & { masked?: true } {
  return full ? d : { ...d, category: null, coefficientTenths: null, basis: null, masked: true };
}

/** A payroll line: ID number, account and category by the disclosure. */
export function presentPayrollLine(l: PayrollLineRow, disc: Disclosure) {
  return {
    ...l,
    personal_id: disc.personalId ? l.personal_id : maskPersonalId(l.personal_id),
    account: disc.accounts ? l.account : maskAccount(l.account),
    category: disc.health ? l.category : null,
  };
}

/** A payroll line as JSON (camelCase; the exports read presentPayrollLine's stored names). */
export function payrollLineView(l: PayrollLineRow, disc: Disclosure) {
  const p = presentPayrollLine(l, disc);
  return {
    personId: p.person_id,
    fullName: p.full_name,
    personalId: p.personal_id,
    villageName: p.village_name,
    householdCode: p.household_code,
    channel: p.channel,
    account: p.account,
    currentAmount: p.current_amount,
    arrears: p.arrears,
    total: p.total,
    status: p.status,
    category: p.category,
  };
}

/** A payroll's header as JSON. */
export function payrollView(p: {
  id: number;
  unit_id: number;
  month: number;
  state: string;
  lines: number;
  total: number;
  unit_name: string;
  approved_by: string | null;
  programme: PayrollProgramme;
}) {
  return {
    id: p.id,
    unitId: p.unit_id,
    month: p.month,
    programme: p.programme,
    state: p.state,
    lines: p.lines,
    total: p.total,
    unitName: p.unit_name,
    approvedBy: p.approved_by,
  };
}

/** Is the line paid by transfer (it goes into the bank file)? */
export const inBankFile = (l: Pick<PayrollLineRow, 'channel'>): boolean => l.channel === 'bank' || l.channel === 'ewallet';

/** A row of the bank batch file: reference, account, name, amount, transfer note. */
export function presentBankLine(
  payrollId: number,
  month: MonthNumber,
  l: PayrollLineRow,
  disc: Disclosure,
  programme: PayrollProgramme = 'assistance',
): [string, string, string, number, string] {
  const p = presentPayrollLine(l, disc);
  const note = programme === 'merit' ? 'Tro cap uu dai nguoi co cong thang' : 'Tro cap xa hoi thang';
  return [lineReference(payrollId, l.person_id), p.account ?? '', l.full_name, l.total, `${note} ${monthNumber.formatVi(month)}`];
}
