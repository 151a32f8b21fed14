// The HTTP contract of the public procedure pages (issue 14 item 1): the procedure catalogue and
// the eligibility check. Everything here is public: nothing personal leaves or is stored.
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { enumOf, List, ReadonlyArray } from '../kernel/schemas.ts';
import { MonthString } from '../law/schema.ts';
import { amountsOn, deadlinesOf, procedureByCode, type Procedure } from './procedures.ts';
import {
  APPLICATION_CHANNELS,
  APPLICATION_PROCEDURES,
  APPLICATION_STATES,
  DECISION_OUTCOMES,
  formatTrackingCode,
  maskName,
  remaining,
  stepsOf,
} from './model.ts';
import type { ApplicationRow, ComplaintRow } from './store.ts';
import { COMPLAINT_CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATES, KIND_TEXT, daysLeft, onTime } from './complaints.ts';
import { DEADLINE_RULES, type DeadlineCode } from '../law/deadlines.ts';

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

// ---- applications (issue 14 item 2) -------------------------------------------------------

const Step = Type.Object({
  key: Type.String(),
  name: TextView,
  due: Nullable(Type.String({ description: 'the last day of the step (received: the day of receipt)' })),
  basis: Nullable(Type.String()),
  explanation: Nullable(TextView),
  provisional: Type.Boolean({ description: "the year's holiday schedule is not announced: the date is provisional" }),
  state: enumOf(['done', 'open'] as const),
  late: Type.Boolean(),
});

const ApplicationFields = {
  procedure: enumOf(APPLICATION_PROCEDURES),
  communeCode: Type.String({ pattern: '^[0-9]{5}$', description: 'the commune or ward (5-digit code)' }),
  applicantName: Type.String({ minLength: 2, maxLength: 120 }),
  personalId: Type.String({ maxLength: 12, description: 'số định danh cá nhân, 12 digits' }),
  birthDate: Type.String({ format: 'date' }),
  phone: Type.Optional(Type.String({ maxLength: 11 })),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
};
/** The text fields of the multipart form (documents: the files of the field "documents"). */
export const ApplicationForm = Type.Object(ApplicationFields, { additionalProperties: false });
export type ApplicationForm = Static<typeof ApplicationForm>;
export const ApplicationFormDoc = Type.Object(
  {
    ...ApplicationFields,
    documents: Type.Optional(Type.Array(Type.String({ format: 'binary', description: 'a file: PDF, JPEG or PNG, at most 5 MB' }), { maxItems: 5 })),
  },
  { description: 'multipart/form-data: the fields as text parts and up to 5 files in "documents" (PDF, JPEG, PNG; at most 5 MB each)' },
);

export const Filed = Type.Object({
  trackingCode: Type.String({ description: 'e.g. 7KQ2-M9XR-T4BD: what the applicant keeps to follow the file' }),
  receivedOn: Type.String(),
  statusUrl: Type.String(),
  steps: ReadonlyArray(Step),
});
export type Filed = Static<typeof Filed>;

export const TrackingParam = Type.Object({ code: Type.String({ minLength: 12, maxLength: 20, description: 'the tracking code (dashes optional)' }) });

/** What the public status page shows: the law's steps and deadlines, the decision; the person only masked. */
export const ApplicationStatus = Type.Object({
  trackingCode: Type.String(),
  procedure: Type.String(),
  procedureName: TextView,
  commune: Type.String(),
  applicant: Type.String({ description: 'initials and given name only ("N. V. An")' }),
  receivedOn: Type.String(),
  state: enumOf(APPLICATION_STATES),
  steps: ReadonlyArray(Step),
  due: Type.String({ description: 'the last day of the decision' }),
  decision: Nullable(
    Type.Object({
      outcome: enumOf(DECISION_OUTCOMES),
      decidedOn: Type.String(),
      number: Nullable(Type.String()),
      reasons: Nullable(Type.String({ description: 'a refusal: the written reasons' })),
      onTime: Type.Boolean(),
    }),
  ),
});
export type ApplicationStatus = Static<typeof ApplicationStatus>;

const WorkItem = Type.Object({
  id: Type.Integer(),
  trackingCode: Type.String(),
  procedure: Type.String(),
  procedureName: TextView,
  channel: enumOf(APPLICATION_CHANNELS),
  applicantName: Type.String(),
  personalId: Type.String({ description: 'masked: 038******123' }),
  birthDate: Type.String(),
  phone: Nullable(Type.String()),
  receivedOn: Type.String(),
  due: Type.String(),
  daysLeft: Nullable(Type.Integer({ description: 'working days to the decision deadline; negative: late; null: decided' })),
  late: Type.Boolean(),
  state: enumOf(APPLICATION_STATES),
  documents: Type.Integer(),
});
export type ApplicationWorkItem = Static<typeof WorkItem>;
export const ApplicationWorkList = List(WorkItem, { today: Type.String(), late: Type.Integer() });
export type ApplicationWorkList = Static<typeof ApplicationWorkList>;
export const WorkQuery = Type.Object({ all: Type.Optional(Type.Boolean({ description: 'decided ones too' })) });
export const UnitCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,5}$' }) });
export const ApplicationId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const DocumentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), documentId: Type.Integer({ minimum: 1 }) });

export const ApplicationDetail = Type.Object({
  application: WorkItem,
  address: Type.String(),
  note: Type.String(),
  receivedBy: Nullable(Type.String()),
  steps: ReadonlyArray(Step),
  decision: Nullable(
    Type.Object({
      outcome: enumOf(DECISION_OUTCOMES),
      decidedOn: Type.String(),
      number: Nullable(Type.String()),
      signer: Nullable(Type.String()),
      reasons: Nullable(Type.String()),
      personId: Nullable(Type.Integer()),
      benefitDecisionId: Nullable(Type.Integer()),
    }),
  ),
  documents: ReadonlyArray(Type.Object({ id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() })),
});
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const DecideBody = Type.Object(
  {
    outcome: enumOf(DECISION_OUTCOMES),
    decidedOn: Type.String({ format: 'date' }),
    signer: Type.String({ minLength: 1, maxLength: 120 }),
    number: Type.Optional(Type.String({ maxLength: 60, description: 'required for a grant' })),
    reasons: Type.Optional(Type.String({ maxLength: 4000, description: 'required for a refusal (written reasons)' })),
    personId: Type.Optional(Type.Integer({ minimum: 1, description: 'the applicant in the registry (default: found by the ID number in the commune)' })),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;
export const Decided = Type.Object({
  state: enumOf(DECISION_OUTCOMES),
  benefitDecisionId: Nullable(Type.Integer({ description: 'the registry decision the payroll reads (monthly social assistance)' })),
  personId: Nullable(Type.Integer()),
});

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
export { viDate };

export function presentStatus(a: ApplicationRow, today: string): ApplicationStatus {
  const facts = { procedure: a.procedure, receivedOn: a.received_on, state: a.state, decidedOn: a.decided_on };
  const r = remaining(facts, today);
  return {
    trackingCode: formatTrackingCode(a.tracking_code),
    procedure: a.procedure,
    procedureName: procedureByCode(a.procedure)!.name,
    commune: a.unit_name,
    applicant: maskName(a.applicant_name),
    receivedOn: a.received_on,
    state: a.state,
    steps: stepsOf(facts, today),
    due: r.due,
    decision:
      a.state === 'received'
        ? null
        : { outcome: a.state, decidedOn: a.decided_on!, number: a.decision_number, reasons: a.state === 'refused' ? a.reasons : null, onTime: !r.late },
  };
}

export function presentWorkItem(a: ApplicationRow, today: string): ApplicationWorkItem {
  const r = remaining({ procedure: a.procedure, receivedOn: a.received_on, state: a.state, decidedOn: a.decided_on }, today);
  return {
    id: a.id,
    trackingCode: formatTrackingCode(a.tracking_code),
    procedure: a.procedure,
    procedureName: procedureByCode(a.procedure)!.name,
    channel: a.channel,
    applicantName: a.applicant_name,
    personalId: maskPersonalId(a.personal_id),
    birthDate: a.birth_date,
    phone: a.phone,
    receivedOn: a.received_on,
    due: r.due,
    daysLeft: r.daysLeft,
    late: r.late,
    state: a.state,
    documents: a.documents,
  };
}

/** "038******123": the province and the last three digits. */
export const maskPersonalId = (id: string) => id.slice(0, 3) + '*'.repeat(id.length - 6) + id.slice(-3);

export function presentDetail(
  a: ApplicationRow,
  docs: readonly { id: number; file_name: string; content_type: string; size: number }[],
  today: string,
): ApplicationDetail {
  return {
    application: presentWorkItem(a, today),
    address: a.address,
    note: a.note,
    receivedBy: a.received_by,
    steps: stepsOf({ procedure: a.procedure, receivedOn: a.received_on, state: a.state, decidedOn: a.decided_on }, today),
    decision:
      a.state === 'received'
        ? null
        : {
            outcome: a.state,
            decidedOn: a.decided_on!,
            number: a.decision_number,
            signer: a.signer,
            reasons: a.reasons,
            personId: a.person_id,
            benefitDecisionId: a.benefit_decision_id,
          },
    documents: docs.map((d) => ({ id: d.id, fileName: d.file_name, contentType: d.content_type, size: d.size })),
  };
}

// ---- complaints, denunciations, petitions (issue 14 item 4) -------------------------------

export const ComplaintBody = Type.Object(
  {
    communeCode: Type.String({ pattern: '^[0-9]{5}$' }),
    kind: enumOf(COMPLAINT_KINDS),
    round: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)], { description: 'a complaint: first (1) or second (2)' })),
    channel: enumOf(COMPLAINT_CHANNELS),
    complainant: Type.String({ minLength: 2, maxLength: 120 }),
    contact: Type.Optional(Type.String({ maxLength: 300 })),
    subject: Type.String({ minLength: 1, maxLength: 4000 }),
    concerns: Type.Optional(Type.String({ maxLength: 200, description: 'the record it concerns (a household code, a decision number, a payroll line)' })),
    receivedOn: Type.String({ format: 'date' }),
    previousId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'a second complaint: the settled first complaint it appeals (Law on Complaints 2011 Art. 33, 37)' }),
    ),
  },
  { additionalProperties: false },
);
/** The public intake: no channel or date (online, today), no link (the officer links a second complaint). */
export const PublicComplaintBody = Type.Object(
  {
    communeCode: ComplaintBody.properties.communeCode,
    kind: ComplaintBody.properties.kind,
    complainant: ComplaintBody.properties.complainant,
    contact: ComplaintBody.properties.contact,
    subject: ComplaintBody.properties.subject,
    concerns: ComplaintBody.properties.concerns,
  },
  { additionalProperties: false },
);
export type PublicComplaintBody = Static<typeof PublicComplaintBody>;
export const AssignBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false });
export const Assigned = Type.Object({ assignedTo: Type.String() });
export const ComplaintQuery = Type.Object({
  all: Type.Optional(Type.Boolean({ description: 'settled ones too' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'the report period: received on or after' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'the report period: received on or before' })),
});
export const ComplaintReceived = Type.Object({
  id: Type.Integer(),
  acceptDue: Nullable(Type.String()),
  trackingCode: Type.String({ description: 'the code the complainant answers the satisfaction survey with' }),
});
export const ComplaintId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const AcceptBody = Type.Object(
  {
    acceptedOn: Type.String({ format: 'date' }),
    complex: Type.Optional(Type.Boolean()),
    remote: Type.Optional(Type.Boolean({ description: 'vùng sâu, vùng xa đi lại khó khăn' })),
  },
  { additionalProperties: false },
);
export const Accepted = Type.Object({ settleDue: Nullable(Type.String()) });
export const ExtendBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const Extended = Type.Object({ settleDue: Type.String(), extensions: Type.Integer() });
export const SettleBody = Type.Object(
  { settledOn: Type.String({ format: 'date' }), outcome: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const Settled = Type.Object({ onTime: Nullable(Type.Boolean()) });

const ComplaintItem = Type.Object({
  id: Type.Integer(),
  unit: Type.String(),
  kind: enumOf(COMPLAINT_KINDS),
  kindName: TextView,
  round: Type.Integer(),
  channel: enumOf(COMPLAINT_CHANNELS),
  complainant: Type.String(),
  subject: Type.String(),
  concerns: Nullable(Type.String()),
  receivedOn: Type.String(),
  state: enumOf(COMPLAINT_STATES),
  acceptedOn: Nullable(Type.String()),
  complex: Type.Boolean(),
  remote: Type.Boolean(),
  extensions: Type.Integer(),
  due: Nullable(Type.String({ description: 'the deadline of the current step (accept, then settle); null: none in the law data' })),
  basis: Nullable(Type.String()),
  daysLeft: Nullable(Type.Integer({ description: 'calendar days to the deadline; negative: late' })),
  late: Type.Boolean(),
  settledOn: Nullable(Type.String()),
  onTime: Nullable(Type.Boolean()),
  assignedTo: Nullable(Type.String()),
  previousId: Nullable(Type.Integer({ description: 'a second complaint: the first one it appeals' })),
});
export type ComplaintItem = Static<typeof ComplaintItem>;
export const ComplaintList = List(ComplaintItem, {
  today: Type.String(),
  report: Type.Object({
    received: Type.Integer(),
    settled: Type.Integer(),
    settledOnTime: Type.Integer(),
    settledLate: Type.Integer(),
    openLate: Type.Integer(),
  }),
});
export type ComplaintList = Static<typeof ComplaintList>;

export function presentComplaint(c: ComplaintRow, today: string): ComplaintItem {
  const due = c.state === 'received' ? c.accept_due : c.settle_due;
  const rule = c.state === 'received' ? c.accept_rule : c.settle_rule;
  const left = c.state === 'settled' ? null : daysLeft(today, due);
  return {
    id: c.id,
    unit: c.unit_name,
    kind: c.kind,
    kindName: KIND_TEXT[c.kind],
    round: c.round,
    channel: c.channel,
    complainant: c.complainant,
    subject: c.subject,
    concerns: c.concerns,
    receivedOn: c.received_on,
    state: c.state,
    acceptedOn: c.accepted_on,
    complex: c.complex,
    remote: c.remote,
    extensions: c.extensions,
    due,
    basis: rule && rule in DEADLINE_RULES ? DEADLINE_RULES[rule as DeadlineCode].basis : null,
    daysLeft: left,
    late: left !== null && left < 0,
    settledOn: c.settled_on,
    onTime: onTime(c.settle_due, c.settled_on),
    assignedTo: c.assigned_to,
    previousId: c.previous_id,
  };
}
