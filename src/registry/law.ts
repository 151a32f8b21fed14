// The bridge between registry rows and the law engine (src/law): builds the facts the rules
// read from a household and its members. No threshold or coefficient lives here.
import type { HouseholdFacts, PovertyClass } from '../law/poverty.ts';
import type { HouseholdContext, PersonFacts } from '../law/assistance.ts';
import type { Month as LawMonth } from '../law/months.ts';
import { ageOn, monthStart, type Month } from './model.ts';

export const toLawMonth = (m: Month): LawMonth => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`;
export const fromLawMonth = (m: LawMonth): Month => Number(m.slice(0, 4)) * 100 + Number(m.slice(5, 7));

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
 * The facts of Decree 20/2021 Art. 5 for one person. `children` are the household's members
 * (for the single-parent clause: children under 16 raised in the household).
 */
export function personFacts(p: PersonFactsRow, o: { decisionMonth?: Month | null; household?: readonly PersonFactsRow[]; month?: Month } = {}): PersonFacts {
  const c = new Set(p.conditions);
  let singleParentChildren = 0;
  if (c.has('single_parent') && o.household) {
    const at = monthStart(o.month ?? Number(new Date().toISOString().slice(0, 7).replace('-', '')));
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

export function householdContext(h: { province_code: string; disadvantaged_area: boolean }, povertyStatus: PovertyClass | null): HouseholdContext {
  return { povertyStatus: povertyStatus ?? 'unknown', especiallyDisadvantagedArea: h.disadvantaged_area, provinceCode: h.province_code };
}
