// The one definition of how a target compares and which way an indicator is better, shared by
// plan extraction, the plan review page, the cascade check and monitoring progress (issue 16
// item 4). Every module that names a comparator or a direction imports it from here.

/**
 * How a target's value is read (GLOSSARY.md, test/fixtures/corpus/README.md):
 *  - a level: trên/hơn `>`; ít nhất, tối thiểu, từ … trở lên `>=`; dưới `<`; không quá `<=`;
 *    đạt or nothing `=`; khoảng `~`; duy trì `maintain`;
 *  - a change from the baseline: "giảm tỷ lệ hộ nghèo 1,5%/năm" `reduce_by` 1,5, "tăng thêm 7
 *    xã" `increase_by` 7. A change per year has a unit ending in "/năm".
 */
export const COMPARATORS = ['=', '>', '>=', '<', '<=', '~', 'maintain', 'reduce_by', 'increase_by'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const DIRECTIONS = ['higher_better', 'lower_better', 'target_band'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A change from the baseline rather than a level. */
export function isChange(c: Comparator): c is 'reduce_by' | 'increase_by' {
  return c === 'reduce_by' || c === 'increase_by';
}

/** Words of a comparator as the documents and the UI write them. */
export const comparatorWords: Record<Comparator, { vi: string; en: string }> = {
  '>': { vi: 'trên', en: 'above' },
  '>=': { vi: 'từ', en: 'at least' },
  '<': { vi: 'dưới', en: 'below' },
  '<=': { vi: 'không quá', en: 'at most' },
  '=': { vi: 'đạt', en: 'reach' },
  '~': { vi: 'khoảng', en: 'about' },
  maintain: { vi: 'duy trì', en: 'maintain' },
  reduce_by: { vi: 'giảm', en: 'reduce by' },
  increase_by: { vi: 'tăng thêm', en: 'increase by' },
};

/** A short symbol for tables: ≥, ≤, ≈, ⟲ (maintain), ↓ (reduce by), ↑ (increase by). */
export const comparatorSymbols: Record<Comparator, string> = {
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  '=': '=',
  '~': '≈',
  maintain: '⟲',
  reduce_by: '↓',
  increase_by: '↑',
};

/**
 * Units of measure in words (Vietnamese, English): the one wording of the chart's y axis, the
 * indicator catalogue page, the monitoring form and the plan review page.
 */
export const unitWords: Readonly<Record<string, { vi: string; en: string }>> = {
  '%': { vi: '%', en: '%' },
  persons: { vi: 'người', en: 'persons' },
  households: { vi: 'hộ', en: 'households' },
  houses: { vi: 'căn nhà', en: 'houses' },
  m2_per_person: { vi: 'm² sàn/người', en: 'm² floor/person' },
  years: { vi: 'năm', en: 'years' },
  per_10000: { vi: 'trên 10.000 dân', en: 'per 10,000 people' },
  per_100: { vi: 'trên 100 người', en: 'per 100 people' },
  level: { vi: 'mức', en: 'level' },
  group: { vi: 'nhóm', en: 'group' },
  count: { vi: 'số lượng', en: 'count' },
};

export function isComparator(s: string): s is Comparator {
  return (COMPARATORS as readonly string[]).includes(s);
}

/** A unit of a change per year ("%/năm"). */
export function isPerYear(unit: string | null | undefined): boolean {
  return /\/\s*năm$/u.test(unit ?? '');
}

/**
 * The level a change target asks for: from the baseline, minus (reduce_by) or plus
 * (increase_by) the change, times the years from the baseline to the target year when the
 * change is per year. A level target is its own value.
 */
export function levelOfChange(c: Comparator, value: number, baseline: { year: number; value: number }, targetYear: number, perYear: boolean): number {
  if (!isChange(c)) return value;
  const times = perYear ? Math.max(1, targetYear - baseline.year) : 1;
  return c === 'reduce_by' ? baseline.value - value * times : baseline.value + value * times;
}
