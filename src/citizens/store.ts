// SQL of applications (issue 14 item 2), this feature's tables only. The officer's reads and
// writes run in the actor's scoped transaction (row-level security, migration 270). The public
// intake and the status page have no actor: they run on the owner's connection through the two
// narrow functions marked "public", which write one application or read one by its tracking code.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Commune } from '../registry/store.ts';
import type { ApplicationChannel, ApplicationProcedure, ApplicationState } from './model.ts';
import type { ComplaintChannel, ComplaintKind, ComplaintState } from './complaints.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type { Commune } from '../registry/store.ts';
export { communeByCode } from '../registry/store.ts';

export interface NewApplicationRow {
  readonly trackingCode: string;
  readonly procedure: ApplicationProcedure;
  readonly channel: ApplicationChannel;
  readonly applicantName: string;
  readonly personalId: string;
  readonly birthDate: string;
  readonly phone: string | null;
  readonly address: string;
  readonly note: string;
  readonly receivedOn: string;
  readonly receivedBy: string | null;
}

export interface DocumentRow {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly content: Buffer;
}

/** Inserts an application and its documents (public intake and the counter). */
export async function insertApplication(q: Q, commune: Commune, a: NewApplicationRow, docs: readonly DocumentRow[]): Promise<number> {
  const { id } = await q
    .insertInto('citizen_applications')
    .values({
      tracking_code: a.trackingCode,
      province_code: commune.provinceCode,
      unit_id: commune.id,
      procedure: a.procedure,
      channel: a.channel,
      applicant_name: a.applicantName,
      personal_id: a.personalId,
      birth_date: a.birthDate,
      phone: a.phone,
      address: a.address,
      note: a.note,
      received_on: a.receivedOn,
      received_by: a.receivedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const d of docs)
    await q
      .insertInto('citizen_application_documents')
      .values({
        application_id: id,
        unit_id: commune.id,
        file_name: d.fileName,
        content_type: d.contentType,
        size: d.size,
        sha256: d.sha256,
        content: d.content,
      })
      .execute();
  return id;
}

export const trackingCodeTaken = async (q: Q, code: string) =>
  (await q.selectFrom('citizen_applications').select('id').where('tracking_code', '=', code).executeTakeFirst()) !== undefined;

export interface ApplicationRow {
  readonly id: number;
  readonly tracking_code: string;
  readonly unit_id: number;
  readonly unit_name: string;
  readonly procedure: ApplicationProcedure;
  readonly channel: ApplicationChannel;
  readonly applicant_name: string;
  readonly personal_id: string;
  readonly birth_date: string;
  readonly phone: string | null;
  readonly address: string;
  readonly note: string;
  readonly received_on: string;
  readonly received_by: string | null;
  readonly state: ApplicationState;
  readonly decided_on: string | null;
  readonly decision_number: string | null;
  readonly signer: string | null;
  readonly reasons: string | null;
  readonly person_id: number | null;
  readonly benefit_decision_id: number | null;
  readonly documents: number;
}

const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function select(q: Q) {
  return q
    .selectFrom('citizen_applications as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select((eb) => [
      'a.id',
      'a.tracking_code',
      'a.unit_id',
      'u.name as unit_name',
      'a.procedure',
      'a.channel',
      'a.applicant_name',
      'a.personal_id',
      'a.birth_date',
      'a.phone',
      'a.address',
      'a.note',
      'a.received_on',
      'a.received_by',
      'a.state',
      'a.decided_on',
      'a.decision_number',
      'a.signer',
      'a.reasons',
      'a.person_id',
      'a.benefit_decision_id',
      eb
        .selectFrom('citizen_application_documents as d')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.application_id', '=', 'a.id')
        .as('documents'),
    ]);
}

function row(r: Record<string, unknown>): ApplicationRow {
  return {
    ...(r as unknown as ApplicationRow),
    birth_date: day(r.birth_date)!,
    received_on: day(r.received_on)!,
    decided_on: day(r.decided_on),
    documents: Number(r.documents ?? 0),
  };
}

/** Public: one application by its tracking code (the status page presents only its public fields). */
export async function applicationByCode(q: Q, code: string): Promise<ApplicationRow | null> {
  const r = await select(q).where('a.tracking_code', '=', code).executeTakeFirst();
  return r ? row(r) : null;
}

/** One application in the scope (locked for its decision when `lock`). */
export async function applicationById(q: Q, id: number, lock = false): Promise<ApplicationRow | null> {
  let s = select(q).where('a.id', '=', id);
  if (lock) s = s.forUpdate('a');
  const r = await s.executeTakeFirst();
  return r ? row(r) : null;
}

/** The applications of a commune (all of them, or only those waiting for a decision). */
export async function applicationsOf(q: Q, unitId: number, open: boolean): Promise<ApplicationRow[]> {
  let s = select(q).where('a.unit_id', '=', unitId);
  if (open) s = s.where('a.state', '=', 'received');
  const r = await s.orderBy('a.received_on').orderBy('a.id').limit(2000).execute();
  return r.map(row);
}

export async function documentsOf(q: Q, applicationId: number) {
  return q
    .selectFrom('citizen_application_documents')
    .select(['id', 'file_name', 'content_type', 'size', 'sha256'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function documentContent(q: Q, applicationId: number, id: number) {
  return (
    (await q
      .selectFrom('citizen_application_documents')
      .select(['file_name', 'content_type', 'content'])
      .where('application_id', '=', applicationId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** Persons of the commune with this personal ID number (the applicant in the registry), visible in the scope. */
export async function personsWithId(q: Q, unitId: number, personalId: string): Promise<{ id: number }[]> {
  return q.selectFrom('persons').select('id').where('unit_id', '=', unitId).where('personal_id', '=', personalId).execute();
}

export interface DecisionRow {
  readonly state: 'granted' | 'refused';
  readonly decidedOn: string;
  readonly number: string | null;
  readonly signer: string;
  readonly reasons: string | null;
  readonly personId: number | null;
  readonly benefitDecisionId: number | null;
  readonly by: string;
}

export async function recordDecision(q: Q, id: number, d: DecisionRow): Promise<void> {
  await q
    .updateTable('citizen_applications')
    .set({
      state: d.state,
      decided_on: d.decidedOn,
      decision_number: d.number,
      signer: d.signer,
      reasons: d.reasons,
      person_id: d.personId,
      benefit_decision_id: d.benefitDecisionId,
      decided_by: d.by,
      decided_at: new Date(),
    })
    .where('id', '=', id)
    .where('state', '=', 'received')
    .execute();
}

// ---- complaints ---------------------------------------------------------------------------

export interface ComplaintRow {
  readonly id: number;
  readonly unit_id: number;
  readonly unit_name: string;
  readonly kind: ComplaintKind;
  readonly round: number;
  readonly channel: ComplaintChannel;
  readonly complainant: string;
  readonly contact: string;
  readonly subject: string;
  readonly concerns: string | null;
  readonly received_on: string;
  readonly accept_due: string | null;
  readonly accept_rule: string | null;
  readonly state: ComplaintState;
  readonly accepted_on: string | null;
  readonly complex: boolean;
  readonly remote: boolean;
  readonly settle_due: string | null;
  readonly settle_rule: string | null;
  readonly extensions: number;
  readonly settled_on: string | null;
  readonly outcome: string | null;
  readonly recorded_by: string;
  readonly assigned_to: string | null;
  readonly previous_id: number | null;
}

export interface NewComplaintRow {
  readonly kind: ComplaintKind;
  readonly round: number;
  readonly channel: ComplaintChannel;
  readonly complainant: string;
  readonly contact: string;
  readonly subject: string;
  readonly concerns: string | null;
  readonly receivedOn: string;
  readonly acceptDue: string | null;
  readonly acceptRule: string | null;
  readonly by: string;
  /** The code the complainant follows the case and answers the satisfaction survey with (migration 331). */
  readonly trackingCode?: string | null;
  /** A second complaint: the first one it appeals (migration 332). */
  readonly previousId?: number | null;
}

export async function insertComplaint(q: Q, commune: Commune, c: NewComplaintRow): Promise<number> {
  const r = await q
    .insertInto('complaints')
    .values({
      province_code: commune.provinceCode,
      unit_id: commune.id,
      kind: c.kind,
      round: c.round,
      channel: c.channel,
      complainant: c.complainant,
      contact: c.contact,
      subject: c.subject,
      concerns: c.concerns,
      received_on: c.receivedOn,
      accept_due: c.acceptDue,
      accept_rule: c.acceptRule,
      recorded_by: c.by,
      tracking_code: c.trackingCode ?? null,
      previous_id: c.previousId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function complaintRow(r: Record<string, unknown>): ComplaintRow {
  return {
    ...(r as unknown as ComplaintRow),
    received_on: day(r.received_on)!,
    accept_due: day(r.accept_due),
    accepted_on: day(r.accepted_on),
    settle_due: day(r.settle_due),
    settled_on: day(r.settled_on),
  };
}

const complaintSelect = (q: Q) => q.selectFrom('complaints as c').innerJoin('units as u', 'u.id', 'c.unit_id').selectAll('c').select('u.name as unit_name');

export async function complaintById(q: Q, id: number, lock = false): Promise<ComplaintRow | null> {
  let s = complaintSelect(q).where('c.id', '=', id);
  if (lock) s = s.forUpdate('c');
  const r = await s.executeTakeFirst();
  return r ? complaintRow(r) : null;
}

export async function complaintsOf(
  q: Q,
  unitIds: readonly number[],
  open: boolean,
  period: { from?: string | undefined; to?: string | undefined } = {},
): Promise<ComplaintRow[]> {
  if (unitIds.length === 0) return [];
  let s = complaintSelect(q).where('c.unit_id', 'in', unitIds);
  if (open) s = s.where('c.state', '<>', 'settled');
  if (period.from) s = s.where('c.received_on', '>=', period.from);
  if (period.to) s = s.where('c.received_on', '<=', period.to);
  return (await s.orderBy('c.received_on').orderBy('c.id').limit(2000).execute()).map(complaintRow);
}

export async function updateComplaint(
  q: Q,
  id: number,
  patch: Partial<{
    state: ComplaintState;
    accepted_on: string;
    complex: boolean;
    remote: boolean;
    assigned_to: string;
    assigned_at: Date;
    settle_due: string | null;
    settle_rule: string | null;
    extensions: number;
    settled_on: string;
    outcome: string;
  }>,
): Promise<void> {
  await q.updateTable('complaints').set(patch).where('id', '=', id).execute();
}

/** Open work of a commune for the home list: applications waiting and complaints not settled, with their earliest due date. */
export async function openCounts(q: Q, unitId: number): Promise<{ applications: ApplicationRow[]; complaints: ComplaintRow[] }> {
  return { applications: await applicationsOf(q, unitId, true), complaints: await complaintsOf(q, [unitId], true) };
}
