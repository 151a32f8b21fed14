// The documented input of `ansinh evaluate` (docs/evaluate-format.md): households with their
// poverty facts and members with the facts the social-assistance rules read. One TypeBox schema,
// validated with check() so every error names its field path.
import { Type, type Static } from 'typebox';
import { enumOf } from '../kernel/schemas.ts';
import { HELPER_AWARDS, INVALID_TYPES, MERIT_CATEGORIES, RELATIONS, RELATIVE_OF } from './merit-categories.ts';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const PovertyStatus = Type.Union([Type.Literal('poor'), Type.Literal('near_poor'), Type.Literal('average'), Type.Literal('none')]);

/** A month as YYYY-MM (the evaluate format's and the merit contract's). */
export const MonthString = (description: string) => Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description });
// Enums built from the vocabularies in src/law/merit-categories.ts (enumOf keeps the literal type).
const Enum = <T extends string>(values: readonly T[], description: string) => enumOf(values, { description });
const EnumOrNull = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T | null>(Type.Union([...values.map((v) => Type.Literal(v)), Type.Null()], { description }));
const Rate = (description: string) => Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100, description }), Type.Null()]));

/**
 * The facts of a merit profile that set its allowance (src/law/merit.ts `MeritProfileFacts`), one
 * schema for `ansinh evaluate` and for the profiles of the registry (src/merit/schemas.ts).
 */
export const MeritFactsSchema = Type.Object(
  {
    injuryRate: Rate('tỷ lệ tổn thương cơ thể, whole percent 0–100 (war invalid, sick soldier, toxic chemicals, deformed child)'),
    invalidType: Type.Optional(EnumOrNull(INVALID_TYPES, 'Annex II (invalid, treated_as_invalid) or Annex III (type_b)')),
    especiallySevere: Flag('vết thương / bệnh tật đặc biệt nặng: the higher supplement at 81% and over'),
    detached: Type.Optional(Type.Boolean({ description: 'pre_1945: diện thoát ly' })),
    seniorityYears: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 80, description: 'pre_1945, detached: years of seniority' }), Type.Null()])),
    relativeOf: Type.Optional(EnumOrNull(RELATIVE_OF, 'relative: whose relative')),
    relation: Type.Optional(EnumOrNull(RELATIONS, 'relative: relation to the person with meritorious service')),
    martyrs: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Type.Optional(Type.String({ maxLength: 200 })), relation: Enum(RELATIONS, 'relation to this martyr') },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'relative of martyrs: one entry per martyr' },
      ),
    ),
    nurturing: Flag('lives alone or orphaned of both parents: the nurturing allowance (trợ cấp tuất nuôi dưỡng)'),
    remarriedSpouse: Flag("Annex I 3.5: a martyr's spouse who remarried and raised the children or cared for the parents"),
    meritPersonDied: Flag('relative: the person with meritorious service has died'),
    meritPersonRate: Rate("relative of a war invalid, sick soldier or toxic-chemical person: that person's rate"),
    deformedChild: Flag('relative of a toxic-chemical person: a natural child with a deformity (rated by injuryRate)'),
    helperAward: Type.Optional(EnumOrNull(HELPER_AWARDS, 'revolution_helper: the award')),
  },
  { additionalProperties: false },
);

export const MeritProfileInputSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    category: Enum(MERIT_CATEGORIES, 'Ordinance 02/2020 Art. 3 category'),
    facts: Type.Optional(MeritFactsSchema),
    startMonth: MonthString('YYYY-MM: first month paid'),
    endMonth: Type.Optional(Type.Union([MonthString('YYYY-MM: last month paid'), Type.Null()])),
  },
  { additionalProperties: false },
);

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
    decisionMonth: Type.Optional(Type.Union([MonthString('YYYY-MM'), Type.Null()])),
    meritProfiles: Type.Optional(
      Type.Array(MeritProfileInputSchema, { maxItems: 20, description: 'people with meritorious service: one profile per category (Decree 75/2021 annexes)' }),
    ),
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

export type MeritFacts = Static<typeof MeritFactsSchema>;
export type MeritProfileInput = Static<typeof MeritProfileInputSchema>;
export type MemberInput = Static<typeof MemberSchema>;
export type HouseholdInput = Static<typeof HouseholdSchema>;
export type EvaluateInput = Static<typeof EvaluateInputSchema>;
