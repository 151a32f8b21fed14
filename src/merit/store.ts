// SQL of merit profiles only: the current row and its append-only versions (every change inserts a
// version copied from the new current row, with who and why). Callers pass the scoped transaction
// (withActor); row-level security keeps reads and writes inside the actor's communes.
import { sql } from 'kysely';
import type { Executor as Q } from '../db/executor.ts';
import type { MeritCategory } from '../law/merit-categories.ts';
import type { MeritFacts } from '../law/schema.ts';

export interface MeritProfileRow {
  readonly id: number;
  readonly province_code: string;
  readonly unit_id: number;
  readonly person_id: number;
  readonly category: MeritCategory;
  readonly facts: MeritFacts;
  readonly decision_number: string;
  readonly decision_date: string;
  readonly decision_body: string;
  readonly start_month: string;
  readonly end_month: string | null;
  readonly version: number;
}

export interface MeritProfileVersionRow extends Omit<MeritProfileRow, 'id'> {
  readonly profile_id: number;
  readonly recorded_at: string;
  readonly recorded_by: string | null;
  readonly reason: string;
}

/** What a write stores (the columns a command sets). */
export interface MeritProfileValues {
  readonly category: MeritCategory;
  readonly facts: MeritFacts;
  readonly decisionNumber: string;
  readonly decisionDate: string;
  readonly decisionBody: string;
  readonly startMonth: string;
  readonly endMonth: string | null;
}

export interface PersonRef {
  readonly id: number;
  readonly unit_id: number;
  readonly province_code: string;
  readonly full_name: string;
  readonly death_date: string | null;
}

const cols = sql`m.id, m.province_code, m.unit_id, m.person_id, m.category, m.facts, m.decision_number, to_char(m.decision_date, 'YYYY-MM-DD') as decision_date,
  m.decision_body, m.start_month, m.end_month, m.version`;

/** The registry person a profile belongs to (visible in the actor's scope), or null. */
export async function personRef(q: Q, personId: number): Promise<PersonRef | null> {
  const r =
    await sql<PersonRef>`select id, unit_id, province_code, full_name, to_char(death_date, 'YYYY-MM-DD') as death_date from persons where id = ${personId}`.execute(
      q,
    );
  return r.rows[0] ?? null;
}

export async function getProfile(q: Q, id: number): Promise<MeritProfileRow | null> {
  const r = await sql<MeritProfileRow>`select ${cols} from merit_profiles m where m.id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

export async function profilesOfPerson(q: Q, personId: number): Promise<MeritProfileRow[]> {
  const r = await sql<MeritProfileRow>`select ${cols} from merit_profiles m where m.person_id = ${personId} order by m.start_month, m.id`.execute(q);
  return r.rows;
}

export async function profileHistory(q: Q, id: number): Promise<MeritProfileVersionRow[]> {
  const r = await sql<MeritProfileVersionRow>`select profile_id, version, province_code, unit_id, person_id, category, facts, decision_number,
      to_char(decision_date, 'YYYY-MM-DD') as decision_date, decision_body, start_month, end_month, recorded_at::text as recorded_at, recorded_by, reason
    from merit_profile_versions where profile_id = ${id} order by version desc`.execute(q);
  return r.rows;
}

/** Copies the current row into a version row. */
async function recordVersion(q: Q, id: number, by: string | null, reason: string): Promise<void> {
  await sql`insert into merit_profile_versions (profile_id, version, province_code, unit_id, person_id, category, facts, decision_number, decision_date,
      decision_body, start_month, end_month, recorded_by, reason)
    select id, version, province_code, unit_id, person_id, category, facts, decision_number, decision_date, decision_body, start_month, end_month, ${by}, ${reason}
    from merit_profiles where id = ${id}`.execute(q);
}

/** Whether the registry already marks the person as a person with meritorious service (persons.merit). */
export async function isMeritPerson(q: Q, personId: number): Promise<boolean> {
  const r = await sql<{ merit: boolean }>`select merit from persons where id = ${personId}`.execute(q);
  return r.rows[0]?.merit === true;
}

export async function insertProfile(q: Q, person: PersonRef, v: MeritProfileValues, by: string | null, reason: string): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into merit_profiles (province_code, unit_id, person_id, category, facts, decision_number, decision_date, decision_body, start_month, end_month)
    values (${person.province_code}, ${person.unit_id}, ${person.id}, ${v.category}, ${JSON.stringify(v.facts)}::jsonb, ${v.decisionNumber}, ${v.decisionDate}::date,
      ${v.decisionBody}, ${v.startMonth}, ${v.endMonth}) returning id`.execute(q);
  const id = r.rows[0]!.id;
  await recordVersion(q, id, by, reason);
  return id;
}

export async function updateProfile(q: Q, id: number, v: MeritProfileValues, by: string | null, reason: string): Promise<number> {
  const r = await sql<{ version: number }>`update merit_profiles set category = ${v.category}, facts = ${JSON.stringify(v.facts)}::jsonb,
      decision_number = ${v.decisionNumber}, decision_date = ${v.decisionDate}::date, decision_body = ${v.decisionBody},
      start_month = ${v.startMonth}, end_month = ${v.endMonth}, version = version + 1, updated_at = now()
    where id = ${id} returning version`.execute(q);
  await recordVersion(q, id, by, reason);
  return r.rows[0]!.version;
}

/** A commune's profile with its person (for the yearly lists). */
export interface ListProfileRow extends MeritProfileRow {
  readonly full_name: string;
  readonly household_code: string | null;
  readonly death_date: string | null;
}

/** Every merit profile of a commune with its person's name, household and death date, by person. */
export async function communeProfiles(q: Q, unitId: number): Promise<ListProfileRow[]> {
  const r = await sql<ListProfileRow>`select ${cols}, p.full_name, h.code as household_code, to_char(p.death_date, 'YYYY-MM-DD') as death_date
    from merit_profiles m join persons p on p.id = m.person_id left join households h on h.id = p.household_id
    where m.unit_id = ${unitId} order by p.full_name, m.person_id, m.id`.execute(q);
  return r.rows;
}

/** The last year each person of the commune received convalescence, up to `year`. */
export async function lastConvalescences(q: Q, unitId: number, year: number): Promise<Map<number, { year: number; kind: string }>> {
  const r = await sql<{ person_id: number; year: number; kind: string }>`select distinct on (person_id) person_id, year, kind
    from merit_convalescences where unit_id = ${unitId} and year <= ${year} order by person_id, year desc`.execute(q);
  return new Map(r.rows.map((x) => [x.person_id, { year: x.year, kind: x.kind }]));
}

/** Records (or corrects) that a person received convalescence in a year. */
export async function upsertConvalescence(q: Q, person: PersonRef, year: number, kind: string, by: string | null): Promise<void> {
  await sql`insert into merit_convalescences (province_code, unit_id, person_id, year, kind, recorded_by)
    values (${person.province_code}, ${person.unit_id}, ${person.id}, ${year}, ${kind}, ${by})
    on conflict (province_code, person_id, year) do update set kind = excluded.kind, recorded_by = excluded.recorded_by, recorded_at = now()`.execute(q);
}
