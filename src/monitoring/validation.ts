// Validation of a unit's report form, pure. Errors block submission; warnings (a value far
// from the unit's history or from its sibling units) are allowed once the reporter explains
// them in a comment. Every issue names the field (JSON path into the form's values) and says
// what is wrong in Vietnamese and English.
import { formatNumberVi, type Text } from '../kernel/i18n.ts';
import {
  TOTAL,
  derivedValue,
  disaggregationOptions,
  factorFor,
  parseDisaggregationKey,
  usesRatio,
  isDisaggregationKey,
  disaggregationLabel,
  type IndicatorDef,
} from './model.ts';

export interface FormValue {
  readonly indicatorCode: string;
  /** '' for the total, 'sex=female' for a breakdown. */
  readonly disaggregation: string;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly value?: number | null;
  readonly comment?: string | null;
}

export type Severity = 'error' | 'warning';

export type Rule =
  | 'unknown_indicator'
  | 'unknown_disaggregation'
  | 'duplicate'
  | 'missing'
  | 'incomplete_ratio'
  | 'negative'
  | 'not_integer'
  | 'numerator_exceeds_denominator'
  | 'zero_denominator'
  | 'percent_range'
  | 'shared_denominator'
  | 'breakdown_sum'
  | 'outlier_history_range'
  | 'outlier_history_z'
  | 'outlier_siblings'
  | 'registry_mismatch';

export interface Issue {
  readonly severity: Severity;
  readonly rule: Rule;
  /** JSON path of the field: "/values/3/numerator". */
  readonly path: string;
  readonly indicatorCode: string;
  readonly disaggregation: string;
  readonly message: Text;
}

export interface ValidationContext {
  readonly indicators: ReadonlyMap<string, IndicatorDef>;
  /** Indicators whose total must be filled before submission (the form's indicators). */
  readonly required?: readonly string[];
  /** The unit's own earlier values (derived, total only) per indicator, oldest first. */
  readonly history?: ReadonlyMap<string, readonly number[]>;
  /** The sibling units' values (derived, total only) for the same period, per indicator. */
  readonly siblings?: ReadonlyMap<string, readonly number[]>;
  /** What the unit's social registry computes (totals), per indicator. */
  readonly registry?: ReadonlyMap<string, RegistryCell>;
}

export interface RegistryCell {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}

/** Thresholds, in one place so that the guide can quote them. */
export const outlierRules = {
  /** History needs this many earlier values before we judge a value against it. */
  minHistory: 3,
  /** |z| above this, against the unit's own history, is a warning. */
  zScore: 3,
  /** The history's min–max band is widened by this share of its range on each side... */
  rangeWidening: 0.5,
  /** ...and at least by this share of the history's mean (a flat history is not a zero band). */
  minBandShare: 0.1,
  /** Sibling comparison needs this many siblings with a value. */
  minSiblings: 5,
  /** Robust z (median and MAD) against siblings above this is a warning (Iglewicz–Hoaglin). */
  siblingZ: 3.5,
} as const;

const n = (v: number) => formatNumberVi(v, 2);
const ne = (v: number) => String(Math.round(v * 100) / 100);

function has(v: number | null | undefined): v is number {
  return v !== null && v !== undefined;
}

/** Checks a form's values; returns every issue, not only the first. */
export function validateForm(values: readonly FormValue[], ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const push = (i: number, field: string, v: FormValue, severity: Severity, rule: Rule, message: Text) =>
    issues.push({ severity, rule, path: `/values/${i}${field ? `/${field}` : ''}`, indicatorCode: v.indicatorCode, disaggregation: v.disaggregation, message });
  const seen = new Map<string, number>();

  values.forEach((v, i) => {
    const ind = ctx.indicators.get(v.indicatorCode);
    if (!ind) {
      push(i, 'indicatorCode', v, 'error', 'unknown_indicator', {
        vi: `Chỉ tiêu "${v.indicatorCode}" không có trong biểu mẫu`,
        en: `Indicator "${v.indicatorCode}" is not on the form`,
      });
      return;
    }
    const label = `${ind.name.vi}${v.disaggregation ? ` (${disaggregationLabel(v.disaggregation, 'vi')})` : ''}`;
    const labelEn = `${ind.name.en}${v.disaggregation ? ` (${disaggregationLabel(v.disaggregation, 'en')})` : ''}`;
    const dim = parseDisaggregationKey(v.disaggregation);
    if (!isDisaggregationKey(v.disaggregation) || (dim && !ind.disaggregations.includes(dim.dimension))) {
      push(i, 'disaggregation', v, 'error', 'unknown_disaggregation', {
        vi: `${ind.name.vi}: không có phân tổ "${v.disaggregation}"`,
        en: `${ind.name.en}: no breakdown "${v.disaggregation}"`,
      });
      return;
    }
    const key = `${v.indicatorCode}|${v.disaggregation}`;
    if (seen.has(key)) {
      push(i, '', v, 'error', 'duplicate', {
        vi: `${label}: nhập hai lần (trùng với dòng ${seen.get(key)! + 1})`,
        en: `${labelEn}: entered twice (same as row ${seen.get(key)! + 1})`,
      });
      return;
    }
    seen.set(key, i);

    for (const f of ['numerator', 'denominator', 'value'] as const) {
      const x = v[f];
      if (has(x) && x < 0) push(i, f, v, 'error', 'negative', { vi: `${label}: không được là số âm`, en: `${labelEn}: must not be negative` });
    }
    if (usesRatio(ind)) {
      const num = v.numerator;
      const den = v.denominator;
      if (has(num) !== has(den) && !has(v.value)) {
        const missing = has(num) ? 'denominator' : 'numerator';
        push(i, missing, v, 'error', 'incomplete_ratio', {
          vi: `${label}: cần nhập cả tử số và mẫu số`,
          en: `${labelEn}: enter both the numerator and the denominator`,
        });
      }
      for (const f of ['numerator', 'denominator'] as const) {
        const x = v[f];
        if (has(x) && !Number.isInteger(x))
          push(i, f, v, 'error', 'not_integer', {
            vi: `${label}: ${f === 'numerator' ? 'tử số' : 'mẫu số'} phải là số nguyên (số người, số hộ...)`,
            en: `${labelEn}: the ${f} must be a whole number`,
          });
      }
      if (has(num) && has(den)) {
        if (den === 0 && num > 0)
          push(i, 'denominator', v, 'error', 'zero_denominator', {
            vi: `${label}: mẫu số bằng 0 nhưng tử số là ${n(num)}`,
            en: `${labelEn}: the denominator is 0 but the numerator is ${ne(num)}`,
          });
        if (ind.unit === '%' && factorFor(ind) === 100 && num > den) {
          push(i, 'numerator', v, 'error', 'numerator_exceeds_denominator', {
            vi: `${label}: tử số (${n(num)}) không được lớn hơn mẫu số (${n(den)})`,
            en: `${labelEn}: the numerator (${ne(num)}) must not exceed the denominator (${ne(den)})`,
          });
        }
      }
    }
    if (ind.unit === '%' && has(v.value) && (v.value < 0 || v.value > 100) && !(has(v.numerator) && has(v.denominator))) {
      push(i, 'value', v, 'error', 'percent_range', {
        vi: `${label}: tỷ lệ phải từ 0 đến 100%, đã nhập ${n(v.value)}`,
        en: `${labelEn}: a percentage must be between 0 and 100, got ${ne(v.value)}`,
      });
    }
    if (!usesRatio(ind) && ind.aggregation === 'sum' && has(v.value) && !Number.isInteger(v.value)) {
      push(i, 'value', v, 'error', 'not_integer', { vi: `${label}: số đếm phải là số nguyên`, en: `${labelEn}: a count must be a whole number` });
    }
  });

  // Required totals (at submission).
  for (const code of ctx.required ?? []) {
    const i = seen.get(`${code}|${TOTAL}`);
    const v = i === undefined ? undefined : values[i];
    const ind = ctx.indicators.get(code);
    if (!ind) continue;
    const filled = v && (usesRatio(ind) ? (has(v.numerator) && has(v.denominator)) || has(v.value) : has(v.value));
    if (!filled) {
      issues.push({
        severity: 'error',
        rule: 'missing',
        indicatorCode: code,
        disaggregation: TOTAL,
        path: i === undefined ? `/values/${code}` : `/values/${i}/${usesRatio(ind) ? 'numerator' : 'value'}`,
        message: { vi: `${ind.name.vi}: chưa nhập số liệu`, en: `${ind.name.en}: no value entered` },
      });
    }
  }

  // Shared denominators: indicators counting the same population must give the same number.
  const byPopulation = new Map<string, { i: number; v: FormValue; ind: IndicatorDef }[]>();
  values.forEach((v, i) => {
    const ind = ctx.indicators.get(v.indicatorCode);
    if (!ind?.population || !has(v.denominator)) return;
    const k = `${ind.population}|${v.disaggregation}`;
    byPopulation.set(k, [...(byPopulation.get(k) ?? []), { i, v, ind }]);
  });
  for (const group of byPopulation.values()) {
    const first = group[0]!;
    for (const g of group.slice(1)) {
      if (g.v.denominator !== first.v.denominator) {
        issues.push({
          severity: 'error',
          rule: 'shared_denominator',
          path: `/values/${g.i}/denominator`,
          indicatorCode: g.v.indicatorCode,
          disaggregation: g.v.disaggregation,
          message: {
            vi: `${g.ind.name.vi}: mẫu số ${n(g.v.denominator!)} khác với mẫu số ${n(first.v.denominator!)} của "${first.ind.name.vi}" (cùng một tổng thể: ${g.ind.population})`,
            en: `${g.ind.name.en}: denominator ${ne(g.v.denominator!)} differs from ${ne(first.v.denominator!)} for "${first.ind.name.en}" (same population: ${g.ind.population})`,
          },
        });
      }
    }
  }

  // Breakdowns: when every option of a dimension is entered, they add up to the total.
  for (const [key, ti] of seen) {
    const [code, dis] = key.split('|') as [string, string];
    if (dis !== TOTAL) continue;
    const ind = ctx.indicators.get(code)!;
    if (ind.aggregation === 'none' || ind.aggregation === 'weighted_mean') continue;
    const total = values[ti]!;
    for (const dimension of ind.disaggregations) {
      const opts = disaggregationOptions[dimension] ?? [];
      const idx = opts.map((o) => seen.get(`${code}|${dimension}=${o.code}`));
      if (opts.length === 0 || idx.some((x) => x === undefined)) continue;
      const fields = usesRatio(ind) ? (['numerator', 'denominator'] as const) : (['value'] as const);
      for (const f of fields) {
        const parts = idx.map((x) => values[x!]![f]);
        const t = total[f];
        if (!has(t) || parts.some((p) => !has(p))) continue;
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - t) > 1e-9) {
          const fvi = f === 'numerator' ? 'tử số' : f === 'denominator' ? 'mẫu số' : 'giá trị';
          issues.push({
            severity: 'error',
            rule: 'breakdown_sum',
            path: `/values/${idx[0]}/${f}`,
            indicatorCode: code,
            disaggregation: `${dimension}=${opts[0]!.code}`,
            message: {
              vi: `${ind.name.vi}: tổng ${fvi} theo ${dimNameVi(dimension)} (${n(sum)}) khác tổng số (${n(t)})`,
              en: `${ind.name.en}: the ${f}s by ${dimension} add up to ${ne(sum)}, not the total ${ne(t)}`,
            },
          });
        }
      }
    }
  }

  // Outliers, on totals only: against the unit's own history and against sibling units.
  values.forEach((v, i) => {
    const ind = ctx.indicators.get(v.indicatorCode);
    if (!ind || v.disaggregation !== TOTAL) return;
    const x = derivedValue(ind, { numerator: v.numerator ?? null, denominator: v.denominator ?? null, value: v.value ?? null });
    if (x === null || !Number.isFinite(x)) return;
    const field = usesRatio(ind) && has(v.numerator) ? 'numerator' : 'value';
    const hist = ctx.history?.get(v.indicatorCode) ?? [];
    const h = historyCheck(x, hist);
    if (h)
      issues.push({
        severity: 'warning',
        rule: h.rule,
        path: `/values/${i}/${field}`,
        indicatorCode: v.indicatorCode,
        disaggregation: TOTAL,
        message: prefix(ind, h.message),
      });
    const reg = ctx.registry?.get(v.indicatorCode);
    if (reg) {
      const fields = usesRatio(ind) ? (['numerator', 'denominator'] as const) : (['value'] as const);
      const off = fields.find((f) => (v[f] ?? null) !== reg[f]);
      if (off) {
        const show = (c: { numerator?: number | null; denominator?: number | null; value?: number | null }, fmt: (x: number) => string) =>
          usesRatio(ind) ? `${fmt(c.numerator ?? 0)}/${fmt(c.denominator ?? 0)}` : fmt(c.value ?? 0);
        issues.push({
          severity: 'warning',
          rule: 'registry_mismatch',
          path: `/values/${i}/${off}`,
          indicatorCode: v.indicatorCode,
          disaggregation: TOTAL,
          message: prefix(ind, {
            vi: `đã nhập ${show(v, (x) => formatNumberVi(x, 0))}, cơ sở dữ liệu an sinh tính được ${show(reg, (x) => formatNumberVi(x, 0))}; dùng số của cơ sở dữ liệu hoặc ghi chú lý do`,
            en: `entered ${show(v, ne)}, the social registry computes ${show(reg, ne)}; use the registry's figure or explain in a comment`,
          }),
        });
      }
    }
    const sib = ctx.siblings?.get(v.indicatorCode) ?? [];
    const s = siblingCheck(x, sib);
    if (s)
      issues.push({
        severity: 'warning',
        rule: 'outlier_siblings',
        path: `/values/${i}/${field}`,
        indicatorCode: v.indicatorCode,
        disaggregation: TOTAL,
        message: prefix(ind, s),
      });
  });
  return issues;
}

function dimNameVi(d: string): string {
  return ({ sex: 'giới tính', ethnicity: 'dân tộc', area: 'khu vực', age_group: 'nhóm tuổi' } as Record<string, string>)[d] ?? d;
}

function prefix(ind: IndicatorDef, t: Text): Text {
  return { vi: `${ind.name.vi}: ${t.vi}`, en: `${ind.name.en}: ${t.en}` };
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation. */
export function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

/** A value outside the widened min–max band of the history, or with |z| > 3 against it. */
export function historyCheck(x: number, hist: readonly number[]): { rule: Rule; message: Text } | null {
  if (hist.length < outlierRules.minHistory) return null;
  const lo = Math.min(...hist);
  const hi = Math.max(...hist);
  const m = mean(hist);
  const sd = stdev(hist);
  if (sd > 0) {
    const z = (x - m) / sd;
    if (Math.abs(z) > outlierRules.zScore) {
      return {
        rule: 'outlier_history_z',
        message: {
          vi: `${n(x)} lệch xa số liệu các kỳ trước (trung bình ${n(m)}, độ lệch chuẩn ${n(sd)}, z = ${n(z)}); hãy kiểm tra lại hoặc ghi chú lý do`,
          en: `${ne(x)} is far from earlier periods (mean ${ne(m)}, sd ${ne(sd)}, z = ${ne(z)}); check it or explain in a comment`,
        },
      };
    }
  }
  const widen = Math.max((hi - lo) * outlierRules.rangeWidening, Math.abs(m) * outlierRules.minBandShare);
  if (x < lo - widen || x > hi + widen) {
    return {
      rule: 'outlier_history_range',
      message: {
        vi: `${n(x)} nằm ngoài khoảng thường gặp ${n(lo - widen)}–${n(hi + widen)} (các kỳ trước từ ${n(lo)} đến ${n(hi)}); hãy kiểm tra lại hoặc ghi chú lý do`,
        en: `${ne(x)} is outside the usual band ${ne(lo - widen)}–${ne(hi + widen)} (earlier periods ${ne(lo)} to ${ne(hi)}); check it or explain in a comment`,
      },
    };
  }
  return null;
}

/** A value far from the sibling units' values: robust z = 0.6745 (x − median) / MAD. */
export function siblingCheck(x: number, sib: readonly number[]): Text | null {
  if (sib.length < outlierRules.minSiblings) return null;
  const med = median(sib);
  const mad = median(sib.map((s) => Math.abs(s - med)));
  if (mad === 0) return null;
  const z = (0.6745 * (x - med)) / mad;
  if (Math.abs(z) <= outlierRules.siblingZ) return null;
  return {
    vi: `${n(x)} khác xa các đơn vị cùng cấp (trung vị ${n(med)} của ${sib.length} đơn vị); hãy kiểm tra lại hoặc ghi chú lý do`,
    en: `${ne(x)} is far from sibling units (median ${ne(med)} of ${sib.length} units); check it or explain in a comment`,
  };
}

/**
 * What stops a submission: every error, and every warning on a value without a comment.
 * `values` is the same array the issues' paths index.
 */
export function submissionBlockers(issues: readonly Issue[], values: readonly FormValue[]): Issue[] {
  return issues.filter((iss) => {
    if (iss.severity === 'error') return true;
    const m = /^\/values\/(\d+)/.exec(iss.path);
    const v = m ? values[Number(m[1])] : undefined;
    return !(v?.comment && v.comment.trim().length > 0);
  });
}

/** The structural problems of a draft (unknown indicator or breakdown, duplicates): refused outright, before anything is saved. */
export function structuralIssues(values: readonly FormValue[], indicators: ValidationContext['indicators']): Issue[] {
  return validateForm(values, { indicators }).filter((i) => i.rule === 'unknown_indicator' || i.rule === 'unknown_disaggregation' || i.rule === 'duplicate');
}

/** The field errors of a refused submission: a warning says that a comment is needed to submit. */
export function blockerErrors(blockers: readonly Issue[]): { path: string; message: { vi: string; en: string } }[] {
  return blockers.map((i) => ({
    path: i.path,
    message: i.severity === 'warning' ? { vi: `${i.message.vi} (cần ghi chú để gửi)`, en: `${i.message.en} (a comment is needed to submit)` } : i.message,
  }));
}
