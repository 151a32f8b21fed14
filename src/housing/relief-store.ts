// SQL of emergency relief only: events and their entries per household. Callers pass the scoped
// transaction (withActor); row-level security keeps reads and writes inside the actor's units.
import { sql } from 'kysely';
import type { Executor as Q } from '../db/executor.ts';
import type { ReliefEventKind, ReliefStatus, ReliefSupportType } from '../law/relief.ts';

export interface EventRow {
  readonly id: number;
  readonly province_code: string;
  readonly unit_id: number;
  readonly unit_code: string;
  readonly kind: ReliefEventKind;
  readonly name: string;
  readonly date: string;
}
export interface EntryRow {
  readonly id: number;
  readonly event_id: number;
  readonly unit_id: number;
  readonly household_id: number;
  readonly household_code: string;
  readonly head_name: string | null;
  readonly support_type: ReliefSupportType;
  readonly persons: number;
  readonly amount: number | null;
  readonly rice_kg: number | null;
  readonly level_status: ReliefStatus;
  readonly level_basis: string | null;
  readonly supported_on: string | null;
  readonly days: number | null;
}

export async function insertEvent(
  q: Q,
  u: { id: number; province_code: string },
  v: { kind: ReliefEventKind; name: string; date: string },
  by: string,
): Promise<number> {
  const r = await sql<{ id: number }>`insert into relief_events (province_code, unit_id, kind, name, date, recorded_by)
    values (${u.province_code}, ${u.id}, ${v.kind}, ${v.name}, ${v.date}::date, ${by}) returning id`.execute(q);
  return r.rows[0]!.id;
}

export async function getEvent(q: Q, id: number): Promise<EventRow | null> {
  const r = await sql<EventRow>`select ev.id, ev.province_code, ev.unit_id, u.code as unit_code, ev.kind, ev.name, to_char(ev.date, 'YYYY-MM-DD') as date
    from relief_events ev join units u on u.id = ev.unit_id where ev.id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

const entryCols = sql`e.id, e.event_id, e.unit_id, e.household_id, h.code as household_code,
  (select p.full_name from persons p where p.id = h.head_person_id) as head_name, e.support_type, e.persons, e.amount::float8 as amount, e.rice_kg,
  e.level_status, e.level_basis, to_char(e.supported_on, 'YYYY-MM-DD') as supported_on, (e.supported_on - ev.date)::int as days`;

export async function entriesOf(q: Q, eventId: number): Promise<EntryRow[]> {
  const r = await sql<EntryRow>`select ${entryCols} from relief_entries e join households h on h.id = e.household_id join relief_events ev on ev.id = e.event_id
    where e.event_id = ${eventId} order by h.code, e.support_type`.execute(q);
  return r.rows;
}

export async function getEntry(q: Q, id: number): Promise<EntryRow | null> {
  const r = await sql<EntryRow>`select ${entryCols} from relief_entries e join households h on h.id = e.household_id join relief_events ev on ev.id = e.event_id
    where e.id = ${id} for update of e`.execute(q);
  return r.rows[0] ?? null;
}

export async function insertEntry(
  q: Q,
  v: {
    eventId: number;
    unitId: number;
    householdId: number;
    supportType: ReliefSupportType;
    persons: number;
    amount: number | null;
    riceKg: number | null;
    status: ReliefStatus;
    basis: string | null;
  },
  by: string,
): Promise<number | null> {
  const r = await sql<{
    id: number;
  }>`insert into relief_entries (event_id, unit_id, household_id, support_type, persons, amount, rice_kg, level_status, level_basis, recorded_by)
    values (${v.eventId}, ${v.unitId}, ${v.householdId}, ${v.supportType}, ${v.persons}, ${v.amount}, ${v.riceKg}, ${v.status}, ${v.basis}, ${by})
    on conflict (event_id, household_id, support_type) do nothing returning id`.execute(q);
  return r.rows[0]?.id ?? null;
}

export async function markSupported(q: Q, id: number, date: string): Promise<void> {
  await sql`update relief_entries set supported_on = ${date}::date where id = ${id}`.execute(q);
}

/** The code of the province a unit belongs to (itself when it is one). */
export async function provinceCodeOf(q: Q, unitId: number): Promise<string | null> {
  const r = await sql<{ code: string }>`select p.code from units u join units p on p.id = any(u.ancestors || u.id) and p.level = 'province'
    where u.id = ${unitId} limit 1`.execute(q);
  return r.rows[0]?.code ?? null;
}

export interface EventListRow {
  readonly id: number;
  readonly unit_code: string;
  readonly unit_name: string;
  readonly kind: ReliefEventKind;
  readonly name: string;
  readonly date: string;
  readonly entries: number;
  readonly supported: number;
}

/** The events of these units, newest first, with the size of each list and how many were supported. */
export async function listEvents(q: Q, unitIds: readonly number[]): Promise<EventListRow[]> {
  if (unitIds.length === 0) return [];
  const r = await sql<EventListRow>`select ev.id, u.code as unit_code, u.name as unit_name, ev.kind, ev.name, to_char(ev.date, 'YYYY-MM-DD') as date,
      (select count(*)::int from relief_entries e where e.event_id = ev.id) as entries,
      (select count(*)::int from relief_entries e where e.event_id = ev.id and e.supported_on is not null) as supported
    from relief_events ev join units u on u.id = ev.unit_id
    where ev.unit_id = any(${[...unitIds]}::int[]) order by ev.date desc, ev.id desc limit 200`.execute(q);
  return r.rows;
}
