// The payroll's bulk path: the months each beneficiary is owed and the facts the law reads for
// each of them are derived in SQL (one temporary table, `payroll_due`), the law engine
// (entitlementInMonth, src/law/assistance.ts) runs once per distinct set of facts (many persons
// share category, age month, decision month and household status), and lines and items are
// written with INSERT ... SELECT. The SQL mirrors the pure rules of payments/model.ts
// (enrolledMonths, monthsDue, buildLine) and registry/law.ts (personFacts); due.test.ts checks
// the result against those rules applied person by person.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { entitlementInMonth } from '../law/assistance.ts';
import type { PovertyClass } from '../law/poverty.ts';
import { householdContext, personFacts, toLawMonth } from '../registry/law.ts';
import type { Month, PaymentChannel } from '../registry/model.ts';
import type { MonthAmount, PayrollLine } from './model.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** Runs `fn` in `q`'s transaction, or in a new one: the temporary tables live until commit. */
export function inTransaction<T>(q: Q, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return q.isTransaction ? fn(q as Transaction<DB>) : (q as Kysely<DB>).transaction().execute(fn);
}

const monthIndex = (col: string) => `((${col}) / 100 * 12 + (${col}) % 100 - 1)`;

export interface DueScope {
  /** Communes whose decisions select the beneficiaries. */
  readonly unitIds: readonly number[];
  readonly month: Month;
  /** Only persons with id > after, at most limit of them (the job walks in chunks). */
  readonly after?: number;
  readonly limit?: number;
  /** The payroll the lines go to: this commune's (one commune), else each person's own commune. */
  readonly payrollUnit?: number;
}

/**
 * Fills the temporary tables `payroll_beneficiaries` (the persons considered) and `payroll_due`
 * (one row a person and month owed, with the governing decision and the law's facts), then
 * `payroll_amount` (the law's amount for each distinct key). Returns the persons considered.
 */
export async function stageDue(tx: Transaction<DB>, s: DueScope): Promise<{ count: number; last: number | null }> {
  const units = `{${s.unitIds.join(',')}}`;
  const mi = Math.floor(s.month / 100) * 12 + (s.month % 100) - 1;
  await sql`drop table if exists pg_temp.payroll_beneficiaries, pg_temp.payroll_due, pg_temp.payroll_amount`.execute(tx);
  await sql`create temp table payroll_beneficiaries on commit drop as
    select p.id, p.unit_id, p.province_code, p.household_id, p.date_of_birth, p.death_date, p.disability, p.disability_certified_on, p.pension, p.schooling,
      p.conditions, h.disadvantaged_area
    from persons p join households h on h.id = p.household_id
    where p.id in (select person_id from benefit_decisions where unit_id = any(${units}::int[])) and p.id > ${s.after ?? 0}
    order by p.id limit ${s.limit ?? 2_000_000_000}`.execute(tx);
  const n = await sql<{ n: number; last: number | null }>`select count(*)::int as n, max(id) as last from payroll_beneficiaries`.execute(tx);
  // Enrolled months (enrolledMonths): a start or change governs from its month until the next
  // decision by (month, id); a stop governs nothing. Due (monthsDue): not paid or pending in
  // another month's payroll, not after the month of death, not after the payroll month.
  // The facts (personFacts): the month of birth (the rules never read the day), the single
  // parent's children under 16 at the start of the month, the household's class of the latest
  // review up to that year (classFor).
  await sql`create temp table payroll_due on commit drop as
    with d as (
      select d.id, d.person_id, d.kind, d.start_month, d.channel, d.account,
        lead(d.start_month) over (partition by d.person_id order by d.start_month, d.id) as next
      from benefit_decisions d where d.person_id in (select id from payroll_beneficiaries)),
    e as (
      select d.person_id, d.id as decision_id, d.start_month as decision_month, d.channel, d.account, (i / 12) * 100 + i % 12 + 1 as m
      from d, generate_series(${sql.raw(monthIndex('d.start_month'))}, least(coalesce(${sql.raw(monthIndex('d.next'))} - 1, ${mi}), ${mi})) as i
      where d.kind <> 'stop'),
    f as (
      select e.*, b.unit_id, b.province_code, b.disadvantaged_area, to_char(b.date_of_birth, 'YYYY-MM') as birth_month, b.death_date::text as death_date,
        b.schooling, b.conditions, b.disability, b.disability_certified_on::text as disability_certified_on, b.pension,
        case when 'single_parent' = any(b.conditions) then (select count(*)::int from persons c where c.household_id = b.household_id and c.id <> b.id
          and c.relation = 'child' and c.death_date is null
          and e.m / 100 - extract(year from c.date_of_birth)::int
            - case when e.m % 100 < extract(month from c.date_of_birth)::int or (e.m % 100 = extract(month from c.date_of_birth)::int and extract(day from c.date_of_birth)::int > 1) then 1 else 0 end < 16)
        else 0 end as single_parent_children,
        (select c.class from household_classifications c where c.household_id = b.household_id and c.year <= e.m / 100 order by c.year desc limit 1) as class
      from e join payroll_beneficiaries b on b.id = e.person_id
      where (b.death_date is null or e.m <= extract(year from b.death_date)::int * 100 + extract(month from b.death_date)::int)
        and not exists (select 1 from payroll_items i join payroll_lines l on l.payroll_id = i.payroll_id and l.person_id = i.person_id join payrolls pr on pr.id = i.payroll_id
          where i.person_id = e.person_id and i.for_month = e.m and l.status in ('pending', 'paid') and pr.month <> ${s.month}))
    select f.*, coalesce(${s.payrollUnit ?? null}::int, f.unit_id) as payroll_unit,
      row(f.m, f.birth_month, f.death_date, f.schooling, f.conditions, f.disability, f.disability_certified_on, f.pension, f.single_parent_children,
        f.decision_month, f.class, f.disadvantaged_area, f.province_code)::text as k
    from f`.execute(tx);
  await evaluateDue(tx);
  return { count: n.rows[0]!.n, last: n.rows[0]!.last };
}

interface KeyRow {
  k: string;
  m: number;
  birth_month: string;
  death_date: string | null;
  schooling: string;
  conditions: string[];
  disability: string;
  disability_certified_on: string | null;
  pension: boolean;
  single_parent_children: number;
  decision_month: number;
  class: PovertyClass | null;
  disadvantaged_area: boolean;
  province_code: string;
}

/** The law engine once per distinct key of payroll_due, into payroll_amount. */
async function evaluateDue(tx: Transaction<DB>): Promise<void> {
  const keys = await sql<KeyRow>`select distinct k, m, birth_month, death_date, schooling, conditions, disability, disability_certified_on, pension,
      single_parent_children, decision_month, class, disadvantaged_area, province_code from payroll_due`.execute(tx);
  const out: { k: string[]; amount: (number | null)[]; category: (string | null)[]; coef: (number | null)[] } = { k: [], amount: [], category: [], coef: [] };
  for (const r of keys.rows) {
    const a = amountOf(r);
    out.k.push(r.k);
    out.amount.push(a.amount);
    out.category.push(a.category);
    out.coef.push(a.coefficientTenths);
  }
  await sql`create temp table payroll_amount (k text primary key, amount int, category text, coefficient_tenths int) on commit drop`.execute(tx);
  for (let i = 0; i < out.k.length; i += 20_000) {
    const part = (xs: unknown[]) => xs.slice(i, i + 20_000);
    await sql`insert into payroll_amount select * from unnest(${part(out.k)}::text[], ${part(out.amount)}::int[], ${part(out.category)}::text[], ${part(out.coef)}::int[])`.execute(tx);
  }
  await sql`analyze payroll_amount`.execute(tx);
}

/** One key's amount: the law engine's monthly total of payable benefits (null when it cannot tell). */
function amountOf(r: KeyRow): MonthAmount {
  const facts = personFacts({ id: 0, full_name: '', date_of_birth: `${r.birth_month}-01`, death_date: r.death_date, relation: '', disability: r.disability,
    disability_certified_on: r.disability_certified_on, pension: r.pension, schooling: r.schooling, conditions: r.conditions }, { decisionMonth: r.decision_month, singleParentChildren: r.single_parent_children });
  const e = entitlementInMonth(facts, householdContext(r, r.class), toLawMonth(r.m));
  const payable = e.benefits.filter((b) => b.status === 'payable');
  return { amount: e.incomplete && payable.length === 0 ? null : e.monthlyTotal, category: payable.map((b) => b.category).join('+') || null, coefficientTenths: payable.reduce((s, b) => s + (b.coefficient ?? 0), 0) || null };
}

/**
 * Writes the staged lines and items into the month's payrolls (which must exist, as drafts
 * emptied by the caller): items of the months with an amount, one line a person with a
 * payable total (buildLine), governed by the decision of the last month owed.
 */
export async function writeDue(tx: Transaction<DB>, month: Month): Promise<void> {
  await sql`insert into payroll_items (payroll_id, person_id, unit_id, for_month, amount, category, coefficient_tenths)
    select pr.id, d.person_id, d.payroll_unit, d.m, a.amount, a.category, a.coefficient_tenths
    from payroll_due d join payroll_amount a on a.k = d.k join payrolls pr on pr.unit_id = d.payroll_unit and pr.month = ${month}
    where a.amount > 0`.execute(tx);
  await sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total)
    select pr.id, t.person_id, t.province_code, t.unit_id, l.decision_id, coalesce(l.channel, 'cash'), l.account, t.cur, t.total - t.cur, t.total
    from (select d.person_id, d.payroll_unit, d.province_code, d.unit_id, max(d.m) as last_month,
            coalesce(sum(a.amount) filter (where a.amount > 0 and d.m = ${month}), 0)::int as cur, coalesce(sum(a.amount) filter (where a.amount > 0), 0)::int as total
          from payroll_due d join payroll_amount a on a.k = d.k group by d.person_id, d.payroll_unit, d.province_code, d.unit_id) t
    join payroll_due l on l.person_id = t.person_id and l.m = t.last_month
    join payrolls pr on pr.unit_id = t.payroll_unit and pr.month = ${month}
    where t.total > 0`.execute(tx);
}

/** The staged lines as PayrollLine values (the job stages them; one commune's summary). */
export async function readDue(tx: Transaction<DB>, month: Month): Promise<(PayrollLine & { unitId: number })[]> {
  const r = await sql<{ person_id: number; unit_id: number; m: number; decision_id: number; channel: PaymentChannel | null; account: string | null; amount: number | null; category: string | null; coefficient_tenths: number | null }>`
    select d.person_id, d.unit_id, d.m, d.decision_id, d.channel, d.account, a.amount, a.category, a.coefficient_tenths
    from payroll_due d join payroll_amount a on a.k = d.k order by d.person_id, d.m`.execute(tx);
  const out: (PayrollLine & { unitId: number })[] = [];
  for (let i = 0; i < r.rows.length;) {
    const p = r.rows[i]!.person_id;
    let j = i;
    while (j < r.rows.length && r.rows[j]!.person_id === p) j++;
    const rows = r.rows.slice(i, j);
    i = j;
    const items = rows.filter((x) => x.amount !== null && x.amount > 0).map((x) => ({ month: x.m, amount: x.amount, category: x.category, coefficientTenths: x.coefficient_tenths }));
    const unknownMonths = rows.filter((x) => x.amount === null).map((x) => x.m);
    if (items.length === 0 && unknownMonths.length === 0) continue;
    const last = rows.at(-1)!;
    const current = items.filter((x) => x.month === month).reduce((s, x) => s + x.amount!, 0);
    const total = items.reduce((s, x) => s + x.amount!, 0);
    out.push({ personId: p, unitId: last.unit_id, decisionId: last.decision_id, channel: last.channel ?? 'cash', account: last.account, items, current, arrears: total - current, total, unknownMonths });
  }
  return out;
}
