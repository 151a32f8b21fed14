// Reporting periods with DHIS2 ids: yearly `2025`, quarterly `2025Q3`, monthly `202507`.
// Pure: parse, validate, step to the next or previous period, and give start and end dates.

export type PeriodType = 'yearly' | 'quarterly' | 'monthly';

export interface Period {
  readonly id: string;
  readonly type: PeriodType;
  readonly year: number;
  /** 1–4 for quarterly periods. */
  readonly quarter?: number;
  /** 1–12 for monthly periods. */
  readonly month?: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** Parses a DHIS2 period id; null when it is not one (wrong shape, month 13, quarter 5...). */
export function parsePeriod(id: string): Period | null {
  let m = /^(\d{4})$/.exec(id);
  if (m) return inRange(Number(m[1])) ? { id, type: 'yearly', year: Number(m[1]) } : null;
  m = /^(\d{4})Q([1-4])$/.exec(id);
  if (m) return inRange(Number(m[1])) ? { id, type: 'quarterly', year: Number(m[1]), quarter: Number(m[2]) } : null;
  m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(id);
  if (m) return inRange(Number(m[1])) ? { id, type: 'monthly', year: Number(m[1]), month: Number(m[2]) } : null;
  return null;
}

function inRange(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

export function isPeriodId(id: string): boolean {
  return parsePeriod(id) !== null;
}

/** Like parsePeriod but throws a RangeError naming the bad id. */
export function period(id: string): Period {
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`not a DHIS2 period id (2025, 2025Q3, 202507): ${id}`);
  return p;
}

export function periodId(type: PeriodType, year: number, sub?: number): string {
  if (type === 'yearly') return String(year);
  if (type === 'quarterly') return `${year}Q${sub}`;
  return `${year}${String(sub).padStart(2, '0')}`;
}

/** The period `n` steps after (negative: before) the given one, of the same type. */
export function shiftPeriod(id: string, n: number): string {
  const p = period(id);
  if (p.type === 'yearly') return periodId('yearly', p.year + n);
  const per = p.type === 'quarterly' ? 4 : 12;
  const idx = p.year * per + ((p.quarter ?? p.month)! - 1) + n;
  return periodId(p.type, Math.floor(idx / per), (idx % per) + 1);
}

export const nextPeriod = (id: string): string => shiftPeriod(id, 1);
export const previousPeriod = (id: string): string => shiftPeriod(id, -1);

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First day of the period, ISO yyyy-mm-dd. */
export function periodStart(id: string): string {
  const p = period(id);
  if (p.type === 'yearly') return iso(p.year, 1, 1);
  if (p.type === 'quarterly') return iso(p.year, (p.quarter! - 1) * 3 + 1, 1);
  return iso(p.year, p.month!, 1);
}

/** Last day of the period, ISO yyyy-mm-dd. */
export function periodEnd(id: string): string {
  const p = period(id);
  const lastMonth = p.type === 'yearly' ? 12 : p.type === 'quarterly' ? p.quarter! * 3 : p.month!;
  return iso(p.year, lastMonth, daysInMonth(p.year, lastMonth));
}

/** Every period from `from` to `to` inclusive (same type); empty when `to` is before `from`. */
export function periodRange(from: string, to: string): string[] {
  const a = period(from);
  const b = period(to);
  if (a.type !== b.type) throw new RangeError(`periods of different types: ${from}, ${to}`);
  const out: string[] = [];
  for (let p = from; periodStart(p) <= periodStart(to); p = nextPeriod(p)) out.push(p);
  return out;
}

/** Vietnamese label: "Năm 2025", "Quý III/2025", "Tháng 07/2025". */
export function periodLabel(id: string, locale: 'vi' | 'en' = 'vi'): string {
  const p = period(id);
  const roman = ['I', 'II', 'III', 'IV'];
  if (p.type === 'yearly') return locale === 'vi' ? `Năm ${p.year}` : `Year ${p.year}`;
  if (p.type === 'quarterly') return locale === 'vi' ? `Quý ${roman[p.quarter! - 1]}/${p.year}` : `Q${p.quarter} ${p.year}`;
  return locale === 'vi' ? `Tháng ${String(p.month).padStart(2, '0')}/${p.year}` : `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/**
 * The reporting deadline of a yearly period from a plan's report rule "trước ngày DD/MM hằng
 * năm" (day, month), in the period's own year; the default is 01/12, the rule every Resolution
 * 42 plan we hold states. For quarterly and monthly periods: the given number of days after
 * the period ends (DHIS2 "timely days"; default 15).
 */
export function reportDeadline(id: string, rule: { day?: number | null; month?: number | null; timelyDays?: number } = {}): string {
  const p = period(id);
  if (p.type === 'yearly') {
    const month = rule.month ?? 12;
    const day = Math.min(rule.day ?? 1, daysInMonth(p.year, month));
    return iso(p.year, month, day);
  }
  const end = new Date(`${periodEnd(id)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + (rule.timelyDays ?? 15));
  return end.toISOString().slice(0, 10);
}
