// Step 4: the numeric targets of a plan's objectives section. Works on normalised text and
// returns spans in it (the caller maps them back to the original document).
//
// How a target is read, clause by clause (a clause ends at ";", ".", ":" or a line end):
//  - every number is classified first; these classes are NOT targets and are EXCLUDED from the
//    output because they are document structure: list numbering at the start of a line ("(1)",
//    "2.1.", "a)", "- "), and the target year itself ("đến năm 2030" in a heading or a clause).
//  - these classes are NOT targets and are LISTED in `unmatched` with a reason: ages and age
//    ranges ("dưới 5 tuổi", "(6 - 10 tuổi)"), per-capita bases ("/10.000 dân", "trên 100 dân":
//    "trên" there means "per"), a standard level inside an indicator name ("xã … đạt mức độ 2",
//    when the item's target is a percentage), other years, dates, document numbers, ordinals
//    ("lần thứ 8"), the upper bound of a range, and quantities no catalogue indicator matches.
//  - a quantity's comparator is read from the words before it (GLOSSARY.md: trên/hơn >, ít
//    nhất/tối thiểu/không dưới >=, "… trở lên" after it >=, dưới/còn dưới <, không quá/tối đa
//    <=, khoảng ~, duy trì maintain, đạt or nothing =). "Phấn đấu" (and its typos "phân đầu",
//    "phần đầu") means "strive": it sets `strive`, never a comparator.
//  - a comparator written once before an enumeration carries to the following items that have
//    none ("ít nhất 75% người dân …, 80% các xã …" → both >=); when the writer repeats the
//    comparator item by item, an item without one did not get it: "trên 40 giường bệnh, trên
//    13 bác sĩ, trên 02 dược sĩ đại học và 33 điều dưỡng/10.000 dân" → 33 is "=". A carried >
//    or >= on 100% becomes "=" (no rate exceeds 100%: "trên 70% hộ gia đình, 100% trường học").
//  - the indicator phrase is on the left ("tỷ lệ … đạt 99,5%") or on the right ("25% lực lượng
//    lao động … tham gia BHXH") of the number; the words between two numbers are divided at the
//    delimiter ("," "và" "trong đó") that lets both numbers match best, and the side that
//    matches the catalogue better wins.
//  - enumerations share the trailing predicate: "trên 70% hộ gia đình, 100% trường học, trạm y
//    tế có công trình phụ hợp vệ sinh" → households > 70, schools = 100, and health stations =
//    100 (an item without its own number takes the number before it); "100% thôn được phủ sóng
//    di động băng rộng, phủ băng rộng cố định" → two targets of 100%.
//  - the year is the clause's own ("năm 2025", "giai đoạn 2021-2025"), else the nearest heading's
//    ("2.1. … đến năm 2030"), else null.
import { findNumbers, parseNumberVi, type NumberToken } from './numbers.ts';
import { bigrams, foldText, syllables, type Match, type Matcher } from '../../indicators/match.ts';

import type { Comparator } from '../../indicators/vocabulary.ts';
export type { Comparator };

/** What a target measures when no catalogue indicator matches: the officer maps it or adds it. */
export interface ProposedIndicator {
  /** The indicator words of the text, cleaned ("tỷ lệ người cao tuổi được khám sức khỏe định kỳ"). */
  readonly name: string;
  /** The unit as written ("%", "tỷ đồng", "người", "ha"); "" when none is written. */
  readonly unit: string;
  readonly kind: 'rate' | 'count' | 'level';
  readonly direction: 'increase' | 'decrease' | 'maintain';
}

export interface TargetSpan {
  /** null: no catalogue indicator matched; `proposed` says what the text measures. */
  readonly indicatorCode: string | null;
  readonly proposed?: ProposedIndicator;
  readonly indicatorName: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  readonly year: number | null;
  /** Span in the normalised text. */
  readonly start: number;
  readonly end: number;
  /** "phấn đấu": the plan asks to strive for it. */
  readonly strive: boolean;
  /** The item has no number of its own and shares the one before ("100% trường học, trạm y tế"). */
  readonly shared: boolean;
  /** How well the wording matched the indicator, 0..1. */
  readonly confidence: number;
  /** The comparator on a change: "giảm từ 0,5% trở lên" is reduce_by 0,5 with qualifier ">=". */
  readonly qualifier?: Comparator;
  /** A target for a named group of units: "riêng vùng miền núi dưới 25,5%" → "vùng miền núi". */
  readonly group?: string;
}

export type UnmatchedCode = 'age' | 'per_capita_base' | 'level_in_name' | 'year' | 'date' | 'document_number' | 'ordinal' | 'range_upper' | 'no_indicator';

export interface UnmatchedSpan {
  readonly code: UnmatchedCode;
  readonly reason: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

export const UNMATCHED_REASONS: Record<UnmatchedCode, { vi: string; en: string }> = {
  age: { vi: 'độ tuổi (điều kiện của đối tượng, không phải chỉ tiêu)', en: 'an age or age range that defines the group, not a target' },
  per_capita_base: { vi: 'mẫu số theo đầu người (trên/…/10.000 dân), không phải chỉ tiêu', en: 'per-capita base (per 100 / 10,000 people), not a target' },
  level_in_name: { vi: 'mức độ chuẩn nằm trong tên chỉ tiêu; chỉ tiêu là tỷ lệ', en: 'a standard level inside the indicator name; the target is the rate' },
  year: { vi: 'năm (mốc thời gian), không phải chỉ tiêu', en: 'a year, not a target' },
  date: { vi: 'ngày tháng', en: 'a date' },
  document_number: { vi: 'số hiệu văn bản', en: 'a document number' },
  ordinal: { vi: 'số thứ tự (lần thứ, khóa)', en: 'an ordinal (session, term)' },
  range_upper: {
    vi: 'cận trên của khoảng; chỉ tiêu lấy cận dưới (từ … trở lên)',
    en: 'upper bound of a range; the target is read as at least the lower bound',
  },
  no_indicator: { vi: 'không khớp chỉ tiêu nào trong danh mục', en: 'no catalogue indicator matched' },
};

interface Candidate {
  tok: NumberToken;
  level: 'level' | 'group' | null;
  /** Start of the comparator words before the number (or the number). */
  cmpStart: number;
  explicit: Comparator | null;
  cmpWord: string | null;
  strive: boolean;
  /** Units of catalogue indicators this number can be a value of. */
  units: readonly string[];
  rangeLower: boolean;
  /** Where the written unit is read: after the upper bound of a range ("4.700-5.000 USD"). */
  unitFrom?: number;
  /** "giảm (bình quân) 1,5%/năm": a change, not a level. */
  change: boolean;
  /** The verb that makes the number a change ("giảm tỷ lệ hộ nghèo 2%/năm", "tăng thêm 7 xã"). */
  changeVerb: 'reduce' | 'increase' | null;
  /** The change is per year ("/năm", "bình quân hằng năm", "mỗi năm"). */
  perYear: boolean;
  left: [number, number];
  right: [number, number];
}

// Comparator words at the end of the text before a number, on folded text.
const CMP_BEFORE: [RegExp, Comparator][] = [
  [/(?:khong vuot qua|khong qua|toi da|khong cao hon|thap hon|nho hon hoac bang)$/, '<='],
  [/(?:tren duoi)$/, '~'],
  // "ít nhất khoảng 2.765 xã": at least, roughly stated.
  [/(?:it nhat khoang|toi thieu khoang)$/, '>='],
  [/(?:khong duoi|khong it hon|khong thap hon|it nhat|toi thieu|lon hon hoac bang|dat va vuot|dat hoac vuot)$/, '>='],
  [/(?:con duoi|xuong duoi|duoi|thap hon muc|nho hon)$/, '<'],
  [/(?:cao hon|lon hon|vuot|tren|hon)$/, '>'],
  [/(?:khoang|xap xi|gan|chung|uoc dat)$/, '~'],
  [/duy tri(?: ty le| muc| o muc)?$/, 'maintain'],
];
const FILLER_END = /(?:\s(?:dat|dat duoc|la|muc|o muc|bang|len|con|xuong|xuong con|dat muc|tu|it nhat la))+$/;
const STRIVE = /(?:phan dau|phan dau dat)\s*$|phan dau/;

function unitsFor(tok: NumberToken, perCapita: string | null): string[] {
  switch (tok.unit) {
    case '%':
      return ['%', 'per_100'];
    case 'm²':
      return ['m2_per_person'];
    case 'tuổi':
    case 'năm':
      return ['years'];
    case 'căn':
      return ['houses'];
    case 'hộ':
      return ['households'];
    case 'người':
    case 'lao động':
    case 'lượt':
      return ['persons'];
    case 'giường':
    case 'bác sĩ':
    case 'bác sỹ':
    case 'dược sĩ':
    case 'dược sỹ':
    case 'điều dưỡng':
      return perCapita ? [perCapita] : ['per_10000'];
    default:
      return perCapita ? [perCapita] : ['persons', 'households', 'houses', 'per_10000', 'per_100', 'level', 'count'];
  }
}

const DELIMS = /,|;|\s(?:và|hoặc|trong đó|riêng)\s/gu;
const VERB = /\b(?:duoc|co|tham gia|su dung|dat|duy tri|huong|tiep can|truy cap|phu|giam|tang|hoan thanh)\b/;

export interface TargetOptions {
  readonly matcher: Matcher;
  /** Year given by the section title, used when nothing nearer gives one. */
  readonly defaultYear?: number | null;
}

/** Depth of a line's list marker: roman 1, "1." 2, "2.1" 3, "a)" 4, "(1)" 5, bullets and text 6. */
function markerOf(line: string): { depth: number; length: number } {
  let x = /^[ ]*(X{0,3}(?:IX|IV|V?I{0,3}))[ ]*[.\-–][ ]+/.exec(line);
  if (x && x[1]) return { depth: 1, length: x[0].length };
  // "3 | Tỷ lệ … | 24,1% |", "| 3 | …", "3<tab>Tỷ lệ …": the row number of a flattened table.
  if ((x = /^[ ]*\|?[ ]*\d{1,3}[ ]*(?:\||\t)[ ]*/.exec(line))) return { depth: 5, length: x[0].length };
  if ((x = /^[ ]*(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)][ ]*|[ ]+)(?=\D)/.exec(line))) return { depth: 1 + x[1]!.split('.').length, length: x[0].length };
  if ((x = /^[ ]*[a-zđ]\)[ ]*/.exec(line))) return { depth: 4, length: x[0].length };
  if ((x = /^[ ]*\(\d{1,2}\)[ ]*/.exec(line))) return { depth: 5, length: x[0].length };
  if ((x = /^[ ]*[-–+•][ ]*/.exec(line))) return { depth: 6, length: x[0].length };
  return { depth: 6, length: 0 };
}

function yearsIn(s: string): { year: number; start: number; end: number }[] {
  const out: { year: number; start: number; end: number }[] = [];
  // "nhiệm kỳ 2020-2025" is a term of office, not a target year: its years are listed as years.
  for (const m of s.matchAll(/(?:năm|giai đoạn)\s+(?:\d{4}\s*[-–]\s*)?((?:19|20|21)\d\d)\b/giu)) {
    // "so với năm 2020", "giá so sánh năm 2010": the year compared with, not the target's.
    if (/(?:so với|so sánh|giá)\s+(?:(?:cuối|đầu|cùng kỳ)\s+)?$/iu.test(s.slice(Math.max(0, m.index - 20), m.index))) continue;
    // "theo chuẩn nghèo quốc gia giai đoạn 2016 - 2020": the period of a standard.
    // ("đạt chuẩn nông thôn mới trong năm 2024", "đạt tiêu chuẩn phù hợp với trẻ em vào năm 2025":
    // a year marked "vào/đến/trong" is the target's.)
    const pre = s.slice(Math.max(0, m.index - 30), m.index);
    if (/chuẩn[\p{L}\s]{0,25}$/iu.test(pre) && !/(?:đến|tới|vào|trong)\s+(?:cuối\s+)?$/iu.test(pre)) continue;
    // "đến năm 2030, tầm nhìn đến năm 2050": the horizon of a vision, not a target's year.
    if (/tầm nhìn\s+(?:đến\s+)?$/iu.test(s.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push({ year: Number(m[1]), start: m.index + m[0].length - 4, end: m.index + m[0].length });
  }
  return out;
}

/** Clause ranges of one line: split at ; . : (not inside numbers). */
function clausesOf(text: string, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let s = a;
  // "Tỷ lệ gia đình văn hóa: 95%": a label and its value (a list or a flattened table) stay one
  // clause; a colon followed by words opens a new one.
  const re = /;|:(?!\s*(?:(?:đạt|là|từ|trên|dưới|khoảng|ít nhất|tối thiểu|không quá|tăng|giảm|duy trì)\s+)?\d)|\.(?=\s|$)(?<!\d\.(?=\d))/giu;
  re.lastIndex = a;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < b) {
    out.push([s, m.index]);
    s = m.index + 1;
  }
  out.push([s, b]);
  return out.filter(([x, y]) => text.slice(x, y).trim().length > 0);
}

function trimSpan(text: string, a: number, b: number): [number, number] {
  // "|" separates the cells of a flattened table row.
  while (a < b && /[\s,;:.\-–(|]/.test(text[a]!)) a++;
  for (;;) {
    while (b > a && /[\s,;:(|]/.test(text[b - 1]!)) b--;
    const tail = /\s(?:và|hoặc|trong đó|riêng|với)$/u.exec(text.slice(a, b));
    if (!tail) break;
    b -= tail[0].length;
  }
  // A closing parenthesis stays only if the span opened one.
  if (b > a && text[b - 1] === ')' && !text.slice(a, b).includes('(')) b--;
  return [a, b];
}

/** Finds the targets and the unmatched numbers of the objectives text [from, to). */
export function extractTargets(text: string, from: number, to: number, opts: TargetOptions): { targets: TargetSpan[]; unmatched: UnmatchedSpan[] } {
  const { matcher } = opts;
  const targets: TargetSpan[] = [];
  const unmatched: UnmatchedSpan[] = [];
  const yearStack: { depth: number; year: number }[] = [];
  // A change ("giảm bình quân 1,5%/năm") is the value of a reduction/increase indicator only, and
  // a level ("còn dưới 3%") never is.
  const isChange = (code: string) => /^(?:muc giam|muc tang|giam|tang)\b/.test(foldText(matcher.nameOf(code) ?? ''));
  const best = (s: string, units: readonly string[], mustShare?: string, change = false): Match | null =>
    s.trim() ? (matcher.candidates(s, { units, mustShare }).find((m) => isChange(m.code) === change) ?? null) : null;
  const sc = (m: Match | null) => (m ? m.score : 0);

  let pos = from;
  for (const rawLine of text.slice(from, to).split('\n')) {
    const lineStart = pos;
    const lineEnd = pos + rawLine.length;
    pos = lineEnd + 1;
    if (!rawLine.trim()) continue;
    // Page furniture: a number alone on its line (a counter of shares or views: "0", "148"), and
    // a related-article link in a table cell ("Nestlé … cho hơn 30.000 học sinh tiểu học | |").
    if (/^\s*\d+(?:[.,]\d+)*\s*$/u.test(rawLine) || (/\|\s*\|\s*$/u.test(rawLine) && !/^\s*\|/u.test(rawLine) && (rawLine.match(/\|/g)?.length ?? 0) === 2))
      continue;
    const marker = markerOf(rawLine);
    const bodyStart = lineStart + marker.length;
    const toks = findNumbers(text, bodyStart, lineEnd);
    const lineYears = yearsIn(text.slice(bodyStart, lineEnd)).map((y) => ({ ...y, start: y.start + bodyStart, end: y.end + bodyStart }));
    const isYearTok = (t: NumberToken) => lineYears.some((y) => y.start === t.start);
    const quantities = toks.filter((t) => !t.structure && !isYearTok(t));
    // A heading-like line (no quantity) sets or resets the year of what follows it.
    if (quantities.length === 0) {
      // Unnumbered short lines ("Đến năm 2025:") head the bullets below them.
      const depth = marker.length === 0 && rawLine.trim().length < 120 ? 5.5 : marker.depth;
      const isHeading = depth < 6;
      if (isHeading) {
        while (yearStack.length && yearStack[yearStack.length - 1]!.depth >= depth) yearStack.pop();
        // Else the line's latest year ("tổng kết năm 2025, phương hướng, nhiệm vụ năm 2026").
        const y =
          lineYears.find((x) => /(?:đến|tới|vào)\s+năm\s+\d{4}$|giai đoạn/u.test(text.slice(Math.max(bodyStart, x.start - 14), x.end))) ??
          [...lineYears].sort((p, q) => q.year - p.year)[0];
        if (y) yearStack.push({ depth, year: y.year });
      }
      for (const t of toks)
        if (t.structure) unmatched.push({ code: t.structure, reason: UNMATCHED_REASONS[t.structure].vi, start: t.start, end: t.end, value: t.value });
      for (const y of lineYears)
        if (!yearStack.some((s) => s.year === y.year))
          unmatched.push({ code: 'year', reason: UNMATCHED_REASONS.year.vi, start: y.start, end: y.end, value: y.year });
      continue;
    }
    const headingYear = yearStack.length ? yearStack[yearStack.length - 1]!.year : (opts.defaultYear ?? null);
    let introYear: number | null = null;
    // "giảm tỷ lệ hộ nghèo 6,0%/năm trở lên; hộ cận nghèo 1,3%/năm trở lên": an item with no verb
    // after ";" keeps the change of the clause before it, as an item after "," does.
    let clauseChange: 'reduce' | 'increase' | null = null;
    for (const [ca, cb] of clausesOf(text, bodyStart, lineEnd)) {
      const clause = text.slice(ca, cb);
      const cYears = yearsIn(clause).map((y) => ({ ...y, start: y.start + ca, end: y.end + ca }));
      // "Đến năm 2030: tỷ lệ …": a year that introduces the rest of the line with a colon.
      // A bare year inside the clause ("ở các tỉnh năm 2020 có …") yields to a year the line
      // introduced ("Đến năm 2025: …"); one written "đến/tới/vào năm", or a period, does not.
      const marked = cYears.filter((y) =>
        /(?:đến|tới|vào|trong|hết|giai đoạn|^)\s*(?:cuối\s+)?(?:năm\s+)?(?:\d{4}\s*[-–]\s*)?$/iu.test(
          text.slice(Math.max(ca, y.start - 22), y.start).replace(/năm\s*$/u, ''),
        ),
      );
      const year = introYear !== null && marked.length === 0 ? introYear : cYears.length ? cYears[cYears.length - 1]!.year : (introYear ?? headingYear);
      // Two marked years in one clause belong to the values they stand next to: "đến năm 2015 đạt
      // trên 70% …, đến năm 2020 có trên 80% …"; "100% cấp ủy … ban hành … vào năm 2025 và duy
      // trì đến năm 2030" (reached in 2025, kept to 2030). A value takes the nearest marked year
      // before it, else the first one after it.
      const yearOf = (t: NumberToken): number | null => {
        if (marked.length < 2) return null;
        const before = marked.filter((y) => y.end <= t.start);
        if (before.length) return before[before.length - 1]!.year;
        return marked.find((y) => y.start >= t.end)?.year ?? year;
      };
      if (cYears.length && text[cb] === ':') introYear = cYears[cYears.length - 1]!.year;
      // "Mục tiêu: đến năm 2025 giảm …; tỷ lệ … đạt 95%; …": a year that opens a clause carries
      // to the clauses after it, up to the end of the sentence.
      else if (marked.length && marked[0]!.start - ca < 30 && text[cb] === ';') introYear = marked[0]!.year;
      else if (text[cb] === '.') introYear = null;
      // A target without a year of its own takes the year written after a later value of the
      // same clause ("đạt 70%, được lập hồ sơ … đạt 95% năm 2025, 100% năm 2030" → 70% in 2025).
      const laterYear = (t: NumberToken): number | null => {
        for (const x of ctoks)
          if (x.start > t.start) {
            const y = yearAfter(text, x, cb);
            if (y !== null) return y;
          }
        return null;
      };
      // A table row with a unit column ("1 | Tỷ lệ hộ nghèo | % | 2,5 |", cells split by tabs or
      // "|"): the numbers after the unit cell are in that unit.
      const unitCell = /(?:^|[\t|])[ ]*(%|‰)[ ]*(?=[\t|]|$)/u.exec(text.slice(lineStart, lineEnd));
      const ctoks = findNumbers(text, ca, cb).map((t) =>
        unitCell && !t.unit && !t.structure && t.start > lineStart + unitCell.index + unitCell[0].length ? { ...t, unit: unitCell[1]! } : t,
      );
      // "/10.000 dân", "trên 100 dân", "/1 vạn dân" (a vạn is ten thousand, of whatever follows: an OCR
      // misreading of "dân" does not make "/1 vạn" a value): the base of a rate.
      const isBase = (t: NumberToken) =>
        /(?:\/|trên|mỗi|\/ )\s*$/u.test(text.slice(Math.max(ca, t.start - 6), t.start)) &&
        (([100, 1000, 10000, 100000].includes(t.value) && /^\s*(?:dân|người|dân số)\b/u.test(text.slice(t.end, t.end + 8))) ||
          // "550/100.000 trẻ em", "500/100.000 vào năm 2030", "46/100.000 trẻ đẻ sống": a round base
          // written right after the rate's value is the base whatever it counts.
          ([1000, 10000, 100000].includes(t.value) && /\d\s*\/\s*$/u.test(text.slice(Math.max(ca, t.start - 6), t.start))) ||
          (t.value === 1 && /^\s*vạn(?=[\s.,;:)]|$)/u.test(text.slice(t.end, t.end + 12))));
      const baseToks = new Set(ctoks.filter(isBase));
      const perCapitaTok = [...baseToks][0];
      const baseOf = (t: NumberToken) => (t.value === 1 ? 10000 : t.value);
      const perCapita = perCapitaTok
        ? baseOf(perCapitaTok) === 100
          ? 'per_100'
          : baseOf(perCapitaTok) === 10000
            ? 'per_10000'
            : `per_${baseOf(perCapitaTok)}`
        : null;
      const cands: Candidate[] = [];
      const levels: Candidate[] = [];
      for (let i = 0; i < ctoks.length; i++) {
        const t = ctoks[i]!;
        const before = text.slice(Math.max(ca, t.start - 40), t.start);
        const fBefore = foldText(before);
        const add = (code: UnmatchedCode, s = t.start, e = t.end) =>
          unmatched.push({ code, reason: UNMATCHED_REASONS[code].vi, start: s, end: e, value: t.value });
        if (t.structure) {
          add(t.structure);
          continue;
        }
        if (cYears.some((y) => y.start === t.start)) {
          if (cYears[cYears.length - 1]!.start !== t.start) add('year');
          continue;
        }
        if (/^(?:19|20|21)\d\d$/.test(t.raw) && !t.unit) {
          add('year');
          continue;
        }
        if (baseToks.has(t)) {
          const s = t.start - (/(?:\/|trên|mỗi)\s*$/u.exec(before)?.[0].length ?? 0);
          const e = t.end + (/^\s*(?:vạn(?:\s+(?:dân số|dân|người))?|dân số|dân|người|trẻ em|trẻ đẻ sống)/u.exec(text.slice(t.end))?.[0].length ?? 0);
          add('per_capita_base', s, e);
          continue;
        }
        // Ranges "6 - 10 tuổi", "từ 3 đến 5 tuổi", "1 - 1,5%".
        const next = ctoks[i + 1];
        // "từ 1,3% đến 1,5%/năm": the unit may be written on both bounds.
        const joiner = next ? text.slice(t.end, next.start) : '';
        if (next && /^\s*(?:%|‰)?\s*(?:-|–|đến|tới)\s*$/u.test(joiner) && (!/[%‰]/u.test(joiner) || next.unit === t.unit) && !next.structure) {
          const from0 = /từ\s*$/u.test(before) ? t.start - /từ\s*$/u.exec(before)![0].length : t.start;
          const isAge = next.unit === 'tuổi' || next.unit === 'tháng tuổi' || (next.unit === 'tháng' && /^\s*tuổi/u.test(text.slice(next.unitEnd)));
          if (isAge && !/tuoi tho\s*\S*\s*$/.test(fBefore)) {
            unmatched.push({ code: 'age', reason: UNMATCHED_REASONS.age.vi, start: from0, end: next.unitEnd, value: t.value });
            i++;
            continue;
          }
          // A range of quantities: the lower bound is the target (at least), the upper is listed.
          const c = candidate(
            text,
            ca,
            t,
            fBefore,
            next.unit ? { ...t, unit: next.unit, unitEnd: next.unitEnd } : t,
            perCapita,
            cands.length ? cands[cands.length - 1]!.changeVerb : text[ca] === ';' || text[ca - 1] === ';' ? clauseChange : null,
          );
          c.explicit = '>=';
          c.rangeLower = true;
          c.unitFrom = next.end;
          if (/đồng|USD|^[ ]?(?:tỷ|triệu)$/u.test(WRITTEN_UNIT.exec(text.slice(next.end, next.end + 40))?.[1] ?? '')) c.units = ['money'];
          cands.push(c);
          unmatched.push({ code: 'range_upper', reason: UNMATCHED_REASONS.range_upper.vi, start: next.start, end: next.end, value: next.value });
          i++;
          continue;
        }
        const isAgeUnit = t.unit === 'tuổi' || t.unit === 'tháng tuổi' || (t.unit === 'tháng' && /^\s*tuổi/u.test(text.slice(t.unitEnd)));
        if (isAgeUnit && !(t.unit === 'tuổi' && /tuoi tho/.test(foldText(text.slice(ca, t.start))))) {
          const m = /(?:dưới|trên|từ|đủ|trẻ em|trẻ)\s*$/u.exec(before);
          add('age', m ? t.start - m[0].length : t.start, t.unitEnd + (t.unit === 'tháng' ? /^\s*tuổi/u.exec(text.slice(t.unitEnd))![0].length : 0));
          continue;
        }
        // "khám sức khỏe định kỳ ít nhất 1 lần/năm đạt 70%": a frequency inside the name of a rate.
        // On its own it is how often a service is given, not a change per year ("Người cao tuổi
        // được khám định kỳ ít nhất 1 lần/năm"): never a target.
        if (/^\s*lần\s*\/\s*(?:năm|tháng|quý)/u.test(text.slice(t.end, t.end + 12))) {
          add('no_indicator', t.start, t.end + /^\s*lần\s*\/\s*(?:năm|tháng|quý)/u.exec(text.slice(t.end))![0].length);
          continue;
        }
        // "95,19% số đại biểu có mặt biểu quyết tán thành": a vote, not a target.
        if (/biểu quyết|tán thành/u.test(text.slice(t.end, Math.min(cb, t.end + 60)))) {
          add('no_indicator', t.start, t.unitEnd);
          continue;
        }
        // "Đại hội triệu tập 438 đại biểu, đại diện cho trên 182.000 đảng viên": who a meeting
        // gathers and represents, not a target.
        if (/^\s*đại biểu(?![\p{L}])/u.test(text.slice(t.end, t.end + 10)) || /đại diện cho\s+(?:(?:trên|hơn|gần|khoảng|gần)\s+)?$/u.test(before)) {
          add('no_indicator', t.start, t.unitEnd);
          continue;
        }
        // What a unit or its Party organisation is, said in every congress news item: "sáp nhập từ
        // 3 xã", "diện tích tự nhiên 112 km2, dân số 22.312 người", "Ban Chấp hành … gồm 24 đồng
        // chí", "Đảng bộ có 1.541 đảng viên, sinh hoạt ở 47 chi bộ", "Hiện Đảng bộ có 45 chi bộ":
        // no targets. (A count of đảng viên or chi bộ with a verb of its own is one: "kết nạp mới
        // từ 25 đảng viên trở lên", "phát triển thêm 2 chi bộ".)
        {
          const after = text.slice(t.end, t.end + 24);
          const sinceClause = text.slice(Math.max(ca, t.start - 80), t.start);
          if (
            /(?:sáp nhập|hợp nhất)(?:\s+(?:từ|của|đảng bộ))?\s*$/u.test(before) ||
            (!/^\s*%/u.test(after) && /(?:diện tích(?:\s+tự nhiên)?|dân số)\s*(?:là\s*)?$/u.test(before)) ||
            /^\s*đồng chí(?![\p{L}])/u.test(after) ||
            (/^\s*(?:đảng viên|chi bộ|tổ chức (?:cơ sở )?đảng)(?![\p{L}])/u.test(after) &&
              !/(?<![\p{L}])(?:kết nạp|phát triển|thêm|tăng|giảm|đạt|phấn đấu|ít nhất|tối thiểu|trên|từ)(?![\p{L}])/u.test(sinceClause.split(/[,;:]/u).pop()!))
          ) {
            add('no_indicator', t.start, t.unitEnd);
            continue;
          }
        }
        // "vốn đầu tư phát triển 5 năm đạt hơn 1.500 tỷ đồng": the years over which the amount is
        // counted, inside its name.
        if (
          t.unit === 'năm' &&
          /^\s*(?:đạt|là|tăng|giảm)(?![\p{L}])/u.test(text.slice(t.unitEnd, t.unitEnd + 8)) &&
          ctoks[i + 1] &&
          !/tuổi thọ|sống kh/u.test(before)
        ) {
          add('no_indicator', t.start, t.unitEnd);
          continue;
        }
        // "bình quân 5 năm", "trong 3 năm": a duration; "Số lượt đọc: 513": page furniture.
        if ((t.unit === 'năm' && /(?:bình quân|trong|sau|giai đoạn|thời gian)\s*$/iu.test(before)) || /lượt (?:đọc|xem|truy cập)\s*:?\s*$/iu.test(before)) {
          add('no_indicator', t.start, t.unitEnd);
          continue;
        }
        if (t.unit === 'tháng') {
          // "trong 6 tháng", "sau 2 năm": durations are not targets of the catalogue.
          add('no_indicator', t.start, t.unitEnd);
          continue;
        }
        // "lần thứ 8", "khóa 13"; and list numbers written in words: "Chỉ tiêu 1:", "mục tiêu số 2".
        if (/(?:lần thứ|thứ|khóa|khoá)\s*$/u.test(before)) {
          add('ordinal');
          continue;
        }
        if (/(?:^|[\s(])(?:[Cc]hỉ tiêu|[Mm]ục tiêu|[Nn]hiệm vụ|[Tt]iêu chí)\s*(?:số\s*)?$/u.test(before) && /^\s*[:.)]/u.test(text.slice(t.end, t.end + 2)))
          continue;
        // "xuống 15‰ ở các tỉnh năm 2020 có tỷ suất tử vong sơ sinh trên 19‰", "giảm số xã đạt dưới
        // 05 tiêu chí xuống dưới 150 xã": a value that defines the group a target is for, or where a
        // change starts ("A … xuống B"), is no target of its own.
        const sinceComma = text
          .slice(Math.max(ca, t.start - 120), t.start)
          .split(/[,;]/u)
          .pop()!;
        if (
          ctoks.some((x) => x !== t && !x.structure && !cYears.some((y) => y.start === x.start)) &&
          (/(?:các|những)\s+(?:tỉnh|huyện|xã|vùng|địa phương|thôn|bản)\s(?:[^,;]{0,60}?\s)?(?:có|đạt)\s[^,;]{0,60}?(?:trên|dưới|hơn|từ)\s*$/u.test(
            sinceComma,
          ) ||
            (/^\s*(?:%|‰)?\s*(?:\p{L}+\s+){0,3}(?:xuống|còn)\s+(?:(?:dưới|còn|mức)\s+)?\d/u.test(text.slice(t.end, t.end + 40)) &&
              /(?:số|các)\s[^,;]{0,40}(?:đạt|có)\s+(?:dưới|trên)\s*$/u.test(sinceComma)))
        ) {
          add('no_indicator', t.start, t.unitEnd);
          continue;
        }
        // "tỷ lệ trẻ có cân nặng sơ sinh thấp (dưới 2.500 gram) dưới 8%": a bracket that defines
        // the name, before the item's value, is part of the name.
        const closing = /^[^()\d,;]{0,20}\)/u.exec(text.slice(t.end, t.end + 22));
        if (
          closing &&
          /\([^()\d]{0,20}$/u.test(before) &&
          ctoks[i + 1] &&
          ctoks[i + 1]!.start > t.end + closing[0].length &&
          !/[,;]/u.test(text.slice(t.end + closing[0].length, ctoks[i + 1]!.start)) &&
          ctoks[i + 1]!.start - (t.end + closing[0].length) < 30 &&
          !cands.some((x) => x.tok.end > text.lastIndexOf(',', t.start))
        ) {
          add('no_indicator', t.start, t.end + closing[0].length - 1);
          continue;
        }
        // ("ổn định ở mức 42%", "ở mức dưới 2,1%": a share is no standard level.)
        const lv = /(mức độ|cấp độ|mức|nhóm)\s*$/u.exec(before);
        if (lv && !(lv[1] === 'mức' && (t.unit === '%' || t.unit === '‰'))) {
          const c = candidate(text, ca, t, fBefore, t, perCapita);
          c.level = lv[1] === 'nhóm' ? 'group' : 'level';
          c.units = [c.level];
          levels.push(c);
          continue;
        }
        cands.push(
          candidate(
            text,
            ca,
            t,
            fBefore,
            t,
            perCapita,
            cands.length ? cands[cands.length - 1]!.changeVerb : text[ca] === ';' || text[ca - 1] === ';' ? clauseChange : null,
          ),
        );
      }

      clauseChange = cands.length ? cands[cands.length - 1]!.changeVerb : null;
      // Words between numbers: left of the first, right of the last, and the gaps divided.
      for (let i = 0; i < cands.length; i++) {
        const c = cands[i]!;
        c.left = [i === 0 ? ca : cands[i - 1]!.right[1], c.cmpStart];
        c.right = [c.tok.unitEnd, i + 1 < cands.length ? cands[i + 1]!.cmpStart : cb];
        if (i + 1 < cands.length) {
          const n = cands[i + 1]!;
          const g0 = c.tok.unitEnd;
          const g1 = n.cmpStart;
          const gap = text.slice(g0, g1);
          const cuts = [0, ...[...gap.matchAll(DELIMS)].map((m) => m.index + m[0].length), gap.length];
          const leftScore = sc(best(text.slice(c.left[0], c.left[1]), c.units, undefined, c.change));
          let bestCut = 0;
          let bestVal = -1;
          let nBest = 0;
          // "NCT được khám … đạt 70%, được lập hồ sơ … đạt 95% năm 2025": when the next value has
          // its verb or comparator before it ("đạt", "xuống dưới") and this one has words of its own on its left, each
          // item is named before its value; on a tie the words go to the next item.
          // "Có ít nhất 2.765 xã … đạt chuẩn nông thôn mới (ít nhất 31%)": a value in brackets
          // restates the one before it; the words are the first one's.
          const restates = bracketed(text, n);
          // Not when this value is followed by its own counted noun: "trên 40 giường bệnh, trên 13
          // bác sĩ" names each item after its value.
          const leftFirst =
            !restates &&
            n.cmpStart < n.tok.start &&
            /\p{L}/u.test(text.slice(c.left[0], c.left[1])) &&
            !/^(?:người|lao động|hộ|căn|lượt|xã|thôn|bản|giường|bác sĩ|bác sỹ|dược sĩ|dược sỹ|điều dưỡng)$/u.test(c.tok.unit ?? '');
          for (const k of cuts) {
            const nScore = sc(best(gap.slice(k), n.units, undefined, n.change));
            const v = Math.max(leftScore, sc(best(gap.slice(0, k), c.units, undefined, c.change))) + nScore;
            nBest = Math.max(nBest, nScore);
            if (leftFirst ? v > bestVal + 1e-9 : v >= bestVal - 1e-9) {
              bestVal = v;
              bestCut = k;
            }
          }
          // No catalogue words either way ("… đạt 10.012 tấn, giá trị sản phẩm … đạt 169 triệu
          // đồng"), or none for the next item ("hộ nghèo giảm 4%/năm, thu nhập bình quân đầu
          // người đạt 36 triệu đồng/năm"): the items are divided at the first comma after the number.
          if (restates) bestCut = gap.length;
          else if (bestVal <= 1e-9 || nBest <= 1e-9) {
            const comma = gap.search(/[,;]/);
            if (comma >= 0) bestCut = comma + 1;
          }
          c.right = [g0, g0 + bestCut];
          n.left = [g0 + bestCut, n.cmpStart];
        }
      }

      // Shared predicate: the last item's verb phrase, for earlier items that have none.
      const last = cands[cands.length - 1];
      let pred = '';
      let lastParts: [number, number][] = [];
      if (last) {
        const r = text.slice(last.right[0], last.right[1]);
        let k = last.right[0];
        for (const p of r.split(/,(?![^(]*\))/)) {
          lastParts.push([k, k + p.length]);
          k += p.length + 1;
        }
        lastParts = lastParts.map(([a, b]) => trimSpan(text, a, b)).filter(([a, b]) => b > a);
        for (const [a, b] of lastParts) {
          const f = foldText(text.slice(a, b));
          const vm = VERB.exec(f);
          if (vm) {
            // From the verb to the end of the clause: find the verb in the text by word count.
            const nBefore = f.slice(0, vm.index).trim().split(' ').filter(Boolean).length;
            const words = [...text.slice(a, last.right[1]).matchAll(/\S+/g)];
            pred = words.length > nBefore ? text.slice(a + words[nBefore]!.index, last.right[1]) : '';
            break;
          }
        }
      }

      const chosen: { c: Candidate; m: Match | null; span: [number, number]; side: 'left' | 'right' }[] = [];
      for (const c of cands) {
        const L = trimSpan(text, c.left[0], c.left[1]);
        const R = trimSpan(text, c.right[0], c.right[1]);
        const lText = text.slice(L[0], L[1]);
        let rText = text.slice(R[0], R[1]);
        // For the right side, the item's own words end at the first comma unless they need more.
        let rOwn: [number, number] = R;
        const firstComma = rText.search(/,(?![^(]*\))/);
        if (firstComma > 0) {
          const own = text.slice(R[0], R[0] + firstComma);
          if (sc(best(own, c.units, undefined, c.change)) > 0 || !VERB.test(foldText(own))) rOwn = [R[0], R[0] + firstComma];
        }
        rText = text.slice(rOwn[0], rOwn[1]);
        const mL = best(lText, c.units, undefined, c.change);
        // Right side: the own words, all the words up to the next item, or those with the
        // enumeration's shared predicate when they have no verb of their own.
        let mR = best(rText, c.units, undefined, c.change);
        const full = text.slice(R[0], R[1]);
        if (!mR && rOwn !== R) {
          mR = best(full, c.units, undefined, c.change);
          if (mR) rOwn = R;
        }
        if (mR && rOwn !== R) {
          // "… được nghe, xem các kênh …": the words after the comma still belong to the item
          // when they make the same indicator match better.
          const mFull = best(full, c.units, undefined, c.change);
          if (mFull && mFull.code === mR.code && mFull.score >= 0.85 * mR.score) rOwn = R;
        }
        if (pred && full.trim() && !VERB.test(foldText(full))) {
          // An item without a verb takes the enumeration's shared predicate.
          const ext = best(full + ' ' + pred, c.units, full, c.change);
          if (ext) {
            mR = ext;
            rOwn = R;
          }
        }
        // "14,3 bác sỹ/1 vạn dân và 48,5 giường bệnh/1 vạn dân": a value followed by its counted
        // noun names its own indicator, whatever the label before says.
        const ownNoun =
          mR !== null &&
          /^(?:giường|bác sĩ|bác sỹ|dược sĩ|dược sỹ|điều dưỡng)$/u.test(c.tok.unit ?? '') &&
          /^\s*(?:giường|bác|dược|điều)/u.test(text.slice(c.tok.end, c.tok.end + 8));
        const useRight = ownNoun || sc(mR) > sc(mL) || (sc(mR) === sc(mL) && rText.trim().length > 0 && !mL);
        let m = useRight ? mR : mL;
        let span: [number, number] = useRight ? [c.cmpStart, rOwn[1]] : [L[0], c.tok.unitEnd];
        if (!m && lText.trim() && rText.trim()) {
          // The phrase wraps around the number: "tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số".
          m = best(lText + ' ' + rText, c.units, undefined, c.change);
          if (m) span = [L[0], rOwn[1]];
        }
        chosen.push({ c, m, span: trimSpan(text, span[0], span[1]), side: useRight ? 'right' : 'left' });
      }

      // Comparators: explicit, else carried from an enumeration's single comparator.
      const explicitCount = new Map<string, number>();
      for (const c of cands) if (c.cmpWord) explicitCount.set(c.cmpWord, (explicitCount.get(c.cmpWord) ?? 0) + 1);
      const repeated = [...explicitCount.values()].some((n) => n > 1);
      // "lần lượt đạt khoảng 45%, 35% lực lượng lao động": respectively, one comparator for all.
      const respectively = cands.length > 1 && /lần lượt/u.test(text.slice(ca, cands[0]!.tok.start));
      let carry: Comparator | null = null;
      const clauseFirst = targets.length;
      let prevChosen: (typeof chosen)[number] | null = null;
      for (const x of chosen) {
        const c = x.c;
        const before = prevChosen;
        prevChosen = x;
        let cmp: Comparator = c.explicit ?? '=';
        if (c.explicit && c.explicit !== '=') carry = x.side === 'right' || respectively ? c.explicit : null;
        else if (!c.explicit && carry && (x.side === 'right' || respectively) && !repeated) {
          cmp = carry;
          if ((cmp === '>' || cmp === '>=') && c.tok.value === 100 && c.tok.unit === '%') cmp = '=';
        } else if (c.explicit === '=') carry = null;
        // "100% huyện, thành phố duy trì đạt chuẩn …": the item's own verb is "duy trì".
        if (cmp === '=' && x.side === 'right' && /^duy tri\b/.test(VERB.exec(foldText(text.slice(c.tok.unitEnd, x.span[1])))?.[0] ?? '')) cmp = 'maintain';
        // A change: the comparator read so far qualifies it ("giảm từ 0,5% trở lên").
        let qualifier: Comparator | undefined;
        if (c.changeVerb) {
          if (cmp !== '=' && cmp !== 'maintain') qualifier = cmp;
          cmp = c.changeVerb === 'reduce' ? 'reduce_by' : 'increase_by';
        }
        const perYearUnit = (u: string) => (c.changeVerb && c.perYear && !/\/\s*năm$/u.test(u) ? `${u}/năm` : u);
        const q = qualifier ? { qualifier } : {};
        // "đạt 70% năm 2025, 85% năm 2030": a value with its own year right after the previous
        // one's continues its indicator (its comparator too, when it has none).
        const ownYear = yearAfter(text, c.tok, cb);
        const prevT = targets.length > clauseFirst ? targets[targets.length - 1]! : null;
        // "… đạt 95% năm 2025; 100% năm 2030;": a clause after ";" that is only a value and its
        // year continues the indicator of the value that ends the clause before.
        const lastT = targets.length ? targets[targets.length - 1]! : null;
        const afterSemicolon =
          !before &&
          !x.m &&
          lastT !== null &&
          ownYear !== null &&
          /^\s*(?:(?:vào\s+|đến\s+|trong\s+)?năm\s+\d{4})?\s*;\s*$/u.test(text.slice(lastT.end, c.cmpStart)) &&
          /^\s*(?:%\s*)?(?:(?:vào\s+|đến\s+|trong\s+)?năm\s+\d{4})\s*(?:[;.]|$)/u.test(text.slice(c.tok.unitEnd, c.tok.unitEnd + 24));
        if (afterSemicolon) {
          const yEnd = c.tok.unitEnd + /^\s*(?:(?:vào\s+|đến\s+|trong\s+)?năm\s+\d{4})/u.exec(text.slice(c.tok.unitEnd))![0].length;
          targets.push({
            ...lastT!,
            comparator: c.explicit ? cmp : lastT!.comparator,
            ...(c.explicit ? q : {}),
            value: c.tok.value,
            year: ownYear,
            start: c.cmpStart,
            end: yEnd,
            shared: false,
          });
          continue;
        }
        if (
          !x.m &&
          before &&
          prevT &&
          ownYear !== null &&
          /^\s*(?:\/\s*(?:1\.000|10\.000|100\.000|1 vạn)(?!\d)(?:\s*(?:dân số|dân|người|trẻ em|trẻ đẻ sống))?\s*)?(?:(?:vào\s+|đến\s+|trong\s+)?năm\s+\d{4})?\s*(?:,|;|và|,\s*và)?\s*$/u.test(
            text.slice(before.c.tok.unitEnd, c.cmpStart),
          )
        ) {
          const yEnd =
            c.tok.unitEnd +
            /^\s*(?:%\s*)?(?:dân số\s+)?(?:\/\s*(?:1\.000|10\.000|100\.000|1 vạn)(?!\d)(?:\s*(?:dân số|dân|người|trẻ em|trẻ đẻ sống))?\s*)?(?:trở lên\s*)?(?:vào\s+|trong\s+|đến\s+)?(?:các\s+)?năm\s+\d{4}(?:\s*(?:,|và)\s*\d{4}(?!\d))*/u.exec(
              text.slice(c.tok.unitEnd),
            )![0].length;
          targets.push({
            ...prevT,
            comparator: c.explicit ? cmp : prevT.comparator,
            ...(c.explicit ? q : {}),
            value: c.tok.value,
            year: ownYear,
            start: c.cmpStart,
            end: yEnd,
            shared: false,
          });
          continue;
        }
        // "thành thị là 95-100%, nông thôn là 93-95%", "nam 60%, nữ 55%": a short label after a
        // comma names a group of the indicator before it.
        // (After the value's "/năm" or "trở lên", which stay with it.)
        const label = before && prevT ? text.slice(before.c.tok.unitEnd, c.cmpStart).replace(/^(?:\s*(?:\/\s*năm|trở lên))+/u, '') : '';
        // "…dưới 19%, riêng vùng miền núi dưới 25,5%", "giảm 2%/năm (riêng các xã đặc biệt khó khăn
        // giảm 4%/năm)", "…, các huyện nghèo giảm từ 4%/năm trở lên": a target of the same
        // indicator for a named group of units.
        const groupOf =
          /^\s*[,;(]?\s*riêng\s+(?:(?:tại|ở|đối với)\s+)?([^,;()]{2,80}?)\s*(?:là|đạt|còn|giảm|tăng)?\s*$/u.exec(label) ??
          /^\s*[,;]\s*((?:các|những)\s+(?:xã|phường|huyện|tỉnh|thôn|bản|vùng|địa phương)\s[^,;()]{1,60}?)\s*(?:là|đạt|còn|giảm|tăng)?\s*$/u.exec(label);
        // (", đạt trên 2 tỷ đồng vào năm 2030" after "tăng bình quân 30%/năm": a verb alone names no
        // group; the value is the head's own, in its own unit.)
        const shortLabel =
          /^\s*[,;]\s*(?:\p{L}+\s+){0,2}\p{L}+\s*(?:là|đạt)?\s*$/u.test(label) &&
          !/^\s*[,;]\s*(?:là|đạt)\s*$/u.test(label) &&
          !VERB.test(foldText(label.replace(/\s(?:là|đạt)\s*$/u, ''))) &&
          !NAME_HEAD.test(label);
        NAME_HEAD.lastIndex = 0;
        // ("riêng …" names who, never what: it continues the indicator even when its words match another.)
        // "giảm từ 30% năm 2020 xuống dưới 12% năm 2025": where it comes down to is the same indicator.
        const pathLabel =
          before !== null &&
          /^\s*(?:dân số\s+)?(?:\(?\s*(?:vào |cuối )?năm \d{4}\s*\)?)?\s*,?\s*(?:xuống|lên)(?:\s+còn)?\s*$/u.test(
            text.slice(before.c.tok.unitEnd, c.tok.start).replace(/(?:dưới|trên|mức|còn)\s*$/u, ''),
          ) &&
          /từ\s*$/u.test(text.slice(Math.max(0, before?.c.tok.start ?? 0) - 6, before?.c.tok.start ?? 0));
        if (prevT && (pathLabel || (groupOf && /riêng/u.test(label)) || (!x.m && (groupOf || shortLabel)))) {
          const a = trimSpan(text, c.cmpStart - label.length, c.cmpStart)[0];
          const group = groupOf && !pathLabel ? { group: groupOf[1]!.trim() } : {};
          targets.push({
            ...prevT,
            ...group,
            comparator: c.explicit || c.rangeLower || c.changeVerb ? cmp : prevT.comparator,
            ...(c.explicit ? q : {}),
            value: c.tok.value,
            year: yearAfter(text, c.tok, cb) ?? prevT.year,
            start: a,
            end: c.tok.unitEnd,
            shared: false,
          });
          continue;
        }
        NAME_HEAD.lastIndex = 0;
        if (!x.m && prevT && bracketed(text, c)) {
          const unit = c.tok.unit === '%' ? '%' : prevT.unit;
          const proposed: ProposedIndicator = {
            name: prevT.indicatorName,
            unit,
            kind: unit === '%' ? 'rate' : (prevT.proposed?.kind ?? 'count'),
            direction: prevT.proposed?.direction ?? 'increase',
          };
          targets.push({
            indicatorCode: null,
            proposed,
            indicatorName: proposed.name,
            comparator: cmp,
            ...q,
            value: c.tok.value,
            unit,
            year: prevT.year,
            start: trimSpan(text, c.cmpStart, c.tok.unitEnd)[0],
            end: c.tok.unitEnd,
            strive: prevT.strive,
            shared: false,
            confidence: 0,
          });
          continue;
        }
        if (!x.m) {
          const p = proposeIndicator(text, c, trimSpan(text, c.left[0], c.left[1]), trimSpan(text, c.right[0], c.right[1]), cmp);
          if (!p) {
            unmatched.push({ code: 'no_indicator', reason: UNMATCHED_REASONS.no_indicator.vi, start: x.span[0], end: x.span[1], value: c.tok.value });
            continue;
          }
          targets.push({
            indicatorCode: null,
            proposed: p.proposed,
            indicatorName: p.proposed.name,
            comparator: cmp,
            ...q,
            value: p.value,
            unit: perYearUnit(p.proposed.unit),
            year: yearAfter(text, c.tok, cb) ?? yearOf(c.tok) ?? laterYear(c.tok) ?? year,
            start: p.start,
            end: p.end,
            strive: c.strive,
            shared: false,
            confidence: 0,
          });
          continue;
        }
        const unit = perYearUnit(matcher.unitOf(x.m.code) ?? c.tok.unit ?? '');
        targets.push({
          indicatorCode: x.m.code,
          indicatorName: matcher.nameOf(x.m.code) ?? x.m.code,
          comparator: cmp,
          ...q,
          value: c.tok.value,
          unit,
          year: yearAfter(text, c.tok, cb) ?? yearOf(c.tok) ?? laterYear(c.tok) ?? year,
          start: x.span[0],
          end: x.span[1],
          strive: c.strive,
          shared: false,
          confidence: round(x.m.coverage),
        });
        // Items without a number of their own that share this one.
        if (x === chosen[chosen.length - 1] && x.side === 'right') {
          const used = new Set([x.m.code]);
          const ownEnd = x.span[1];
          for (const [a, b] of lastParts) {
            if (a < ownEnd) continue;
            const itemText = text.slice(a, b);
            const f = foldText(itemText);
            const vm = VERB.exec(f);
            if (syllables(vm && vm.index > 0 ? f.slice(0, vm.index) : itemText).length > 6) continue;
            const ctx = vm ? itemText : itemText + ' ' + pred;
            const mm = best(ctx, c.units, vm ? undefined : itemText, c.change);
            if (!mm || used.has(mm.code) || mm.coverage < 0.75 || mm.matched.length < 3) continue;
            // The item continues the main one when the main indicator's phrase already covers
            // its head (the words before its verb): "lương hưu, BHXH hằng tháng và trợ cấp …".
            const headSy = syllables(vm && vm.index > 0 ? f.slice(0, vm.index) : itemText);
            const headGrams = bigrams(headSy);
            const covered = headGrams.filter((g) => x.m!.matched.includes(g)).length;
            if (headGrams.length && covered / headGrams.length >= 0.5) continue;
            used.add(mm.code);
            targets.push({
              indicatorCode: mm.code,
              indicatorName: matcher.nameOf(mm.code) ?? mm.code,
              comparator: cmp,
              value: c.tok.value,
              unit: matcher.unitOf(mm.code) ?? unit,
              year,
              start: a,
              end: b,
              strive: c.strive,
              shared: true,
              confidence: round(mm.coverage),
            });
          }
        }
      }

      // Levels: inside a chosen phrase of a rate target they are part of the indicator's name;
      // on their own ("đạt chuẩn phổ cập giáo dục tiểu học mức độ 3") they are level targets.
      let prevEnd = ca;
      for (const c of levels) {
        const inside = chosen.find(
          (x) => x.m && x.c.tok.unit === '%' && c.tok.start >= x.span[0] && c.tok.start < Math.max(x.span[1], x.side === 'right' ? x.c.right[1] : x.span[1]),
        );
        if (inside) {
          const s = /(?:đạt\s+)?(?:mức độ|cấp độ|mức|nhóm)\s*$/u.exec(text.slice(ca, c.tok.start));
          unmatched.push({
            code: 'level_in_name',
            reason: UNMATCHED_REASONS.level_in_name.vi,
            start: s ? c.tok.start - s[0].length + (s[0].startsWith('đạt') ? 4 : 0) : c.tok.start,
            end: c.tok.end,
            value: c.tok.value,
          });
          continue;
        }
        let a = prevEnd;
        const seg = text.slice(a, c.tok.start);
        const cut = [...seg.matchAll(/,|\s(?:và|hoặc)\s/gu)].pop();
        const mFull = best(seg, c.units);
        const mCut = cut ? best(seg.slice(cut.index + cut[0].length), c.units) : null;
        let m = mFull;
        if (mCut && (!mFull || mCut.code !== mFull.code || mCut.score >= mFull.score * 0.8)) {
          m = mCut;
          a += cut!.index + cut![0].length;
        }
        const paren = text[c.tok.end] === ')' && text.lastIndexOf('(', c.tok.start) > a ? 1 : 0;
        const span = trimSpan(text, a, c.tok.end + paren);
        prevEnd = c.tok.end;
        if (!m) {
          unmatched.push({ code: 'no_indicator', reason: UNMATCHED_REASONS.no_indicator.vi, start: span[0], end: span[1], value: c.tok.value });
          continue;
        }
        const cmp = c.explicit ?? '=';
        targets.push({
          indicatorCode: m.code,
          indicatorName: matcher.nameOf(m.code) ?? m.code,
          comparator: cmp,
          value: c.tok.value,
          unit: matcher.unitOf(m.code) ?? c.level!,
          year,
          start: span[0],
          end: span[1],
          strive: c.strive,
          shared: false,
          confidence: round(m.coverage),
        });
      }
    }
  }
  targets.sort((a, b) => a.start - b.start);
  unmatched.sort((a, b) => a.start - b.start);
  return { targets, unmatched };
}

/** Is the candidate's value written in brackets, "(ít nhất 31%)"? */
function bracketed(text: string, c: Candidate): boolean {
  // (The comparator words may start at the bracket itself: "(ít nhất".)
  return (
    (text[c.cmpStart] === '(' || /\(\s*$/u.test(text.slice(Math.max(0, c.cmpStart - 3), c.cmpStart))) &&
    /^\s*\)/u.test(text.slice(c.tok.unitEnd, c.tok.unitEnd + 3))
  );
}

/** A year written right after the value is its own: "đạt 70% năm 2025, 85% năm 2030", "trên 70% vào năm 2015", "2,7% dân số năm 2016". */
function yearAfter(text: string, t: NumberToken, clauseEnd: number): number | null {
  // "85% vào các năm 2015, 2020": a value to reach by the first year and keep at the last; the
  // target is the last one's.
  const m =
    /^\s*(?:%\s*)?(?:\/\s*(?:1\.000|10\.000|100\.000|1 vạn)(?!\d)(?:\s*(?:dân số|dân|người|trẻ em|trẻ đẻ sống))?\s*)?(?:trở lên\s*)?(?:vào\s+|trong\s+|đến\s+)?(?:các\s+)?năm\s+((?:19|20)\d\d)(?!\d|\s*[-–]\s*\d)((?:\s*(?:,|và)\s*(?:19|20)\d\d(?!\d))*)/u.exec(
      text.slice(t.unitEnd, Math.min(clauseEnd, t.unitEnd + 40)),
    );
  if (!m) return null;
  const more = m[2] ? [...m[2].matchAll(/\d{4}/gu)].map((x) => Number(x[0])) : [];
  return more.length ? more[more.length - 1]! : Number(m[1]);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A quantity with its comparator read from the words before (and "trở lên" after) it. */
function candidate(
  text: string,
  clauseStart: number,
  t: NumberToken,
  fBefore: string,
  u: NumberToken,
  perCapita: string | null,
  prevChange: 'reduce' | 'increase' | null = null,
): Candidate {
  let explicit: Comparator | null = null;
  let cmpWord: string | null = null;
  let cmpStart = t.start;
  const strive = STRIVE.test(fBefore);
  let f = fBefore.replace(STRIVE, '').trimEnd();
  const change =
    /(?:^|\s)(?:giam|tang|nang)(?: them)?(?: binh quan)?(?: moi nam| hang nam)?(?: tu| khoang| tren| it nhat| toi thieu)?$/.test(f) ||
    /^\s*%?\s*\/\s*năm/u.test(text.slice(u.unitEnd, u.unitEnd + 8));
  const hadFiller = FILLER_END.test(' ' + f);
  f = (' ' + f).replace(FILLER_END, '').trimStart();
  for (const [re, c] of CMP_BEFORE) {
    const m = re.exec(f);
    // A comparator is a word of its own: "nông thôn là 93%" ends in "thôn", not in "hơn".
    if (m && (m.index === 0 || f[m.index - 1] === ' ')) {
      explicit = c;
      cmpWord = m[0];
      break;
    }
  }
  // "<2%", "≤ 5%", "≥95%": a comparator written as a sign (folding drops it).
  const sign = /([<>≤≥]|&lt;|&gt;)\s*$/u.exec(text.slice(Math.max(clauseStart, t.start - 6), t.start));
  if (sign && !explicit) {
    explicit = ({ '<': '<', '&lt;': '<', '>': '>', '&gt;': '>', '≤': '<=', '≥': '>=' } as Record<string, Comparator>)[sign[1]!]!;
    cmpWord = sign[1]!;
  }
  if (!explicit && hadFiller) {
    explicit = '=';
    cmpWord = null;
  }
  // Where the comparator words start in the text: count the folded syllables back.
  const words = (cmpWord ?? '') + (hadFiller ? ' x' : '');
  const back = words.trim() ? words.trim().split(/\s+/).length : 0;
  if (back) {
    const before = text.slice(clauseStart, t.start);
    const parts = [...before.matchAll(/\S+/g)];
    const first = parts[Math.max(0, parts.length - back)];
    if (first) cmpStart = clauseStart + first.index;
  }
  // "… trở lên" after the number, or after its written unit ("từ 63 triệu đồng trở lên").
  const wu = WRITTEN_UNIT.exec(text.slice(t.end, t.end + 40));
  const afterStart = Math.max(u.unitEnd, wu ? t.end + wu[0].length : 0);
  const after = text.slice(afterStart, u.unitEnd + 54);
  if (/^\s*trở lên/u.test(after)) {
    // "duy trì đạt từ 98,4% trở lên": kept at or above, at least.
    explicit = explicit && explicit !== '=' && explicit !== 'maintain' ? explicit : '>=';
    cmpWord = cmpWord ?? 'tro len';
  } else if (/^\s*trở xuống/u.test(after)) {
    explicit = '<=';
    cmpWord = cmpWord ?? 'tro xuong';
  }
  const tok: NumberToken = {
    ...t,
    unit: u.unit,
    unitEnd: /^\s*trở (?:lên|xuống)/u.test(after) ? afterStart + /^\s*trở (?:lên|xuống)/u.exec(after)![0].length : u.unitEnd,
  };
  const { verb: changeVerb, perYear, maintain } = changeOf(text, clauseStart, t, u, prevChange);
  if (maintain && (explicit === null || explicit === '=')) explicit = 'maintain';
  // "36 triệu đồng/năm", "75.000 tỷ đồng": an amount of money is never a count of persons or
  // households, whatever the words around it ("… đạt 36 triệu đồng/năm, giải quyết việc làm").
  const money = wu !== null && /đồng|USD|^[ ]?(?:tỷ|triệu)$/u.test(wu[1]!);
  // "giảm từ 30% năm 2020 xuống dưới 12%": where a path starts is a level of the indicator, no change
  // ("tăng từ 2,7% dân số năm 2016 lên 4,5%": a share of the population says so between).
  const pathStart = /^\s*(?:dân số\s+)?(?:\(?\s*(?:vào |cuối )?năm \d{4}\s*\)?\s*)?,?\s*(?:xuống|lên)(?![\p{L}])/u.test(text.slice(u.unitEnd, u.unitEnd + 30));
  return {
    tok,
    level: null,
    cmpStart,
    explicit,
    cmpWord,
    strive,
    // "tăng 3,5 lần": a multiple is no count either (of households or persons).
    units: money ? ['money'] : wu !== null && wu[1] === 'lần' ? ['multiple'] : unitsFor(u, perCapita),
    rangeLower: false,
    change: change && !changeVerb && !pathStart,
    changeVerb,
    perYear,
    left: [0, 0],
    right: [0, 0],
  };
}

// The verbs that govern a number, on folded text; the last one before the number decides. A
// noun made with "tăng"/"giảm" (tăng trưởng, tăng cường, tốc độ tăng, tỷ lệ tăng dân số, tỷ lệ
// giảm nghèo) is not a verb of change.
const GOVERNING = /(?<![\p{L}])(?:giam|ha|tang them|tang|co them|xay dung them|nang|xuong con|xuong|con|len|dat|duy tri(?: o muc)?|chiem|gap)(?![\p{L}])/gu;

/**
 * Is the number a change rather than a level? "giảm tỷ lệ hộ nghèo đa chiều trên 4%", "tỷ lệ hộ
 * nghèo giảm từ 0,5% trở lên", "giảm bình quân 2%/năm" are reductions; "tăng thêm 7 xã", "tăng
 * 10,66% so với năm 2025", "tăng ít nhất 1,5 lần so với năm 2020" are increases. "giảm … xuống còn
 * 3%" and "đạt 3%" state a level; "giảm từ 30% xuống 12%": 30 is where it starts, not a change;
 * "công nghiệp tăng 18,4%" (a growth rate, nothing to compare with) stays a level.
 */
function changeOf(
  text: string,
  clauseStart: number,
  t: NumberToken,
  u: NumberToken,
  prev: 'reduce' | 'increase' | null,
): { verb: 'reduce' | 'increase' | null; perYear: boolean; maintain?: boolean } {
  let before = text.slice(Math.max(clauseStart, t.start - 90), t.start);
  // Only the words since the previous quantity (a year stays: "năm 2023 giảm 7,3%").
  // Any other number ends the words that govern this one ("… dưới 5 tuổi vào kế hoạch, 80% tỉnh").
  before = before.replace(/((?:năm|giai đoạn)\s+)\d{4}(?:\s*[-–]\s*\d{4})?/gu, '$1X').replace(/^.*\d(?:[.,]\d+)?\s*(?:%|‰)?/su, '');
  const f = foldText(before).replace(/tro (?:len|xuong)/g, ' ');
  const after = text.slice(u.unitEnd, u.unitEnd + 40);
  const fAfter = foldText(after);
  const perYear =
    /^\s*%?\s*(?:trở lên\s*)?(?:\/\s*năm|mỗi năm|hằng năm|hàng năm)/u.test(text.slice(u.unitEnd, u.unitEnd + 16)) ||
    /(?:(?:giam|tang|tang them|nang|ha)(?: ty le [\p{L} ]{0,40})? binh quan(?! dau nguoi)|moi nam|hang nam|binh quan\s*(?:tu|tren|khoang)?\s*$)/u.test(f);
  // The last verb that is no noun ("tốc độ tăng trưởng", "tỷ lệ giảm nghèo" are nouns).
  let last: RegExpExecArray | null = null;
  for (const m of f.matchAll(GOVERNING)) {
    const noun =
      /^tang (?:truong|cuong|dan so|gia|nang suat)\b/.test(f.slice(m.index)) ||
      (/^giam ngheo\b/.test(f.slice(m.index)) && /ty le $/.test(f.slice(Math.max(0, m.index - 6), m.index))) ||
      (m[0] === 'tang' && /(?:toc do|ty le|muc|chi so) $/.test(f.slice(Math.max(0, m.index - 8), m.index)));
    if (!noun) last = m;
  }
  // An item of an enumeration without a verb of its own keeps the change before it: "giảm tỷ lệ
  // hộ nghèo 6%/năm trở lên, hộ cận nghèo 1,3%/năm trở lên".
  // (Not an item with a level comparator of its own: "…; tỷ lệ trẻ … dưới 8%" is a level.)
  if (!last) return { verb: prev && !VERB.test(f) && !/(?:^|\s)(?:duoi|tren|hon|khong qua|toi da|khoang)\s*$/u.test(f) ? prev : null, perYear };
  // "giảm tỷ lệ trẻ em bị xâm hại so với năm 2024 và 100% trẻ em …": a change with no figure,
  // closed by its baseline, governs no value after it.
  if (/so voi (?:cung ky|nam x)\s*(?:,|;|va)\s*$/iu.test(f.slice(last.index))) return { verb: null, perYear };
  // "giảm dưới 0,5%", "giảm xuống không quá 3%": the level it comes down to.
  if (/(?:duoi|khong qua|toi da)\s*$/.test(f)) return { verb: null, perYear };
  // "giảm từ 30% xuống (còn) 12%": the first number is the start.
  if (/^\s*(?:%|‰)?\s*(?:trở lên\s*)?(?:\(?\s*năm \d{4}\s*\)?\s*)?(?:xuống|còn|về)/u.test(after)) return { verb: null, perYear };
  const w = last[0];
  // "Duy trì tốc độ tăng trưởng bình quân … là 7,82%": the level is to be kept.
  if (w.startsWith('duy tri')) return { verb: null, perYear, maintain: true };
  if (w === 'giam' || w === 'ha') return { verb: 'reduce', perYear };
  // "tăng thêm 7 xã", "có thêm 5 xã đạt chuẩn": more of them, an increase.
  if (w === 'tang them' || w === 'co them' || w === 'xay dung them') return { verb: 'increase', perYear };
  if ((w === 'tang' || w === 'nang') && /^\s*(?:%|lan)?\s*(?:[\p{L}\s]{0,12})?so voi/u.test(fAfter)) return { verb: 'increase', perYear };
  // "thu nhập … của các hộ nghèo tăng 3,5 lần", "gấp 2,5 - 3 lần so với năm 2020": a multiple is
  // a change whatever follows it (a level is never counted in "lần").
  if ((w === 'tang' || w === 'nang' || w === 'gap') && (u.unit === 'lần' || /^\s*(?:[-–]\s*[\d.,]+\s*)?lần(?![\p{L}])/u.test(text.slice(t.end, t.end + 16))))
    return { verb: 'increase', perYear };
  return { verb: null, perYear };
}

// ---- targets of indicators the catalogue lacks ------------------------------------------------

// The unit written after a number, when the catalogue gives none: money ("tỷ đồng", "triệu
// đồng/người/năm", "USD"), area and mass ("ha", "tấn"), rates ("%", "‰") and counted nouns.
const WRITTEN_UNIT =
  /^[ ]?((?:nghìn |ngàn )?(?:tỷ|triệu|nghìn|ngàn)[ ]?(?:đồng|USD)|(?:tỷ|triệu)(?=[ ]*(?:[.;,)]|$))|đồng(?![ ]chí)|USD|%|‰|ha|héc-ta|tấn|km|lần|người|lao động|hộ|xã|phường|thị trấn|thôn|bản|tổ dân phố|khu dân cư|trường(?! hợp)|trường hợp|cơ sở|doanh nghiệp|hợp tác xã|tiêu chí|đảng viên|chi bộ|tổ chức cơ sở đảng|trẻ em|học sinh|giường|bác sĩ|lượt|căn|nhà|công trình|sản phẩm|câu lạc bộ|CLB|đối tượng|gia đình|huyện|tỉnh|đơn vị)(?![\p{L}])((?:[ ]?\/[ ]?(?:người|hộ|ha|năm|tháng|xã)(?![\p{L}])){0,3})/u;
// Words that open an indicator phrase: the name starts at the first of them after the last comma.
const NAME_HEAD =
  /(?:^|\s)(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|tốc độ|tỷ suất|số lượng|số|tổng|thu nhập|giá trị|sản lượng|diện tích|tuổi thọ|mức|GRDP|GDP|thu ngân sách|vốn đầu tư)(?=\s|$)/giu;
const NAME_LEAD = /^(?:(?:và|hoặc|trong đó|riêng|có|phấn đấu|cụ thể|theo đó|đồng thời|đến|cuối|năm|giai đoạn|nhiệm kỳ|\d{4}|[-–])(?:\s+|$))+/iu;
// ("hạ" folds to "ha", the hectare: only "hạ thấp" counts.)
const DECREASE = /\b(?:giam|ha thap|xuong|con duoi|khong qua|toi da|ngheo|tu vong|suy dinh duong|that nghiep|tai nan|sinh con thu ba|mac moi|o nhiem)\b/;

/** A target for an indicator the catalogue lacks, or null when the number does not read as one. */
function proposeIndicator(
  text: string,
  c: Candidate,
  L: [number, number],
  R: [number, number],
  cmp: Comparator,
): { proposed: ProposedIndicator; value: number; start: number; end: number } | null {
  const t = c.tok;
  const from = c.unitFrom ?? t.end;
  const wm = WRITTEN_UNIT.exec(text.slice(from, from + 40));
  let unit = wm ? (wm[1]! + (wm[2] ?? '')).replace(/\s*\/\s*/g, '/') : '';
  if (t.unit === '%' && !unit) unit = '%';
  // "xuống 550/100.000 trẻ em vào năm 2025", "16/100.000 trẻ đẻ sống": a rate per a round base.
  const base = /^\s*\/\s*(1\.000|10\.000|100\.000|1 vạn)(?!\d)/u.exec(text.slice(t.end, t.end + 14));
  if (base && !unit) unit = `per_${base[1] === '1 vạn' ? 10000 : parseNumberVi(base[1]!)}`;
  // "thời gian sống khoẻ mạnh đạt tối thiểu 67 năm": a number of years.
  if (t.unit === 'năm' && !unit) unit = 'năm';
  // "thu nhập bình quân đạt 72 triệu": a bare "triệu"/"tỷ" at the end of the clause is money.
  if (/^(?:tỷ|triệu)$/u.test(unit)) unit = `${unit} đồng`;
  const money = /đồng|USD/u.test(unit);
  // "4.862 tỷ đồng" is 4862 of the unit "tỷ đồng"; "2,5 nghìn lao động" stays 2500 persons.
  const value = money ? parseNumberVi(t.raw) : t.value;
  const numEnd = (wm && /^[ ]?(?:nghìn|ngàn|tỷ|triệu)/u.test(wm[0])) || money || (wm && !/^(?:%)$/.test(wm[1]!)) ? from + (wm ? wm[0].length : 0) : t.unitEnd;
  const unitEnd = Math.max(numEnd, t.unitEnd);
  // The name: the words on the left (from the last head word, else the last comma), else the
  // item's own words on the right ("70% người cao tuổi được khám sức khỏe định kỳ").
  let [la, lb] = L;
  const left = text.slice(la, lb);
  // "… trong GDP", "… của tổng số": a head word after a preposition is inside the name.
  // A head word that ends the words ("Kinh tế số đạt khoảng 20% GDP") is no head: it names nothing.
  const heads = [...left.matchAll(NAME_HEAD)].filter(
    (h) =>
      !/(?:trong|của|so với|trên)\s*$/iu.test(left.slice(0, h.index! + 1)) &&
      /\p{L}/u.test(left.slice(h.index! + h[0].length).replace(/(?:^|\s)(?:đạt|là|bằng|còn|lên|xuống|ở mức)(?=\s|$)/gu, ' ')),
  );
  // (A bracket closed again inside the name is part of it: "cân nặng sơ sinh thấp (dưới 2.500 gram)".)
  const open = left.lastIndexOf('(');
  const comma = Math.max(left.lastIndexOf(','), open >= 0 && !left.includes(')', open) ? open : -1);
  // The first head word after the last comma ("tổng vốn đầu tư", not "vốn đầu tư").
  let head = heads.find((h) => h.index! > comma)?.index ?? -1;
  // "Tỷ lệ thôn, bản có …", "Tỷ trọng công nghiệp chế biến, chế tạo …": with no head word after
  // the comma, the comma is inside the name when the words from the last head to it have no verb.
  const lastHead = [...heads].reverse().find((h) => h.index! < comma);
  if (head < 0 && lastHead && !VERB.test(foldText(left.slice(lastHead.index!, comma))) && !/\d/.test(left.slice(lastHead.index!))) head = lastHead.index!;
  // "thu nhập bình quân đầu người tại huyện tăng so với năm 2022, đạt trên 30 triệu": nothing but
  // a verb after the comma; the name is the head's before it.
  if (head < 0 && lastHead && comma >= 0 && !/\p{L}{2,}/u.test(left.slice(comma + 1).replace(/(?:^|\s)(?:đạt|là|và|còn|lên|xuống)(?=\s|$)/gu, ' ')))
    head = lastHead.index!;
  if (head >= 0) la += head;
  else if (comma >= 0) la += comma + 1;
  [la, lb] = trimSpan(text, la, lb);
  const lead = NAME_LEAD.exec(text.slice(la, lb));
  if (lead) la += lead[0].length;
  const leftName = cleanName(text.slice(la, lb));
  let rc = text.slice(R[0], R[1]).search(/,(?![^(]*\))/);
  // "100% tỉnh, thành phố có bố trí ngân sách …": one word before the comma is a list of units
  // that the words after it go on to describe.
  if (
    rc > 0 &&
    text
      .slice(unitEnd, R[0] + rc)
      .trim()
      .split(/\s+/u)
      .filter((w) => /\p{L}/u.test(w)).length < 2
  )
    rc = -1;
  const rb = rc > 0 ? R[0] + rc : R[1];
  const rightName = cleanName(text.slice(unitEnd, rb));
  const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  let name: string;
  let start: number;
  let end: number;
  // A crop or product table row names its item in one word: "Lúa 507 ha", "Ngô: 20 ha".
  const minLeft = /^(?:ha|héc-ta|tấn)$/u.test(unit) && !/^(?:đạt|là|còn|tăng|giảm)$/iu.test(leftName) ? 1 : 2;
  if (words(leftName) >= minLeft && (words(leftName) <= 16 || words(rightName) < 2)) {
    name = leftName;
    start = la;
    end = unitEnd;
  } else if (words(rightName) >= 2) {
    name = rightName;
    start = c.cmpStart;
    end = trimSpan(text, unitEnd, rb)[1];
  } else return null;
  if (words(name) > 16) name = name.split(/\s+/).slice(-16).join(' ');
  // A bare number needs an indicator word to be a target ("Số bác sĩ …: 15").
  if (!unit && !/^(?:tỷ lệ|tỉ lệ|tỷ suất|số|tổng|thu nhập|giá trị|sản lượng|diện tích|tuổi thọ|mức)/iu.test(name)) return null;
  const noun = unit && !money && !/^(?:%|‰|ha|héc-ta|tấn|km|lần|năm|per_)/u.test(unit) ? unit.replace(/\/.*$/, '') : '';
  // "12 câu lạc bộ dưỡng sinh": the counted noun is the head of the name.
  if (noun && name === rightName) name = `${noun} ${name}`;
  else if (noun && !name.toLowerCase().includes(noun.toLowerCase()) && !/^(?:tỷ lệ|tỉ lệ)/iu.test(name)) name = `${name} (${noun})`;
  const kind: ProposedIndicator['kind'] =
    unit === '%' || unit === '‰' || unit.startsWith('per_') || /^(?:tỷ lệ|tỉ lệ|tỷ suất)/iu.test(name) ? 'rate' : c.level ? 'level' : 'count';
  const f = foldText(`${name} ${text.slice(Math.max(L[0], c.cmpStart - 20), c.cmpStart)}`);
  const direction: ProposedIndicator['direction'] = cmp === 'maintain' ? 'maintain' : cmp === '<' || cmp === '<=' || DECREASE.test(f) ? 'decrease' : 'increase';
  return { proposed: { name, unit, kind, direction }, value, start, end };
}

function cleanName(s: string): string {
  // (Twice: "… so với năm 2022, đạt" loses the verb, then the comma.)
  const once = (x: string) =>
    x
      .replace(/\s+/g, ' ')
      .replace(/^[\s,;:.\-–(]+|[\s,;:.\-–(]+$/g, '')
      .replace(/\s+(?:đạt|là|được|ở mức|đạt mức|ở|bằng|giảm còn|xuống còn|còn|giảm|tăng|lên|xuống)$/iu, '')
      .trim();
  return once(once(s));
}
