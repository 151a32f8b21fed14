// Registry-computed indicators for monitoring (issue 6 part 9), per unit subtree and period:
// numerator and denominator only (rates are derived after aggregation, never averaged). Codes
// are those of the indicator catalogue (src/indicators/catalogue.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor as Q } from '../db/executor.ts';

export interface RegistryValue {
  readonly code: string;
  readonly numerator: number;
  /** null for counts. */
  readonly denominator: number | null;
}

/**
 * The registry's indicators for the units whose ancestors include `unitId` (a commune, or a
 * province: every commune under it), for a review `year` and a payment `month` (YYYYMM; default
 * December of the year).
 * - poor_household_rate / near_poor_household_rate: classified households of the year's review;
 * - poor_households / near_poor_households: counts;
 * - social_assistance_beneficiaries: persons on the month's payrolls;
 * - social_assistance_coverage: persons on the month's payrolls / (those + open "eligible but
 *   not enrolled" flags);
 * - cashless_payment_rate: payroll lines of the month to a bank account or e-wallet / all lines;
 * - merit_households_above_average: "người có công có mức sống bằng hoặc cao hơn mức sống trung bình":
 *   merit households of the year's review neither poor nor near-poor (average, or above it) / merit
 *   households classified that year; a merit household is one flagged so (households.merit) or
 *   with a living member flagged (persons.merit, set by recording a merit profile) or holding a
 *   merit profile (issue 12 item 5). A household the review could not class (unknown) counts in
 *   the denominator only: it is not shown to live at the average.
 * - health_insurance_coverage_registry: living registered persons with a health-insurance card / living persons.
 * @example await registryIndicators(db.k, thuLumId, 2026)
 */
export async function registryIndicators(q: Q, unitId: number, year: number, month: number = year * 100 + 12): Promise<RegistryValue[]> {
  const units = sql`(select id from units where ancestors @> array[${unitId}::int])`;
  const c = await sql<{ poor: number; near: number; total: number; merit: number; merit_ok: number }>`
    select count(*) filter (where hc.class = 'poor')::int as poor, count(*) filter (where hc.class = 'near_poor')::int as near, count(*)::int as total,
      count(*) filter (where mh.merit)::int as merit, count(*) filter (where mh.merit and hc.class in ('average', 'none'))::int as merit_ok
    from household_classifications hc join households h on h.id = hc.household_id
      cross join lateral (select h.merit or exists (select 1 from persons p where p.household_id = h.id and p.death_date is null
        and (p.merit or exists (select 1 from merit_profiles m where m.person_id = p.id))) as merit) mh
    where hc.year = ${year} and hc.unit_id in ${units}`.execute(q);
  // Cashless share: the latest payment list of the month or before it (this month's may not be made yet).
  const p = await sql<{ lines: number; cashless: number }>`
    select count(*)::int as lines, count(*) filter (where l.channel in ('bank', 'ewallet'))::int as cashless
    from payroll_lines l join payrolls pr on pr.id = l.payroll_id
    where l.unit_id in ${units} and pr.programme = 'assistance' and pr.month = (select max(month) from payrolls where month <= ${month} and unit_id in ${units} and programme = 'assistance')`.execute(
    q,
  );
  // Beneficiaries: persons whose latest decision in the unit up to the month grants a benefit
  // (start or change, not stop), whether or not the month's payment list exists yet.
  const b = await sql<{ persons: number }>`
    select count(*)::int as persons from (
      select distinct on (person_id) kind from benefit_decisions
      where unit_id in ${units} and start_month <= ${month} order by person_id, start_month desc, id desc) d
    where d.kind <> 'stop'`.execute(q);
  const o = await sql<{
    n: number;
  }>`select count(*)::int as n from integrity_flags where kind = 'not_enrolled' and state = 'open' and unit_id in ${units}`.execute(q);
  // Kept per commune as persons change (unit_person_counts, migration 151), not counted per view.
  const hi = await sql<{ insured: number; living: number }>`select coalesce(sum(insured), 0)::int as insured, coalesce(sum(living), 0)::int as living
    from unit_person_counts where unit_id in ${units}`.execute(q);
  const k = c.rows[0]!;
  const pay = p.rows[0]!;
  const beneficiaries = b.rows[0]!.persons;
  return [
    { code: 'poor_household_rate', numerator: k.poor, denominator: k.total },
    { code: 'near_poor_household_rate', numerator: k.near, denominator: k.total },
    { code: 'poor_households', numerator: k.poor, denominator: null },
    { code: 'near_poor_households', numerator: k.near, denominator: null },
    { code: 'social_assistance_beneficiaries', numerator: beneficiaries, denominator: null },
    { code: 'social_assistance_coverage', numerator: beneficiaries, denominator: beneficiaries + o.rows[0]!.n },
    { code: 'cashless_payment_rate', numerator: pay.cashless, denominator: pay.lines },
    { code: 'merit_households_above_average', numerator: k.merit_ok, denominator: k.merit },
    { code: 'health_insurance_coverage_registry', numerator: hi.rows[0]!.insured, denominator: hi.rows[0]!.living },
  ];
}
