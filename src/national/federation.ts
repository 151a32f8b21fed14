// The national instance over the provinces' own PostgreSQL servers (issue 17 item 2,
// docs/decisions/007-federation.md), PostgreSQL only.
//
// Province side: `grantNationalReader` gives the role the national instance connects as SELECT on
// the three views of migration 400 (national_persons, national_paid_months, national_enrolments)
// and nothing else.
// National side: `ensureNationalSchema` creates schema `national` with three tables partitioned by
// province_code (the distribution column a Citus deployment would use) and a reader role scoped by
// `ansinh.province`; `attachProvince` makes one postgres_fdw server per province and attaches its
// views as foreign partitions; `nationalReport` asks the cross-province questions in two phases
// (keys first, then only the matching rows) and computes the roll-up inside each province.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/generated.ts';
import type { MonthNumber } from '../kernel/month.ts';
import {
  PROVINCE_CODE,
  paidAfterDeath,
  type Death,
  type DoubleEnrolment,
  type DuplicateId,
  type NationalReport,
  type PaidMonth,
  type ProvinceTotals,
  type Registration,
} from './model.ts';

type K = Kysely<DB>;
const lit = (s: string) => pg.escapeLiteral(s);

/** The views a province exposes, by the national table they become a partition of. */
const PARTS = { persons: 'national_persons', paid_months: 'national_paid_months', enrolments: 'national_enrolments' } as const;

/** A role name the commands accept (it is written into SQL as an identifier). */
const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Province side: the login role the national instance uses, allowed the three views only. */
export async function grantNationalReader(k: K, o: { role: string; password?: string | null }): Promise<void> {
  if (!ROLE.test(o.role)) throw new Error(`role name must match ${ROLE}`);
  const pw = o.password ? ` password ${lit(o.password)}` : '';
  await sql
    .raw(
      `do $$ begin
         if not exists (select from pg_roles where rolname = ${lit(o.role)}) then create role ${o.role} login${pw};
         ${o.password ? `else alter role ${o.role} login${pw};` : ''}
         end if;
       end $$`,
    )
    .execute(k);
  await sql.raw(`grant usage on schema public to ${o.role}`).execute(k);
  await sql.raw(`grant select on ${Object.values(PARTS).join(', ')} to ${o.role}`).execute(k);
}

/** National side: schema, partitioned tables, the province list and the scoped reader role. */
export async function ensureNationalSchema(k: K): Promise<void> {
  for (const s of [
    'create extension if not exists postgres_fdw',
    'create schema if not exists national',
    `create table if not exists national.persons (
       province_code text not null, id int not null, unit_id int not null, household_id int not null,
       personal_id text, full_name text not null, date_of_birth date not null, sex text not null, death_date date
     ) partition by list (province_code)`,
    `create table if not exists national.paid_months (
       province_code text not null, personal_id text not null, unit_id int not null, programme text not null,
       month int not null, amount int not null, status text not null
     ) partition by list (province_code)`,
    `create table if not exists national.enrolments (
       province_code text not null, personal_id text not null, unit_id int not null, kind text not null,
       start_month int not null, decided_on date not null
     ) partition by list (province_code)`,
    `create table if not exists national.provinces (
       code text primary key, host text not null, port int not null, dbname text not null, attached_at timestamptz not null default now()
     )`,
    // A national reader scoped to one province (setting ansinh.province) reads the parents only;
    // the policy compares the partition key with a stable scalar, so the other partitions are
    // pruned at executor start and never asked.
    `do $$ begin if not exists (select from pg_roles where rolname = 'national_reader') then create role national_reader nologin; end if; end $$`,
    'grant usage on schema national to national_reader',
  ])
    await sql.raw(s).execute(k);
  for (const t of Object.keys(PARTS)) {
    await sql.raw(`grant select on national.${t} to national_reader`).execute(k);
    await sql.raw(`alter table national.${t} enable row level security`).execute(k);
    await sql.raw(`drop policy if exists provinces_in_scope on national.${t}`).execute(k);
    await sql
      .raw(`create policy provinces_in_scope on national.${t} to national_reader using (province_code = current_setting('ansinh.province', true))`)
      .execute(k);
  }
}

export interface ProvinceServer {
  readonly code: string;
  readonly host: string;
  readonly port: number;
  readonly dbname: string;
  readonly user: string;
  /** Null: no password (trust or a client certificate; the mapping then needs a superuser). */
  readonly password: string | null;
}

/** Attach (or re-attach) one province: its server, user mapping and three foreign partitions. */
export async function attachProvince(k: K, p: ProvinceServer): Promise<{ persons: number }> {
  if (!PROVINCE_CODE.test(p.code)) throw new Error('province code must be two digits');
  if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) throw new Error('port must be 1–65535');
  await ensureNationalSchema(k);
  const server = `province_${p.code}`;
  await k.transaction().execute(async (tx) => {
    for (const t of Object.keys(PARTS)) await sql.raw(`drop foreign table if exists national.${t}_${p.code}`).execute(tx);
    await sql.raw(`drop server if exists ${server} cascade`).execute(tx);
    await sql
      .raw(
        `create server ${server} foreign data wrapper postgres_fdw options (host ${lit(p.host)}, port ${lit(String(p.port))}, dbname ${lit(p.dbname)}, fetch_size '10000', use_remote_estimate 'true')`,
      )
      .execute(tx);
    const auth = p.password ? `, password ${lit(p.password)}` : `, password_required 'false'`;
    await sql.raw(`create user mapping for public server ${server} options (user ${lit(p.user)}${auth})`).execute(tx);
    for (const [t, view] of Object.entries(PARTS))
      await sql
        .raw(
          `create foreign table national.${t}_${p.code} partition of national.${t} for values in (${lit(p.code)}) server ${server} options (schema_name 'public', table_name ${lit(view)})`,
        )
        .execute(tx);
    await sql
      .raw(
        `insert into national.provinces (code, host, port, dbname) values (${lit(p.code)}, ${lit(p.host)}, ${p.port}, ${lit(p.dbname)})
         on conflict (code) do update set host = excluded.host, port = excluded.port, dbname = excluded.dbname, attached_at = now()`,
      )
      .execute(tx);
  });
  // Reached and readable now, not at the first check: a wrong password or a missing grant fails here.
  const r = await sql.raw<{ n: string }>(`select count(*) as n from national.persons_${p.code}`).execute(k);
  await sql.raw(`analyze national.persons_${p.code}`).execute(k);
  return { persons: Number(r.rows[0]!.n) };
}

/** The provinces attached, by code. */
export async function attachedProvinces(k: K): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('national.provinces')::text as t`.execute(k);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ code: string }>`select code from national.provinces order by code`.execute(k);
  return r.rows.map((x) => x.code);
}

// Phase 1 of each check moves keys (the ID column of the persons concerned); phase 2 ships the
// matched keys back to every province and moves only the matching rows.

/** The same personal ID in two provinces or more. */
export async function duplicateIds(k: K): Promise<{ found: DuplicateId[]; movedKeys: number; movedRows: number }> {
  const moved = await sql<{ n: string }>`select count(*) as n from national.persons where personal_id is not null`.execute(k);
  const keys = await sql<{ personal_id: string; provinces: string[] }>`
    select personal_id, array_agg(province_code order by province_code) as provinces
      from national.persons where personal_id is not null
     group by personal_id having count(distinct province_code) > 1 order by personal_id`.execute(k);
  const ids = keys.rows.map((x) => x.personal_id);
  const rows =
    ids.length === 0
      ? []
      : (
          await sql<{ province_code: string; id: number; unit_id: number; personal_id: string; full_name: string; date_of_birth: string }>`
            select province_code, id, unit_id, personal_id, full_name, to_char(date_of_birth, 'DD/MM/YYYY') as date_of_birth
              from national.persons where personal_id = any(${ids}::text[]) order by personal_id, province_code`.execute(k)
        ).rows;
  const regs = new Map<string, Registration[]>();
  for (const r of rows)
    regs.set(r.personal_id, [
      ...(regs.get(r.personal_id) ?? []),
      { provinceCode: r.province_code, personId: r.id, unitId: r.unit_id, personalId: r.personal_id, fullName: r.full_name, dateOfBirth: r.date_of_birth },
    ]);
  return {
    found: keys.rows.map((x) => ({ personalId: x.personal_id, provinces: x.provinces, registrations: regs.get(x.personal_id) ?? [] })),
    movedKeys: Number(moved.rows[0]!.n),
    movedRows: rows.length,
  };
}

/** Months paid in one province after a death recorded in another. */
export async function paidAfterDeathElsewhere(k: K): Promise<{ found: ReturnType<typeof paidAfterDeath>; movedDeaths: number; movedPaid: number }> {
  const deaths = await sql<{ personal_id: string; province_code: string; death_date: string }>`
    select personal_id, province_code, to_char(death_date, 'YYYY-MM-DD') as death_date
      from national.persons where death_date is not null and personal_id is not null`.execute(k);
  const ids = [...new Set(deaths.rows.map((d) => d.personal_id))];
  const paid =
    ids.length === 0
      ? []
      : (
          await sql<{ province_code: string; personal_id: string; unit_id: number; programme: string; month: number; amount: number; status: string }>`
            select province_code, personal_id, unit_id, programme, month, amount, status
              from national.paid_months where personal_id = any(${ids}::text[])`.execute(k)
        ).rows;
  const d: Death[] = deaths.rows.map((x) => ({ personalId: x.personal_id, provinceCode: x.province_code, deathDate: x.death_date }));
  const p: PaidMonth[] = paid.map((x) => ({
    provinceCode: x.province_code,
    personalId: x.personal_id,
    unitId: x.unit_id,
    programme: x.programme,
    month: x.month,
    amount: x.amount,
    status: x.status,
  }));
  return { found: paidAfterDeath(d, p), movedDeaths: d.length, movedPaid: p.length };
}

/** Beneficiaries whose latest decision still pays in two provinces or more (a move without a stop). */
export async function doubleEnrolments(k: K): Promise<{ found: DoubleEnrolment[]; moved: number }> {
  const moved = await sql<{ n: string }>`select count(*) as n from national.enrolments where kind <> 'stop'`.execute(k);
  const r = await sql<{ personal_id: string; e: { provinceCode: string; unitId: number; kind: string; startMonth: number; decidedOn: string }[] }>`
    select personal_id,
           json_agg(json_build_object('provinceCode', province_code, 'unitId', unit_id, 'kind', kind, 'startMonth', start_month,
                                      'decidedOn', to_char(decided_on, 'YYYY-MM-DD')) order by province_code) as e
      from national.enrolments where kind <> 'stop'
     group by personal_id having count(distinct province_code) > 1 order by personal_id`.execute(k);
  return { found: r.rows.map((x) => ({ personalId: x.personal_id, enrolments: x.e })), moved: Number(moved.rows[0]!.n) };
}

/**
 * One row per province, each aggregate computed inside its province: call it (and the counts of
 * the checks) inside a transaction that set enable_partitionwise_aggregate, as nationalReport does.
 */
export async function provinceTotals(tx: K, month: MonthNumber): Promise<ProvinceTotals[]> {
  {
    const persons = await sql<{ province_code: string; persons: string; deceased: string }>`
      select province_code, count(*) as persons, count(*) filter (where death_date is not null) as deceased
        from national.persons group by province_code`.execute(tx);
    const enrolled = await sql<{ province_code: string; n: string }>`
      select province_code, count(*) as n from national.enrolments where kind <> 'stop' group by province_code`.execute(tx);
    const paid = await sql<{ province_code: string; total: string }>`
      select province_code, sum(amount) as total from national.paid_months where month = ${month} group by province_code`.execute(tx);
    const e = new Map(enrolled.rows.map((x) => [x.province_code, Number(x.n)]));
    const p = new Map(paid.rows.map((x) => [x.province_code, Number(x.total)]));
    return persons.rows
      .map((x) => ({
        provinceCode: x.province_code,
        persons: Number(x.persons),
        deceased: Number(x.deceased),
        beneficiaries: e.get(x.province_code) ?? 0,
        paidInMonth: p.get(x.province_code) ?? 0,
      }))
      .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  }
}

/** Every cross-province check and the roll-up of a month. */
export async function nationalReport(k: K, month: MonthNumber): Promise<NationalReport> {
  const provinces = await attachedProvinces(k);
  if (provinces.length === 0) throw new Error('no province attached: ansinh national attach');
  // Counts and the roll-up are computed in each province (one row moves per province), and the
  // snapshot is one read-only transaction on the national side.
  const { dup, dead, enr, totals } = await k.transaction().execute(async (tx) => {
    await sql`set transaction read only`.execute(tx);
    await sql`set local enable_partitionwise_aggregate = on`.execute(tx);
    return { dup: await duplicateIds(tx), dead: await paidAfterDeathElsewhere(tx), enr: await doubleEnrolments(tx), totals: await provinceTotals(tx, month) };
  });
  return {
    provinces,
    month,
    duplicates: dup.found,
    paidAfterDeath: dead.found,
    doubleEnrolments: enr.found,
    totals,
    moved: { duplicateKeys: dup.movedKeys, duplicateRows: dup.movedRows, deaths: dead.movedDeaths, paidRows: dead.movedPaid, enrolments: enr.moved },
  };
}
