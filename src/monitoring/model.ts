// Monitoring vocabulary and the roll-up maths, pure: what an indicator needs for reporting,
// disaggregation keys (DHIS2 category option combos), and how values add up the unit tree.
// Rates are kept as numerator and denominator and divided after summing, never averaged.
import type { Text } from '../kernel/i18n.ts';

export * from './period.ts';

export type Aggregation = 'sum_ratio' | 'sum' | 'weighted_mean' | 'none';
import type { Direction } from '../indicators/vocabulary.ts';
export type { Direction };

/** What monitoring needs to know of a catalogue indicator (src/indicators owns the catalogue). */
export interface IndicatorDef {
  readonly code: string;
  readonly name: Text;
  /** '%', 'per_10000', 'persons', 'households', 'level', 'years', ... */
  readonly unit: string;
  /** 'rate' | 'count' | 'average' | 'level' | 'ratio' | ... */
  readonly kind: string;
  readonly direction: Direction;
  readonly aggregation: Aggregation;
  readonly disaggregations: readonly string[];
  /** numerator/denominator × factor gives the unit (100 for %); from the catalogue, else by unit. */
  readonly factor?: number;
  /**
   * The population the denominator counts (e.g. "households", "children under 5"); indicators
   * that share it must report the same denominator in one form. Null when not shared.
   */
  readonly population?: string | null;
}

/** One reported or aggregated value. Rates carry numerator and denominator; others `value`. */
export interface Cell {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}

/** The indicator's multiplier: the catalogue's factor, else the one its unit implies. */
export function factorFor(ind: Pick<IndicatorDef, 'unit' | 'factor'>): number {
  return ind.factor ?? factorOf(ind.unit);
}

/** The multiplier that turns numerator/denominator into the indicator's unit. */
export function factorOf(unit: string): number {
  if (unit === '%') return 100;
  const m = /^per_(\d+)$/.exec(unit);
  return m ? Number(m[1]) : 1;
}

/** Is the indicator reported as numerator and denominator? */
export function usesRatio(ind: Pick<IndicatorDef, 'aggregation' | 'kind'>): boolean {
  return ind.aggregation === 'sum_ratio' || ind.kind === 'rate' || ind.kind === 'ratio';
}

/** The value a reader sees: factor × numerator / denominator for rates, else the value. */
export function derivedValue(ind: Pick<IndicatorDef, 'aggregation' | 'kind' | 'unit' | 'factor'>, c: Cell): number | null {
  if (usesRatio(ind)) {
    if (c.numerator === null || c.denominator === null) return c.value;
    if (c.denominator === 0) return null;
    return (factorFor(ind) * c.numerator) / c.denominator;
  }
  return c.value;
}

/**
 * Aggregates the cells of several units into one, by the indicator's aggregation rule:
 * - sum_ratio (rates): Σ numerators / Σ denominators, over units that report both;
 * - sum (counts): Σ values;
 * - weighted_mean (averages): Σ(value × denominator) / Σ denominator; the numerator carries
 *   Σ(value × denominator) so that the next level up can keep summing;
 * - none (levels, survey figures): not aggregated (null).
 */
export function aggregateCells(ind: Pick<IndicatorDef, 'aggregation' | 'unit' | 'factor'>, cells: readonly Cell[]): Cell {
  switch (ind.aggregation) {
    case 'sum_ratio': {
      let n = 0;
      let d = 0;
      let any = false;
      for (const c of cells) {
        if (c.numerator === null || c.denominator === null) continue;
        n += c.numerator;
        d += c.denominator;
        any = true;
      }
      if (!any) return { numerator: null, denominator: null, value: null };
      return { numerator: n, denominator: d, value: d === 0 ? null : (factorFor(ind) * n) / d };
    }
    case 'sum': {
      const vs = cells.map((c) => c.value).filter((v): v is number => v !== null);
      return { numerator: null, denominator: null, value: vs.length ? vs.reduce((a, b) => a + b, 0) : null };
    }
    case 'weighted_mean': {
      let wsum = 0;
      let w = 0;
      for (const c of cells) {
        if (c.value === null || c.denominator === null) continue;
        wsum += c.value * c.denominator;
        w += c.denominator;
      }
      if (w === 0) return { numerator: null, denominator: null, value: null };
      return { numerator: wsum, denominator: w, value: wsum / w };
    }
    case 'none':
      return { numerator: null, denominator: null, value: null };
  }
}

/** The categories of each disaggregation the catalogue uses (DHIS2 category options). */
export const disaggregationOptions: Record<string, readonly { code: string; name: Text }[]> = {
  sex: [
    { code: 'male', name: { vi: 'Nam', en: 'Male' } },
    { code: 'female', name: { vi: 'Nữ', en: 'Female' } },
  ],
  ethnicity: [
    { code: 'ethnic_minority', name: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' } },
    { code: 'kinh', name: { vi: 'Dân tộc Kinh', en: 'Kinh' } },
  ],
  area: [
    { code: 'urban', name: { vi: 'Thành thị', en: 'Urban' } },
    { code: 'rural', name: { vi: 'Nông thôn', en: 'Rural' } },
  ],
  age_group: [
    { code: 'under_6', name: { vi: 'Dưới 6 tuổi', en: 'Under 6' } },
    { code: '6_15', name: { vi: 'Từ 6 đến 15 tuổi', en: '6 to 15' } },
    { code: '16_59', name: { vi: 'Từ 16 đến 59 tuổi', en: '16 to 59' } },
    { code: '60_plus', name: { vi: 'Từ 60 tuổi trở lên', en: '60 and over' } },
  ],
};

export const dimensionNames: Record<string, Text> = {
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  area: { vi: 'Khu vực', en: 'Area' },
  age_group: { vi: 'Nhóm tuổi', en: 'Age group' },
};

/** The total has the empty key; a breakdown is "dimension=option" ("sex=female"). */
export const TOTAL = '';

/** The keys a form asks for: the total, then each option of each declared dimension. */
export function disaggregationKeys(dims: readonly string[]): string[] {
  const keys = [TOTAL];
  for (const d of dims) for (const o of disaggregationOptions[d] ?? []) keys.push(`${d}=${o.code}`);
  return keys;
}

export function parseDisaggregationKey(key: string): { dimension: string; option: string } | null {
  if (key === TOTAL) return null;
  const m = /^([a-z_]+)=([a-z0-9_]+)$/.exec(key);
  if (!m || !(disaggregationOptions[m[1]!] ?? []).some((o) => o.code === m[2])) return null;
  return { dimension: m[1]!, option: m[2]! };
}

export function isDisaggregationKey(key: string): boolean {
  return key === TOTAL || parseDisaggregationKey(key) !== null;
}

export function disaggregationLabel(key: string, locale: 'vi' | 'en' = 'vi'): string {
  const p = parseDisaggregationKey(key);
  if (!p) return locale === 'vi' ? 'Tổng số' : 'Total';
  const o = disaggregationOptions[p.dimension]!.find((x) => x.code === p.option)!;
  return `${dimensionNames[p.dimension]![locale]}: ${o.name[locale]}`;
}

export interface LineageLink {
  readonly successorId: number;
  readonly predecessorId: number;
  readonly part: 'full' | 'partial';
  /** The predecessor's share that went to this successor (0–1), when known. */
  readonly share?: number | null;
}

/**
 * How much of each pre-reform unit's values counts toward each successor, so that series
 * before and after the 2025 mergers add up. A `full` link carries everything (share 1). A
 * `partial` link (a commune split between successors) carries its recorded share; without
 * one we split the predecessor evenly between the successors that received a part of it,
 * applied to numerator and denominator alike, so a rate keeps its level and counts are
 * divided. Shares of one predecessor are normalized so that nothing is counted twice.
 */
export function lineageShares(links: readonly LineageLink[]): { successorId: number; predecessorId: number; share: number }[] {
  const byPred = new Map<number, LineageLink[]>();
  for (const l of links) byPred.set(l.predecessorId, [...(byPred.get(l.predecessorId) ?? []), l]);
  const out: { successorId: number; predecessorId: number; share: number }[] = [];
  for (const [pred, ls] of byPred) {
    const full = ls.filter((l) => l.part === 'full');
    if (full.length > 0) {
      // A full merger into one successor; anything else listed is a data error we resolve to it.
      out.push({ successorId: full[0]!.successorId, predecessorId: pred, share: 1 });
      continue;
    }
    const known = ls.map((l) => (l.share != null && l.share > 0 ? l.share : null));
    const knownSum = known.reduce<number>((a, s) => a + (s ?? 0), 0);
    const unknown = known.filter((s) => s === null).length;
    const rest = Math.max(0, 1 - knownSum);
    const raw = known.map((s) => s ?? (unknown ? rest / unknown : 0));
    const total = raw.reduce((a, b) => a + b, 0) || 1;
    ls.forEach((l, i) => out.push({ successorId: l.successorId, predecessorId: pred, share: raw[i]! / total }));
  }
  return out;
}

/** Scales a cell by a lineage share: numerator, denominator and counts; averages unchanged. */
export function scaleCell(ind: Pick<IndicatorDef, 'aggregation'>, c: Cell, share: number): Cell {
  if (share === 1) return c;
  const s = (v: number | null) => (v === null ? null : v * share);
  if (ind.aggregation === 'sum') return { numerator: null, denominator: null, value: s(c.value) };
  if (ind.aggregation === 'weighted_mean') return { numerator: s(c.numerator), denominator: s(c.denominator), value: c.value };
  return { numerator: s(c.numerator), denominator: s(c.denominator), value: c.value };
}
