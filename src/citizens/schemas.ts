// The HTTP contract of the public procedure pages (issue 14 item 1): the procedure catalogue and
// the eligibility check. Everything here is public: nothing personal leaves or is stored.
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { enumOf, List, ReadonlyArray } from '../kernel/schemas.ts';
import { MonthString } from '../law/schema.ts';
import { amountsOn, deadlinesOf, type Procedure } from './procedures.ts';

const TextView = Type.Object({ vi: Type.String(), en: Type.String() });
const Basis = Type.Object({ document: Type.String(), article: Type.String(), note: Type.Optional(Type.String()), verified: Type.Boolean() });

export const ProcedureCode = Type.Object({ code: Type.String({ pattern: '^[a-z0-9-]{3,60}$', description: 'e.g. tro-cap-xa-hoi-hang-thang' }) });
export const AtQuery = Type.Object({
  at: Type.Optional(Type.String({ format: 'date', description: 'amounts in force on this date (YYYY-MM-DD); today by default' })),
});

const ProcedureSummary = Type.Object({
  code: Type.String(),
  name: TextView,
  summary: TextView,
  decides: TextView,
  checkable: Type.Boolean({ description: 'the eligibility check answers this procedure' }),
});
export const ProcedureList = List(ProcedureSummary);
export type ProcedureList = Static<typeof ProcedureList>;

export const ProcedureDetail = Type.Object({
  code: Type.String(),
  name: TextView,
  summary: TextView,
  qualifies: ReadonlyArray(Type.Object({ text: TextView, basis: Type.String() })),
  documents: ReadonlyArray(TextView),
  deadlines: ReadonlyArray(
    Type.Object({
      code: Type.String(),
      what: TextView,
      days: Type.Integer(),
      counting: enumOf(['working', 'calendar'] as const),
      from: TextView,
      basis: Type.String(),
      verified: Type.Boolean(),
    }),
  ),
  amounts: ReadonlyArray(
    Type.Object({ key: Type.String(), value: Nullable(Type.Number()), text: Type.String(), validFrom: Nullable(Type.String()), basis: Type.String() }),
  ),
  decides: TextView,
  whereToApply: TextView,
  basis: ReadonlyArray(Basis),
  checkable: Type.Boolean(),
  at: Type.String({ description: 'the date the amounts are in force' }),
});
export type ProcedureDetail = Static<typeof ProcedureDetail>;

const YesNo = Type.Optional(Type.Boolean());
export const CheckBody = Type.Object(
  {
    birthYear: Type.Integer({ minimum: 1900, maximum: 2100, description: 'year of birth' }),
    birthMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    poverty: enumOf(['poor', 'near_poor', 'none', 'unknown'] as const, { description: "the household's poverty status this year" }),
    disability: enumOf(['especially_severe', 'severe', 'mild', 'none'] as const),
    receivesPension: Type.Boolean({ description: 'receives a pension or a monthly social-insurance allowance' }),
    noSupport: YesNo,
    inEducation: YesNo,
    hiv: YesNo,
    noStableIncome: YesNo,
    singleParentChildren: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    elderlyNoSupporter: YesNo,
    especiallyDisadvantagedArea: YesNo,
    month: Type.Optional(MonthString('YYYY-MM')),
  },
  { additionalProperties: false },
);
export type CheckBody = Static<typeof CheckBody>;

export const CheckAnswer = Type.Object({
  month: Type.String(),
  age: Type.Integer(),
  eligible: Nullable(Type.Boolean()),
  benefits: ReadonlyArray(
    Type.Object({
      programme: enumOf(['social_assistance', 'social_pension'] as const),
      category: Type.String(),
      name: TextView,
      monthlyAmount: Nullable(Type.Integer()),
      status: enumOf(['payable', 'superseded', 'not_started', 'unknown'] as const),
      reasons: ReadonlyArray(TextView),
      basis: ReadonlyArray(Type.String()),
    }),
  ),
  monthlyTotal: Type.Integer(),
  summary: TextView,
  reasons: ReadonlyArray(TextView),
  procedures: ReadonlyArray(Type.String()),
  stored: Type.Literal(false, { description: 'nothing of the answers is kept' }),
});
export type CheckAnswer = Static<typeof CheckAnswer>;

export function presentProcedure(p: Procedure, at: string): ProcedureDetail {
  return {
    code: p.code,
    name: p.name,
    summary: p.summary,
    qualifies: p.qualifies,
    documents: p.documents,
    deadlines: deadlinesOf(p),
    amounts: amountsOn(p, at),
    decides: p.decides,
    whereToApply: p.whereToApply,
    basis: p.basis.map((b) => ({ document: b.document, article: b.article, ...(b.note ? { note: b.note } : {}), verified: b.verified })),
    checkable: p.checkable,
    at,
  };
}
