// Month arithmetic for the rules: benefits are paid by calendar month, and ages change in the
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

/** "750.000 đ": integer VND with thousands dots. */
export function formatVnd(n: number): string {
  const s = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${s} đ`;
}

/** 25 → "2,5"; 10 → "1,0" (coefficients are kept in tenths). */
export function formatCoefficientVi(tenths: number): string {
  return `${Math.floor(tenths / 10)},${tenths % 10}`;
}
