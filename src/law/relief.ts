// Emergency relief (trợ giúp khẩn cấp), Decree 20/2021/NĐ-CP Chapter III as amended by Decree
// 76/2024/NĐ-CP (in force 01/07/2024), as dated versions with their legal basis. Pure.
//
// What was checked (search tool, corpora "pages"/"docs", 03/12/2026):
// - Art. 14 of 20/2021 is the funeral support for deaths and missing persons caused by disasters,
//   fires and other force majeure: confirmed by the Ministry's answer on baochinhphu.vn
//   (SRC.art14), which does not state the multiple.
// - The standard level the multiple applies to: 360,000 (2021) / 500,000 (from 01/07/2024),
//   src/law/parameters.ts `assistance.standard` (verified there).
// - Art. 15 of the 2021 text (checked 06/12/2026): clause 1 house collapsed, washed away or burned
//   down "mức tối thiểu 40.000.000 đồng/hộ"; clause 2 urgent relocation by decision "tối thiểu
//   30.000.000"; clause 3 severe damage "tối thiểu 20.000.000": quoted in the same words by two
//   independent public answers (Báo Khánh Hòa 11/04/2022, before 76/2024, SRC.art15; Lao Động,
//   undated, SRC.art15b). Decree 136/2013 Art. 15 had 20/20/15 million as maxima (several answers).
// - The figures of Art. 12, 13 and 14, and whether 76/2024 changed Art. 15, were not found in a
//   public copy: the values stated in issue 13 are kept with `verified: false` and reported as
//   'unverified'; the original 2021 figures of Art. 12 and 14 and Art. 13 are unknown (null).
// The decree's amounts are minimums ("tối thiểu"): a province may set more by its own decision,
// encoded as a row with `scope` = the province code and its own basis.
import type { LegalBasis } from './parameters.ts';
import { paramAt } from './parameters.ts';

export const RELIEF_SRC = {
  art14: 'https://baochinhphu.vn/print/dieu-kien-xem-xet-ho-tro-chi-phi-mai-tang-102220924121707134.htm',
  art15: 'https://baokhanhhoa.vn/phap-luat/giai-dap-phap-luat/202204/chinh-sach-tro-giup-xa-hoi-khan-cap-ve-nha-o-8248374/',
  art15b: 'https://news.laodong.vn/tu-van-phap-luat/nguoi-bi-lu-lut-cuon-troi-nha-duoc-ho-tro-the-nao-1395090.ldo',
} as const;

export const D20 = 'Nghị định 20/2021/NĐ-CP';
export const D76 = 'Nghị định 76/2024/NĐ-CP';

export const RELIEF_EVENT_KINDS = ['storm', 'flood', 'landslide', 'fire', 'drought', 'other'] as const;
export type ReliefEventKind = (typeof RELIEF_EVENT_KINDS)[number];

/** Support types of Chapter III. */
export const RELIEF_SUPPORT_TYPES = ['food', 'injury', 'funeral', 'house_lost', 'relocation', 'house_damaged'] as const;
export type ReliefSupportType = (typeof RELIEF_SUPPORT_TYPES)[number];

/** 'perHousehold' VND; 'perPerson' VND; 'standardMultiple' × assistance.standard per person; 'riceKgPerPersonMonth'. */
export type ReliefUnit = 'VND/household' | 'VND/person' | 'standard×/person' | 'kg/person/month';

export interface ReliefRow {
  readonly type: ReliefSupportType;
  readonly unit: ReliefUnit;
  readonly value: number | null;
  /** For food: the maximum number of months. */
  readonly maxMonths?: number | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly basis: LegalBasis;
  readonly scope: 'national' | string;
}

const ISSUE = 'figure as stated in issue 13 for Decree 76/2024; not confirmed in a public copy of the text (search 03/12/2026)';
const r = (
  type: ReliefSupportType,
  unit: ReliefUnit,
  value: number | null,
  validFrom: string,
  validTo: string | null,
  basis: LegalBasis,
  extra: Partial<ReliefRow> = {},
): ReliefRow => ({
  type,
  unit,
  value,
  validFrom,
  validTo,
  basis,
  scope: 'national',
  ...extra,
});
const b = (article: string, doc: string, verified: boolean, note?: string, source?: string): LegalBasis => ({
  document: doc,
  article,
  verified,
  ...(note ? { note } : {}),
  ...(source ? { source } : {}),
});
const ORIG = 'original 2021 figure not found (search 03/12/2026)';
const ART15 = 'minimum ("mức tối thiểu") per household, quoted by Báo Khánh Hòa 11/04/2022 and Lao Động (checked 06/12/2026)';

export const RELIEF_LEVELS: readonly ReliefRow[] = [
  // Art. 12: food.
  r('food', 'kg/person/month', null, '2021-07-01', '2024-06-30', b('Điều 12', D20, false, ORIG), { maxMonths: null }),
  r('food', 'kg/person/month', 15, '2024-07-01', null, b('Điều 12 (sửa đổi bởi Nghị định 76/2024/NĐ-CP)', D20, false, ISSUE), { maxMonths: 3 }),
  // Art. 13: seriously injured: level not found.
  r('injury', 'standard×/person', null, '2021-07-01', null, b('Điều 13', D20, false, 'level not found (search 03/12/2026)')),
  // Art. 14: funeral support.
  r('funeral', 'standard×/person', null, '2021-07-01', '2024-06-30', b('Điều 14', D20, false, ORIG, RELIEF_SRC.art14)),
  r('funeral', 'standard×/person', 50, '2024-07-01', null, b('Điều 14 (sửa đổi bởi Nghị định 76/2024/NĐ-CP)', D20, false, ISSUE, RELIEF_SRC.art14)),
  // Art. 15: housing. The 2021 clauses 1–3 are confirmed (see above); after 76/2024 the same
  // figures as the issue states them, unconfirmed.
  r('house_lost', 'VND/household', 40_000_000, '2021-07-01', '2024-06-30', b('Điều 15 khoản 1', D20, true, ART15, RELIEF_SRC.art15)),
  r('house_lost', 'VND/household', 40_000_000, '2024-07-01', null, b('Điều 15 (sửa đổi bởi Nghị định 76/2024/NĐ-CP)', D20, false, ISSUE)),
  r('relocation', 'VND/household', 30_000_000, '2021-07-01', '2024-06-30', b('Điều 15 khoản 2', D20, true, ART15, RELIEF_SRC.art15)),
  r('relocation', 'VND/household', 30_000_000, '2024-07-01', null, b('Điều 15 (sửa đổi bởi Nghị định 76/2024/NĐ-CP)', D20, false, ISSUE)),
  r('house_damaged', 'VND/household', 20_000_000, '2021-07-01', '2024-06-30', b('Điều 15 khoản 3', D20, true, ART15, RELIEF_SRC.art15)),
  r('house_damaged', 'VND/household', 20_000_000, '2024-07-01', null, b('Điều 15 (sửa đổi bởi Nghị định 76/2024/NĐ-CP)', D20, false, ISSUE)),
];

export type ReliefStatus = 'known' | 'unverified' | 'unknown';

export interface ReliefEntitlement {
  readonly type: ReliefSupportType;
  readonly status: ReliefStatus;
  /** Cash amount in VND (null for food, which is rice, or when unknown). */
  readonly amount: number | null;
  /** Rice in kg for food support (persons × kg × months). */
  readonly riceKg: number | null;
  readonly basis: readonly LegalBasis[];
  readonly scope: string | null;
}

const inForce = (x: { validFrom: string; validTo: string | null }, d: string) => x.validFrom <= d && (x.validTo === null || d <= x.validTo);

/**
 * What a household (or person) is entitled to for one support type at the event date. `persons`
 * counts people (food, injury, funeral); `months` asks for food months (capped at the decree's
 * maximum). A province row beats the national row. Missing figures answer 'unknown'.
 */
export function reliefEntitlement(
  q: { type: ReliefSupportType; date: string; persons?: number; months?: number; province?: string | null },
  levels: readonly ReliefRow[] = RELIEF_LEVELS,
): ReliefEntitlement {
  const rows = levels.filter((x) => x.type === q.type && inForce(x, q.date));
  const hit = rows.find((x) => q.province && x.scope === q.province) ?? rows.find((x) => x.scope === 'national');
  const none = (basis: readonly LegalBasis[]): ReliefEntitlement => ({
    type: q.type,
    status: 'unknown',
    amount: null,
    riceKg: null,
    basis,
    scope: hit?.scope ?? null,
  });
  if (!hit || hit.value === null) return none(hit ? [hit.basis] : []);
  const persons = q.persons ?? 1;
  if (!Number.isInteger(persons) || persons < 0) throw new RangeError('persons must be a non-negative integer');
  let status: ReliefStatus = hit.basis.verified ? 'known' : 'unverified';
  switch (hit.unit) {
    case 'VND/household':
      return { type: q.type, status, amount: hit.value, riceKg: null, basis: [hit.basis], scope: hit.scope };
    case 'VND/person':
      return { type: q.type, status, amount: hit.value * persons, riceKg: null, basis: [hit.basis], scope: hit.scope };
    case 'kg/person/month': {
      if (hit.maxMonths == null) return none([hit.basis]);
      const months = Math.min(q.months ?? hit.maxMonths, hit.maxMonths);
      return { type: q.type, status, amount: null, riceKg: hit.value * persons * months, basis: [hit.basis], scope: hit.scope };
    }
    case 'standard×/person': {
      const std = paramAt('assistance.standard', q.date, q.province ?? null);
      if (!std || std.value === null) return none([hit.basis]);
      if (!std.basis.verified) status = 'unverified';
      return { type: q.type, status, amount: hit.value * std.value * persons, riceKg: null, basis: [hit.basis, std.basis], scope: hit.scope };
    }
  }
}
