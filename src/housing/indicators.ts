// What the housing cases say to monitoring (issue 13 item 1: "the stage counts feed the
// monitoring indicators"), per unit subtree and day, as numerator and denominator (decision 006:
// they prefill the commune's report form beside the registry's figures, and the officer may
// correct them with a reason). Codes are those of the indicator catalogue. A unit with no housing
// case surveyed by that day answers nothing: it may not track its houses in ansinh, and a 0 would
// claim it has no temporary house left.
// - temporary_houses_remaining: cases of poor and near-poor households surveyed by the day and
//   not handed over by it (stage dates, not the current stage, so a past period keeps its figure);
// - temporary_houses_eliminated: houses handed over (any group) from 1 January of the year to the day;
// - durable_house_rate: households of the registry without an open case (surveyed, not handed
//   over by the day) / households of the registry. Only the surveyed temporary houses are known
//   to be not durable: the rate is an upper bound where the survey is incomplete.
import { sql } from 'kysely';
import type { Executor as Q } from '../db/executor.ts';

export interface HousingIndicatorValue {
  readonly code: 'temporary_houses_remaining' | 'temporary_houses_eliminated' | 'durable_house_rate';
  readonly numerator: number;
  /** null for counts. */
  readonly denominator: number | null;
}

/** The housing figures of the units under `unitId` (itself included) on `asOf` (YYYY-MM-DD), for the year of `asOf`. */
export async function housingIndicators(q: Q, unitId: number, asOf: string): Promise<HousingIndicatorValue[]> {
  const units = sql`(select id from units where ancestors @> array[${unitId}::int])`;
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const r = await sql<{ cases: number; remaining: number; open_households: number; eliminated: number; households: number }>`
    with c as (
      select hc.id, hc.household_id, hc."group",
        (select s.date from housing_case_stages s where s.case_id = hc.id and s.stage = 'handed_over') as handed_over
      from housing_cases hc where hc.unit_id in ${units} and hc.survey_date <= ${asOf}::date
    )
    select count(*)::int as cases,
      count(*) filter (where "group" in ('poor', 'near_poor') and (handed_over is null or handed_over > ${asOf}::date))::int as remaining,
      count(distinct household_id) filter (where handed_over is null or handed_over > ${asOf}::date)::int as open_households,
      count(*) filter (where handed_over between ${yearStart}::date and ${asOf}::date)::int as eliminated,
      (select count(*)::int from households h where h.unit_id in ${units}) as households
    from c`.execute(q);
  const k = r.rows[0]!;
  if (k.cases === 0) return [];
  return [
    { code: 'temporary_houses_remaining', numerator: k.remaining, denominator: null },
    { code: 'temporary_houses_eliminated', numerator: k.eliminated, denominator: null },
    ...(k.households > 0 ? [{ code: 'durable_house_rate' as const, numerator: k.households - k.open_households, denominator: k.households }] : []),
  ];
}
