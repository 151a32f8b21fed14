// The payroll's bulk path: the months each beneficiary is owed and the facts the law reads for
// each of them are derived in SQL (temporary tables, one row a person and month in
// `payroll_due`), the law engine (entitlementInMonth, src/law/assistance.ts) runs once per
// distinct facts (many persons share age in years, conditions, dates before or after the month
// and household status), and the lines, their months as items, are written with INSERT ... SELECT. The SQL
// mirrors the pure rules of payments/model.ts (enrolledMonths, monthsDue, buildLine) and
// registry/law.ts (personFacts); due.test.ts checks the result against those rules applied
// person by person.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { datesForMonth, entitlementInMonth } from '../law/assistance.ts';
import type { PovertyClass } from '../law/poverty.ts';
import { overriddenProvinces } from '../law/parameters.ts';
import { addMonths } from '../law/months.ts';
import { fromLawMonth, householdContext, personFacts, toLawMonth } from '../registry/law.ts';
import type { PaymentChannel } from '../registry/model.ts';
import { type MonthNumber } from '../kernel/month.ts';
import type { MonthAmount, PayrollLine } from './model.ts';
import { arr } from '../db/arrays.ts';
import type { Executor as Q } from '../db/executor.ts';

/** Runs `fn` in `q`'s transaction, or in a new one: the temporary tables live until commit. */
export function inTransaction<T>(q: Q, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return q.isTransaction ? fn(q as Transaction<DB>) : (q as Kysely<DB>).transaction().execute(fn);
}

const monthIndex = (col: string) => `((${col}) / 100 * 12 + (${col}) % 100 - 1)`;
const dateIndex = (col: string) => `(extract(year from ${col})::int * 12 + extract(month from ${col})::int - 1)`;

export interface DueScope {
  /** Communes whose decisions select the beneficiaries. */
  readonly unitIds: readonly number[];
  readonly month: MonthNumber;
  /** Only persons with id > after, at most limit of them (the job walks in chunks). */
  readonly after?: number;
  readonly limit?: number;
}

/**
 * Planner settings for the rest of the transaction (SET LOCAL): the row estimates of
 * generate_series are far off and compiling the plan (JIT) would cost more than the statements;
 * sorts and hashes of a province's beneficiaries fit in memory; the law's key (8 columns) is
 * joined by hashing, sorting it for a merge join costs more.
 */
async function bulkSettings(tx: Transaction<DB>): Promise<void> {
  await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('enable_mergejoin', 'off', true)`.execute(tx);
}

/** The columns of payroll_due that are the law's whole input (see stageDue). */
const KEY = ['facts', 'm', 'age', 'death_rel', 'certified_rel', 'decided_rel', 'single_parent_children', 'class'] as const;
const keyJoin = (a: string, b: string) => sql.raw(KEY.map((k) => `${a}.${k} = ${b}.${k}`).join(' and '));

/**
 * Fills the temporary tables `payroll_beneficiaries` (the persons considered) and `payroll_due`
 * (one row a person and month owed, with the governing decision and the law's facts), then
 * `payroll_amount` (the law's amount for each distinct facts). Returns the persons considered.
 */
export async function stageDue(tx: Transaction<DB>, s: DueScope): Promise<{ count: number; last: number | null }> {
  const units = arr(s.unitIds);
  await bulkSettings(tx);
  const mi = Math.floor(s.month / 100) * 12 + (s.month % 100) - 1;
  await sql`drop table if exists pg_temp.payroll_beneficiaries, pg_temp.payroll_classes, pg_temp.payroll_paid, pg_temp.payroll_due, pg_temp.payroll_amount`.execute(
    tx,
  );
  // Per person, once: dates as month indexes (year * 12 + month - 1), and the facts that do not
  // depend on the month (`facts`, as text: the first part of the law's key). The province
  // counts only where it has parameters of its own; elsewhere the national ones apply.
  const lawProvince = sql`case when p.province_code = any(${arr(overriddenProvinces())}::text[]) then p.province_code end`;
  // The registry is partitioned by province (migration 391). When the communes of the run are
  // in one province, its beneficiaries are read from that province's partition; those who
  // moved to another province since (the old commune pays up to its stop) are found first
  // (usually none) and read by id from the other partitions.
  const provinces = (await sql<{ p: string | null }>`select distinct ansinh_unit_province(u) as p from unnest(${units}::int[]) u`.execute(tx)).rows;
  const province = provinces.length === 1 ? (provinces[0]!.p ?? null) : null;
  const decided = sql`select person_id from benefit_decisions where unit_id = any(${units}::int[]) and person_id > ${s.after ?? 0}`;
  const movedOut =
    province === null
      ? []
      : (
          await sql<{ id: number }>`select distinct d.person_id as id from (${decided}) d
            where not exists (select 1 from persons p where p.province_code = ${province} and p.id = d.person_id)`.execute(tx)
        ).rows.map((r) => r.id);
  const beneficiary = (where: RawBuilder<unknown>) => sql`
    select p.id, p.unit_id, p.province_code, p.household_id, p.schooling, p.conditions, p.disability, p.pension, h.disadvantaged_area,
      ${lawProvince} as law_province,
      row(p.schooling, p.conditions, p.disability, p.pension, h.disadvantaged_area, ${lawProvince})::text as facts,
      'single_parent' = any(p.conditions) as single_parent,
      ${sql.raw(dateIndex('p.date_of_birth'))} as birth_index,
      ${sql.raw(dateIndex('p.death_date'))} as death_index,
      ${sql.raw(dateIndex('p.disability_certified_on'))} as certified_index
    from persons p join households h on h.province_code = p.province_code and h.id = p.household_id
    where ${where}`;
  const selected =
    province === null
      ? beneficiary(sql`p.id in (${decided})`)
      : movedOut.length === 0
        ? beneficiary(sql`p.province_code = ${province} and h.province_code = ${province} and p.id in (${decided})`)
        : sql`${beneficiary(sql`p.province_code = ${province} and h.province_code = ${province} and p.id in (${decided})`)}
          union all ${beneficiary(sql`p.province_code <> ${province} and p.id = any(${arr(movedOut)}::int[])`)}`;
  await sql`create temp table payroll_beneficiaries on commit drop as
    select * from (${selected}) b ${s.limit === undefined ? sql`` : sql`order by b.id limit ${s.limit}`}`.execute(tx);
  await sql`set local default_statistics_target = 10`.execute(tx);
  await sql`analyze payroll_beneficiaries`.execute(tx);
  await sql`reset default_statistics_target`.execute(tx);
  const n = await sql<{ n: number; last: number | null }>`select count(*)::int as n, max(id) as last from payroll_beneficiaries`.execute(tx);
  // The households' reviews and the months already paid or pending in another month's payroll,
  // read once (and counted for the planner: statistics of tables just written may be stale).
  await sql`create temp table payroll_classes on commit drop as
    select c.household_id, c.year, c.class from household_classifications c
    where ${province !== null && movedOut.length === 0 ? sql`c.province_code = ${province} and` : sql``} c.household_id in (select household_id from payroll_beneficiaries)`.execute(
    tx,
  );
  await sql`create temp table payroll_paid on commit drop as
    select l.person_id, i.month as for_month from payroll_lines l cross join unnest(l.items) i join payrolls pr on pr.id = l.payroll_id
    where l.person_id in (select id from payroll_beneficiaries) and l.status in ('pending', 'paid') and pr.month <> ${s.month} and pr.programme = 'assistance'`.execute(
    tx,
  );
  await sql`set local default_statistics_target = 10`.execute(tx);
  await sql`analyze payroll_classes`.execute(tx);
  await sql`analyze payroll_paid`.execute(tx);
  await sql`reset default_statistics_target`.execute(tx);
  // Enrolled months (enrolledMonths): a start or change governs from its month until the next
  // decision by (month, id); a stop governs nothing. A month is paid by the commune of the
  // decision governing it, in that commune's payroll when it exists (the writers create the
  // payrolls first): a beneficiary who moved is paid by the old commune up to its stop
  // decision, by the new one from its start decision; only the communes of the run pay.
  // Due (monthsDue): not paid or pending, not after the month of death, not after the payroll
  // month.
  // The law's key for each month `i` (an index): the facts, the month, and the dates reduced as
  // datesForMonth (src/law/assistance.ts) does: the age in years; died before (-1), in (0) or
  // not by (1) the month; certified in or before (0), after (1) or never (9); decided in or
  // before (0) or after (1); the single parent's children under 16 at the start of the month;
  // the household's class of the latest review up to that year (classFor; '' = none).
  await sql`create temp table payroll_due on commit drop as
    with d as (
      select d.id, d.person_id, d.unit_id, d.province_code, d.kind, d.start_month, d.channel, d.account,
        lead(d.start_month) over (partition by d.person_id order by d.start_month, d.id) as next
      from benefit_decisions d where d.person_id in (select id from payroll_beneficiaries)),
    e as (
      select d.person_id, d.id as decision_id, d.unit_id, d.province_code, pr.id as payroll_id, ${sql.raw(monthIndex('d.start_month'))} as decision_index, d.channel, d.account, i
      from d left join payrolls pr on pr.unit_id = d.unit_id and pr.month = ${s.month} and pr.programme = 'assistance',
        generate_series(${sql.raw(monthIndex('d.start_month'))}, least(coalesce(${sql.raw(monthIndex('d.next'))} - 1, ${mi}), ${mi})) as i
      where d.kind <> 'stop' and d.unit_id = any(${units}::int[])),
    cls as (
      select c.household_id, c.year, c.class, lead(c.year) over (partition by c.household_id order by c.year) as next from payroll_classes c)
    select e.person_id, e.unit_id, e.province_code, e.payroll_id, e.decision_id, e.channel, e.account,
      b.facts, (e.i / 12) * 100 + e.i % 12 + 1 as m,
      case when e.i >= b.birth_index then (e.i - b.birth_index) / 12 else -((b.birth_index - e.i + 11) / 12) end as age,
      case when b.death_index is null or b.death_index > e.i then 1 when b.death_index = e.i then 0 else -1 end as death_rel,
      case when b.certified_index is null then 9 when b.certified_index > e.i then 1 else 0 end as certified_rel,
      case when e.decision_index > e.i then 1 else 0 end as decided_rel,
      -- counted only for single parents (a scalar subquery in a CASE runs only where it is taken)
      case when b.single_parent then (select count(*)::int from persons c where c.province_code = b.province_code and c.household_id = b.household_id and c.id <> b.id
        and c.relation = 'child' and c.death_date is null
        and e.i / 12 - extract(year from c.date_of_birth)::int
          - case when e.i % 12 + 1 < extract(month from c.date_of_birth)::int or (e.i % 12 + 1 = extract(month from c.date_of_birth)::int and extract(day from c.date_of_birth)::int > 1) then 1 else 0 end < 16)
        else 0 end as single_parent_children,
      coalesce(cls.class, '') as class
    from e join payroll_beneficiaries b on b.id = e.person_id
      left join cls on cls.household_id = b.household_id and cls.year <= e.i / 12 and (cls.next is null or e.i / 12 < cls.next)
    where (b.death_index is null or e.i <= b.death_index)
      and not exists (select 1 from payroll_paid pi where pi.person_id = e.person_id and pi.for_month = (e.i / 12) * 100 + e.i % 12 + 1)`.execute(tx);
  // A small sample is enough for the planner to hash-join the key.
  await sql`set local default_statistics_target = 10`.execute(tx);
  await sql`analyze payroll_due`.execute(tx);
  await sql`reset default_statistics_target`.execute(tx);
  await evaluateDue(tx);
  return { count: n.rows[0]!.n, last: n.rows[0]!.last };
}

interface KeyRow {
  facts: string;
  m: number;
  age: number;
  death_rel: number;
  certified_rel: number;
  decided_rel: number;
  single_parent_children: number;
  class: PovertyClass | '';
  schooling: string;
  conditions: string[];
  disability: string;
  pension: boolean;
  disadvantaged_area: boolean;
  law_province: string | null;
}

/** The law engine once per distinct key of payroll_due, into payroll_amount. */
async function evaluateDue(tx: Transaction<DB>): Promise<void> {
  const keys = await sql<KeyRow>`with k as (select distinct ${sql.raw(KEY.join(', '))} from payroll_due),
      f as (select facts, min(schooling) as schooling, min(conditions) as conditions, min(disability) as disability, bool_or(pension) as pension,
        bool_or(disadvantaged_area) as disadvantaged_area, min(law_province) as law_province from payroll_beneficiaries group by facts)
    select k.*, f.schooling, f.conditions, f.disability, f.pension, f.disadvantaged_area, f.law_province from k join f on f.facts = k.facts`.execute(tx);
  const cols: Record<string, unknown[]> = Object.fromEntries([...KEY, 'amount', 'category', 'coefficient_tenths'].map((c) => [c, []]));
  for (const r of keys.rows) {
    const a = amountOf(r);
    for (const k of KEY) cols[k]!.push(r[k]);
    cols.amount!.push(a.amount);
    cols.category!.push(a.category);
    cols.coefficient_tenths!.push(a.coefficientTenths);
  }
  await sql`create temp table payroll_amount (facts text, m int, age int, death_rel int, certified_rel int, decided_rel int, single_parent_children int, class text,
    amount int, category text, coefficient_tenths int) on commit drop`.execute(tx);
  for (let i = 0; i < keys.rows.length; i += 20_000) {
    const part = (c: string) => cols[c]!.slice(i, i + 20_000);
    await sql`insert into payroll_amount select * from unnest(${part('facts')}::text[], ${part('m')}::int[], ${part('age')}::int[], ${part('death_rel')}::int[],
      ${part('certified_rel')}::int[], ${part('decided_rel')}::int[], ${part('single_parent_children')}::int[], ${part('class')}::text[],
      ${part('amount')}::int[], ${part('category')}::text[], ${part('coefficient_tenths')}::int[])`.execute(tx);
  }
  await sql`analyze payroll_amount`.execute(tx);
}

/**
 * One key's amount: the law engine's monthly total of payable benefits (null when it cannot
 * tell), for facts whose dates stand at the key's distances from the month.
 */
function amountOf(r: KeyRow): MonthAmount {
  const month = toLawMonth(r.m);
  const day = (monthsFrom: number) => `${addMonths(month, monthsFrom)}-01`;
  const facts = personFacts(
    {
      id: 0,
      full_name: '',
      date_of_birth: day(-12 * r.age),
      death_date: r.death_rel === 1 ? null : day(r.death_rel),
      relation: '',
      disability: r.disability,
      disability_certified_on: r.certified_rel === 9 ? null : day(r.certified_rel),
      pension: r.pension,
      schooling: r.schooling,
      conditions: r.conditions,
    },
    { decisionMonth: fromLawMonth(addMonths(month, r.decided_rel)), singleParentChildren: r.single_parent_children },
  );
  const e = entitlementInMonth(
    datesForMonth(facts, month),
    householdContext({ province_code: r.law_province, disadvantaged_area: r.disadvantaged_area }, r.class || null),
    month,
  );
  const payable = e.benefits.filter((b) => b.status === 'payable');
  return {
    amount: e.incomplete && payable.length === 0 ? null : e.monthlyTotal,
    category: payable.map((b) => b.category).join('+') || null,
    coefficientTenths: payable.reduce((s, b) => s + (b.coefficient ?? 0), 0) || null,
  };
}

/**
 * Writes the staged lines into the month's payrolls (which must exist, as drafts emptied by the
 * caller), in one statement: one line a person and paying commune with a payable total
 * (buildLine), its months with an amount as its items, governed by the decision of the last
 * month owed.
 */
export async function writeDue(tx: Transaction<DB>, month: MonthNumber): Promise<void> {
  await bulkSettings(tx);
  await sql`with owed as materialized (
      select d.payroll_id, d.person_id, d.province_code, d.unit_id, d.m, d.decision_id, d.channel, d.account, a.amount, a.category, a.coefficient_tenths
      from payroll_due d join payroll_amount a on ${keyJoin('a', 'd')} where d.payroll_id is not null)
    insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total, items)
    select t.payroll_id, t.person_id, t.province_code, t.unit_id, l.decision_id, coalesce(l.channel, 'cash'), l.account, t.cur, t.total - t.cur, t.total, t.items
    from (select person_id, payroll_id, min(province_code) as province_code, min(unit_id) as unit_id, max(m) as last_month,
            coalesce(sum(amount) filter (where amount > 0 and m = ${month}), 0)::int as cur, coalesce(sum(amount) filter (where amount > 0), 0)::int as total,
            array_agg(row(m, amount, category, coefficient_tenths)::payroll_item order by m) filter (where amount > 0) as items
          from owed group by payroll_id, person_id) t
    join owed l on l.person_id = t.person_id and l.m = t.last_month
    where t.total > 0`.execute(tx);
}

/** The staged lines as PayrollLine values, one a person and paying commune (the job stages them; one commune's summary). */
export async function readDue(tx: Transaction<DB>, month: MonthNumber): Promise<(PayrollLine & { unitId: number })[]> {
  const r = await sql<{
    person_id: number;
    unit_id: number;
    m: number;
    decision_id: number;
    channel: PaymentChannel | null;
    account: string | null;
    amount: number | null;
    category: string | null;
    coefficient_tenths: number | null;
  }>`
    select d.person_id, d.unit_id, d.m, d.decision_id, d.channel, d.account, a.amount, a.category, a.coefficient_tenths
    from payroll_due d join payroll_amount a on ${keyJoin('a', 'd')} order by d.person_id, d.unit_id, d.m`.execute(tx);
  const out: (PayrollLine & { unitId: number })[] = [];
  for (let i = 0; i < r.rows.length;) {
    const p = r.rows[i]!.person_id;
    const u = r.rows[i]!.unit_id;
    let j = i;
    while (j < r.rows.length && r.rows[j]!.person_id === p && r.rows[j]!.unit_id === u) j++;
    const rows = r.rows.slice(i, j);
    i = j;
    const items = rows
      .filter((x) => x.amount !== null && x.amount > 0)
      .map((x) => ({ month: x.m, amount: x.amount, category: x.category, coefficientTenths: x.coefficient_tenths }));
    const unknownMonths = rows.filter((x) => x.amount === null).map((x) => x.m);
    if (items.length === 0 && unknownMonths.length === 0) continue;
    const last = rows.at(-1)!;
    const current = items.filter((x) => x.month === month).reduce((s, x) => s + x.amount!, 0);
    const total = items.reduce((s, x) => s + x.amount!, 0);
    out.push({
      personId: p,
      unitId: last.unit_id,
      decisionId: last.decision_id,
      channel: last.channel ?? 'cash',
      account: last.account,
      items,
      current,
      arrears: total - current,
      total,
      unknownMonths,
    });
  }
  return out;
}

/** The persons with months owed whose amount the law engine cannot determine, and those months. */
export async function unknownMonths(tx: Transaction<DB>): Promise<{ personId: number; months: MonthNumber[] }[]> {
  const r = await sql<{ person_id: number; months: number[] }>`select d.person_id, array_agg(d.m order by d.m) as months
    from payroll_due d join payroll_amount a on ${keyJoin('a', 'd')} where a.amount is null group by d.person_id order by d.person_id`.execute(tx);
  return r.rows.map((u) => ({ personId: u.person_id, months: u.months.map(Number) }));
}
