// The law as data: every legal parameter the rules read, each a dated version with its legal
// basis. A new decree adds a version; it never rewrites one. `paramAt` picks the version in force.
// What was checked, against which source, is recorded in docs/law.md and in `basis.source`.
import type { Text } from '../kernel/i18n.ts';
import { MERIT_LEVELS } from './merit-levels.ts';

/** Where a number comes from. `verified` is true only when a public source confirmed it this way. */
export interface LegalBasis {
  /** e.g. "Nghị định 20/2021/NĐ-CP" */
  readonly document: string;
  /** e.g. "Điều 4 khoản 2" */
  readonly article: string;
  readonly note?: string;
  /** Where the value was confirmed (URL), when it was. */
  readonly source?: string;
  readonly verified: boolean;
}

export type ParamUnit = 'VND/month' | 'VND' | 'coefficient×10' | 'count' | 'years';

/**
 * One version of one legal parameter. `value: null` means the law sets this parameter for these
 * dates but its value is not confirmed: rules that need it answer "unknown", they never guess.
 */
export interface ParamVersion {
  readonly key: ParamKey;
  readonly value: number | null;
  readonly unit: ParamUnit;
  /** ISO date, inclusive. */
  readonly validFrom: string;
  /** ISO date, inclusive; null = open-ended. */
  readonly validTo: string | null;
  readonly basis: LegalBasis;
  /** 'national', or a 2-digit province code for a People's Council override. */
  readonly scope: 'national' | string;
}

export type ParamKey =
  | 'poverty.income.rural'
  | 'poverty.income.urban'
  | 'poverty.average.rural.max'
  | 'poverty.average.urban.max'
  | 'poverty.deprivations.poorMin'
  | 'assistance.standard'
  | 'social_pension.amount'
  | 'social_pension.age'
  | 'social_pension.age.poor'
  | `merit.${string}`
  | `assistance.coef.${string}`;

/** A set of parameter versions: the national law plus any province overrides. */
export type ParamSet = readonly ParamVersion[];

const D07 = 'Nghị định 07/2021/NĐ-CP';
const D351 = 'Nghị định 351/2025/NĐ-CP';
const D20 = 'Nghị định 20/2021/NĐ-CP';
const D76 = 'Nghị định 76/2024/NĐ-CP';
const D176 = 'Nghị định 176/2025/NĐ-CP';
const LSI = 'Luật Bảo hiểm xã hội 2024 (41/2024/QH15)';

const SRC = {
  d07: 'https://english.luatvietnam.vn/decree-no-07-2021-nd-cp-dated-january-27-2021-of-the-government-on-multidimensional-poverty-standards-in-the-2021-2025-period-197848-doc1.html',
  d07bands: 'https://www.vietnam.vn/de/tieu-chi-ho-ngheo-va-muc-tro-cap-dang-ap-dung-hien-nay',
  d351: 'https://www.vietnam.vn/ms/nang-chuan-ngheo-da-chieu-quoc-gia-giai-doan-2027-2030',
  d351b: 'https://vietnamnet.vn/en/vn-s-poverty-reduction-strategy-embraces-sustainability-and-digital-inclusion-2484119.html',
  d20: 'https://lawnet.vn/thong-tin-phap-luat/en/khac/vietnam-standard-social-support-amount-to-increase-to-vnd-360-000-month-from-july-1-2021-104784.html',
  d76: 'https://luatvietnam.vn/legal-updates/standard-social-assistance-level-of-up-to-vnd-500000-applied-from-july-1-2024-892-98399-article.html',
  d176: 'https://news.laodong.vn/thoi-su/nguoi-tu-75-tuoi-khong-co-luong-huu-chinh-thuc-duoc-huong-tro-cap-huu-tri-xa-hoi-1535136.ldo',
  d75: 'https://tuvanmienphi.vn/en/legal/1114-the-governments-decree-752021nd-cp-dated-july-24-2021-stipulating-the-level-of-allowances-and-preferential-treatment-for-people-with-meritorious-services-to-the-revolution.html',
  d77: 'https://www.vietnam.vn/en/tang-tro-cap-uu-dai-nguoi-co-cong-voi-cach-mang-cao-nhat-trong-20-nam',
} as const;

function v(
  key: ParamKey,
  value: number | null,
  unit: ParamUnit,
  validFrom: string,
  validTo: string | null,
  basis: LegalBasis,
  scope = 'national',
): ParamVersion {
  return Object.freeze({ key, value, unit, validFrom, validTo, basis: Object.freeze(basis), scope });
}

const ext2026: LegalBasis = {
  document: D351,
  article: '(điều khoản chưa xác minh)',
  note: 'keeps the 2022–2025 standard of Decree 07/2021 in force from 01/01/2026 to 31/12/2026',
  source: SRC.d351,
  verified: true,
};

/** The national law, as far as it is encoded. Ordered by key, then date. */
export const LAW_PARAMETERS: ParamSet = Object.freeze([
  // Multidimensional poverty standard: income thresholds (per person per month).
  v('poverty.income.rural', 1_500_000, 'VND/month', '2022-01-01', '2025-12-31', {
    document: D07,
    article: 'Điều 3 khoản 1 điểm a',
    source: SRC.d07,
    verified: true,
  }),
  v('poverty.income.rural', 1_500_000, 'VND/month', '2026-01-01', '2026-12-31', ext2026),
  v('poverty.income.rural', 2_200_000, 'VND/month', '2027-01-01', '2030-12-31', {
    document: D351,
    article: '(điều khoản chưa xác minh)',
    note: 'income criterion 2027–2030, rural',
    source: SRC.d351,
    verified: true,
  }),
  v('poverty.income.urban', 2_000_000, 'VND/month', '2022-01-01', '2025-12-31', {
    document: D07,
    article: 'Điều 3 khoản 1 điểm a',
    source: SRC.d07,
    verified: true,
  }),
  v('poverty.income.urban', 2_000_000, 'VND/month', '2026-01-01', '2026-12-31', ext2026),
  v('poverty.income.urban', 2_800_000, 'VND/month', '2027-01-01', '2030-12-31', {
    document: D351,
    article: '(điều khoản chưa xác minh)',
    note: 'income criterion 2027–2030, urban',
    source: SRC.d351,
    verified: true,
  }),
  // Average-living-standard households: income above the threshold up to this maximum.
  v('poverty.average.rural.max', 2_250_000, 'VND/month', '2022-01-01', '2025-12-31', {
    document: D07,
    article: 'Điều 3 khoản 3',
    note: 'rural: > 1,500,000 to 2,250,000',
    source: SRC.d07bands,
    verified: true,
  }),
  v('poverty.average.rural.max', 2_250_000, 'VND/month', '2026-01-01', '2026-12-31', ext2026),
  v('poverty.average.rural.max', null, 'VND/month', '2027-01-01', '2030-12-31', {
    document: D351,
    article: '(chưa xác minh)',
    note: 'average-living band 2027–2030 not confirmed',
    verified: false,
  }),
  v('poverty.average.urban.max', 3_000_000, 'VND/month', '2022-01-01', '2025-12-31', {
    document: D07,
    article: 'Điều 3 khoản 3',
    note: 'urban: > 2,000,000 to 3,000,000',
    source: SRC.d07bands,
    verified: true,
  }),
  v('poverty.average.urban.max', 3_000_000, 'VND/month', '2026-01-01', '2026-12-31', ext2026),
  v('poverty.average.urban.max', null, 'VND/month', '2027-01-01', '2030-12-31', {
    document: D351,
    article: '(chưa xác minh)',
    note: 'average-living band 2027–2030 not confirmed',
    verified: false,
  }),
  // Poor = income at or below the threshold and deprived on at least this many indicators.
  v('poverty.deprivations.poorMin', 3, 'count', '2022-01-01', '2025-12-31', { document: D07, article: 'Điều 3 khoản 2', source: SRC.d07bands, verified: true }),
  v('poverty.deprivations.poorMin', 3, 'count', '2026-01-01', '2026-12-31', ext2026),
  v('poverty.deprivations.poorMin', 3, 'count', '2027-01-01', '2030-12-31', {
    document: D351,
    article: '(điều khoản chưa xác minh)',
    note: 'poor: ≤ threshold and ≥ 3 deprivations; near-poor: ≤ threshold and < 3',
    source: SRC.d351,
    verified: true,
  }),
  // Social assistance standard level (mức chuẩn trợ giúp xã hội).
  v('assistance.standard', 360_000, 'VND/month', '2021-07-01', '2024-06-30', { document: D20, article: 'Điều 4 khoản 2', source: SRC.d20, verified: true }),
  v('assistance.standard', 500_000, 'VND/month', '2024-07-01', null, {
    document: D76,
    article: 'Điều 1 khoản 1 (sửa Điều 4 khoản 2 Nghị định 20/2021/NĐ-CP)',
    source: SRC.d76,
    verified: true,
  }),
  // Category coefficients of monthly social assistance (Decree 20/2021 Art. 6 cl. 1), in tenths.
  ...coefficients(),
  // Social pension (trợ cấp hưu trí xã hội) from 01/07/2025.
  v('social_pension.amount', 500_000, 'VND/month', '2025-07-01', null, {
    document: D176,
    article: '(điều khoản chưa xác minh)',
    note: 'monthly social pension; a person also entitled to monthly social assistance receives the higher one',
    source: SRC.d176,
    verified: true,
  }),
  v('social_pension.age', 75, 'years', '2025-07-01', null, { document: LSI, article: 'Điều 21 khoản 1', source: SRC.d176, verified: true }),
  v('social_pension.age.poor', 70, 'years', '2025-07-01', null, {
    document: LSI,
    article: 'Điều 21 khoản 2',
    note: 'aged 70 to under 75 in a poor or near-poor household',
    source: SRC.d176,
    verified: true,
  }),
  // People with meritorious service: standard level, Annex I–III levels, convalescence (src/law/merit-levels.ts).
  ...MERIT_LEVELS,
]);

function coefficients(): ParamVersion[] {
  const art = (point: string, verified: boolean, source?: string): LegalBasis => ({
    document: D20,
    article: `Điều 6 khoản 1 điểm ${point}`,
    note: verified
      ? 'confirmed (value and category); point letter not confirmed'
      : 'value from the project table (../shared/LAW.md); not independently confirmed in this session; point letter not confirmed',
    source,
    verified,
  });
  const elderly = 'https://vietnam.vn/en/nguoi-khong-co-luong-huu-duoc-tang-tro-cap-xa-hoi-hang-thang';
  const single = 'https://ja.laodong.vn/cong-doan/muc-tro-cap-xa-hoi-hang-thang-cho-me-don-than-dang-nuoi-con-nho-thuoc-ho-ngheo-can-ngheo-1542806.ldo';
  const rows: [string, number, string, boolean, string?][] = [
    ['5.1.under4', 25, 'a', false],
    ['5.1.from4', 15, 'a', false],
    ['5.2', 15, 'b', false],
    ['5.3.under4', 25, 'c', false],
    ['5.3.from4', 20, 'c', false],
    ['5.4.perChild', 10, 'd', true, single],
    ['5.5a.60to80', 15, 'đ', true, elderly],
    ['5.5a.80plus', 20, 'đ', true, elderly],
    ['5.5b', 10, 'đ', true, elderly],
    ['5.5c', 10, 'đ', true, elderly],
    ['5.5d', 30, 'đ', true, elderly],
    ['5.6.especially', 20, 'e', false],
    ['5.6.especially.childOrElderly', 25, 'e', false],
    ['5.6.severe', 15, 'e', false],
    ['5.6.severe.childOrElderly', 20, 'e', false],
    ['5.7', 15, 'g', false],
    ['5.8', 15, 'h', false],
  ];
  return rows.map(([k, value, point, verified, source]) =>
    v(`assistance.coef.${k}`, value, 'coefficient×10', '2021-07-01', null, art(point, verified, source)),
  );
}

/** True when `date` (ISO yyyy-mm-dd) falls within the version's dates. */
export function inForce(p: Pick<ParamVersion, 'validFrom' | 'validTo'>, date: string): boolean {
  return p.validFrom <= date && (p.validTo === null || date <= p.validTo);
}

/**
 * The version of `key` in force on `date` (ISO yyyy-mm-dd). A province override (People's
 * Council resolution) wins over the national version within its own dates. Null when the law
 * (as encoded) has no version for that date.
 * @example paramAt('assistance.standard', '2024-07-01')?.value // 500000
 */
export function paramAt(key: ParamKey, date: string, province?: string | null, set: ParamSet = LAW_PARAMETERS): ParamVersion | null {
  let national: ParamVersion | null = null;
  for (const p of set) {
    if (p.key !== key || !inForce(p, date)) continue;
    if (province && p.scope === province) return p;
    if (p.scope === 'national' && (!national || p.validFrom > national.validFrom)) national = p;
  }
  return national;
}

/** The provinces with a version of their own of some parameter: elsewhere paramAt answers the national version. */
export function overriddenProvinces(set: ParamSet = LAW_PARAMETERS): string[] {
  return [...new Set(set.filter((p) => p.scope !== 'national').map((p) => p.scope))].sort();
}

/** A short citation: "Nghị định 20/2021/NĐ-CP, Điều 4 khoản 2". */
export function cite(b: LegalBasis): string {
  return `${b.document}, ${b.article}`;
}

/** Adds versions (a new decree, a province resolution) to a set without touching the old ones. */
export function withVersions(set: ParamSet, ...added: ParamVersion[]): ParamSet {
  for (const a of added) {
    const clash = set.find((p) => p.key === a.key && p.scope === a.scope && p.validFrom === a.validFrom);
    if (clash) throw new Error(`a version of ${a.key} (${a.scope}) from ${a.validFrom} exists; add a new version instead of rewriting it`);
  }
  return Object.freeze([...set, ...added.map((a) => Object.freeze({ ...a }))]);
}

/** A province People's Council override of a parameter (e.g. a higher assistance standard level). */
export function provinceOverride(
  key: ParamKey,
  province: string,
  value: number,
  validFrom: string,
  validTo: string | null,
  resolution: string,
  article = '(toàn văn)',
): ParamVersion {
  return v(
    key,
    value,
    'VND/month',
    validFrom,
    validTo,
    { document: resolution, article, note: `People's Council override for province ${province}`, verified: false },
    province,
  );
}

// ---------------------------------------------------------------------------------------------
// Deprivation indicators of the multidimensional poverty standard, per period.

export type PovertyPeriod = '2022-2026' | '2027-2030';

export interface DeprivationIndicator {
  readonly key: string;
  readonly dimension: Text;
  readonly text: Text;
  readonly basis: LegalBasis;
}

const d07Annex = (note?: string, verified = true): LegalBasis => ({ document: D07, article: 'Điều 3 khoản 1 điểm b', note, source: SRC.d07, verified });
const d351Ind = (): LegalBasis => ({
  document: D351,
  article: '(chưa xác minh)',
  note: 'indicator named in public reports; its exact threshold is not confirmed',
  source: SRC.d351b,
  verified: false,
});

const DIM = {
  work: { vi: 'Việc làm', en: 'Employment' },
  health: { vi: 'Y tế', en: 'Health' },
  edu: { vi: 'Giáo dục', en: 'Education' },
  housing: { vi: 'Nhà ở', en: 'Housing' },
  water: { vi: 'Nước sinh hoạt và vệ sinh', en: 'Water and sanitation' },
  waterEnv: { vi: 'Nước sinh hoạt, vệ sinh và môi trường', en: 'Water, sanitation and environment' },
  info: { vi: 'Thông tin', en: 'Information' },
} as const;

/** The 12 indicators of Decree 07/2021 (2022–2026); wording paraphrased, legal text in the decree. */
const INDICATORS_2022: readonly DeprivationIndicator[] = [
  {
    key: 'employment',
    dimension: DIM.work,
    text: {
      vi: 'Việc làm: có thành viên trong độ tuổi lao động không có việc làm ổn định',
      en: 'Employment: a working-age member without regular, stable work',
    },
    basis: d07Annex('exact wording not confirmed', false),
  },
  {
    key: 'dependants',
    dimension: DIM.work,
    text: { vi: 'Người phụ thuộc trong hộ: hơn một nửa số thành viên là người phụ thuộc', en: 'Dependants: more than half of the members are dependants' },
    basis: d07Annex(),
  },
  {
    key: 'nutrition',
    dimension: DIM.health,
    text: { vi: 'Dinh dưỡng: có trẻ em dưới 16 tuổi suy dinh dưỡng', en: 'Nutrition: a child under 16 is malnourished' },
    basis: d07Annex(),
  },
  {
    key: 'health_insurance',
    dimension: DIM.health,
    text: { vi: 'Bảo hiểm y tế: có thành viên từ 6 tuổi trở lên không có bảo hiểm y tế', en: 'Health insurance: a member aged 6 or over has none' },
    basis: d07Annex('age 6 not confirmed', false),
  },
  { key: 'adult_education', dimension: DIM.edu, text: { vi: 'Trình độ giáo dục của người lớn', en: 'Adult education level' }, basis: d07Annex() },
  { key: 'child_schooling', dimension: DIM.edu, text: { vi: 'Tình trạng đi học của trẻ em', en: 'School attendance of children' }, basis: d07Annex() },
  { key: 'housing_quality', dimension: DIM.housing, text: { vi: 'Chất lượng nhà ở', en: 'Housing quality' }, basis: d07Annex() },
  {
    key: 'housing_area',
    dimension: DIM.housing,
    text: { vi: 'Diện tích nhà ở bình quân đầu người (dưới 8 m²/người)', en: 'Floor area per person (under 8 m²)' },
    basis: d07Annex(),
  },
  { key: 'water', dimension: DIM.water, text: { vi: 'Nguồn nước sinh hoạt', en: 'Domestic water source' }, basis: d07Annex() },
  { key: 'sanitation', dimension: DIM.water, text: { vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' }, basis: d07Annex() },
  { key: 'telecom', dimension: DIM.info, text: { vi: 'Sử dụng dịch vụ viễn thông', en: 'Use of telecommunication services' }, basis: d07Annex() },
  {
    key: 'information_access',
    dimension: DIM.info,
    text: { vi: 'Phương tiện phục vụ tiếp cận thông tin', en: 'Means of access to information' },
    basis: d07Annex(),
  },
];

/** The indicators of Decree 351/2025 (2027–2030) as publicly reported; thresholds not confirmed. */
const INDICATORS_2027: readonly DeprivationIndicator[] = [
  { key: 'employment', dimension: DIM.work, text: { vi: 'Việc làm', en: 'Employment' }, basis: d351Ind() },
  { key: 'dependants', dimension: DIM.work, text: { vi: 'Người phụ thuộc trong hộ', en: 'Dependants' }, basis: d351Ind() },
  { key: 'health_insurance', dimension: DIM.health, text: { vi: 'Bảo hiểm y tế', en: 'Health insurance' }, basis: d351Ind() },
  { key: 'nutrition', dimension: DIM.health, text: { vi: 'Dinh dưỡng', en: 'Nutrition' }, basis: d351Ind() },
  { key: 'adult_education', dimension: DIM.edu, text: { vi: 'Trình độ giáo dục của người lớn', en: 'Adult education level' }, basis: d351Ind() },
  { key: 'child_schooling', dimension: DIM.edu, text: { vi: 'Tình trạng đi học của trẻ em', en: 'School attendance of children' }, basis: d351Ind() },
  { key: 'housing_area', dimension: DIM.housing, text: { vi: 'Diện tích nhà ở bình quân đầu người', en: 'Floor area per person' }, basis: d351Ind() },
  { key: 'housing_quality', dimension: DIM.housing, text: { vi: 'Chất lượng nhà ở', en: 'Housing quality' }, basis: d351Ind() },
  {
    key: 'digital_services',
    dimension: DIM.info,
    text: { vi: 'Sử dụng dịch vụ viễn thông, dịch vụ số (internet)', en: 'Use of telecom and digital services (internet)' },
    basis: d351Ind(),
  },
  { key: 'water', dimension: DIM.waterEnv, text: { vi: 'Nguồn nước sinh hoạt', en: 'Domestic water source' }, basis: d351Ind() },
  { key: 'sanitation', dimension: DIM.waterEnv, text: { vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic toilet' }, basis: d351Ind() },
  { key: 'waste', dimension: DIM.waterEnv, text: { vi: 'Xử lý rác thải sinh hoạt (mới)', en: 'Household waste treatment (new)' }, basis: d351Ind() },
];

/** Which poverty standard applies to a review year; null outside 2022–2030. */
export function povertyPeriod(year: number): PovertyPeriod | null {
  if (year >= 2022 && year <= 2026) return '2022-2026';
  if (year >= 2027 && year <= 2030) return '2027-2030';
  return null;
}

export function deprivationIndicators(period: PovertyPeriod): readonly DeprivationIndicator[] {
  return period === '2022-2026' ? INDICATORS_2022 : INDICATORS_2027;
}

/** Every indicator key known in any period (for input validation). */
export const ALL_INDICATOR_KEYS: readonly string[] = [...new Set([...INDICATORS_2022, ...INDICATORS_2027].map((i) => i.key))];
