// The HTTP contract of housing cases: request bodies, answers and the presenters deciding what of
// a case leaves the server (the household head's name is shown to those who may read the
// registry of the commune, as on the registry's own lists).
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { enumOf } from '../kernel/schemas.ts';
import { HOUSING_GROUPS, HOUSING_PROGRAMMES, HOUSING_SUPPORT_TYPES } from '../law/housing.ts';
import { RELIEF_EVENT_KINDS, RELIEF_SUPPORT_TYPES } from '../law/relief.ts';
import { FUNDING_SOURCES, HOUSING_STAGES, LEVEL_STATUSES, RELIEF_DISTRIBUTIONS, isLate } from './model.ts';
import type { FundingRow, HousingCaseRow, StageRow, SummaryRow } from './store.ts';

const DateStr = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Stage = enumOf(HOUSING_STAGES);
const Source = enumOf(FUNDING_SOURCES);

export const CaseId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Code = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,5}$' }) });

export const NewCaseBody = Type.Object(
  {
    householdId: Type.Integer({ minimum: 1 }),
    group: enumOf(HOUSING_GROUPS, { description: 'merit, poor, near_poor, disaster, other' }),
    programme: enumOf(HOUSING_PROGRAMMES),
    supportType: enumOf(HOUSING_SUPPORT_TYPES, { description: 'new (xây mới) or repair (sửa chữa)' }),
    condition: Type.String({ maxLength: 1000, description: 'the house as surveyed (hiện trạng)' }),
    surveyDate: DateStr,
  },
  { additionalProperties: false },
);
export type NewCaseBody = Static<typeof NewCaseBody>;

export const StageBody = Type.Object(
  {
    stage: Stage,
    date: DateStr,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    decision: Type.Optional(Type.Object({ number: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type StageBody = Static<typeof StageBody>;

export const FundingBody = Type.Object(
  {
    source: Source,
    amount: Type.Integer({ description: 'VND, positive' }),
    date: DateStr,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type FundingBody = Static<typeof FundingBody>;

export const CaseQuery = Type.Object({
  stage: Type.Optional(Stage),
  late: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const ImportQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean()) });

const CaseView = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  household: Type.Object({ id: Type.Integer(), code: Type.String(), headName: Nullable(Type.String()) }),
  group: enumOf(HOUSING_GROUPS),
  programme: enumOf(HOUSING_PROGRAMMES),
  supportType: enumOf(HOUSING_SUPPORT_TYPES),
  condition: Type.String(),
  surveyDate: Type.String(),
  decision: Nullable(Type.Object({ number: Type.String(), date: Type.String() })),
  level: Type.Object({ amount: Nullable(Type.Number()), status: enumOf(LEVEL_STATUSES), basis: Nullable(Type.String()) }),
  deadline: Nullable(Type.String()),
  late: Type.Boolean(),
  stage: Stage,
  funded: Type.Number(),
  version: Type.Integer(),
});
export const CaseList = Type.Object({ items: Type.Array(CaseView), total: Type.Integer(), page: Type.Integer() });
export const CaseDetail = Type.Object({
  case: CaseView,
  stages: Type.Array(Type.Object({ stage: Stage, date: Type.String(), confirmedBy: Type.String(), note: Type.String() })),
  funding: Type.Array(
    Type.Object({ id: Type.Integer(), source: Source, amount: Type.Number(), date: Type.String(), note: Type.String(), recordedBy: Type.String() }),
  ),
  documents: Type.Array(
    Type.Object({
      id: Type.Integer(),
      stage: Stage,
      fileName: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
      uploadedBy: Type.String(),
      uploadedAt: Type.String(),
    }),
  ),
});
export const CaseDocumentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), documentId: Type.Integer({ minimum: 1 }) });
export const CaseDocumentUploadDoc = Type.Object({
  stage: Type.String({ description: 'the stage the file belongs to (one the case has reached)' }),
  file: Type.String({ format: 'binary', description: 'PDF, JPEG or PNG (by its bytes), at most 5 MB' }),
});
export const CaseDocumentUploaded = Type.Object({ id: Type.Integer(), stage: Stage, contentType: Type.String() });
export const Created = Type.Object({ id: Type.Integer() });
export const Moved = Type.Object({ version: Type.Integer(), stage: Stage });
export const Summary = Type.Object({
  stages: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
  late: Type.Integer(),
  communes: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), stages: Type.Record(Type.String(), Type.Integer()), total: Type.Integer(), late: Type.Integer() }),
  ),
  money: Type.Array(Type.Object({ source: Source, amount: Type.Number() })),
  moneyTotal: Type.Number(),
});
const Msg = Type.Object({ vi: Type.String(), en: Type.String() });
export const ImportReport = Type.Object({
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      householdCode: Type.String(),
      outcome: Type.Union([Type.Literal('created'), Type.Literal('exists'), Type.Literal('error')]),
      caseId: Nullable(Type.Integer()),
      errors: Type.Array(Type.Object({ field: Type.String(), message: Msg })),
    }),
  ),
  created: Type.Integer(),
  exists: Type.Integer(),
  errors: Type.Integer(),
  written: Type.Boolean(),
});

export function presentCase(c: HousingCaseRow, today: string): Static<typeof CaseView> {
  return {
    id: c.id,
    unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name },
    household: { id: c.household_id, code: c.household_code, headName: c.head_name },
    group: c.group,
    programme: c.programme,
    supportType: c.support_type,
    condition: c.condition,
    surveyDate: c.survey_date,
    decision: c.decision_number && c.decision_date ? { number: c.decision_number, date: c.decision_date } : null,
    level: { amount: c.level_amount, status: c.level_status, basis: c.level_basis },
    deadline: c.deadline,
    late: isLate(c.stage, c.deadline, today),
    stage: c.stage,
    funded: c.funded,
    version: c.version,
  };
}

export const presentStage = (s: StageRow) => ({ stage: s.stage, date: s.date, confirmedBy: s.confirmed_by, note: s.note });
export const presentFunding = (f: FundingRow) => ({ id: f.id, source: f.source, amount: f.amount, date: f.date, note: f.note, recordedBy: f.recorded_by });

export function presentSummary(
  rows: readonly SummaryRow[],
  money: readonly { source: (typeof FUNDING_SOURCES)[number]; amount: number }[],
): Static<typeof Summary> {
  const zero = () => Object.fromEntries(HOUSING_STAGES.map((s) => [s, 0])) as Record<string, number>;
  const stages = zero();
  const communes = new Map<number, { code: string; name: string; stages: Record<string, number>; total: number; late: number }>();
  let late = 0;
  for (const r of rows) {
    stages[r.stage]! += r.n;
    late += r.late;
    const c = communes.get(r.unit_id) ?? { code: r.unit_code, name: r.unit_name, stages: zero(), total: 0, late: 0 };
    c.stages[r.stage]! += r.n;
    c.total += r.n;
    c.late += r.late;
    communes.set(r.unit_id, c);
  }
  return {
    stages,
    total: Object.values(stages).reduce((a, b) => a + b, 0),
    late,
    communes: [...communes.values()],
    money: [...money],
    moneyTotal: money.reduce((a, m) => a + m.amount, 0),
  };
}

// Emergency relief (relief-routes.ts).
export const ReliefId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ReliefDate = Type.String({ format: 'date' });
export const ReliefEventBody = Type.Object(
  { unitCode: Type.String({ pattern: '^[0-9]{2,5}$' }), kind: enumOf(RELIEF_EVENT_KINDS), name: Type.String({ maxLength: 200 }), date: ReliefDate },
  { additionalProperties: false },
);
export const ReliefEntryBody = Type.Object(
  {
    householdId: Type.Optional(Type.Integer({ minimum: 1, description: 'a registry household; or `outside`' })),
    outside: Type.Optional(
      Type.Object(
        {
          fullName: Type.String({ maxLength: 120 }),
          personalId: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
          villageId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
          household: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'the household as told (e.g. "hộ ông Sùng A Chứ")' }))),
        },
        { additionalProperties: false, description: 'a person not in the registry, registered after review' },
      ),
    ),
    supportType: enumOf(RELIEF_SUPPORT_TYPES),
    persons: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    distribution: Type.Optional(enumOf(RELIEF_DISTRIBUTIONS)),
    item: Type.Optional(Type.String({ maxLength: 100 })),
    quantity: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 })),
    quantityUnit: Type.Optional(Type.String({ maxLength: 20 })),
    account: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export const ReliefReviewBody = Type.Object(
  {
    householdCode: Type.String({ minLength: 1, maxLength: 40 }),
    dateOfBirth: ReliefDate,
    sex: Type.Union([Type.Literal('M'), Type.Literal('F')]),
    ethnicCode: Type.String({ pattern: '^[0-9]{2}$' }),
    address: Type.String({ maxLength: 300 }),
    area: Type.Union([Type.Literal('urban'), Type.Literal('rural')]),
  },
  { additionalProperties: false },
);
export const ReliefRegistered = Type.Object({ householdId: Type.Integer() });
export const ReliefDecisionBody = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 60 }), date: ReliefDate, signer: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export const ReliefDecisionView = Type.Object({
  number: Type.String(),
  date: Type.String(),
  signer: Type.String(),
  lines: Type.Integer(),
  amount: Type.Number(),
});
export const ReliefApproved = Type.Object({ id: Type.Integer(), lines: Type.Integer(), amount: Type.Number() });
export const ReliefEntryView = Type.Object({
  id: Type.Integer(),
  household: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), headName: Nullable(Type.String()) })),
  outside: Nullable(
    Type.Object({
      name: Type.String(),
      personalId: Nullable(Type.String({ description: 'masked: the last 3 digits' })),
      village: Nullable(Type.String()),
      household: Nullable(Type.String()),
      registeredOn: Nullable(Type.String({ description: 'when the review registered the household' })),
    }),
  ),
  supportType: enumOf(RELIEF_SUPPORT_TYPES),
  distribution: enumOf(RELIEF_DISTRIBUTIONS),
  item: Nullable(Type.String()),
  quantity: Nullable(Type.Number()),
  quantityUnit: Nullable(Type.String()),
  account: Nullable(Type.String({ description: 'masked: the last 4 digits' })),
  persons: Type.Integer(),
  amount: Nullable(Type.Number()),
  riceKg: Nullable(Type.Integer()),
  status: enumOf(LEVEL_STATUSES),
  basis: Nullable(Type.String()),
  supportedOn: Nullable(Type.String()),
  days: Nullable(Type.Integer({ description: 'days from the event to the support' })),
});
export const ReliefEventDetail = Type.Object({
  event: Type.Object({ id: Type.Integer(), unitCode: Type.String(), kind: enumOf(RELIEF_EVENT_KINDS), name: Type.String(), date: Type.String() }),
  items: Type.Array(ReliefEntryView),
  decision: Nullable(ReliefDecisionView),
  villages: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), {
    description: "the villages of the event's commune (for a person outside the registry)",
  }),
  supported: Type.Integer(),
  total: Type.Integer(),
  maxDays: Nullable(Type.Integer()),
});

export const ReliefCreated = Type.Object({ id: Type.Integer() });
export const ReliefSupportedBody = Type.Object({ date: ReliefDate }, { additionalProperties: false });
export const ReliefEntryCreated = Type.Object({
  id: Type.Integer(),
  amount: Nullable(Type.Number()),
  riceKg: Nullable(Type.Integer()),
  status: enumOf(LEVEL_STATUSES),
});
export const ReliefSupported = Type.Object({ days: Type.Integer({ description: 'days from the event to the support' }) });

// Lookups for the web's forms (a household by its code) and the list of a unit's events.
export const HouseholdCodeParams = Type.Object({
  code: Type.String({ pattern: '^[0-9]{2,5}$' }),
  householdCode: Type.String({ minLength: 1, maxLength: 40 }),
});
export const HouseholdLookup = Type.Object({ id: Type.Integer(), code: Type.String(), headName: Nullable(Type.String()), unitName: Type.String() });
export const ReliefEventItem = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  kind: enumOf(RELIEF_EVENT_KINDS),
  name: Type.String(),
  date: Type.String(),
  entries: Type.Integer(),
  supported: Type.Integer(),
});
export const ReliefEventList = Type.Object({ items: Type.Array(ReliefEventItem) });
export type CaseView = Static<typeof CaseView>;
export type CaseListView = Static<typeof CaseList>;
export type CaseDetailView = Static<typeof CaseDetail>;
export type SummaryView = Static<typeof Summary>;
export type ImportReportView = Static<typeof ImportReport>;
export type ReliefEventDetailView = Static<typeof ReliefEventDetail>;
export type ReliefEventListView = Static<typeof ReliefEventList>;
export type HouseholdLookupView = Static<typeof HouseholdLookup>;
export type ReliefEventBody = Static<typeof ReliefEventBody>;
export type ReliefEntryBody = Static<typeof ReliefEntryBody>;
export type ReliefReviewBody = Static<typeof ReliefReviewBody>;
export type ReliefDecisionBody = Static<typeof ReliefDecisionBody>;
