// The documented input of `ansinh evaluate` (docs/evaluate-format.md): households with their
// poverty facts and members with the facts the social-assistance rules read. One TypeBox schema,
// validated with check() so every error names its field path.
import { Type, type Static } from 'typebox';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const PovertyStatus = Type.Union([Type.Literal('poor'), Type.Literal('near_poor'), Type.Literal('average'), Type.Literal('none')]);

export const MemberSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    dateOfBirth: IsoDate,
    dateOfDeath: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    noSupport: Flag('Art. 5 cl. 1–2: no source of support (abandoned, orphaned, ...)'),
    inEducation: Flag('Art. 5 cl. 2: aged 16–22 and studying'),
    hiv: Flag('Art. 5 cl. 3, 8'),
    noStableIncome: Flag('Art. 5 cl. 8'),
    singleParentChildren: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'Art. 5 cl. 4: children raised as a single parent' })),
    elderlyNoSupporter: Flag('Art. 5 cl. 5a: no one obliged to support them'),
    communityCare: Flag('Art. 5 cl. 5d: cared for in the community'),
    disability: Type.Optional(Type.Union([Type.Literal('especially_severe'), Type.Literal('severe'), Type.Literal('mild'), Type.Null()])),
    disabilityCertifiedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    receivesPension: Flag('receives a monthly pension'),
    receivesSocialInsuranceAllowance: Flag('receives a monthly social-insurance allowance'),
    pensionMonthlyAmount: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    decisionMonth: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const HouseholdSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    provinceCode: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
    area: Type.Union([Type.Literal('rural'), Type.Literal('urban')]),
    especiallyDisadvantagedArea: Flag('commune/village of an ethnic-minority or mountain area with especially difficult conditions'),
    incomePerCapitaMonthly: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    deprivations: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.Boolean())),
    povertyStatus: Type.Optional(PovertyStatus),
    members: Type.Array(MemberSchema, { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const EvaluateInputSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    households: Type.Array(HouseholdSchema, { minItems: 1, maxItems: 100_000 }),
  },
  { additionalProperties: false },
);

export type MemberInput = Static<typeof MemberSchema>;
export type HouseholdInput = Static<typeof HouseholdSchema>;
export type EvaluateInput = Static<typeof EvaluateInputSchema>;
