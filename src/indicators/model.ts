// What an indicator is: the DHIS2 vocabulary (kind, aggregation, disaggregations) plus what
// DHIS2 lacks: direction (is higher better?) so that targets and progress can be judged.
import type { Text } from '../kernel/i18n.ts';

export type IndicatorUnit = '%' | 'persons' | 'households' | 'houses' | 'm2_per_person' | 'years' | 'per_10000' | 'per_100' | 'level' | 'group';
export const INDICATOR_KINDS = ['rate', 'count', 'average', 'level'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
import type { Direction } from './vocabulary.ts';
export type { Direction };
export const AGGREGATIONS = ['sum_ratio', 'sum', 'weighted_mean', 'none'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export type Disaggregation = 'sex' | 'ethnicity' | 'area' | 'age_group';
export const SOURCES = ['reported', 'registry', 'survey'] as const;
export type Source = (typeof SOURCES)[number];
export const areas = ['labour_merit', 'social_assistance', 'poverty', 'education', 'health', 'housing', 'water_sanitation', 'culture_information'] as const;
export type Area = (typeof areas)[number];

export interface Indicator {
  readonly code: string;
  readonly name: Text;
  readonly unit: IndicatorUnit;
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  readonly aggregation: Aggregation;
  /** For rates: what is counted above and below the line; for averages: the weight. */
  readonly numerator?: Text;
  readonly denominator?: Text;
  /** Rates of this indicator multiply by this factor (100 for %, 10,000 for per 10,000 people). */
  readonly factor: number;
  readonly disaggregations: readonly Disaggregation[];
  readonly source: Source;
  readonly area: Area;
  /** Phrases as plans write them (Vietnamese), used to recognise targets in documents. */
  readonly synonyms: readonly string[];
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

const factors: Partial<Record<IndicatorUnit, number>> = { '%': 100, per_10000: 10000, per_100: 100 };

type Def = Omit<Indicator, 'factor' | 'disaggregations' | 'synonyms' | 'aggregation'> &
  Partial<Pick<Indicator, 'factor' | 'disaggregations' | 'synonyms' | 'aggregation'>>;

/** Builds an indicator with the defaults its kind implies, and checks it is coherent. */
export function defineIndicator(d: Def): Indicator {
  const aggregation: Aggregation =
    d.aggregation ?? (d.kind === 'rate' ? 'sum_ratio' : d.kind === 'count' ? 'sum' : d.kind === 'average' ? 'weighted_mean' : 'none');
  const ind: Indicator = { ...d, aggregation, factor: d.factor ?? factors[d.unit] ?? 1, disaggregations: d.disaggregations ?? [], synonyms: d.synonyms ?? [] };
  if (!/^[a-z][a-z0-9_]*$/.test(ind.code)) throw new CatalogueError(`indicator code must be snake_case: ${ind.code}`);
  if (ind.kind === 'rate' && (!ind.numerator || !ind.denominator)) throw new CatalogueError(`rate ${ind.code} needs a numerator and a denominator`);
  if (ind.kind === 'rate' && ind.aggregation !== 'sum_ratio')
    throw new CatalogueError(`rate ${ind.code} must aggregate as sum_ratio (never an average of rates)`);
  if (ind.kind === 'average' && !ind.denominator) throw new CatalogueError(`average ${ind.code} needs its weight (denominator)`);
  if (ind.kind === 'level' && ind.aggregation !== 'none') throw new CatalogueError(`level ${ind.code} cannot be aggregated`);
  return ind;
}

export function checkCatalogue(list: readonly Indicator[]): void {
  const seen = new Set<string>();
  for (const i of list) {
    if (seen.has(i.code)) throw new CatalogueError(`duplicate indicator code ${i.code}`);
    seen.add(i.code);
  }
}
