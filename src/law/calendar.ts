// The working calendar of state bodies (issue 14): which days count as working days for a
// deadline. Pure data and pure functions, no I/O; dates are ISO strings 'YYYY-MM-DD'.
//
// The rules (docs/law.md "Lịch làm việc và thời hạn"):
// - Saturday and Sunday are weekly days off for state bodies (Quyết định 188/1999/QĐ-TTg, Điều 1).
// - Public holidays (Bộ luật Lao động 2019, Điều 112 khoản 1): 01/01; Tết Âm lịch 5 days; 30/4;
//   01/5; 02/9 and one day before or after it; Giỗ Tổ Hùng Vương 10/3 âm lịch.
// - A holiday on a weekly day off gives a compensatory day off on the next working day
//   (Điều 112 khoản 3).
// - Which 5 days of Tết, which day next to 02/9, and any swap of a working day with a Saturday
//   (hoán đổi ngày làm việc) are announced each year by the Government (the Ministry of Home
//   Affairs' notice). A year whose schedule is recorded below is "announced"; any other year is
//   derived from the Labour Code's rule with the default choices below and every answer that
//   touches it is marked provisional.
//
// The lunar dates (mùng 1 Tết, 10/3 âm lịch) are data: computed for UTC+7 (the Vietnamese lunar
// calendar, which differs from China's in 2030: Tết on 02/02/2030, not 03/02) and checked in
// calendar.test.ts against the officially announced holidays of 2024–2026.

export type IsoDate = string;

export interface AnnouncedYear {
  /** The five Tết days chosen for state bodies (weekdays and weekend days as announced). */
  readonly tet?: readonly IsoDate[];
  /** The two Quốc khánh days (02/9 and the day before or after). */
  readonly nationalDay?: readonly IsoDate[];
  /** Saturdays or Sundays worked instead of a weekday (hoán đổi), and the weekdays given off for them. */
  readonly swaps?: readonly { readonly work: IsoDate; readonly off: IsoDate }[];
  readonly source: string;
}

/** Mùng 1 Tết and Giỗ Tổ Hùng Vương (10/3 âm lịch) in the solar calendar, UTC+7. */
export const LUNAR_HOLIDAYS: Readonly<Record<number, { tet: IsoDate; hungKings: IsoDate }>> = {
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
};

/**
 * What the Government announced for state bodies, recorded only where a source confirmed it. A
 * choice not recorded (the Tết days, the day next to 02/9, any swap) is taken by the default rule
 * below, and the dates it decides are listed as provisional.
 */
export const ANNOUNCED: Readonly<Record<number, AnnouncedYear>> = {
  2026: {
    tet: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    source:
      'Tết Bính Ngọ: "nghỉ 5 ngày liên tục, từ thứ Hai 16/2 đến hết thứ Sáu 20/2/2026, tức từ 29 tháng Chạp năm Ất Tỵ đến mùng 4 Tết" (phương án của Bộ Nội vụ, vietnammedia.vnanet.vn, 17/10/2025)',
  },
};

const DAY_MS = 86_400_000;

export function toDay(date: IsoDate): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`not a real date: ${date}`);
  return t / DAY_MS;
}

export function fromDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDay(toDay(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toDay(date) * DAY_MS).getUTCDay();
}

const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

export interface YearCalendar {
  readonly year: number;
  /** Weekdays off (holidays, compensatory days, swapped days). */
  readonly daysOff: ReadonlySet<IsoDate>;
  /** Weekend days worked (swaps). */
  readonly workdays: ReadonlySet<IsoDate>;
  /** Names of the holidays by date (weekend holidays included), Vietnamese. */
  readonly names: ReadonlyMap<IsoDate, string>;
  /** Dates decided by the default rule because the year's choice is not recorded as announced. */
  readonly provisional: ReadonlySet<IsoDate>;
  readonly source: string;
}

export class CalendarUnknownError extends Error {
  constructor(readonly year: number) {
    super(`the working calendar of ${year} is not known (lunar dates are recorded for 2024–2035)`);
  }
}

const cache = new Map<number, YearCalendar>();

function defaultTet(tet: IsoDate): IsoDate[] {
  // The last day of the lunar year and mùng 1–4 (the choice of 2026).
  return [-1, 0, 1, 2, 3].map((i) => addDays(tet, i));
}

function defaultNationalDay(year: number): IsoDate[] {
  // The day after 02/9, unless 02/9 is a Friday, Saturday or Sunday: then the day before (so the
  // two days join a weekend where they can).
  const d = weekday(`${year}-09-02`);
  return [d === 5 || d === 6 || d === 0 ? `${year}-09-01` : `${year}-09-03`, `${year}-09-02`];
}

export function yearCalendar(year: number): YearCalendar {
  const hit = cache.get(year);
  if (hit) return hit;
  const lunar = LUNAR_HOLIDAYS[year];
  if (!lunar) throw new CalendarUnknownError(year);
  const announced = ANNOUNCED[year];
  const provisional = new Set<IsoDate>();
  const names = new Map<IsoDate, string>();
  const tet = announced?.tet ?? defaultTet(lunar.tet);
  const national = announced?.nationalDay ?? defaultNationalDay(year);
  if (!announced?.tet) for (const d of tet) provisional.add(d);
  if (!announced?.nationalDay) for (const d of national) provisional.add(d);
  // Bộ luật Lao động 2019 Điều 112 khoản 1.
  names.set(`${year}-01-01`, 'Tết Dương lịch');
  for (const d of tet) names.set(d, 'Tết Âm lịch');
  names.set(lunar.hungKings, 'Giỗ Tổ Hùng Vương');
  names.set(`${year}-04-30`, 'Ngày Chiến thắng');
  names.set(`${year}-05-01`, 'Ngày Quốc tế lao động');
  for (const d of national) names.set(d, 'Quốc khánh');
  const daysOff = new Set<IsoDate>();
  const sorted = [...names.keys()].sort();
  for (const d of sorted) if (!isWeekend(d)) daysOff.add(d);
  // Điều 112 khoản 3: a holiday on a weekly day off is taken on the next working day. The Tết
  // days as announced already are five days off, so only a default Tết gets compensatory days.
  for (const d of sorted) {
    if (!isWeekend(d) || (announced?.tet && names.get(d) === 'Tết Âm lịch')) continue;
    let next = addDays(d, 1);
    while (isWeekend(next) || daysOff.has(next)) next = addDays(next, 1);
    daysOff.add(next);
    names.set(next, 'Nghỉ bù');
    if (provisional.has(d)) provisional.add(next);
  }
  const workdays = new Set<IsoDate>();
  for (const s of announced?.swaps ?? []) {
    workdays.add(s.work);
    daysOff.add(s.off);
    names.set(s.off, 'Nghỉ hoán đổi');
  }
  const cal: YearCalendar = {
    year,
    daysOff,
    workdays,
    names,
    provisional,
    source: announced
      ? `Bộ luật Lao động 2019 Điều 112; ${announced.source}`
      : 'Bộ luật Lao động 2019 Điều 112 (lịch nghỉ của năm chưa được ghi nhận: ngày Tết và ngày nghỉ Quốc khánh tạm tính)',
  };
  cache.set(year, cal);
  return cal;
}

export function isWorkingDay(date: IsoDate): boolean {
  const cal = yearCalendar(Number(date.slice(0, 4)));
  if (cal.workdays.has(date)) return true;
  return !isWeekend(date) && !cal.daysOff.has(date);
}

/** Why a date is not a working day, in Vietnamese ('' when it is one). */
export function dayOffReason(date: IsoDate): string {
  if (isWorkingDay(date)) return '';
  const name = yearCalendar(Number(date.slice(0, 4))).names.get(date);
  if (name) return name;
  return weekday(date) === 0 ? 'Chủ nhật' : 'Thứ Bảy';
}
