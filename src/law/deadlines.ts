// Legal deadlines (issue 14): each rule states its length, whether it counts working days or
// calendar days, from which event, and its legal basis. Pure: computed on the working calendar
// of src/law/calendar.ts. docs/law.md "Lịch làm việc và thời hạn" lists the rules and how far
// each is confirmed.
//
// Counting (Bộ luật Dân sự 2015):
// - Điều 147 khoản 1: when a period is set in days, the first day is not counted; counting
//   starts the day after the event (the day a complaint is received, say).
// - Điều 148 khoản 5: when the last day of a period is a weekly day off or a public holiday, the
//   period ends at the end of the next working day.
// - A period in working days counts only working days (after the event's day).
import type { Text } from '../kernel/i18n.ts';
import { addDays, isWorkingDay, yearCalendar, type IsoDate } from './calendar.ts';

export type Counting = 'working' | 'calendar';

export interface DeadlineRule {
  readonly code: string;
  readonly days: number;
  readonly counting: Counting;
  /** The event the period runs from. */
  readonly from: Text;
  readonly what: Text;
  /** Article, clause and instrument. */
  readonly basis: string;
  /** False where the length or the kind of days could not be read in the text itself. */
  readonly verified: boolean;
  readonly note?: string;
}

const rule = (r: DeadlineRule) => r;

/** Every deadline ansinh tracks, by code. */
export const DEADLINE_RULES = {
  // Luật Khiếu nại 2011 (hợp nhất 03/VBHN-VPQH 2021).
  'complaint.accept': rule({
    code: 'complaint.accept',
    days: 10,
    counting: 'calendar',
    from: { vi: 'ngày nhận được khiếu nại', en: 'the day the complaint is received' },
    what: { vi: 'Thụ lý khiếu nại lần đầu', en: 'Accept a first complaint' },
    basis: 'Luật Khiếu nại 2011, Điều 27',
    verified: false,
    note: 'Some procedure sheets (Nghị định 124/2020/NĐ-CP) write "10 ngày làm việc"; the Law\'s own text to be read.',
  }),
  'complaint.first': rule({
    code: 'complaint.first',
    days: 30,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần đầu', en: 'Settle a first complaint' },
    basis: 'Luật Khiếu nại 2011, Điều 28',
    verified: true,
  }),
  'complaint.first.complex': rule({
    code: 'complaint.first.complex',
    days: 45,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần đầu (vụ việc phức tạp)', en: 'Settle a complex first complaint' },
    basis: 'Luật Khiếu nại 2011, Điều 28',
    verified: true,
  }),
  'complaint.first.remote': rule({
    code: 'complaint.first.remote',
    days: 45,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần đầu ở vùng sâu, vùng xa đi lại khó khăn', en: 'Settle a first complaint in a remote area' },
    basis: 'Luật Khiếu nại 2011, Điều 28',
    verified: true,
  }),
  'complaint.first.remote.complex': rule({
    code: 'complaint.first.remote.complex',
    days: 60,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần đầu ở vùng sâu, vùng xa (vụ việc phức tạp)', en: 'Settle a complex first complaint in a remote area' },
    basis: 'Luật Khiếu nại 2011, Điều 28',
    verified: true,
  }),
  'complaint.second': rule({
    code: 'complaint.second',
    days: 45,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần hai', en: 'Settle a second complaint' },
    basis: 'Luật Khiếu nại 2011, Điều 37',
    verified: true,
  }),
  'complaint.second.complex': rule({
    code: 'complaint.second.complex',
    days: 60,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần hai (vụ việc phức tạp)', en: 'Settle a complex second complaint' },
    basis: 'Luật Khiếu nại 2011, Điều 37',
    verified: true,
  }),
  'complaint.second.remote': rule({
    code: 'complaint.second.remote',
    days: 60,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần hai ở vùng sâu, vùng xa', en: 'Settle a second complaint in a remote area' },
    basis: 'Luật Khiếu nại 2011, Điều 37',
    verified: true,
  }),
  'complaint.second.remote.complex': rule({
    code: 'complaint.second.remote.complex',
    days: 70,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết khiếu nại lần hai ở vùng sâu, vùng xa (vụ việc phức tạp)', en: 'Settle a complex second complaint in a remote area' },
    basis: 'Luật Khiếu nại 2011, Điều 37',
    verified: true,
  }),
  'complaint.limitation': rule({
    code: 'complaint.limitation',
    days: 90,
    counting: 'calendar',
    from: {
      vi: 'ngày nhận được hoặc biết được quyết định, hành vi hành chính',
      en: 'the day the administrative decision or act is received or known',
    },
    what: { vi: 'Thời hiệu khiếu nại', en: 'Time limit to file a complaint' },
    basis: 'Luật Khiếu nại 2011, Điều 9',
    verified: true,
  }),
  // Luật Tố cáo 2018.
  'denunciation.accept': rule({
    code: 'denunciation.accept',
    days: 7,
    counting: 'working',
    from: { vi: 'ngày nhận được tố cáo', en: 'the day the denunciation is received' },
    what: { vi: 'Kiểm tra, thụ lý tố cáo', en: 'Check and accept a denunciation' },
    basis: 'Luật Tố cáo 2018, Điều 24 và Điều 29',
    verified: false,
  }),
  'denunciation.settle': rule({
    code: 'denunciation.settle',
    days: 30,
    counting: 'calendar',
    from: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    what: { vi: 'Giải quyết tố cáo', en: 'Settle a denunciation' },
    basis: 'Luật Tố cáo 2018, Điều 30 khoản 1',
    verified: true,
    note: 'Extendable once (complex) or twice (especially complex) by up to 30 days each (Điều 30 khoản 1).',
  }),
  'denunciation.extension': rule({
    code: 'denunciation.extension',
    days: 30,
    counting: 'calendar',
    from: { vi: 'ngày hết hạn trước đó', en: 'the end of the previous period' },
    what: { vi: 'Gia hạn giải quyết tố cáo (mỗi lần)', en: 'Extend the settlement of a denunciation (each time)' },
    basis: 'Luật Tố cáo 2018, Điều 30 khoản 1',
    verified: true,
  }),
  // Social assistance and the social pension.
  'assistance.review': rule({
    code: 'assistance.review',
    days: 7,
    counting: 'working',
    from: { vi: 'ngày nhận đủ hồ sơ', en: 'the day the complete application is received' },
    what: { vi: 'Xem xét hồ sơ trợ cấp xã hội hằng tháng', en: 'Review an application for monthly social assistance' },
    basis: 'Nghị định 20/2021/NĐ-CP, Điều 8',
    verified: false,
  }),
  'assistance.posting': rule({
    code: 'assistance.posting',
    days: 2,
    counting: 'working',
    from: { vi: 'ngày niêm yết', en: 'the day the result is posted' },
    what: { vi: 'Niêm yết công khai kết quả xét duyệt', en: 'Post the review result publicly' },
    basis: 'Nghị định 20/2021/NĐ-CP, Điều 8',
    verified: false,
  }),
  'poverty.posting': rule({
    code: 'poverty.posting',
    days: 3,
    counting: 'working',
    from: { vi: 'ngày niêm yết', en: 'the day the list is posted' },
    what: {
      vi: 'Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo',
      en: 'Post the results of the poor and near-poor household review publicly',
    },
    basis: 'Quyết định 24/2021/QĐ-TTg, Điều 4 khoản 1 (quy trình rà soát theo Nghị định 07/2021/NĐ-CP)',
    verified: false,
    note: "The review procedure of Decree 07/2021 is set by Decision 24/2021/QĐ-TTg (Art. 4: list, review, community meeting, public posting, report). The 3 working days are read from the procedure sheets, not yet from the Decision's own text; commune notices seen post for a working week.",
  }),
  'assistance.decision': rule({
    code: 'assistance.decision',
    days: 10,
    counting: 'working',
    from: { vi: 'ngày nhận đủ hồ sơ', en: 'the day the complete application is received' },
    what: { vi: 'Chủ tịch UBND xã quyết định trợ cấp xã hội', en: 'The commune chair decides on social assistance' },
    basis: 'Nghị định 147/2025/NĐ-CP, Điều 5',
    verified: false,
  }),
  'pension.funeral': rule({
    code: 'pension.funeral',
    days: 3,
    counting: 'working',
    from: { vi: 'ngày nhận đủ hồ sơ', en: 'the day the complete application is received' },
    what: { vi: 'Quyết định hỗ trợ chi phí mai táng', en: 'Decide on funeral support' },
    basis: 'Nghị định 176/2025/NĐ-CP (Mẫu 02)',
    verified: false,
  }),
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineCode = keyof typeof DEADLINE_RULES;

export interface Deadline {
  readonly code: DeadlineCode;
  readonly from: IsoDate;
  /** The last day of the period (inclusive): the act is on time if done by the end of this day. */
  readonly due: IsoDate;
  readonly counting: Counting;
  readonly days: number;
  readonly basis: string;
  /** Days skipped because they were not working days (for working-day periods) or the days the end moved over. */
  readonly skipped: readonly { readonly date: IsoDate; readonly reason: string }[];
  /** Dates of the period decided by the default calendar rule, not by an announcement. */
  readonly provisional: readonly IsoDate[];
  readonly verified: boolean;
  readonly explanation: Text;
}

function reasonOf(date: IsoDate): string {
  const name = yearCalendar(Number(date.slice(0, 4))).names.get(date);
  if (name) return name;
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w === 0 ? 'Chủ nhật' : w === 6 ? 'Thứ Bảy' : 'Ngày nghỉ';
}

const viDate = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The period's last day after `from`, with every day skipped and why. */
export function deadline(code: DeadlineCode, from: IsoDate, days?: number): Deadline {
  const r: DeadlineRule = DEADLINE_RULES[code];
  const n = days ?? r.days;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a period is a whole number of days ≥ 1, not ${n}`);
  const skipped: { date: IsoDate; reason: string }[] = [];
  const provisional: IsoDate[] = [];
  const touch = (d: IsoDate) => {
    if (yearCalendar(Number(d.slice(0, 4))).provisional.has(d)) provisional.push(d);
  };
  let due: IsoDate;
  if (r.counting === 'working') {
    let d = from;
    let counted = 0;
    while (counted < n) {
      d = addDays(d, 1);
      touch(d);
      if (isWorkingDay(d)) counted++;
      else skipped.push({ date: d, reason: reasonOf(d) });
    }
    due = d;
  } else {
    // Điều 147 khoản 1: counting starts the day after; Điều 148 khoản 5: an end on a day off moves
    // to the end of the next working day.
    due = addDays(from, n);
    for (let d = addDays(from, 1); d <= due; d = addDays(d, 1)) touch(d);
    while (!isWorkingDay(due)) {
      skipped.push({ date: due, reason: reasonOf(due) });
      due = addDays(due, 1);
      touch(due);
    }
  }
  const unit = r.counting === 'working' ? { vi: 'ngày làm việc', en: 'working days' } : { vi: 'ngày', en: 'days' };
  const moved = skipped.length
    ? r.counting === 'working'
      ? {
          vi: ` Không tính ${skipped.length} ngày nghỉ (${skipped.map((s) => `${viDate(s.date)} ${s.reason}`).join('; ')}).`,
          en: ` ${skipped.length} days off not counted.`,
        }
      : {
          vi: ` Ngày cuối rơi vào ngày nghỉ nên hạn lùi đến ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 148 khoản 5).`,
          en: ' The last day fell on a day off, so the deadline moves to the next working day (Civil Code 2015, Art. 148 cl. 5).',
        }
    : { vi: '', en: '' };
  const prov = provisional.length
    ? { vi: ' Lịch nghỉ của năm chưa được công bố: hạn này là tạm tính.', en: " The year's holiday schedule is not announced: this deadline is provisional." }
    : { vi: '', en: '' };
  return {
    code,
    from,
    due,
    counting: r.counting,
    days: n,
    basis: r.basis,
    skipped,
    provisional,
    verified: r.verified,
    explanation: {
      vi: `${r.what.vi}: ${n} ${unit.vi} kể từ ${r.from.vi} ${viDate(from)} (${r.basis}), hạn cuối ${viDate(due)}.${moved.vi}${prov.vi}`,
      en: `${r.what.en}: ${n} ${unit.en} from ${r.from.en} ${from} (${r.basis}), due ${due}.${moved.en}${prov.en}`,
    },
  };
}

/** Working days left from `today` to `due` (0 on the due day; negative when late). */
export function workingDaysLeft(today: IsoDate, due: IsoDate): number {
  if (today === due) return 0;
  const sign = today < due ? 1 : -1;
  let count = 0;
  for (let d = today; d !== due;) {
    d = addDays(d, sign);
    if (isWorkingDay(d)) count += sign;
  }
  return count;
}
