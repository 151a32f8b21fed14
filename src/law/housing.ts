// Housing support levels (hỗ trợ nhà ở: xây mới / sửa chữa) as dated versions with their legal
// basis. Pure data and one lookup; no I/O.
//
// What was checked (search tool, corpora "pages"/"docs", 03/12/2026): none of the figures below
// could be read in a public copy of its instrument, so every row is `verified: false`. The amounts
// are those stated in issue 13 (the project's brief) for Decision 21/2024/QĐ-TTg and the national
// target programme; `housingLevel` reports them as 'unverified' so a user sees they still need
// checking, and it answers 'unknown' for a group or programme with no row at the date.
import type { LegalBasis } from './parameters.ts';

export const HOUSING_GROUPS = ['merit', 'poor', 'near_poor', 'disaster', 'other'] as const;
export type HousingGroup = (typeof HOUSING_GROUPS)[number];

export const HOUSING_SUPPORT_TYPES = ['new', 'repair'] as const;
export type HousingSupportType = (typeof HOUSING_SUPPORT_TYPES)[number];

/**
 * Programmes: 'qd21' = Decision 21/2024/QĐ-TTg (merit households, 2024–2025);
 * 'nq_poor' = poor/near-poor households outside the national target programmes (instrument not
 * found, see below); 'ntp_poverty' = national target programme for sustainable poverty reduction
 * 2021–2025 (project on housing support); 'local' = a province's own programme (levels by
 * province override only).
 */
export const HOUSING_PROGRAMMES = ['qd21', 'nq_poor', 'ntp_poverty', 'local'] as const;
export type HousingProgramme = (typeof HOUSING_PROGRAMMES)[number];

export interface HousingLevelRow {
  readonly programme: HousingProgramme;
  readonly groups: readonly HousingGroup[];
  readonly supportType: HousingSupportType;
  /** VND per household; null = the instrument sets it but its figure is not known. */
  readonly amount: number | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly basis: LegalBasis;
  /** 'national' or a 2-digit province code (People's Committee/Council decision). */
  readonly scope: 'national' | string;
  /** Programme deadline for completion (ISO date), when the programme set one. */
  readonly deadline?: string | null;
}

export const QD21 = 'Quyết định 21/2024/QĐ-TTg';
const NTP = 'Chương trình MTQG giảm nghèo bền vững 2021–2025 (Quyết định 90/QĐ-TTg)';
const NQ_POOR = 'Chương trình xóa nhà tạm, nhà dột nát cho hộ nghèo, cận nghèo ngoài các CTMTQG (văn bản chưa xác định)';

const ISSUE = 'figure as stated in issue 13; not confirmed in a public copy of the text (search 03/12/2026)';

const row = (
  programme: HousingProgramme,
  groups: readonly HousingGroup[],
  supportType: HousingSupportType,
  amount: number | null,
  validFrom: string,
  validTo: string | null,
  basis: LegalBasis,
  deadline: string | null = null,
  scope = 'national',
): HousingLevelRow => ({ programme, groups, supportType, amount, validFrom, validTo, basis, scope, deadline });

/** National levels. Deadline 2025-12-31: programme end stated in issue 13 (unverified). */
export const HOUSING_LEVELS: readonly HousingLevelRow[] = [
  row(
    'qd21',
    ['merit'],
    'new',
    60_000_000,
    '2024-11-22',
    '2025-12-31',
    { document: QD21, article: 'Điều 3 (mức hỗ trợ)', note: ISSUE, verified: false },
    '2025-12-31',
  ),
  row(
    'qd21',
    ['merit'],
    'repair',
    30_000_000,
    '2024-11-22',
    '2025-12-31',
    { document: QD21, article: 'Điều 3 (mức hỗ trợ)', note: ISSUE, verified: false },
    '2025-12-31',
  ),
  row(
    'nq_poor',
    ['poor', 'near_poor'],
    'new',
    60_000_000,
    '2024-11-22',
    '2025-12-31',
    { document: NQ_POOR, article: '—', note: ISSUE, verified: false },
    '2025-12-31',
  ),
  row(
    'nq_poor',
    ['poor', 'near_poor'],
    'repair',
    30_000_000,
    '2024-11-22',
    '2025-12-31',
    { document: NQ_POOR, article: '—', note: ISSUE, verified: false },
    '2025-12-31',
  ),
  row(
    'ntp_poverty',
    ['poor', 'near_poor'],
    'new',
    40_000_000,
    '2022-01-18',
    '2025-12-31',
    { document: NTP, article: 'Dự án 5 (hỗ trợ nhà ở)', note: ISSUE, verified: false },
    '2025-12-31',
  ),
  row(
    'ntp_poverty',
    ['poor', 'near_poor'],
    'repair',
    20_000_000,
    '2022-01-18',
    '2025-12-31',
    { document: NTP, article: 'Dự án 5 (hỗ trợ nhà ở)', note: ISSUE, verified: false },
    '2025-12-31',
  ),
];

export type LevelStatus = 'known' | 'unverified' | 'unknown';

export interface HousingLevel {
  readonly status: LevelStatus;
  readonly amount: number | null;
  readonly basis: LegalBasis | null;
  readonly deadline: string | null;
  readonly scope: string | null;
}

const inForce = (r: { validFrom: string; validTo: string | null }, date: string) => r.validFrom <= date && (r.validTo === null || date <= r.validTo);

/**
 * The support level for a household at the decision date. A province row (its own basis) beats the
 * national row. No row → 'unknown' (never a guess); a row whose basis is unconfirmed → 'unverified'.
 */
export function housingLevel(
  q: { programme: HousingProgramme; group: HousingGroup; supportType: HousingSupportType; date: string; province?: string | null },
  levels: readonly HousingLevelRow[] = HOUSING_LEVELS,
): HousingLevel {
  const match = levels.filter((r) => r.programme === q.programme && r.supportType === q.supportType && r.groups.includes(q.group) && inForce(r, q.date));
  const hit = match.find((r) => q.province && r.scope === q.province) ?? match.find((r) => r.scope === 'national');
  if (!hit || hit.amount === null)
    return { status: 'unknown', amount: null, basis: hit?.basis ?? null, deadline: hit?.deadline ?? null, scope: hit?.scope ?? null };
  return { status: hit.basis.verified ? 'known' : 'unverified', amount: hit.amount, basis: hit.basis, deadline: hit.deadline ?? null, scope: hit.scope };
}
