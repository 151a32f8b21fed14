// The registry's HTTP contract: persons and households as sent and as shown (sensitive fields
// masked by src/registry/presenters.ts), life-event proposals, integrity queues. Stored rows keep
// their snake_case names where the web reads them so.
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { List, Page, enumOf } from '../kernel/schemas.ts';
import { FLAG_REVIEWS, integrityKinds } from './integrity.ts';
import { SEXES, disabilityDegrees, personConditions, relations, schoolingLevels, socialInsuranceKinds } from './model.ts';
import { PROPOSAL_STATES } from './events.ts';
import { AREAS } from '../law/poverty.ts';
import { JobView } from '../jobs/schemas.ts';

export const Code = Type.Object({ code: Type.String({ pattern: '^[0-9]{5}$' }) });
export const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const Reason = Type.String({ minLength: 3, maxLength: 500, description: 'Why the change is made (stored on the version)' });

export const PersonBody = Type.Object(
  {
    personalId: Nullable(Type.String({ pattern: '^[0-9]{12}$' })),
    socialInsuranceNo: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    dateOfBirth: IsoDate,
    sex: enumOf(SEXES),
    ethnicCode: Type.String({ pattern: '^[0-9]{2}$' }),
    relation: enumOf(relations),
    disability: enumOf(disabilityDegrees),
    disabilityCertifiedOn: Type.Optional(Nullable(IsoDate)),
    pension: Type.Boolean(),
    socialInsurance: enumOf(socialInsuranceKinds),
    healthInsurance: Type.Boolean(),
    schooling: enumOf(schoolingLevels),
    conditions: Type.Array(enumOf(personConditions), { maxItems: 5 }),
    merit: Type.Boolean(),
    deathDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export const HouseholdBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 30 }),
    villageId: Nullable(Type.Integer()),
    address: Type.String({ maxLength: 300 }),
    area: enumOf(AREAS),
    incomePerMonth: Nullable(Type.Integer({ minimum: 0 })),
    deprivations: Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.Boolean()),
    disadvantagedArea: Type.Boolean(),
    merit: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const PersonView = Type.Object({
  id: Type.Integer(),
  householdId: Type.Integer(),
  unitId: Type.Integer(),
  fullName: Type.String(),
  dateOfBirth: Type.String(),
  sex: Type.String(),
  relation: Type.String(),
  deathDate: Nullable(Type.String()),
  pension: Type.Boolean(),
  healthInsurance: Type.Boolean(),
  schooling: Type.String(),
  merit: Type.Boolean(),
  version: Type.Integer(),
  masked: Type.Boolean(),
  personalId: Nullable(Type.String()),
  ethnicity: Nullable(Type.String()),
  disability: Nullable(Type.String()),
  conditions: Nullable(Type.Array(Type.String())),
  householdCode: Type.Optional(Type.String()),
  villageName: Type.Optional(Nullable(Type.String())),
  class: Type.Optional(Nullable(Type.String())),
});

export type PersonView = Static<typeof PersonView>;

const TextView = Type.Object({ vi: Type.String(), en: Type.String() });

/** A stored version of a person or household: when, by whom, why, and the record's fields then (masked fields left out). */
export const VersionView = Type.Object({
  version: Type.Integer(),
  recordedAt: Type.String(),
  recordedBy: Nullable(Type.String()),
  reason: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown({ description: 'A field of the record at this version (the stored column), masked fields left out' })),
});

/** A household: its fields, members (as PersonView), the classification with its reasons and the version history. */
export const HouseholdDetail = Type.Object({
  household: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    villageName: Nullable(Type.String()),
    address: Type.String(),
    area: Type.String(),
    incomePerMonth: Nullable(Type.Integer()),
    deprivations: Type.Record(Type.String(), Type.Boolean()),
    disadvantagedArea: Type.Boolean(),
    merit: Type.Boolean(),
    version: Type.Integer(),
  }),
  members: Type.Array(PersonView),
  classification: Type.Object({
    year: Type.Integer(),
    class: Type.String(),
    label: TextView,
    reasons: Type.Array(Type.Object({ text: TextView, basis: Nullable(Type.String()) })),
    threshold: Nullable(Type.Number()),
    income: Nullable(Type.Number()),
    deprivations: Type.Array(Type.String()),
  }),
  history: Type.Array(VersionView),
});
export type HouseholdDetail = Static<typeof HouseholdDetail>;

/** A life-event proposal (death, move, an age that changes a benefit) with its state. */
export const ProposalView = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  householdId: Nullable(Type.Integer()),
  fullName: Type.String(),
  kind: Type.String(),
  eventDate: Type.String(),
  effectiveMonth: Type.Integer(),
  action: Type.String(),
  detail: TextView,
  state: Type.String(),
  decisionId: Nullable(Type.Integer()),
});
export const ProposalList = List(ProposalView);
export type ProposalView = Static<typeof ProposalView>;

/** The integrity queue: the kinds of check in words and the flags with their reasons. */
export const IntegrityQueue = Type.Object({
  kinds: Type.Record(Type.String(), TextView),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      personIds: Type.Array(Type.Integer()),
      reason: TextView,
      score: Nullable(Type.Number()),
      state: Type.String(),
      detectedAt: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
});
export type IntegrityQueue = Static<typeof IntegrityQueue>;

/** New flags filed by a scan, per kind of check. */
export const IntegrityScan = Type.Object(
  Object.fromEntries(Object.keys(integrityKinds).map((k) => [k, Type.Integer()])) as Record<keyof typeof integrityKinds, ReturnType<typeof Type.Integer>>,
);
export const FlagReviewed = Type.Object({ id: Type.Integer(), unitId: Type.Integer() });

// Request schemas and small answers of the routes, in the order of routes.ts.
export const EthnicGroupList = List(Type.Object({ code: Type.String(), name: Type.String() }));
export const PersonSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  villageId: Type.Optional(Type.Integer()),
  ethnicCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  class: Type.Optional(Type.String({ maxLength: 20 })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  full: Type.Optional(Type.Boolean()),
});
export const PersonPage = Page(PersonView);
export const FullQuery = Type.Object({ full: Type.Optional(Type.Boolean()) });
export const HouseholdQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2022, maximum: 2030 })), full: Type.Optional(Type.Boolean()) });
export const NewHouseholdBody = Type.Object(
  { household: HouseholdBody, members: Type.Array(PersonBody, { minItems: 1, maxItems: 30 }), reason: Reason },
  { additionalProperties: false },
);
export const HouseholdCreated = Type.Object({ householdId: Type.Integer(), personIds: Type.Array(Type.Integer()) });
export const PersonPatchBody = Type.Object({ changes: Type.Partial(PersonBody), reason: Reason }, { additionalProperties: false });
export const PersonPatched = Type.Object({ version: Type.Integer() });
export const ImportReportQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) });
export const ReviewBody = Type.Object({ year: Type.Integer({ minimum: 2022, maximum: 2030 }) }, { additionalProperties: false });
export const JobList = List(JobView);
export const ProposalQuery = Type.Object({ state: Type.Optional(enumOf(PROPOSAL_STATES)) });
export const DetectBody = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });
export const Detected = Type.Object({ created: Type.Integer() });
export const IntegrityQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 40 })), state: Type.Optional(Type.String({ maxLength: 20 })) });
export const ScanBody = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });
export const FlagReviewBody = Type.Object(
  { state: enumOf(FLAG_REVIEWS), note: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const RegistryIndicatorsQuery = Type.Object({
  year: Type.Integer({ minimum: 2022, maximum: 2030 }),
  month: Type.Optional(Type.Integer({ minimum: 202201, maximum: 203012 })),
});
export const RegistryIndicatorList = List(Type.Object({ code: Type.String(), numerator: Type.Number(), denominator: Nullable(Type.Number()) }));
export type RegistryIndicators = Static<typeof RegistryIndicatorList>;
export const PublicListQuery = Type.Object({ year: Type.Integer({ minimum: 2022, maximum: 2030 }) });
export const PublicPoorList = Type.Object({
  commune: Type.String(),
  year: Type.Integer(),
  items: Type.Array(Type.Object({ headName: Type.String(), village: Nullable(Type.String()), class: Type.String() })),
});
/** The import's multipart form as OpenAPI shows it. */
export const ImportUpload = Type.Object({
  file: Type.String({ format: 'binary', description: 'The .csv (UTF-8) or .xlsx file in the template of the guide; its type is checked by content' }),
});

/** An import's report: a registry import job's `result` (src/registry/import.ts applyImport; rows paged by src/jobs/view.ts). */
const ImportText = Type.Object({ vi: Type.String(), en: Type.String() });
const ImportRowStatus = Type.Union([Type.Literal('new'), Type.Literal('unchanged'), Type.Literal('changed'), Type.Literal('rejected')]);
export const ImportReportView = Type.Object({
  dryRun: Type.Boolean(),
  alreadyImported: Type.Boolean(),
  fileHash: Type.String(),
  counts: Type.Record(ImportRowStatus, Type.Integer()),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      householdCode: Type.String(),
      fullName: Type.String(),
      status: ImportRowStatus,
      reasons: Type.Array(Type.Object({ column: Type.String(), message: ImportText })),
    }),
  ),
  headerProblems: Type.Array(ImportText),
});
export type ImportReport = Static<typeof ImportReportView>;
