// The annual poverty review: classifies a household under the multidimensional poverty standard
// in force for the year (Decree 07/2021 Art. 3 for 2022–2026, Decree 351/2025 for 2027–2030) and
// says why. Where the law or the facts do not settle the class, the answer is 'unknown', never a guess.
import type { Text } from '../kernel/i18n.ts';
import { cite, deprivationIndicators, paramAt, povertyPeriod, LAW_PARAMETERS, type LegalBasis, type ParamSet, type PovertyPeriod } from './parameters.ts';
import { formatVnd } from './months.ts';

export const POVERTY_CLASSES = ['poor', 'near_poor', 'average', 'none', 'unknown'] as const;
export type PovertyClass = (typeof POVERTY_CLASSES)[number];
/** Urban or rural: the standard's income line differs (households.area). */
export const AREAS = ['urban', 'rural'] as const;
export type Area = (typeof AREAS)[number];

export interface HouseholdFacts {
  readonly area: Area;
  /** Average income per person per month, integer VND; null/undefined when not surveyed. */
  readonly incomePerCapitaMonthly?: number | null;
  /** Indicator key → deprived? A missing key is unknown. */
  readonly deprivations?: Readonly<Record<string, boolean>>;
  readonly provinceCode?: string | null;
}

export interface Reason {
  readonly text: Text;
  readonly basis?: LegalBasis;
}

export interface Classification {
  readonly year: number;
  readonly period: PovertyPeriod | null;
  readonly class: PovertyClass;
  readonly reasons: readonly Reason[];
  readonly income: number | null;
  readonly threshold: number | null;
  /** Upper end of the average-living band, when known. */
  readonly averageMax: number | null;
  /** Indicators the household is deprived on (keys of the period's set). */
  readonly deprivations: readonly string[];
  /** Indicators of the period whose value was not given. */
  readonly unknownIndicators: readonly string[];
}

export const POVERTY_CLASS_TEXT: Readonly<Record<PovertyClass, Text>> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor household' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  average: { vi: 'Hộ có mức sống trung bình', en: 'Average-living-standard household' },
  none: { vi: 'Không thuộc diện nghèo, cận nghèo, mức sống trung bình', en: 'Not poor, near-poor or average' },
  unknown: { vi: 'Chưa xác định được', en: 'Cannot be determined' },
};

/**
 * Classifies a household for the review of `year`.
 * @example classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 1_500_000, deprivations: { water: true, sanitation: true, telecom: true } }, 2026).class // 'poor'
 */
export function classifyHousehold(facts: HouseholdFacts, year: number, params: ParamSet = LAW_PARAMETERS): Classification {
  const period = povertyPeriod(year);
  const date = `${year}-01-01`;
  const reasons: Reason[] = [];
  const base = {
    year,
    period,
    income: facts.incomePerCapitaMonthly ?? null,
    threshold: null as number | null,
    averageMax: null as number | null,
    deprivations: [] as string[],
    unknownIndicators: [] as string[],
  };
  const areaVi = facts.area === 'rural' ? 'nông thôn' : 'thành thị';
  const areaEn = facts.area;

  const thr = period ? paramAt(facts.area === 'rural' ? 'poverty.income.rural' : 'poverty.income.urban', date, facts.provinceCode, params) : null;
  if (!period || !thr || thr.value === null) {
    reasons.push({
      text: {
        vi: `Không có chuẩn nghèo cho năm ${year} trong dữ liệu pháp luật (chỉ có 2022–2030)`,
        en: `No poverty standard for ${year} in the law data (2022–2030 only)`,
      },
    });
    return { ...base, class: 'unknown', reasons };
  }
  const threshold = thr.value;
  const poorMinP = paramAt('poverty.deprivations.poorMin', date, facts.provinceCode, params);
  const avgP = paramAt(facts.area === 'rural' ? 'poverty.average.rural.max' : 'poverty.average.urban.max', date, facts.provinceCode, params);
  const averageMax = avgP?.value ?? null;

  const indicators = deprivationIndicators(period);
  const given = facts.deprivations ?? {};
  const deprived = indicators.filter((i) => given[i.key] === true).map((i) => i.key);
  const unknown = indicators.filter((i) => typeof given[i.key] !== 'boolean').map((i) => i.key);
  const out = { ...base, threshold, averageMax, deprivations: deprived, unknownIndicators: unknown };

  const income = facts.incomePerCapitaMonthly;
  if (income === null || income === undefined) {
    reasons.push({
      text: { vi: 'Chưa có thu nhập bình quân đầu người/tháng của hộ', en: 'The household income per person per month is missing' },
      basis: thr.basis,
    });
    return { ...out, class: 'unknown', reasons };
  }

  if (income <= threshold) {
    reasons.push({
      text: {
        vi: `Thu nhập bình quân ${formatVnd(income)}/người/tháng, không vượt chuẩn ${formatVnd(threshold)} khu vực ${areaVi}`,
        en: `Income ${income} VND per person per month is at or below the ${areaEn} threshold of ${threshold} VND`,
      },
      basis: thr.basis,
    });
    const poorMin = poorMinP?.value;
    if (poorMin === null || poorMin === undefined) {
      reasons.push({
        text: {
          vi: 'Số chỉ số thiếu hụt để xác định hộ nghèo chưa được xác minh',
          en: 'The number of deprivations that makes a household poor is not confirmed',
        },
      });
      return { ...out, class: 'unknown', reasons };
    }
    const depText = deprived.length ? `: ${deprived.map((k) => indicators.find((i) => i.key === k)!.text.vi).join('; ')}` : '';
    const depTextEn = deprived.length ? `: ${deprived.map((k) => indicators.find((i) => i.key === k)!.text.en).join('; ')}` : '';
    if (deprived.length >= poorMin) {
      reasons.push({
        text: {
          vi: `Thiếu hụt ${deprived.length} chỉ số dịch vụ xã hội cơ bản (từ ${poorMin} trở lên là hộ nghèo)${depText}`,
          en: `Deprived on ${deprived.length} basic-social-service indicators (${poorMin} or more makes a poor household)${depTextEn}`,
        },
        basis: poorMinP!.basis,
      });
      return { ...out, class: 'poor', reasons };
    }
    if (deprived.length + unknown.length < poorMin) {
      reasons.push({
        text: {
          vi: `Thiếu hụt ${deprived.length} chỉ số (dưới ${poorMin}) nên là hộ cận nghèo${depText}`,
          en: `Deprived on ${deprived.length} indicators (fewer than ${poorMin}), so near-poor${depTextEn}`,
        },
        basis: poorMinP!.basis,
      });
      return { ...out, class: 'near_poor', reasons };
    }
    reasons.push({
      text: {
        vi: `Đã biết ${deprived.length} chỉ số thiếu hụt; chưa có số liệu ${unknown.length} chỉ số (${unknown.join(', ')}), nên chưa phân biệt được hộ nghèo hay cận nghèo`,
        en: `${deprived.length} deprivations known; ${unknown.length} indicators not given (${unknown.join(', ')}), so poor and near-poor cannot be told apart`,
      },
      basis: poorMinP!.basis,
    });
    return { ...out, class: 'unknown', reasons };
  }

  reasons.push({
    text: {
      vi: `Thu nhập bình quân ${formatVnd(income)}/người/tháng, cao hơn chuẩn ${formatVnd(threshold)} khu vực ${areaVi}`,
      en: `Income ${income} VND per person per month is above the ${areaEn} threshold of ${threshold} VND`,
    },
    basis: thr.basis,
  });
  if (averageMax === null) {
    reasons.push({
      text: {
        vi: `Chuẩn hộ có mức sống trung bình năm ${year} chưa được xác minh, nên chưa xác định được hộ có mức sống trung bình hay không`,
        en: `The average-living-standard band for ${year} is not confirmed, so whether the household is average cannot be said`,
      },
      basis: avgP?.basis,
    });
    return { ...out, class: 'unknown', reasons };
  }
  if (income <= averageMax) {
    reasons.push({
      text: {
        vi: `Thu nhập không vượt ${formatVnd(averageMax)}: hộ có mức sống trung bình`,
        en: `Income at or below ${averageMax} VND: average-living-standard household`,
      },
      basis: avgP!.basis,
    });
    return { ...out, class: 'average', reasons };
  }
  reasons.push({
    text: {
      vi: `Thu nhập cao hơn ${formatVnd(averageMax)}: không thuộc diện hộ nghèo, cận nghèo, mức sống trung bình`,
      en: `Income above ${averageMax} VND: not poor, near-poor or average`,
    },
    basis: avgP!.basis,
  });
  return { ...out, class: 'none', reasons };
}

/** A one-line citation for a reason, for tables and logs. */
export function reasonLine(r: Reason, locale: 'vi' | 'en' = 'vi'): string {
  return r.basis ? `${r.text[locale]} (${cite(r.basis)})` : r.text[locale];
}
