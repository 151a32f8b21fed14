// Progress toward a plan target, pure: baseline, latest value, target; the annual change still
// needed against the observed trend (least squares over the series); the value projected for
// the target year; and a status with the rule that produced it, in words a committee can read.
import { formatNumberVi, type Text } from '../kernel/i18n.ts';
import { boundKind } from '../plans/cascade.ts';
import { comparatorWords, isChange, isPerYear, levelOfChange, type Comparator } from '../indicators/vocabulary.ts';
import type { Direction } from './model.ts';

export type Status = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface TargetSpec {
  readonly comparator: Comparator;
  readonly value: number;
  /** Target year; plans under Resolution 42 without one mean 2030. */
  readonly year: number | null;
  readonly baselineYear?: number | null;
  readonly baselineValue?: number | null;
  /** The indicator's unit: '%' clamps projections to 0–100. */
  readonly unit?: string;
  /** A change target (reduce_by / increase_by) per year ("giảm 1,5%/năm"), not over the whole term. */
  readonly perYear?: boolean;
}

export interface Observation {
  readonly year: number;
  readonly value: number;
}

export interface Progress {
  readonly status: Status;
  readonly baseline: Observation | null;
  readonly latest: Observation | null;
  readonly target: { readonly comparator: Comparator; readonly value: number; readonly year: number; readonly perYear?: boolean };
  /** Change per year still needed from the latest value to reach the target (signed). */
  readonly neededPerYear: number | null;
  /** Observed change per year: least-squares slope over the series (signed). */
  readonly trendPerYear: number | null;
  /** Latest value carried forward by the trend to the target year (clamped to 0–100 for %). */
  readonly projected: number | null;
  /** Points of the projection line, latest year to target year, for charts. */
  readonly projection: readonly Observation[];
  readonly rule: Text;
}

export const DEFAULT_TARGET_YEAR = 2030;

export const statusLabels: Record<Status, Text> = {
  achieved: { vi: 'Đã đạt', en: 'Achieved' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};

/** The rules, as the dashboard legend and the user guide state them. */
export const statusRules: Record<Status, Text> = {
  achieved: {
    vi: 'Số liệu mới nhất đã đạt chỉ tiêu (với chỉ tiêu "duy trì": vẫn giữ được mức đó).',
    en: 'The latest value meets the target (for "maintain": the level still holds).',
  },
  on_track: {
    vi: 'Chưa đạt, nhưng nếu giữ xu hướng các năm qua thì đến năm mục tiêu sẽ đạt.',
    en: 'Not met yet, but the trend of past years reaches it by the target year.',
  },
  at_risk: {
    vi: 'Theo xu hướng sẽ chưa đạt, nhưng đang tiến về chỉ tiêu với ít nhất một nửa tốc độ cần thiết, hoặc chỉ còn thiếu rất ít (≤ 1 điểm % hoặc ≤ 1% giá trị chỉ tiêu); hoặc mới có một năm số liệu.',
    en: 'The trend falls short, but moves toward the target at least half as fast as needed, or misses by very little (≤ 1 percentage point or ≤ 1% of the target); or only one year of data.',
  },
  off_track: {
    vi: 'Xu hướng đi ngang, đi ngược hoặc chậm hơn một nửa tốc độ cần thiết; hoặc đã hết thời hạn mà chưa đạt.',
    en: 'The trend is flat, backward or less than half the pace needed; or the target year has passed unmet.',
  },
  no_data: { vi: 'Đơn vị chưa có số liệu được báo cáo cho chỉ tiêu này.', en: 'No reported value for this indicator yet.' },
};

const EPS = 1e-9;

/** Least-squares slope of value on year; null with fewer than two distinct years. */
export function leastSquaresSlope(obs: readonly Observation[]): number | null {
  const years = new Set(obs.map((o) => o.year));
  if (years.size < 2) return null;
  const mx = obs.reduce((a, o) => a + o.year, 0) / obs.length;
  const my = obs.reduce((a, o) => a + o.value, 0) / obs.length;
  let sxy = 0;
  let sxx = 0;
  for (const o of obs) {
    sxy += (o.year - mx) * (o.value - my);
    sxx += (o.year - mx) ** 2;
  }
  return sxy / sxx;
}

type Bound = 'lower' | 'upper' | 'approx';

/**
 * A change target as the level it asks for: "giảm 2%/năm" from a baseline of 10% in 2025 by
 * 2028 is "≤ 4%"; "tăng thêm 7 xã" from 20 is "≥ 27". The start is the plan's baseline, else the
 * earliest reported value; null when there is neither. A level target is returned as it is.
 */
export function levelTarget(t: TargetSpec, series: readonly Observation[] = []): TargetSpec | null {
  if (!isChange(t.comparator)) return t;
  const first = [...series].sort((a, b) => a.year - b.year)[0];
  const start = t.baselineYear != null && t.baselineValue != null ? { year: t.baselineYear, value: t.baselineValue } : (first ?? null);
  if (!start) return null;
  const value = levelOfChange(t.comparator, t.value, start, t.year ?? DEFAULT_TARGET_YEAR, t.perYear ?? false);
  return { ...t, comparator: t.comparator === 'reduce_by' ? '<=' : '>=', value, baselineYear: start.year, baselineValue: start.value };
}

/** "maintain 100%" holds the level: a lower bound where higher is better, upper where lower. */
function boundOf(t: TargetSpec, d: Direction): Bound {
  const k = boundKind(t.comparator, d);
  if (k === 'maintain') return d === 'higher_better' ? 'lower' : d === 'lower_better' ? 'upper' : 'approx';
  if (k === 'reduce') return 'upper';
  if (k === 'increase') return 'lower';
  return k;
}

/** Tolerance of "about" targets and of a near miss: 1 point for percentages, else 1% (5% for "~"). */
function tolerance(t: TargetSpec, bound: Bound): number {
  if (bound === 'approx') return t.unit === '%' ? 1 : Math.max(Math.abs(t.value) * 0.05, EPS);
  return t.unit === '%' ? 1 : Math.abs(t.value) * 0.01;
}

/** Does x meet the target? A change target needs its baseline (false without one). */
export function meetsTarget(x: number, spec: TargetSpec, d: Direction): boolean {
  const t = levelTarget(spec);
  if (!t) return false;
  const b = boundOf(t, d);
  if (b === 'approx') return Math.abs(x - t.value) <= tolerance(t, b) + EPS;
  // "khoảng 1.500 căn" where more is better: reaching about 1,500 (within 5%) counts.
  const slack = t.comparator === '~' ? tolerance(t, 'approx') : 0;
  if (b === 'lower') return t.comparator === '>' ? x > t.value + EPS : x >= t.value - slack - EPS;
  return t.comparator === '<' ? x < t.value - EPS : x <= t.value + slack + EPS;
}

function clamp(x: number, unit: string | undefined): number {
  const lo = Math.max(0, x);
  return unit === '%' ? Math.min(100, lo) : lo;
}

/**
 * Assesses a target against the reported series (one value per year, any order). The plan's
 * baseline joins the series for the trend when no reported value exists for its year.
 */
export function assessProgress(spec: TargetSpec, direction: Direction, series: readonly Observation[]): Progress {
  const targetYear = spec.year ?? DEFAULT_TARGET_YEAR;
  const reported = [...series].sort((a, b) => a.year - b.year);
  // A change target is judged as the level it asks for from its start.
  const t = levelTarget(spec, reported) ?? spec;
  const baseline = t.baselineYear != null && t.baselineValue != null ? { year: t.baselineYear, value: t.baselineValue } : null;
  const trendSeries = baseline && !reported.some((o) => o.year === baseline.year) ? [baseline, ...reported].sort((a, b) => a.year - b.year) : reported;
  const latest = reported.at(-1) ?? null;
  const target = { comparator: spec.comparator, value: spec.value, year: targetYear, ...(spec.perYear ? { perYear: true } : {}) };
  const unitVi = t.unit === '%' ? ' điểm %' : '';
  const unitEn = t.unit === '%' ? ' pp' : '';
  const f = (x: number) => formatNumberVi(x, 2);
  const e = (x: number) => String(Math.round(x * 100) / 100);
  const sg = (x: number, loc: 'vi' | 'en') => (x >= 0 ? '+' : '−') + (loc === 'vi' ? f(Math.abs(x)) : e(Math.abs(x)));
  const pct = t.unit === '%' ? '%' : '';
  // "giảm 2%/năm từ 10% (2025), tức ≤ 4% năm 2028": the change and the level it asks for.
  const changeVi = isChange(spec.comparator)
    ? `${describeComparator(spec.comparator, 'vi')} ${f(spec.value)}${pct}${spec.perYear ? '/năm' : ''}${t !== spec ? ` từ ${f(t.baselineValue!)}${pct} (${t.baselineYear}), tức ` : ' (chưa có số liệu gốc) '}`
    : '';
  const changeEn = isChange(spec.comparator)
    ? `${describeComparator(spec.comparator, 'en')} ${e(spec.value)}${pct}${spec.perYear ? '/year' : ''}${t !== spec ? ` from ${e(t.baselineValue!)}${pct} (${t.baselineYear}), i.e. ` : ' (no baseline) '}`
    : '';
  const tgtVi = `${changeVi}${t !== spec || !isChange(spec.comparator) ? `${describeComparator(t.comparator, 'vi')} ${f(t.value)}${pct} ` : ''}năm ${targetYear}${t.year == null ? ' (mặc định)' : ''}`;
  const tgtEn = `${changeEn}${t !== spec || !isChange(spec.comparator) ? `${describeComparator(t.comparator, 'en')} ${e(t.value)}${pct} ` : ''}by ${targetYear}${t.year == null ? ' (default)' : ''}`;
  const base = { baseline, latest, target };

  if (!latest) {
    return {
      ...base,
      status: 'no_data',
      neededPerYear: null,
      trendPerYear: null,
      projected: null,
      projection: [],
      rule: { vi: `Chưa có số liệu báo cáo; chỉ tiêu: ${tgtVi}.`, en: `No reported value; target: ${tgtEn}.` },
    };
  }
  const bound = boundOf(t, direction);
  const slope = leastSquaresSlope(trendSeries);
  const yearsLeft = targetYear - latest.year;
  const needed = yearsLeft > 0 ? (t.value - latest.value) / yearsLeft : null;
  const projected = slope !== null && yearsLeft > 0 ? clamp(latest.value + slope * yearsLeft, t.unit) : yearsLeft <= 0 ? latest.value : null;
  const projection: Observation[] =
    slope !== null && yearsLeft > 0
      ? Array.from({ length: yearsLeft + 1 }, (_, i) => ({ year: latest.year + i, value: clamp(latest.value + slope * i, t.unit) }))
      : [];
  const latestVi = `Số liệu mới nhất ${f(latest.value)}${t.unit === '%' ? '%' : ''} (${latest.year})`;
  const latestEn = `Latest ${e(latest.value)}${t.unit === '%' ? '%' : ''} (${latest.year})`;
  const trendVi =
    slope === null
      ? 'chưa đủ hai năm số liệu để tính xu hướng'
      : `xu hướng ${trendSeries[0]!.year}–${trendSeries.at(-1)!.year}: ${sg(slope, 'vi')}${unitVi}/năm`;
  const trendEn =
    slope === null ? 'fewer than two years of data for a trend' : `trend ${trendSeries[0]!.year}–${trendSeries.at(-1)!.year}: ${sg(slope, 'en')}${unitEn}/year`;
  const neededVi = needed === null ? '' : `, cần ${sg(needed, 'vi')}${unitVi}/năm`;
  const neededEn = needed === null ? '' : `, needs ${sg(needed, 'en')}${unitEn}/year`;
  const projVi = projected !== null && yearsLeft > 0 && slope !== null ? `; dự báo năm ${targetYear}: ${f(projected)}` : '';
  const projEn = projected !== null && yearsLeft > 0 && slope !== null ? `; projected ${targetYear}: ${e(projected)}` : '';
  const head = { vi: `${latestVi}; chỉ tiêu ${tgtVi}`, en: `${latestEn}; target ${tgtEn}` };
  const result = (status: Status, why: Text): Progress => ({
    ...base,
    status,
    neededPerYear: needed,
    trendPerYear: slope,
    projected,
    projection,
    rule: {
      vi: `${head.vi}${neededVi}; ${trendVi}${projVi}. ${statusLabels[status].vi}: ${why.vi}`,
      en: `${head.en}${neededEn}; ${trendEn}${projEn}. ${statusLabels[status].en}: ${why.en}`,
    },
  });

  if (meetsTarget(latest.value, t, direction)) {
    return result(
      'achieved',
      t.comparator === 'maintain'
        ? { vi: 'đang duy trì được mức chỉ tiêu.', en: 'the level is being maintained.' }
        : { vi: 'đã đạt chỉ tiêu.', en: 'the target is met.' },
    );
  }
  if (yearsLeft <= 0) return result('off_track', { vi: 'đã đến năm mục tiêu mà chưa đạt.', en: 'the target year has come and the target is not met.' });
  if (slope === null)
    return result('at_risk', { vi: 'chưa đạt và chưa đủ số liệu để đánh giá xu hướng.', en: 'not met, and too little data to judge the trend.' });
  if (t.comparator !== 'maintain' && meetsTarget(projected!, t, direction)) {
    return result('on_track', { vi: 'theo xu hướng sẽ đạt đúng hạn.', en: 'the trend reaches the target in time.' });
  }
  if (t.comparator === 'maintain' && meetsTarget(projected!, t, direction)) {
    return result('at_risk', { vi: 'mức duy trì đã bị giảm sút, xu hướng đang phục hồi.', en: 'the maintained level slipped; the trend is recovering.' });
  }
  const shortfall = Math.abs(projected! - t.value);
  if (shortfall <= tolerance(t, bound === 'approx' ? 'lower' : bound)) {
    return result('at_risk', { vi: 'theo xu hướng chỉ còn thiếu rất ít so với chỉ tiêu.', en: 'the trend misses the target by very little.' });
  }
  const toward = bound === 'approx' ? Math.sign(t.value - latest.value) : bound === 'lower' ? 1 : -1;
  const pace = toward * slope;
  const need = Math.abs(needed!);
  if (pace > 0 && pace >= 0.5 * need) {
    return result('at_risk', { vi: 'đang tiến về chỉ tiêu nhưng chậm hơn mức cần thiết.', en: 'moving toward the target, but slower than needed.' });
  }
  return result(
    'off_track',
    pace > 0
      ? { vi: 'tốc độ cải thiện chưa bằng một nửa mức cần thiết.', en: 'improving at less than half the pace needed.' }
      : { vi: 'xu hướng đi ngang hoặc đi ngược chỉ tiêu.', en: 'the trend is flat or moving away from the target.' },
  );
}

export function describeComparator(c: Comparator, locale: 'vi' | 'en'): string {
  return comparatorWords[c][locale];
}
