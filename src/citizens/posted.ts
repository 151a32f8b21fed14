// Posted lists (issue 14 item 3), pure: the lists a commune must post publicly before a decision,
// each with its legal posting period on the working calendar (src/law/deadlines.ts), the only
// fields the law lets the public page show (name, hamlet, group: no ID number, no birth date,
// no health or HIV information), and the checks on a citizen's comment.
//
// - assistance-review: the review result of applications for monthly social assistance, i.e.
//   the proposed beneficiaries, posted 2 working days (Decree 20/2021 Art. 8 as changed by Decree
//   147/2025 Art. 5; the posting excepts information on people living with HIV).
// - poverty-review: the annual review of poor and near-poor households (Decree 07/2021; the
//   procedure of Decision 24/2021/QĐ-TTg Art. 4), posted 3 working days.
import type { Text } from '../kernel/i18n.ts';
import type { FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { deadline, type Deadline, type DeadlineCode } from '../law/deadlines.ts';

export const POSTED_LIST_KINDS = ['assistance-review', 'poverty-review'] as const;
export type PostedListKind = (typeof POSTED_LIST_KINDS)[number];
export const POSTED_LIST_STATES = ['posted', 'decided'] as const;
export type PostedListState = (typeof POSTED_LIST_STATES)[number];
export const COMMENT_STATES = ['new', 'considered'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];

export const POSTED_KIND_TEXT: Readonly<Record<PostedListKind, Text>> = {
  'assistance-review': { vi: 'Kết quả xét duyệt trợ cấp xã hội hằng tháng', en: 'Review result of monthly social assistance' },
  'poverty-review': { vi: 'Kết quả rà soát hộ nghèo, hộ cận nghèo', en: 'Results of the poor and near-poor household review' },
};

/** The rule of each kind's posting period. */
export const POSTING_RULE: Readonly<Record<PostedListKind, DeadlineCode>> = {
  'assistance-review': 'assistance.posting',
  'poverty-review': 'poverty.posting',
};

/**
 * The posting period: from the day of posting to the last day of the legal period counted after
 * it (Civil Code 2015 Art. 147 cl. 1: the first day is not counted), on the working calendar.
 * Posted on Friday 13/02/2026 (the last working day before Tết Bính Ngọ), 2 working days run to
 * Tuesday 24/02/2026.
 */
export const postingPeriod = (kind: PostedListKind, postedOn: string): Deadline => deadline(POSTING_RULE[kind], postedOn);

/** Is the list on the public page on this day? From the day of posting to the end of the period. */
export const isOnView = (l: { readonly posted_on: string; readonly posted_until: string }, today: string) => l.posted_on <= today && today <= l.posted_until;

/** The fields an entry may carry: what the law lets a notice board show. */
export interface PostedEntry {
  readonly fullName: string;
  readonly hamlet: string;
  readonly group: string;
}

/** The vocabularies of the group column by kind (what the notice shows after the name). */
export const POVERTY_GROUPS = ['Hộ nghèo', 'Hộ cận nghèo', 'Hộ thoát nghèo', 'Hộ thoát cận nghèo'] as const;

/** Markup (an HTML or script payload) in a free text: refused, never stored. */
export const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|&#|&[a-z]+;/i;
const markup = (path: string): FieldError => ({
  path,
  message: text('Nội dung không được chứa mã HTML hay mã lệnh', 'The text may not contain HTML or script'),
});

/** Words that would disclose HIV status (Decree 20/2021 Art. 8: the posting excepts it). */
const HIV = /\bHIV\b|\bAIDS\b|phơi nhiễm/i;
/** Digit runs that look like an ID, a phone or a health-insurance number: not on a public list. */
const NUMBER = /[0-9]{6,}/;

/** The problems of a list's entries, each with its field path; an empty list is a problem too. */
export function entryProblems(kind: PostedListKind, entries: readonly PostedEntry[]): FieldError[] {
  const e: FieldError[] = [];
  if (entries.length === 0) e.push({ path: '/body/entries', message: text('Danh sách chưa có ai', 'The list is empty') });
  entries.forEach((x, i) => {
    const at = (f: string) => `/body/entries/${i}/${f}`;
    for (const [f, v] of [
      ['fullName', x.fullName],
      ['hamlet', x.hamlet],
      ['group', x.group],
    ] as const) {
      if (MARKUP.test(v)) e.push(markup(at(f)));
      else if (NUMBER.test(v))
        e.push({
          path: at(f),
          message: text(
            'Không niêm yết số định danh, số điện thoại hay số thẻ: chỉ họ tên, thôn, diện',
            'No ID, phone or card numbers on a posted list: only the name, hamlet and group',
          ),
        });
    }
    if (HIV.test(x.group) || HIV.test(x.fullName))
      e.push({
        path: at('group'),
        message: text(
          'Không niêm yết thông tin về người nhiễm HIV (Nghị định 20/2021/NĐ-CP, Điều 8)',
          'Information on people living with HIV is not posted (Decree 20/2021, Art. 8)',
        ),
      });
    if (kind === 'poverty-review' && !(POVERTY_GROUPS as readonly string[]).includes(x.group.trim()))
      e.push({
        path: at('group'),
        message: text(
          'Diện phải là: Hộ nghèo, Hộ cận nghèo, Hộ thoát nghèo hoặc Hộ thoát cận nghèo',
          'The group is one of: poor, near-poor, out of poverty, out of near-poverty',
        ),
      });
  });
  return e;
}

/** The problems of a comment sent from the public page (its text kept as typed, markup refused). */
export function commentProblems(c: { author: string; contact?: string | undefined; body: string }): FieldError[] {
  const e: FieldError[] = [];
  for (const [f, v] of [
    ['author', c.author],
    ['contact', c.contact ?? ''],
    ['body', c.body],
  ] as const)
    if (MARKUP.test(v)) e.push(markup(`/body/${f}`));
  if (c.author.trim().length < 2) e.push({ path: '/body/author', message: text('Ghi họ tên người góp ý', 'Give your name') });
  if (c.body.trim().length < 10)
    e.push({ path: '/body/body', message: text('Nội dung góp ý quá ngắn (ít nhất 10 ký tự)', 'The comment is too short (10 characters at least)') });
  return e;
}
