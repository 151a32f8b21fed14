// The one month type of the house (issue 16 item 4), and its integer form. Month arithmetic for the rules: benefits are paid by calendar month, and ages change in the
// month of the birthday ("from the month the person turns 80"). Pure, no Date objects.

/** A calendar month as 'YYYY-MM'. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/** Months since year 0: comparable integers. */
export function monthIndex(m: Month): number {
  const r = MONTH.exec(m.slice(0, 7));
  if (!r) throw new RangeError(`not a month YYYY-MM: ${m}`);
  return Number(r[1]) * 12 + Number(r[2]) - 1;
}

export function monthOf(isoDate: string): Month {
  return isoDate.slice(0, 7);
}

export function addMonths(m: Month, n: number): Month {
  const i = monthIndex(m) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** First day of the month, the date used to look up the parameters in force for that month. */
export function firstDay(m: Month): string {
  return `${m}-01`;
}

/** Age in whole years counted by month: a person is N for the whole month of their N-th birthday. */
export function ageInMonth(dateOfBirth: string, m: Month): number {
  return Math.floor((monthIndex(m) - monthIndex(monthOf(dateOfBirth))) / 12);
}

/** The month in which a person born on `dateOfBirth` turns `years`. */
export function monthTurning(dateOfBirth: string, years: number): Month {
  return addMonths(monthOf(dateOfBirth), years * 12);
}

/** "07/2024" */
export function formatMonthVi(m: Month): string {
  return `${m.slice(5, 7)}/${m.slice(0, 4)}`;
}

// ---- the same month as the integer YYYYMM ------------------------------------------------

/**
 * A month as the integer YYYYMM (payroll month 202507, a DHIS2 period id as a number): how the
 * registry and payments store it and answer it. Its functions are the members of `monthNumber`,
 * so that no two functions of the house share a name across the two forms.
 */
export type MonthNumber = number;

export const monthNumber = {
  of(isoDate: string): MonthNumber {
    return Number(isoDate.slice(0, 4)) * 100 + Number(isoDate.slice(5, 7));
  },
  add(m: MonthNumber, n: number): MonthNumber {
    const idx = Math.floor(m / 100) * 12 + (m % 100) - 1 + n;
    return Math.floor(idx / 12) * 100 + (idx % 12) + 1;
  },
  /** Every month from `from` to `to`, both included. */
  range(from: MonthNumber, to: MonthNumber): MonthNumber[] {
    const out: MonthNumber[] = [];
    for (let m = from; m <= to; m = monthNumber.add(m, 1)) out.push(m);
    return out;
  },
  isValid(m: number): boolean {
    return Number.isInteger(m) && m >= 190001 && m <= 299912 && m % 100 >= 1 && m % 100 <= 12;
  },
  /** "07/2025" */
  formatVi(m: MonthNumber): string {
    return `${String(m % 100).padStart(2, '0')}/${Math.floor(m / 100)}`;
  },
  /** First day of a month as an ISO date. */
  firstDay(m: MonthNumber): string {
    return `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}-01`;
  },
  /** 202507 → '2025-07' (the law's month). */
  toMonth(m: MonthNumber): Month {
    return `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`;
  },
  /** '2025-07' → 202507. */
  fromMonth(m: Month): MonthNumber {
    return Number(m.slice(0, 4)) * 100 + Number(m.slice(5, 7));
  },
};
