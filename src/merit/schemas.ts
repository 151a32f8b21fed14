// The HTTP contract of merit profiles: request bodies (the facts schema is the law engine's, one
// definition for `ansinh evaluate` and the registry), the answers, and the presenters that decide
// what of a profile leaves the server (health facts and the amounts that would tell them masked).
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { MeritFactsSchema, MonthString, type MeritFacts } from '../law/schema.ts';
import { enumOf } from '../kernel/schemas.ts';
import { MERIT_CATEGORIES, MERIT_CATEGORY, type MeritCategory } from '../law/merit-categories.ts';
import { cite } from '../law/parameters.ts';
import { MERIT_STATUSES, type MeritAllowance, type MeritMonth } from '../law/merit.ts';
import type { MeritProfileRow, MeritProfileVersionRow } from './store.ts';
import {
  CONVALESCENCE_FREQUENCIES,
  CONVALESCENCE_KINDS,
  CONVALESCENCE_STATUSES,
  HEALTH_INSURANCE_STATUSES,
  MERIT_LISTS,
  TET_GIFT_STATUSES,
} from '../law/merit-lists.ts';

const Month = MonthString('YYYY-MM');
const Category = enumOf(MERIT_CATEGORIES, { description: 'Ordinance 02/2020/UBTVQH14 Art. 3 category' });
const Reason = Type.String({ minLength: 3, maxLength: 500, description: 'Why the change is made (stored on the version)' });
const TextView = Type.Object({ vi: Type.String(), en: Type.String() });

export const ProfileId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const PersonId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ProfileQuery = Type.Object({
  full: Type.Optional(Type.Boolean({ description: 'health facts and amounts in full (registry.person.read_full, audited)' })),
  month: Type.Optional(Month),
});

/** The recognition decision (quyết định công nhận): number, date and issuing body, all required. */
export const RecognitionDecision = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 125/QĐ-LĐTBXH' }),
    date: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
    body: Type.String({ minLength: 1, maxLength: 300, description: 'issuing body, e.g. Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu' }),
  },
  { additionalProperties: false },
);

export const NewProfileBody = Type.Object(
  {
    personId: Type.Integer({ minimum: 1, description: 'the registry person holding the profile' }),
    category: Category,
    facts: Type.Optional(MeritFactsSchema),
    decision: RecognitionDecision,
    startMonth: Month,
    endMonth: Type.Optional(Nullable(Month)),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type NewProfileBody = Static<typeof NewProfileBody>;

export const ProfilePatchBody = Type.Object(
  {
    changes: Type.Object(
      {
        category: Type.Optional(Category),
        facts: Type.Optional(MeritFactsSchema),
        decision: Type.Optional(RecognitionDecision),
        startMonth: Type.Optional(Month),
        endMonth: Type.Optional(Nullable(Month)),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type ProfilePatchBody = Static<typeof ProfilePatchBody>;

const ComponentView = Type.Object({
  key: Type.String(),
  text: TextView,
  amount: Nullable(Type.Integer()),
  basis: Type.String({ description: 'document and article, e.g. "Nghị định 77/2024/NĐ-CP, Phụ lục I, mục 3.2"' }),
  verified: Type.Boolean(),
});
const ReasonView = Type.Object({ text: TextView, basis: Nullable(Type.String()) });
export const AllowanceView = Type.Object({
  month: Month,
  status: enumOf(MERIT_STATUSES),
  monthlyAmount: Nullable(Type.Integer()),
  components: Type.Array(ComponentView),
  reasons: Type.Array(ReasonView),
});

export const MeritProfileView = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  unitId: Type.Integer(),
  category: Category,
  categoryText: TextView,
  categoryArticle: Type.String(),
  facts: MeritFactsSchema,
  decision: RecognitionDecision,
  startMonth: Month,
  endMonth: Nullable(Month),
  version: Type.Integer(),
  masked: Type.Boolean({ description: 'true when health facts and the amount are left out' }),
  allowance: Nullable(AllowanceView),
});
export type MeritProfileView = Static<typeof MeritProfileView>;

export const MeritProfileList = Type.Object({
  items: Type.Array(MeritProfileView),
  total: Type.Integer(),
  month: Month,
  monthlyTotal: Nullable(Type.Integer({ description: "the month's merit allowance of the person; null when unknown or masked" })),
  reasons: Type.Array(ReasonView),
});
export type MeritProfileList = Static<typeof MeritProfileList>;

const VersionView = Type.Object({
  version: Type.Integer(),
  recordedAt: Type.String(),
  recordedBy: Nullable(Type.String()),
  reason: Type.String(),
  category: Category,
  facts: MeritFactsSchema,
  decision: RecognitionDecision,
  startMonth: Month,
  endMonth: Nullable(Month),
});
export const MeritProfileDetail = Type.Object({ profile: MeritProfileView, history: Type.Array(VersionView) });
export type MeritProfileDetail = Static<typeof MeritProfileDetail>;
export const ProfileCreated = Type.Object({ id: Type.Integer(), version: Type.Integer() });
export const ProfilePatched = Type.Object({ version: Type.Integer() });

/** Facts that tell of a person's health (injury or illness rates, wounds, deformity). */
export const HEALTH_FACTS = new Set<keyof MeritFacts>(['injuryRate', 'especiallySevere', 'deformedChild', 'meritPersonRate']);

/** Does a profile's allowance tell of health (its amount is priced by a rate or a wound)? */
export function revealsHealth(category: MeritCategory, facts: MeritFacts): boolean {
  return category === 'war_invalid' || category === 'sick_soldier' || category === 'toxic_chemical' || !!facts.deformedChild || facts.meritPersonRate != null;
}

function presentFacts(facts: MeritFacts, full: boolean): MeritFacts {
  return full ? facts : (Object.fromEntries(Object.entries(facts).filter(([k]) => !HEALTH_FACTS.has(k as keyof MeritFacts))) as MeritFacts);
}

export function presentAllowance(a: MeritAllowance): Static<typeof AllowanceView> {
  return {
    month: a.month,
    status: a.status,
    monthlyAmount: a.monthlyAmount,
    components: a.components.map((c) => ({ key: c.key, text: c.text, amount: c.amount, basis: cite(c.basis), verified: c.basis.verified })),
    reasons: a.reasons.map((r) => ({ text: r.text, basis: r.basis ? cite(r.basis) : null })),
  };
}

/** The whitelist presenter of a profile; masked: no health facts, and no allowance when its amount would tell them. */
export function presentProfile(p: MeritProfileRow, allowance: MeritAllowance | null, full: boolean): MeritProfileView {
  const hide = !full && revealsHealth(p.category, p.facts);
  const info = MERIT_CATEGORY[p.category];
  return {
    id: p.id,
    personId: p.person_id,
    unitId: p.unit_id,
    category: p.category,
    categoryText: info.text,
    categoryArticle: info.article,
    facts: presentFacts(p.facts, full),
    decision: { number: p.decision_number, date: p.decision_date, body: p.decision_body },
    startMonth: p.start_month,
    endMonth: p.end_month,
    version: p.version,
    masked: !full,
    allowance: allowance && !hide ? presentAllowance(allowance) : null,
  };
}

export function presentProfileList(rows: readonly MeritProfileRow[], month: MeritMonth, full: boolean): MeritProfileList {
  const byId = new Map(month.allowances.map((a) => [a.profileId, a]));
  const items = rows.map((r) => presentProfile(r, byId.get(String(r.id)) ?? null, full));
  const hidden = items.some((i) => i.allowance === null);
  return {
    items,
    total: items.length,
    month: month.month,
    monthlyTotal: hidden ? null : month.monthlyTotal,
    reasons: month.reasons.map((r) => ({ text: r.text, basis: r.basis ? cite(r.basis) : null })),
  };
}

export function presentProfileVersion(v: MeritProfileVersionRow, full: boolean): Static<typeof VersionView> {
  return {
    version: v.version,
    recordedAt: v.recorded_at,
    recordedBy: v.recorded_by,
    reason: v.reason,
    category: v.category,
    facts: presentFacts(v.facts, full),
    decision: { number: v.decision_number, date: v.decision_date, body: v.decision_body },
    startMonth: v.start_month,
    endMonth: v.end_month,
  };
}

export const UnitCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{5}$', description: 'commune code' }) });
export const ImportQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean({ description: 'check every row, write nothing' })) });
/** The row-level report of an import (src/merit/import.ts): all or nothing, written says which. */
export const MeritImportReport = Type.Object({
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      householdCode: Type.String(),
      fullName: Type.String(),
      outcome: Type.Union([Type.Literal('created'), Type.Literal('changed'), Type.Literal('unchanged'), Type.Literal('error')]),
      profileId: Nullable(Type.Integer()),
      errors: Type.Array(Type.Object({ column: Type.String(), message: TextView })),
    }),
  ),
  created: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Integer(),
  written: Type.Boolean(),
});

/** The yearly lists (src/merit/lists.ts): which list, the year, and the export format. */
export const ListParams = Type.Object({
  code: Type.String({ pattern: '^[0-9]{5}$', description: 'commune code' }),
  list: enumOf(MERIT_LISTS, { description: 'convalescence (điều dưỡng), tet-gifts (quà Tết của Chủ tịch nước), health-insurance (bảo hiểm y tế)' }),
});
export const ListQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2021, maximum: 2100, description: 'the year (default: this year)' })) });
export const ListExportQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2021, maximum: 2100 })),
  format: Type.Optional(enumOf(['csv', 'xlsx'] as const, { description: 'csv (UTF-8 with BOM) or xlsx (default)' })),
});
const ListStatus = enumOf([...new Set<string>([...CONVALESCENCE_STATUSES, ...TET_GIFT_STATUSES, ...HEALTH_INSURANCE_STATUSES])] as string[], {
  description: 'convalescence: due, done, not_due, unknown; tet-gifts: gift, unknown; health-insurance: covered, check',
});
export const MeritListView = Type.Object({
  list: enumOf(MERIT_LISTS),
  year: Type.Integer(),
  basis: Nullable(Type.String()),
  rows: Type.Array(
    Type.Object({
      personId: Type.Integer(),
      fullName: Type.String(),
      householdCode: Nullable(Type.String()),
      categories: Type.Array(Category),
      status: ListStatus,
      amount: Nullable(Type.Integer()),
      amountHome: Nullable(Type.Integer()),
      amountCentre: Nullable(Type.Integer()),
      frequency: Nullable(enumOf(CONVALESCENCE_FREQUENCIES)),
      lastYear: Nullable(Type.Integer()),
      reasons: Type.Array(ReasonView),
    }),
  ),
  counts: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
});
export type MeritListView = Static<typeof MeritListView>;

export const ConvalescenceBody = Type.Object(
  {
    personId: Type.Integer({ minimum: 1 }),
    year: Type.Integer({ minimum: 2021, maximum: 2100 }),
    kind: enumOf(CONVALESCENCE_KINDS, { description: 'home (tại nhà, 0.9× the standard) or centre (tập trung, 1.8×)' }),
  },
  { additionalProperties: false },
);
export const ConvalescenceRecorded = Type.Object({ personId: Type.Integer(), year: Type.Integer(), kind: enumOf(CONVALESCENCE_KINDS) });
