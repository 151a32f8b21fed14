// Step 4b (issue 11, item 4): results are not targets. A value the document reports as reached
// ("năm 2024 đạt 93%", "giảm từ 25,1% xuống còn 17%", "đã chi trả cho trên 6.000 đối tượng",
// "ước đạt", "chiếm", "đạt 125% kế hoạch") is a result of the past; a report of results
// ("BÁO CÁO", "kết quả thực hiện", "sơ kết", "tổng kết" in its title, or a text whose values are
// all results) gives no targets at all. Works on the normalised text, sentence by sentence; each
// look is bounded (a window of at most WINDOW characters around the value), so the whole step
// stays linear in the length of the text.
import { foldText } from '../../indicators/match.ts';

const WINDOW = 220;

// Words that say a value is still to be reached (lower-case NFC text; "đã" is not "đa chiều").
// A target named as a thing already set ("vượt kế hoạch đề ra", "vượt mục tiêu 50%", "9 nhóm
// mục tiêu đặt ra cho giai đoạn 2021–2025", "15/15 chỉ tiêu chủ yếu đạt") is what a review
// measures against, not a target still to reach.
const FUTURE =
  /(?<![\p{L}])(?:phấn đấu|(?<!(?:chương trình|vượt|hoàn thành|đạt|nhóm) )mục tiêu(?! quốc gia)(?! đề ra| đặt ra)|(?<!(?:kế hoạch|chỉ tiêu|mục tiêu|nghị quyết|nhiệm vụ|(?:nhiệm kỳ|giai đoạn|khóa|khoá) [\p{L}\d\s–-]{1,12})(?: đã)? )(?:đề ra|đặt ra)|(?<!\d\/\d{1,3} )chỉ tiêu (?:nhiệm kỳ|chủ yếu|đến năm|năm \d{4}|giai đoạn)|định hướng|phương hướng|kế hoạch (?:năm|giai đoạn|đến)|sẽ|phải đạt|cần đạt|yêu cầu|hằng năm|hàng năm|mỗi năm|(?:đến|vào|tới) năm \d{4})(?![\p{L}])/u;
// Words that say it was reached: "đã", "ước đạt", "chiếm", "so với kế hoạch", "vượt chỉ tiêu".
const PAST =
  /(?<![\p{L}])(?:đã|ước đạt|ước thực hiện|đạt được|kết quả|so với cùng kỳ|kế hoạch giao|dự toán|vượt chỉ tiêu|vượt kế hoạch|vượt mục tiêu|hiện (?:nay )?(?:có|còn)|\d{1,3}\/\d{1,3} (?:nhóm )?(?:chỉ tiêu|mục tiêu|nhiệm vụ)|tính đến|(?<!từ )đến nay|đến hết năm|đến cuối năm|cuối năm|đầu năm|vừa qua|sau \d+ năm|thực hiện được|(?:giảm|tăng) từ \d[\d.,]*\s*%?(?:\s+(?!năm |trở |xuống|lên)\p{L}+){0,2}?(?:\s*(?:năm|vào năm|cuối năm) \d{4})?,?\s*(?:xuống|lên|còn))(?![\p{L}])/u;
// "Trong nhiệm kỳ qua, …", "Nhiệm kỳ vừa qua, …", "… các mục tiêu Nghị quyết Đại hội nhiệm kỳ trước
// đề ra": the review of the term just ended that opens every congress news item. Its figures
// are results, in its own sentence and in the paragraphs after it until a line looks ahead.
const TERM_REVIEW = /(?<![\p{L}])nhiệm kỳ (?:qua|vừa qua|trước)(?![\p{L}])/u;
const PAST_NEAR = /(?<![\p{L}])(?:đã đạt|ước đạt|đạt được)(?![\p{L}])/u;
// A report's title or opening.
const REPORT_TITLE =
  /^(?:bao cao|thong bao ket qua)\b|\b(?:ket qua thuc hien|so ket|tong ket|ket qua qua \d+ nam|nua chang duong|danh gia tinh hinh|ket qua (?:dat duoc|giam ngheo)|nhin lai)\b/;

// "đào tạo nghề cho 3.500 lao động, …, đạt 100% nghị quyết": a sentence that measures what was
// done against the plan, the budget or the resolution reports results, all its values alike.
const SHARE_OF_PLAN = /\d\s*%\s*(?:so với\s+)?(?:kế hoạch|dự toán|nghị quyết)/u;
// How far back the sentences of a paragraph are read for the tense of one that has none.
const PARAGRAPH = 600;
// How far back the review of a past term is read over paragraphs (TERM_REVIEW).
const REVIEW_BACK = 1200;

/** Where the sentence around [start, end) begins and ends (bounded by WINDOW). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  const aMin = Math.max(0, start - WINDOW);
  while (a > aMin && !/[.;\n!?]/.test(text[a - 1]!)) a--;
  let b = end;
  const bMax = Math.min(text.length, end + 60);
  while (b < bMax && !/[.;\n!?]/.test(text[b]!)) b++;
  return [a, b];
}

/** Where the clause of a value ends (";", ".", a line end), at most WINDOW characters on. */
function clauseEnd(text: string, end: number): number {
  let b = end;
  const bMax = Math.min(text.length, end + WINDOW);
  // (A dot between digits is a thousands separator: "đào tạo cho 3.500 lao động, …".)
  while (b < bMax && !(/[;\n!?]/.test(text[b]!) || (text[b] === '.' && !/\d/.test(text[b + 1] ?? '')))) b++;
  return b;
}

export interface PastContext {
  /** The year the document is written for (its plan year, else its date), to tell past years. */
  readonly refYear: number | null;
}

/** Is the value at [start, end) a result (reached) rather than a target (to reach)? */
export function isResult(text: string, start: number, end: number, ctx: PastContext): boolean {
  return tenseOf(text, start, end, ctx) === 'past';
}

/** What the sentence around a value says of it: reached ("past"), to reach ("future"), or nothing. */
export function tenseOf(text: string, start: number, end: number, ctx: PastContext): 'past' | 'future' | null {
  const [a, b] = sentenceAround(text, start, end);
  // The sentence up to the end of the value's span (the span may begin with "đã …"), and a few
  // words after it ("… so với kế hoạch").
  const before = text.slice(a, end).toLowerCase();
  const after = text.slice(end, Math.min(b, end + 40)).toLowerCase();
  const future = FUTURE.test(before);
  // "(giảm 7,34% so với năm 2022)", "3,3 lần so với năm 2020" in a text of results.
  // A year of the sentence before the document's own ("năm 2022 đạt 27,8 triệu đồng"); not a
  // baseline ("so với năm 2020"), and not when the value is a change still to make ("giảm …").
  const years = [...text.slice(a, b).matchAll(/(?<!so với\s(?:cuối\s)?)(?:năm|cuối năm|đầu năm|hết năm)\s+((?:19|20)\d\d)(?![-–\d])/giu)].map((m) =>
    Number(m[1]),
  );
  const pastYear =
    ctx.refYear !== null &&
    years.length > 0 &&
    years.every((y) => y < ctx.refYear!) &&
    !/(?<![\p{L}])(?:giảm|tăng|xuống|nâng|phấn đấu)(?![\p{L}])/u.test(before);
  // "giảm từ 25,1% xuống còn 17%": the value after "từ" is where it started, a result.
  // ("tăng từ 2,7% dân số năm 2016 lên 4,5%": what the share is of may come between.)
  if (
    /(?<![\p{L}])từ\s*[\d.,]+\s*%?$/u.test(before) &&
    /^\s*(?:%\s*)?(?:(?!năm |trở |xuống|lên)\p{L}+\s+){0,2}?(?:(?:vào |cuối )?năm \d{4}\s*)?,?\s*(?:xuống|lên)(?![\p{L}])/u.test(after)
  )
    return 'past';
  // "đạt 125% so với kế hoạch", "bằng 108% kế hoạch năm", "đạt 59% dự toán tỉnh giao": a share
  // of a plan reached, said of what was done.
  // ("đạt 100% chỉ tiêu trở lên", "đạt 100% dự toán trở lên": a threshold still to reach.)
  if (
    /\d\s*%\s*(?:so với\s+)?(?:kế hoạch|dự toán|cùng kỳ|(?:các\s+)?chỉ tiêu(?!\s+(?:đến|năm|giai đoạn))|nghị quyết)(?![\p{L}\s]{0,30}trở lên)/u.test(
      text.slice(start, Math.min(b, end + 30)).toLowerCase(),
    )
  )
    return 'past';
  // "4.806 hộ nghèo, chiếm 1,51%": a count with its share of the whole is a state, a result; the
  // count ("… 6.006 hộ cận nghèo, chiếm") and the share alike.
  const COUNT_SHARE =
    /\d[\d.]*\s*(?:hộ|người|lao động|trẻ em|đối tượng|xã|thôn|trường)(?:\s*\/\s*[\d.]+\s*hộ)?[^.;\d]{0,40}?,?\s*chiếm(?:\s+tỷ lệ|\s+tỉ lệ)?\s*(?:khoảng\s+)?[\d.,]+\s*%/u;
  if (COUNT_SHARE.test(text.slice(a, Math.min(b, end + 50)).toLowerCase()) && !/phấn đấu|mục tiêu|đến năm \d{4}/u.test(before)) return 'past';
  // "(giảm 7,34% so với năm 2022)": a change against a year before the document's is a result.
  const vs = /^[\d.,]+\s*(?:%|lần)?\s*\)?\s*so với (?:cùng kỳ|(?:cuối |đầu )?năm ((?:19|20)\d\d))/u.exec(
    text
      .slice(start, Math.min(b, end + 40))
      .toLowerCase()
      .replace(/^[^\d]*/u, ''),
  );
  // "2,1% (giảm 0,6% so với năm 2024)": the value the change led to is a result too.
  const paren = /^[^(]{0,30}\(\s*(?:giảm|tăng)\s+[\d.,]+\s*%?\s*so với (?:cùng kỳ|(?:cuối |đầu )?năm ((?:19|20)\d\d))/u.exec(
    text.slice(end, Math.min(text.length, end + 70)).toLowerCase(),
  );
  if (paren && !/phấn đấu|mục tiêu/u.test(before) && (paren[1] === undefined || (ctx.refYear !== null && Number(paren[1]) < ctx.refYear))) return 'past';
  if (vs && !/phấn đấu|mục tiêu/u.test(before) && (vs[1] === undefined || (ctx.refYear !== null && Number(vs[1]) < ctx.refYear))) return 'past';
  // "giảm từ 30% năm 2020 xuống dưới 12% năm 2025": the value it comes down to, in a year after the
  // one it starts from and not before the document's, is a target (its start is a baseline).
  const path =
    /(?<![\p{L}])từ\s*[\d.,]+\s*%?\s*(?:(?!năm |trở |xuống|lên)\p{L}+\s+){0,2}?(?:\(?\s*(?:vào |cuối )?năm ((?:19|20)\d\d)\s*\)?)?\s*,?\s*(?:xuống|lên)\s+(?:(?:còn|dưới|mức|trên)\s+)*[\d.,]+\s*%?(?:\s*(?:(?!năm |trở |xuống|lên)\p{L}+\s+){0,2}?\(?\s*(?:vào |đến |cuối )?năm ((?:19|20)\d\d)\s*\)?)?$/u.exec(
      before,
    );
  const toYear =
    path?.[2] ?? /^\s*(?:%\s*)?(?:(?!năm |trở |xuống|lên)\p{L}+\s+){0,2}?(?:\(?\s*(?:vào |đến |cuối )?năm ((?:19|20)\d\d)\s*\)?)/u.exec(after)?.[1];
  if (
    path &&
    path[1] &&
    toYear &&
    Number(toYear) > Number(path[1]) &&
    (ctx.refYear === null || Number(toYear) >= ctx.refYear) &&
    !/(?<![\p{L}])đã(?![\p{L}])/u.test(before)
  ) {
    // Where it came to in the document's own year, said with no word of aim ("Tỷ lệ bao phủ BHYT
    // tăng từ 90,9% năm 2020 lên 95,2% năm 2025" in a review of October 2025), is what was reached.
    if (ctx.refYear !== null && Number(toYear) === ctx.refYear && !future) return 'past';
    return 'future';
  }
  if (TERM_REVIEW.test(before) && !/(?<![\p{L}])nhiệm kỳ (?:\d{4}\s*[-–]\s*\d{4}|mới|tới)(?![\p{L}\d])/u.test(before.slice(before.search(TERM_REVIEW))))
    return 'past';
  // "Giá trị thu trên 1ha canh tác đến năm 2025 đạt 316 triệu đồng" under the review of the term
  // 2020-2025, in a text of 2025: "đến năm" the document's own year or before, inside a review,
  // says where the term ended, not where the next one is to go.
  if (future && ctx.refYear !== null) {
    const la = sentenceStart(text, a);
    const own = text.slice(la, end).toLowerCase();
    let ls = la;
    while (ls > 0 && text[ls - 1] !== '\n') ls--;
    if (!FUTURE.test(reachedOnly(own, ctx.refYear)) && !FUTURE.test(reachedOnly(text.slice(ls, la).toLowerCase(), ctx.refYear)) && reviewAbove(text, ls, a))
      return 'past';
  }
  if (future && !PAST_NEAR.test(before)) return 'future';
  if (PAST.test(before) || pastYear || SHARE_OF_PLAN.test(text.slice(a, clauseEnd(text, end)).toLowerCase())) return 'past';
  // "Tính đến hết năm 2024, tỉnh còn 4.806 hộ nghèo, chiếm 1,51%; 6.006 hộ cận nghèo, chiếm
  // 1,89%": what the first clause of a sentence says of its values it says of the clauses joined
  // to it by ";" (bounded: at most WINDOW characters back, not past a full stop or a line).
  if (text[a - 1] === ';') {
    let s = a - 1;
    const sMin = Math.max(0, a - 1 - WINDOW);
    while (s > sMin && !/[.\n!?]/.test(text[s - 1]!)) s--;
    const earlier = text.slice(s, a - 1).toLowerCase();
    if (PAST.test(earlier) && !FUTURE.test(earlier)) return 'past';
  }
  // "Năm 2025, … ước thực hiện 86,4 tỷ đồng. Tỷ lệ hộ nghèo … còn 0,58%.": a sentence with no
  // tense of its own takes that of the nearest sentence before it in the same paragraph (line)
  // that has one, reading back at most PARAGRAPH characters.
  // (Whole sentences: the clauses joined by ";" to this one were read just above.)
  const pMin = Math.max(0, a - PARAGRAPH);
  let e = a;
  while (e > pMin && !/[.\n!?]/.test(text[e - 1]!)) e--;
  while (e > pMin && text[e - 1] !== '\n') {
    let s = e - 1;
    while (s > pMin && !/[.\n!?]/.test(text[s - 1]!)) s--;
    const prev = text.slice(s, e - 1).toLowerCase();
    if (TERM_REVIEW.test(prev)) return 'past';
    if (FUTURE.test(prev) && !(ctx.refYear !== null && !FUTURE.test(reachedOnly(prev, ctx.refYear)) && reviewAbove(text, lineStartOf(text, a), a))) return null;
    if (PAST.test(prev) || SHARE_OF_PLAN.test(prev)) return 'past';
    e = s;
  }
  // "Trong nhiệm kỳ qua, … đạt được những kết quả quan trọng …\n\nThu nhập bình quân đầu người
  // năm 2025 là 152 triệu đồng/năm.": the review of the past term goes on over the paragraphs
  // after it (captions and short lines between), until a line that looks ahead or states a
  // target; read back at most REVIEW_BACK characters, only when the value's own sentence has no
  // future word.
  if (FUTURE.test(text.slice(sentenceStart(text, a), end).toLowerCase())) return null;
  return reviewAbove(text, e, a) ? 'past' : null;
}

/** Does a review of the past term (TERM_REVIEW) govern the paragraphs above line start l? */
function reviewAbove(text: string, l: number, a: number): boolean {
  const rMin = Math.max(0, a - REVIEW_BACK);
  while (l > rMin) {
    let s = l - 1;
    while (s > rMin && text[s - 1] !== '\n') s--;
    const line = text.slice(s, l).toLowerCase();
    if (TERM_REVIEW.test(line)) {
      // The line's last mention of a term decides: a review, unless a new term follows it.
      const tail = line.slice(line.search(TERM_REVIEW));
      return !/(?<![\p{L}])nhiệm kỳ (?:\d{4}\s*[-–]\s*\d{4}|mới|tới)(?![\p{L}\d])/u.test(tail);
    }
    if (FUTURE.test(line) || looksAhead(line)) return false;
    l = s;
  }
  return false;
}

/** The words without "đến/vào/tới năm Y" for a year Y not after refYear (see TERM_REVIEW). */
function reachedOnly(words: string, refYear: number): string {
  return words.replace(/(?<![\p{L}])(?:đến|vào|tới) năm ((?:19|20)\d\d)(?!\d)/gu, (w, y: string) => (Number(y) <= refYear ? '' : w));
}

/** Where the line holding position a begins. */
function lineStartOf(text: string, a: number): number {
  let s = a;
  while (s > 0 && text[s - 1] !== '\n') s--;
  return s;
}

/** Where the sentence holding position a begins (after ".", "!", "?" or a line end; bounded). */
function sentenceStart(text: string, a: number): number {
  let s = a;
  const sMin = Math.max(0, a - WINDOW);
  while (s > sMin && !/[.\n!?]/.test(text[s - 1]!)) s--;
  return s;
}

/** A title or headline of a report of results ("BÁO CÁO …", "… kết quả thực hiện …", "Sơ kết …"). */
export function isReportTitle(head: string): boolean {
  return REPORT_TITLE.test(foldText(head));
}

/**
 * A line of a document of `refYear` that looks ahead past it. "đặt mục tiêu …" or "phấn đấu …"
 * whose years are all before the document's, or periods that end by its year ("Chương trình …
 * giai đoạn 2021-2025 đặt mục tiêu giảm tỷ lệ hộ nghèo 1-1,5%/năm" in a report of November 2025),
 * names the aim of the period a report reviews, not one still ahead. A line with no year (a
 * date is none), or with a year from the document's own on, looks ahead as looksAhead says.
 * @example looksAheadOf('Chương trình giai đoạn 2021-2025 đặt mục tiêu giảm 1%/năm', 2025) // false
 * @example looksAheadOf('tổng kết năm 2025, triển khai phương hướng, nhiệm vụ năm 2026', 2026) // true
 */
export function looksAheadOf(line: string, refYear: number | null): boolean {
  if (!looksAhead(line)) return false;
  if (refYear === null) return true;
  let rest = line.replace(/\d{1,2}\/\d{1,2}\/(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d/gu, ' ');
  let periods = 0;
  rest = rest.replace(/((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)/gu, (all, a: string, b: string) => {
    if (Number(a) < Number(b) && Number(b) <= refYear) {
      periods++;
      return ' ';
    }
    return all;
  });
  const years = [...rest.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/gu)].map((m) => Number(m[1]));
  if (years.length === 0 && periods === 0) return true;
  return years.some((y) => y >= refYear);
}

/** A line that looks ahead ("phương hướng, nhiệm vụ năm 2026", "phấn đấu …", "mục tiêu …"). */
export function looksAhead(line: string): boolean {
  // "phương hướng" looks ahead with its year or period ("phương hướng, nhiệm vụ năm 2026"); a
  // meeting that "đề xuất phương hướng, nhiệm vụ, giải pháp trong thời gian tới" sets nothing.
  return /(?<![\p{L}])(?:phấn đấu|phương hướng(?=[\p{L}\s,]{0,30}(?:năm|giai đoạn|nhiệm kỳ|đến)\s)|(?<!(?:thực hiện|kết quả) )nhiệm vụ năm|đặt mục tiêu|mục tiêu (?:đến|năm|giai đoạn)|(?<!(?:kế hoạch|chỉ tiêu|mục tiêu|nghị quyết|nhiệm vụ|(?:nhiệm kỳ|giai đoạn|khóa|khoá) [\p{L}\d\s–-]{1,12})(?: đã)? )(?:đề ra|đặt ra)|định hướng|sẽ|kế hoạch (?:năm|giai đoạn))(?![\p{L}])/u.test(
    line.toLowerCase(),
  );
}
