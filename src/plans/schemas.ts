// The plans feature's HTTP contract: what a saved plan is sent as (PlanIn), what the plan list,
// a plan, the cascade check, coverage, the assignment list and the extraction answer look like.
// Shapes are as the web reads them, in camelCase (a plan's stored parts through presentPlanParts).
import { Type, type Static } from 'typebox';
import { ASSIGNMENT_ROLES, MAX_PLAN_TEXT_CHARS, PLAN_KINDS, SETTABLE_TASK_STATUSES, TARGET_REVIEWS } from './model.ts';
import { COMPARATORS } from '../indicators/vocabulary.ts';
import { NoContent, Nullable, Timestamp, enumOf } from '../kernel/schemas.ts';
import type { planParts } from './store.ts';

export { NoContent };

export const Cmp = enumOf(COMPARATORS);
export const NullStr = Type.Union([Type.String(), Type.Null()]);
/** Text cut from the plan document: as long as the document may be. */
const DocText = Type.Union([Type.String({ maxLength: MAX_PLAN_TEXT_CHARS }), Type.Null()]);
export const TargetIn = Type.Object({
  indicatorCode: Type.String({ minLength: 1, maxLength: 80 }),
  comparator: Cmp,
  value: Type.Number(),
  unit: Type.String({ maxLength: 30 }),
  year: Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()]),
  sourceText: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  sourceOffset: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  /** The named group of units the target is for ("các xã đặc biệt khó khăn"); null or absent: the whole unit. */
  group: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  /** What the officer did with an extracted target: kept as is, corrected, or added by hand. */
  review: Type.Optional(enumOf(TARGET_REVIEWS)),
  /** The target as extracted, when corrected (kept in the correction log). */
  extracted: Type.Optional(Type.Unknown()),
});
export const PlanIn = Type.Object({
  unitCode: Type.String({ pattern: '^[0-9]{2,5}$' }),
  kind: enumOf(PLAN_KINDS),
  number: NullStr,
  issuer: NullStr,
  place: NullStr,
  issuedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  issuedOnText: NullStr,
  title: Type.String({ minLength: 3, maxLength: 2000 }),
  signer: NullStr,
  signerTitle: NullStr,
  implements: Type.Array(
    Type.Object({ reference: Type.String({ minLength: 1 }), number: NullStr, planId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])) }),
    { default: [] },
  ),
  sections: Type.Array(
    Type.Object({
      numbering: NullStr,
      title: Type.String(),
      level: Type.Integer({ minimum: 0, maximum: 6 }),
      start: Type.Optional(Type.Integer()),
      end: Type.Optional(Type.Integer()),
    }),
    { default: [] },
  ),
  targets: Type.Array(TargetIn, { default: [] }),
  /** Extracted targets the officer removed on review (kept in the correction log). */
  removedTargets: Type.Optional(Type.Array(Type.Unknown())),
  tasks: Type.Array(Type.Object({ numbering: NullStr, title: Type.String(), body: DocText }), { default: [] }),
  assignments: Type.Array(
    Type.Object({
      agency: Type.String({ minLength: 1 }),
      role: enumOf(ASSIGNMENT_ROLES),
      what: Type.String(),
      dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      recurrence: Type.Union([
        Type.Object({ kind: Type.Literal('annual'), day: Type.Integer({ minimum: 1, maximum: 31 }), month: Type.Integer({ minimum: 1, maximum: 12 }) }),
        Type.Null(),
      ]),
      sourceText: DocText,
    }),
    { default: [] },
  ),
  recipients: Type.Array(Type.String(), { default: [] }),
  sourceText: DocText,
  sourceFile: NullStr,
});
export type PlanBody = Static<typeof PlanIn>;

export const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const UnitQuery = Type.Object({ unit: Type.String({ pattern: '^[0-9]{2,5}$' }) });
export const DraftQuery = Type.Object({ unit: Type.String({ pattern: '^[0-9]{2,5}$' }), date: Type.Optional(Type.String({ format: 'date' })) });
export const CascadeQuery = Type.Object({ parent: Type.Optional(Type.Integer({ minimum: 1 })) });
export const AssignmentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), assignmentId: Type.Integer({ minimum: 1 }) });
export const AssignmentStatusBody = Type.Object({
  period: Type.String({ pattern: '^[0-9]{4}$' }),
  status: enumOf(SETTABLE_TASK_STATUSES),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const AssignmentsQuery = Type.Object({
  unit: Type.String({ pattern: '^[0-9]{2,5}$' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  today: Type.Optional(Type.String({ format: 'date' })),
});

const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

/** One plan in the list of a unit: its own, those of the units below and those above it. */
export const PlanListItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  number: NullStr,
  title: Type.String(),
  issuedOn: NullStr,
  unit: UnitRef,
  status: Type.String(),
  targets: Type.Integer(),
  relation: Type.String({ description: 'own, below or above' }),
});
export const PlanList = Type.Object({ items: Type.Array(PlanListItem) });
export type PlanList = Static<typeof PlanList>;

/** The plan's own fields (planOut). */
export const PlanHead = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  number: NullStr,
  issuer: NullStr,
  place: NullStr,
  issuedOn: NullStr,
  issuedOnText: NullStr,
  title: Type.String(),
  signer: NullStr,
  signerTitle: NullStr,
  status: Type.String(),
  sourceFile: NullStr,
  /** 1, then one more at each re-import of the same document. */
  version: Type.Integer(),
});
export type PlanHead = Static<typeof PlanHead>;

const Int = Type.Integer();
const NullInt = Nullable(Type.Integer());
const NullNum = Nullable(Type.Number());
/** A plan with its parts (camelCase, see presentPlanParts), the review record with indicator names, and whether the reader may edit it. */
export const PlanDetail = Type.Object({
  ...PlanHead.properties,
  unit: UnitRef,
  sections: Type.Array(
    Type.Object({ id: Int, planId: Int, ord: Int, numbering: NullStr, title: Type.String(), level: Int, startOffset: NullInt, endOffset: NullInt }),
  ),
  targets: Type.Array(
    Type.Object({
      id: Int,
      indicatorCode: Type.String(),
      comparator: Type.String(),
      value: Type.Number(),
      unit: Type.String(),
      year: NullInt,
      baselineYear: NullInt,
      baselineValue: NullNum,
      sourceText: NullStr,
      sourceOffset: NullInt,
      /** The named group of units the target is for ("các xã đặc biệt khó khăn"); null: the whole unit. */
      group: NullStr,
      parentTargetId: NullInt,
      origin: Type.String(),
      confirmed: Type.Boolean(),
      nameVi: NullStr,
      nameEn: NullStr,
      direction: NullStr,
    }),
  ),
  tasks: Type.Array(Type.Object({ id: Int, planId: Int, ord: Int, numbering: NullStr, title: Type.String(), body: NullStr })),
  assignments: Type.Array(
    Type.Object({
      id: Int,
      planId: Int,
      ord: Int,
      agency: Type.String(),
      role: Type.String(),
      what: Type.String(),
      dueDate: NullStr,
      recurrence: NullStr,
      recurrenceDay: NullInt,
      recurrenceMonth: NullInt,
      sourceText: NullStr,
    }),
  ),
  recipients: Type.Array(Type.Object({ name: Type.String() })),
  links: Type.Array(Type.Object({ parentReference: Type.String(), parentNumber: NullStr, parentPlanId: NullInt, parentTitle: NullStr })),
  corrections: Type.Array(
    Type.Object({
      id: Int,
      targetId: NullInt,
      action: Type.String(),
      before: Type.Unknown({ description: 'The target before (as extracted), with indicatorName' }),
      after: Type.Unknown({ description: 'The target after, with indicatorName' }),
      correctedAt: Timestamp,
      username: NullStr,
      displayName: NullStr,
    }),
  ),
  canEdit: Type.Boolean(),
});
export type PlanDetail = Static<typeof PlanDetail>;
/** A correction's `before` and `after` (open in the schema): the target's figures as saved, with the indicator's name. */
export type CorrectionTarget = Partial<Pick<Static<typeof TargetIn>, 'indicatorCode' | 'comparator' | 'value' | 'unit' | 'year'>> & {
  indicatorName?: string | null;
};

type Parts = Awaited<ReturnType<typeof planParts>>;
type Detail = PlanDetail;
/** The plan's stored parts as sent (camelCase); `named` gives a review record's target its indicator name. */
export function presentPlanParts(
  parts: Parts,
  named: (v: unknown) => unknown,
): Pick<Detail, 'sections' | 'targets' | 'tasks' | 'assignments' | 'recipients' | 'links' | 'corrections'> {
  return {
    sections: parts.sections.map((x) => ({
      id: x.id,
      planId: x.plan_id,
      ord: x.ord,
      numbering: x.numbering,
      title: x.title,
      level: x.level,
      startOffset: x.start_offset,
      endOffset: x.end_offset,
    })),
    targets: parts.targets.map((x) => ({
      id: x.id,
      indicatorCode: x.indicator_code,
      comparator: x.comparator,
      value: x.value,
      unit: x.unit,
      year: x.year,
      baselineYear: x.baseline_year,
      baselineValue: x.baseline_value,
      sourceText: x.source_text,
      sourceOffset: x.source_offset,
      group: x.unit_group,
      parentTargetId: x.parent_target_id,
      origin: x.origin,
      confirmed: x.confirmed,
      nameVi: x.name_vi,
      nameEn: x.name_en,
      direction: x.direction,
    })),
    tasks: parts.tasks.map((x) => ({ id: x.id, planId: x.plan_id, ord: x.ord, numbering: x.numbering, title: x.title, body: x.body })),
    assignments: parts.assignments.map((x) => ({
      id: x.id,
      planId: x.plan_id,
      ord: x.ord,
      agency: x.agency,
      role: x.role,
      what: x.what,
      dueDate: x.due_date,
      recurrence: x.recurrence,
      recurrenceDay: x.recurrence_day,
      recurrenceMonth: x.recurrence_month,
      sourceText: x.source_text,
    })),
    recipients: parts.recipients.map((x) => ({ name: x.name })),
    links: parts.links.map((x) => ({
      parentReference: x.parent_reference,
      parentNumber: x.parent_number,
      parentPlanId: x.parent_plan_id,
      parentTitle: x.parent_title,
    })),
    corrections: parts.corrections.map((c) => ({
      id: c.id,
      targetId: c.target_id,
      action: c.action,
      before: named(c.before),
      after: named(c.after),
      correctedAt: new Date(c.corrected_at).toISOString(),
      username: c.username,
      displayName: c.display_name,
    })),
  };
}

export const PlanCreated = Type.Object({ id: Type.Integer() });

/** A re-import applied: the plan's new version and what changed. */
export const PlanReimported = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  added: Type.Integer(),
  removed: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  keptCorrections: Type.Integer(),
  tasksAdded: Type.Integer(),
  tasksRemoved: Type.Integer(),
});

const CascadeSide = Nullable(
  Type.Object({
    id: Type.Optional(Int),
    indicatorCode: Type.String(),
    comparator: Type.String(),
    value: Type.Number(),
    year: NullInt,
    sourceText: Type.Optional(Type.String()),
  }),
);
/** The plan beside its parent, target by target, with the flags counted. */
export const CascadeView = Type.Object({
  plan: PlanHead,
  parent: PlanHead,
  rows: Type.Array(
    Type.Object({
      indicatorCode: Type.String(),
      indicatorName: Type.String(),
      parent: CascadeSide,
      child: CascadeSide,
      flags: Type.Array(Type.String()),
      notes: Type.Array(Type.String()),
    }),
  ),
  summary: Type.Object({ weaker: Int, missing: Int, yearMismatch: Int, comparatorChanged: Int }),
});
export type CascadeView = Static<typeof CascadeView>;

/** Which units under the plan have issued their implementing plan. */
export const CoverageView = Type.Object({
  total: Int,
  issued: Int,
  items: Type.Array(Type.Object({ unit: UnitRef, planId: NullInt, number: NullStr, issued: Type.Boolean() })),
});
export type CoverageView = Static<typeof CoverageView>;

/** Assignments of a unit's plans in a year with their deadline and status (overdue first). */
export const AssignmentList = Type.Object({
  year: Int,
  overdue: Int,
  items: Type.Array(
    Type.Object({
      id: Int,
      planId: Int,
      planNumber: NullStr,
      agency: Type.String(),
      role: Type.String(),
      what: Type.String(),
      deadline: NullStr,
      status: Type.String(),
      note: NullStr,
    }),
  ),
});
export type AssignmentList = Static<typeof AssignmentList>;

const Span = { start: Int, end: Int };
/** A plan document read and extracted, not saved: its text, the proposed plan and every target with its span. */
export const ExtractionView = Type.Object({
  unit: UnitRef,
  fileName: NullStr,
  text: Type.String(),
  plan: Type.Object({
    kind: Type.String(),
    number: NullStr,
    issuer: NullStr,
    place: NullStr,
    issuedOn: NullStr,
    issuedOnText: NullStr,
    title: Type.String(),
    signer: NullStr,
    signerTitle: NullStr,
    implements: Type.Array(Type.Object({ reference: Type.String(), number: NullStr, planId: Type.Optional(NullInt) })),
    sections: Type.Array(Type.Object({ numbering: NullStr, title: Type.String(), level: Int, start: Type.Optional(Int), end: Type.Optional(Int) })),
    tasks: Type.Array(Type.Object({ numbering: NullStr, title: Type.String(), body: NullStr })),
    assignments: Type.Array(
      Type.Object({
        agency: Type.String(),
        role: Type.String(),
        what: Type.String(),
        dueDate: NullStr,
        recurrence: Nullable(Type.Object({ kind: Type.Literal('annual'), day: Int, month: Int })),
        sourceText: NullStr,
      }),
    ),
    recipients: Type.Array(Type.String()),
  }),
  targets: Type.Array(
    Type.Object({
      indicatorCode: NullStr,
      proposed: Type.Optional(Type.Object({ name: Type.String(), unit: Type.String(), kind: Type.String(), direction: Type.String() })),
      indicatorName: Type.String(),
      comparator: Type.String(),
      value: Type.Number(),
      unit: Type.String(),
      year: NullInt,
      sourceText: Type.String(),
      ...Span,
      strive: Type.Boolean(),
      confidence: Type.Number(),
      /** A target for a named group of units ("riêng vùng miền núi dưới 25,5%" → "vùng miền núi"); absent for the whole unit. */
      group: Type.Optional(Type.String({ description: 'The named group of units the target is for ("vùng miền núi"); absent when it is for the whole unit' })),
    }),
  ),
  results: Type.Array(
    Type.Object({ indicatorCode: NullStr, name: Type.String(), value: Type.Number(), unit: Type.String(), year: NullInt, sourceText: Type.String(), ...Span }),
  ),
  unmatched: Type.Array(Type.Object({ sourceText: Type.String(), code: Type.String(), reason: Type.String(), ...Span })),
  parents: Type.Array(Type.Object({ id: Int, number: NullStr, title: Type.String() })),
  /** The unit's plan that is this same document (same number, issuer and date), when one is saved: the review becomes a re-import (POST /api/plans/{id}/versions) and shows what would change. */
  existing: Nullable(
    Type.Object({
      id: Type.Integer(),
      number: NullStr,
      title: Type.String(),
      version: Type.Integer(),
      targets: Type.Array(
        Type.Object({
          id: Type.Integer(),
          indicatorCode: Type.String(),
          indicatorName: Type.String(),
          comparator: Type.String(),
          value: Type.Number(),
          unit: Type.String(),
          year: NullInt,
          origin: Type.String(),
          /** The figures it was first extracted with, when the officer corrected it by hand. */
          extracted: Nullable(
            Type.Object({ indicatorCode: Type.String(), comparator: Type.String(), value: Type.Number(), unit: Type.String(), year: NullInt }),
          ),
        }),
      ),
      tasks: Type.Array(Type.Object({ numbering: NullStr, title: Type.String() })),
    }),
  ),
  /** How the text was read: "text" (.txt, .docx, pasted), "pdf" (a PDF's text layer), "ocr" (a scan read by tesseract: check the numbers). */
  reading: Type.Object({
    method: Type.Union([Type.Literal('text'), Type.Literal('pdf'), Type.Literal('ocr')]),
    pages: Type.Optional(Int),
    ms: Type.Optional(Int),
  }),
});
export type ExtractionView = Static<typeof ExtractionView>;

/** Pasted plan text (JSON body, or the multipart field "text") instead of a file. */
export const PastedText = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_PLAN_TEXT_CHARS }), fileName: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
