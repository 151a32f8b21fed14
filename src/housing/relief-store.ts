// SQL of emergency relief only: events and their entries per household. Callers pass the scoped
// transaction (withActor); row-level security keeps reads and writes inside the actor's units.
import { sql } from 'kysely';
import type { Executor as Q } from '../db/executor.ts';
import type { ReliefEventKind, ReliefStatus, ReliefSupportType } from '../law/relief.ts';
import type { ReliefDistribution } from './model.ts';

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
  readonly household_id: number | null;
  readonly household_code: string | null;
  readonly head_name: string | null;
  readonly outside_name: string | null;
  readonly outside_personal_id: string | null;
  readonly outside_village_id: number | null;
  readonly outside_village: string | null;
  readonly outside_household: string | null;
  readonly registered_on: string | null;
  readonly distribution: ReliefDistribution;
  readonly item: string | null;
  readonly quantity: number | null;
  readonly quantity_unit: string | null;
  readonly account: string | null;
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
  e.outside_name, e.outside_personal_id, e.outside_village_id, (select v.name from units v where v.id = e.outside_village_id) as outside_village,
  e.outside_household, to_char(e.registered_on, 'YYYY-MM-DD') as registered_on, e.distribution, e.item, e.quantity::float8 as quantity, e.quantity_unit, e.account,
  (select p.full_name from persons p where p.id = h.head_person_id) as head_name, e.support_type, e.persons, e.amount::float8 as amount, e.rice_kg,
  e.level_status, e.level_basis, to_char(e.supported_on, 'YYYY-MM-DD') as supported_on, (e.supported_on - ev.date)::int as days`;

export async function entriesOf(q: Q, eventId: number): Promise<EntryRow[]> {
  const r =
    await sql<EntryRow>`select ${entryCols} from relief_entries e left join households h on h.id = e.household_id join relief_events ev on ev.id = e.event_id
    where e.event_id = ${eventId} order by h.code nulls last, e.outside_name, e.support_type, e.id`.execute(q);
  return r.rows;
}

export async function getEntry(q: Q, id: number): Promise<EntryRow | null> {
  const r =
    await sql<EntryRow>`select ${entryCols} from relief_entries e left join households h on h.id = e.household_id join relief_events ev on ev.id = e.event_id
    where e.id = ${id} for update of e`.execute(q);
  return r.rows[0] ?? null;
}

export interface NewEntry {
  readonly eventId: number;
  readonly unitId: number;
  readonly householdId: number | null;
  readonly outside: { readonly name: string; readonly personalId: string | null; readonly villageId: number | null; readonly household: string | null } | null;
  readonly supportType: ReliefSupportType;
  readonly persons: number;
  readonly amount: number | null;
  readonly riceKg: number | null;
  readonly status: ReliefStatus;
  readonly basis: string | null;
  readonly distribution: ReliefDistribution;
  readonly item: string | null;
  readonly quantity: number | null;
  readonly quantityUnit: string | null;
  readonly account: string | null;
}

/** Inserts a line; null when this registry household is already listed for this support. */
export async function insertEntry(q: Q, v: NewEntry, by: string): Promise<number | null> {
  const o = v.outside;
  const r = await sql<{ id: number }>`insert into relief_entries (event_id, unit_id, household_id, outside_name, outside_personal_id, outside_village_id,
      outside_household, support_type, persons, amount, rice_kg, level_status, level_basis, distribution, item, quantity, quantity_unit, account, recorded_by)
    values (${v.eventId}, ${v.unitId}, ${v.householdId}, ${o?.name ?? null}, ${o?.personalId ?? null}, ${o?.villageId ?? null}, ${o?.household ?? null},
      ${v.supportType}, ${v.persons}, ${v.amount}, ${v.riceKg}, ${v.status}, ${v.basis}, ${v.distribution}, ${v.item}, ${v.quantity}, ${v.quantityUnit},
      ${v.account}, ${by})
    on conflict (event_id, household_id, support_type) do nothing returning id`.execute(q);
  return r.rows[0]?.id ?? null;
}

/** A reviewed line of a person outside the registry now points at the household the registry registered. */
export async function linkRegistered(q: Q, id: number, householdId: number, date: string): Promise<void> {
  await sql`update relief_entries set household_id = ${householdId}, registered_on = ${date}::date where id = ${id}`.execute(q);
}

/** The commune a village (bản, thôn) belongs to, when the id is a village. */
export async function villageCommune(q: Q, villageId: number): Promise<{ commune_id: number; commune_code: string } | null> {
  const r = await sql<{
    commune_id: number;
    commune_code: string;
  }>`select c.id as commune_id, c.code as commune_code from units v join units c on c.id = v.parent_id
    where v.id = ${villageId} and v.level = 'village' and c.level = 'commune'`.execute(q);
  return r.rows[0] ?? null;
}

/** The commune code of a unit (its own code when it is a commune; null otherwise). */
export async function communeCode(q: Q, unitId: number): Promise<string | null> {
  const r = await sql<{ code: string }>`select code from units where id = ${unitId} and level = 'commune'`.execute(q);
  return r.rows[0]?.code ?? null;
}

export interface DecisionRow {
  readonly id: number;
  readonly number: string;
  readonly date: string;
  readonly signer: string;
  readonly lines: number;
  readonly amount: number;
  readonly recorded_by: string;
}

export async function decisionOf(q: Q, eventId: number): Promise<DecisionRow | null> {
  const r = await sql<DecisionRow>`select id, number, to_char(date, 'YYYY-MM-DD') as date, signer, lines, amount::float8 as amount, recorded_by
    from relief_decisions where event_id = ${eventId}`.execute(q);
  return r.rows[0] ?? null;
}

export async function insertDecision(
  q: Q,
  v: { eventId: number; unitId: number; number: string; date: string; signer: string; lines: number; amount: number },
  by: string,
): Promise<number | null> {
  const r = await sql<{ id: number }>`insert into relief_decisions (event_id, unit_id, number, date, signer, lines, amount, recorded_by)
    values (${v.eventId}, ${v.unitId}, ${v.number}, ${v.date}::date, ${v.signer}, ${v.lines}, ${v.amount}, ${by})
    on conflict (event_id) do nothing returning id`.execute(q);
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

/** The villages (bản, thôn) of a commune, by name. */
export async function villagesOf(q: Q, unitId: number): Promise<{ id: number; name: string }[]> {
  const r = await sql<{ id: number; name: string }>`select id, name from units where parent_id = ${unitId} and level = 'village' order by name, id`.execute(q);
  return r.rows;
}
