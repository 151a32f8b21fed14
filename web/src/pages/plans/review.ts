// The review of an extracted plan, without the DOM: the document cut into segments at every
// span boundary (so overlapping targets and unmatched numbers can all be highlighted), numbers
// typed the Vietnamese way, a target guessed from a passage the officer selects, and the body
// POST /api/plans takes (each target confirmed, corrected or added; removed ones listed).
// Pure, tested in test/web/plan-review.test.ts.

import { parseNumber } from '../../i18n/format.ts';
import type { ExtractionView, PlanBody } from '../../../../src/plans/schemas.ts';

/** The fields of an extracted target the review works with (the server's response type, not a copy). */
export type ExtractedTarget = Pick<
  ExtractionView['targets'][number],
  'indicatorCode' | 'proposed' | 'indicatorName' | 'comparator' | 'value' | 'unit' | 'year' | 'group' | 'sourceText' | 'start' | 'end'
>;

/** A number the extraction found but could not tie to an indicator (GET/POST /api/plans/extract). */
export type Unmatched = ExtractionView['unmatched'][number];

/** One target row the officer works on. Values are kept as typed until saved. */
export interface Row {
  readonly key: number;
  readonly extracted: ExtractedTarget | null;
  readonly indicatorCode: string;
  readonly comparator: string;
  readonly value: string;
  readonly unit: string;
  readonly year: string;
  readonly sourceText: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly removed: boolean;
}

export type RowStatus = 'confirmed' | 'corrected' | 'added' | 'removed';

/** 99.5 → "99,5" (the way the officer types it back). */
export const valueText = (n: number): string => String(n).replace('.', ',');

export function rowFromExtracted(t: ExtractedTarget, key: number): Row {
  return {
    key,
    extracted: t,
    indicatorCode: t.indicatorCode ?? '',
    comparator: t.comparator,
    value: valueText(t.value),
    unit: t.unit,
    year: t.year === null ? '' : String(t.year),
    sourceText: t.sourceText,
    start: t.start,
    end: t.end,
    removed: false,
  };
}

/** An extracted target that matched no catalogue indicator and is not mapped yet. */
export const isUnmapped = (r: Row): boolean => !r.removed && r.extracted !== null && r.extracted.indicatorCode === null && !r.indicatorCode;

export function rowStatus(r: Row): RowStatus {
  if (r.removed) return 'removed';
  if (!r.extracted) return 'added';
  const e = r.extracted;
  const same =
    r.indicatorCode === (e.indicatorCode ?? '') &&
    r.comparator === e.comparator &&
    parseNumber(r.value) === e.value &&
    r.unit === e.unit &&
    (r.year === '' ? null : Number(r.year)) === e.year;
  return same ? 'confirmed' : 'corrected';
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Keys of the target rows whose span covers this segment. */
  readonly targets: readonly number[];
  /** Indexes of the unmatched spans covering it. */
  readonly unmatched: readonly number[];
}

/** The text cut at every span boundary; each piece knows which targets and unmatched cover it. */
export function segments(length: number, rows: readonly Row[], unmatched: readonly Unmatched[]): Segment[] {
  const live = rows.filter((r) => !r.removed && r.start !== null && r.end !== null && r.end > r.start);
  const cuts = new Set<number>([0, length]);
  for (const r of live) cuts.add(r.start!).add(r.end!);
  for (const u of unmatched) cuts.add(u.start).add(u.end);
  const points = [...cuts].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    out.push({
      start: a,
      end: b,
      targets: live.filter((r) => r.start! <= a && b <= r.end!).map((r) => r.key),
      unmatched: unmatched.flatMap((u, k) => (u.start <= a && b <= u.end ? [k] : [])),
    });
  }
  return out;
}

const CMP_WORDS: [RegExp, string][] = [
  [/duy trì/iu, 'maintain'],
  // A change, not a level ("giảm 1,5%/năm", "tăng thêm 7 xã"; not "giảm xuống còn 3%").
  [/(?:giảm|hạ)\s+(?:bình quân\s+)?(?:từ\s+)?\d/iu, 'reduce_by'],
  [/tăng(?:\s+thêm)?\s+(?:bình quân\s+)?(?:từ\s+)?\d/iu, 'increase_by'],
  [/khoảng/iu, '~'],
  [/(ít nhất|tối thiểu|không dưới|trở lên)/iu, '>='],
  [/(không quá|tối đa)/iu, '<='],
  [/(trên|hơn)\s*$|(trên|hơn)\s+[\d]/iu, '>'],
  [/dưới\s+[\d]/iu, '<'],
];

/** A first guess of a target from the passage the officer selected: value, comparator, unit, year. */
export function guessFromPassage(passage: string, defaultYear: number | null): { comparator: string; value: string; unit: string; year: string } {
  const year = /năm\s+((?:19|20)\d\d)/u.exec(passage);
  // The quantity: the first number that is not the target year.
  const nums = [...passage.matchAll(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g)].filter((m) => !(year && m[0] === year[1]));
  const first = nums[0];
  const after = first ? passage.slice(first.index! + first[0].length) : '';
  const comparator = CMP_WORDS.find(([re]) => re.test(passage))?.[1] ?? '=';
  return {
    comparator,
    value: first ? first[0] : '',
    unit: /^\s*%/.test(after) ? '%' : '',
    year: year ? year[1]! : defaultYear === null ? '' : String(defaultYear),
  };
}

/** A target of the body POST /api/plans takes (src/plans/schemas.ts TargetIn); the comparator as the officer chose it. */
export type TargetBody = Omit<PlanBody['targets'][number], 'comparator' | 'sourceOffset' | 'review' | 'extracted'> & {
  comparator: string;
  sourceOffset: number | null;
  review: NonNullable<PlanBody['targets'][number]['review']>;
  extracted?: ExtractedTarget;
};

/**
 * The targets to save and the extracted ones removed, plus, for each saved target, the row key
 * it came from (to show a server error on the right row). Values not yet numbers stay NaN here:
 * the caller checks them first (`rowProblems`).
 */
export function reviewedTargets(rows: readonly Row[]): { targets: TargetBody[]; removedTargets: ExtractedTarget[]; keys: number[] } {
  const targets: TargetBody[] = [];
  const keys: number[] = [];
  const removedTargets: ExtractedTarget[] = [];
  for (const r of rows) {
    const s = rowStatus(r);
    if (s === 'removed') {
      if (r.extracted) removedTargets.push(r.extracted);
      continue;
    }
    const t: TargetBody = {
      indicatorCode: r.indicatorCode,
      comparator: r.comparator,
      value: parseNumber(r.value) ?? Number.NaN,
      unit: r.unit,
      year: r.year.trim() === '' ? null : Number(r.year),
      sourceText: r.sourceText,
      sourceOffset: r.start,
      review: s,
    };
    // A target for a named group of units ("riêng các xã đặc biệt khó khăn 4%") is saved with it.
    if (r.extracted?.group) t.group = r.extracted.group;
    if (s === 'corrected') t.extracted = r.extracted!;
    targets.push(t);
    keys.push(r.key);
  }
  return { targets, removedTargets, keys };
}

/** Problems the officer must fix before saving, per row key and field. */
export function rowProblems(rows: readonly Row[]): { key: number; field: 'indicatorCode' | 'value' | 'year'; problem: 'required' | 'number' | 'year' }[] {
  const out: ReturnType<typeof rowProblems> = [];
  for (const r of rows) {
    if (r.removed) continue;
    if (!r.indicatorCode) out.push({ key: r.key, field: 'indicatorCode', problem: 'required' });
    if (parseNumber(r.value) === null) out.push({ key: r.key, field: 'value', problem: 'number' });
    if (r.year.trim() !== '' && !/^(19|20|21)\d\d$/.test(r.year.trim())) out.push({ key: r.key, field: 'year', problem: 'year' });
  }
  return out;
}
