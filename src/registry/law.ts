// The bridge between registry rows and the law engine (src/law): builds the facts the rules
// read from a household and its members. No threshold or coefficient lives here.
import { sql, type RawBuilder } from 'kysely';
import type { HouseholdFacts, PovertyClass } from '../law/poverty.ts';
import { deprivationIndicators, LAW_PARAMETERS, paramAt, povertyPeriod, type ParamKey, type ParamSet } from '../law/parameters.ts';
import type { HouseholdContext, PersonFacts } from '../law/assistance.ts';
import type { Month as LawMonth } from '../law/months.ts';
import { ageOn } from './model.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';

export const toLawMonth = (m: MonthNumber): LawMonth => monthNumber.toMonth(m);
export const fromLawMonth = (m: LawMonth): MonthNumber => monthNumber.fromMonth(m);

export interface HouseholdFactsRow {
  readonly area: 'urban' | 'rural';
  readonly income_per_month: number | null;
  readonly deprivations: Readonly<Record<string, boolean>>;
  readonly province_code: string;
}

export function householdFacts(h: HouseholdFactsRow): HouseholdFacts {
  return { area: h.area, incomePerCapitaMonthly: h.income_per_month, deprivations: h.deprivations, provinceCode: h.province_code };
}

export interface PersonFactsRow {
  readonly id: number;
  readonly full_name: string;
  readonly date_of_birth: string;
  readonly death_date: string | null;
  readonly relation: string;
  readonly disability: string;
  readonly disability_certified_on: string | null;
  readonly pension: boolean;
  readonly schooling: string;
  readonly conditions: readonly string[];
}

/**
 * The facts of Decree 20/2021 Art. 5 for one person. `household` are the household's members
 * (for the single-parent clause: children under 16 raised in the household), unless the bulk
 * path gives that count itself (`singleParentChildren`, counted in SQL for `month`).
 */
export function personFacts(
  p: PersonFactsRow,
  o: { decisionMonth?: MonthNumber | null; household?: readonly PersonFactsRow[]; month?: MonthNumber; singleParentChildren?: number } = {},
): PersonFacts {
  const c = new Set(p.conditions);
  let singleParentChildren = 0;
  if (c.has('single_parent') && o.singleParentChildren !== undefined) singleParentChildren = o.singleParentChildren;
  else if (c.has('single_parent') && o.household) {
    const at = monthNumber.firstDay(o.month ?? Number(new Date().toISOString().slice(0, 7).replace('-', '')));
    singleParentChildren = o.household.filter((m) => m.id !== p.id && m.relation === 'child' && !m.death_date && ageOn(m.date_of_birth, at) < 16).length;
  }
  return {
    id: String(p.id),
    name: p.full_name,
    dateOfBirth: p.date_of_birth,
    dateOfDeath: p.death_date,
    noSupport: c.has('no_support'),
    elderlyNoSupporter: c.has('no_support'),
    inEducation: p.schooling !== 'none' && p.schooling !== 'preschool',
    hiv: c.has('hiv'),
    noStableIncome: c.has('no_stable_income'),
    singleParentChildren,
    communityCare: c.has('community_care'),
    disability: p.disability === 'none' ? null : (p.disability as 'mild' | 'severe' | 'especially_severe'),
    disabilityCertifiedOn: p.disability_certified_on,
    receivesPension: p.pension,
    decisionMonth: o.decisionMonth ? toLawMonth(o.decisionMonth) : null,
  };
}

export function householdContext(h: { province_code: string | null; disadvantaged_area: boolean }, povertyStatus: PovertyClass | null): HouseholdContext {
  return { povertyStatus: povertyStatus ?? 'unknown', especiallyDisadvantagedArea: h.disadvantaged_area, provinceCode: h.province_code };
}

// ---- the poverty standard compiled to SQL (the annual review's bulk path) ------------------

/**
 * The rule of classifyHousehold for one review year, compiled into two SQL expressions over a
 * households row `h` (columns area, income_per_month, deprivations, province_code): the class
 * and the deprivation count. The parameters are looked up with paramAt exactly as the rule does
 * (national, and a branch for each province that has an override); the branches mirror the
 * rule's own. review.test.ts checks that both give the same answer on every kind of household,
 * so the bulk path cannot drift from the law.
 */
export interface PovertyRuleSql {
  /** A select-list item over `households h`: `dep`, the number of indicators deprived on. */
  readonly counts: RawBuilder<unknown>;
  /** Over `x`, a households row (area, income_per_month, deprivations, province_code) with
   * `dep`: the class and the deprivation count. */
  readonly cls: RawBuilder<PovertyClass>;
  readonly deprivationCount: RawBuilder<number>;
}

export function povertyRuleSql(year: number, params: ParamSet = LAW_PARAMETERS): PovertyRuleSql {
  const period = povertyPeriod(year);
  const date = `${year}-01-01`;
  const keys = period ? deprivationIndicators(period).map((i) => i.key) : [];
  for (const k of keys) if (!/^[a-z_]+$/.test(k)) throw new Error(`indicator key ${k} is not a plain identifier`);
  const num = (v: number) => {
    if (!Number.isSafeInteger(v)) throw new Error(`law parameter ${v} is not an integer`);
    return String(v);
  };
  // Deprived (value true) and not given (not a boolean) among the period's indicators.
  const dep = keys.length ? keys.map((k) => `(h.deprivations @> '{"${k}": true}')::int`).join(' + ') : '0';
  // Only needed between the poor and near-poor lines, so written inside that branch: CASE
  // evaluates it for those households alone.
  const unk = keys.length ? keys.map((k) => `(jsonb_typeof(x.deprivations -> '${k}') is distinct from 'boolean')::int`).join(' + ') : '0';
  const povertyKeys: ParamKey[] = [
    'poverty.income.rural',
    'poverty.income.urban',
    'poverty.average.rural.max',
    'poverty.average.urban.max',
    'poverty.deprivations.poorMin',
  ];
  const provinces = [...new Set(params.filter((p) => p.scope !== 'national' && povertyKeys.includes(p.key)).map((p) => p.scope))].sort();
  for (const p of provinces) if (!/^[0-9A-Za-z_]+$/.test(p)) throw new Error(`province scope ${p} is not a plain code`);
  const branch = (province: string | null, area: 'rural' | 'urban'): { cls: string; dep: string } => {
    const thr = period ? paramAt(area === 'rural' ? 'poverty.income.rural' : 'poverty.income.urban', date, province, params) : null;
    if (!period || !thr || thr.value === null) return { cls: `'unknown'`, dep: '0' };
    const pm = paramAt('poverty.deprivations.poorMin', date, province, params)?.value ?? null;
    const avg = paramAt(area === 'rural' ? 'poverty.average.rural.max' : 'poverty.average.urban.max', date, province, params)?.value ?? null;
    const atOrBelow =
      pm === null ? `'unknown'` : `case when x.dep >= ${num(pm)} then 'poor' when x.dep + ${unk} < ${num(pm)} then 'near_poor' else 'unknown' end`;
    const above = avg === null ? `'unknown'` : `case when x.income_per_month <= ${num(avg)} then 'average' else 'none' end`;
    return {
      cls: `case when x.income_per_month is null then 'unknown' when x.income_per_month <= ${num(thr.value)} then ${atOrBelow} else ${above} end`,
      dep: 'x.dep',
    };
  };
  const byArea = (province: string | null, f: 'cls' | 'dep') =>
    `case when x.area = 'rural' then ${branch(province, 'rural')[f]} else ${branch(province, 'urban')[f]} end`;
  const expr = (f: 'cls' | 'dep') =>
    provinces.length === 0
      ? byArea(null, f)
      : `case ${provinces.map((p) => `when x.province_code = '${p}' then ${byArea(p, f)}`).join(' ')} else ${byArea(null, f)} end`;
  return { counts: sql.raw(`${dep} as dep`), cls: sql.raw<PovertyClass>(expr('cls')), deprivationCount: sql.raw<number>(expr('dep')) };
}
