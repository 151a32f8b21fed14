// The one place that decides what of a person leaves the server: the masking rules and the
// person presenters (record, search hit, version). Views and exports of other features (benefit
// decisions, payroll lines, bank files: src/payments/presenters.ts) mask with these rules too,
// so that no other field (a category, a legal basis, an account) tells what the mask hides.
import type { FastifyReply } from 'fastify';
import { ethnicGroupByCode } from './ethnic.ts';
import type { PersonRow, VersionRow } from './store.ts';
import type { Text } from '../kernel/i18n.ts';

/**
 * What a reader may see in full. Everything false is the masked view, the default.
 * - personalId: the 12-digit ID number (registry.person.read_full, asked for, audited)
 * - health: ethnicity, disability, health conditions, and what reveals them: the benefit
 *   categories of a decision or payroll line and their legal basis (Điều 5 khoản 6 Nghị định
 *   20/2021/NĐ-CP is disability) (registry.person.read_full, audited)
 * - accounts: bank and e-wallet account numbers (those who prepare or approve payments)
 */
export interface Disclosure {
  readonly personalId: boolean;
  readonly health: boolean;
  readonly accounts: boolean;
}

export const MASKED: Disclosure = Object.freeze({ personalId: false, health: false, accounts: false });
export const FULL: Disclosure = Object.freeze({ personalId: true, health: true, accounts: true });

/** "038******123": the province and the last three digits only. */
export function maskPersonalId(id: string | null): string | null {
  if (!id) return id;
  return id.slice(0, 3) + '*'.repeat(id.length - 6) + id.slice(-3);
}

/** "***6789": the last four digits, enough to recognise one's own account. */
export function maskAccount(account: string | null): string | null {
  return account ? `***${account.slice(-4)}` : null;
}

/** The sensitive columns of a person, as named in audit entries of full reads. */
export const SENSITIVE_PERSON_FIELDS = ['personal_id', 'ethnic_code', 'disability', 'conditions'] as const;
/** Columns of a stored person version a masked reader does not get (the certification date tells of a disability). */
const MASKED_VERSION_FIELDS = new Set<string>([...SENSITIVE_PERSON_FIELDS, 'disability_certified_on', 'social_insurance_no']);

/** The whitelist presenter of a person (record, household member or search hit). */
export function presentPerson(p: PersonRow & { household_code?: string; village_name?: string | null; class?: string | null }, d: Disclosure) {
  return {
    id: p.id,
    householdId: p.household_id,
    unitId: p.unit_id,
    fullName: p.full_name,
    dateOfBirth: p.date_of_birth,
    sex: p.sex,
    relation: p.relation,
    deathDate: p.death_date,
    pension: p.pension,
    healthInsurance: p.health_insurance,
    schooling: p.schooling,
    merit: p.merit,
    version: p.version,
    masked: !(d.personalId && d.health),
    personalId: d.personalId ? p.personal_id : maskPersonalId(p.personal_id),
    ethnicity: d.health ? (ethnicGroupByCode(p.ethnic_code)?.name ?? p.ethnic_code) : null,
    disability: d.health ? p.disability : null,
    conditions: d.health ? p.conditions : null,
    ...(p.household_code !== undefined ? { householdCode: p.household_code, villageName: p.village_name ?? null, class: p.class ?? null } : {}),
  };
}

/** A stored version of a person: its data without the sensitive columns unless disclosed. */
export function presentPersonVersion(v: VersionRow, d: Disclosure): VersionRow {
  if (d.personalId && d.health) return v;
  return { ...v, data: Object.fromEntries(Object.entries(v.data).filter(([k]) => !MASKED_VERSION_FIELDS.has(k))) };
}

/** A version of a record as JSON (camelCase; `data` keeps the stored column names it was written with). */
export function versionView(v: VersionRow) {
  return { version: v.version, recordedAt: v.recorded_at, recordedBy: v.recorded_by, reason: v.reason, data: v.data };
}

/** A response with sensitive fields in full must not stay in a browser's or proxy's cache. */
export function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}

// ---- proposals and integrity flags as JSON (camelCase; the tables keep their names) ----------

/** A life-event proposal as listed. */
export function proposalView(p: {
  id: number;
  person_id: number;
  household_id: number | null;
  full_name: string;
  kind: string;
  event_date: string;
  effective_month: number;
  action: string;
  detail: Text;
  state: string;
  decision_id: number | null;
}) {
  return {
    id: p.id,
    personId: p.person_id,
    householdId: p.household_id,
    fullName: p.full_name,
    kind: p.kind,
    eventDate: p.event_date,
    effectiveMonth: p.effective_month,
    action: p.action,
    detail: p.detail,
    state: p.state,
    decisionId: p.decision_id,
  };
}

/** A proposal just decided, with the decision its confirmation recorded. */
export function proposalDecidedView<D>(
  p: { id: number; unit_id: number; person_id: number; action: string; effective_month: number; decision_id: number | null },
  decision: D,
) {
  return { id: p.id, unitId: p.unit_id, personId: p.person_id, action: p.action, effectiveMonth: p.effective_month, decisionId: p.decision_id, decision };
}

/** An integrity flag in the review queue. */
export function flagView(f: {
  id: number;
  kind: string;
  person_ids: number[];
  reason: Text;
  score: number | null;
  state: string;
  detected_at: string;
  note: string | null;
}) {
  return { id: f.id, kind: f.kind, personIds: f.person_ids, reason: f.reason, score: f.score, state: f.state, detectedAt: f.detected_at, note: f.note };
}
