// Re-evaluation before a law change is applied: the same households under two parameter sets
// (or at two months), listing who gains, who loses and by how much, and which households change
// poverty class. Pure; the registry runs it over its data as a job.
import type { Text } from '../kernel/i18n.ts';
import { LAW_PARAMETERS, type ParamSet } from './parameters.ts';
import { evaluateHouseholds } from './evaluate.ts';
import type { PovertyClass } from './poverty.ts';
import type { Month } from './months.ts';
import type { EvaluateInput } from './schema.ts';

export interface Scenario {
  readonly at: Month;
  readonly params?: ParamSet;
  readonly label?: Text;
}

export interface PersonChange {
  readonly householdId: string;
  readonly personId: string;
  readonly name?: string;
  readonly before: number;
  readonly after: number;
  /** after − before, integer VND per month. */
  readonly delta: number;
  readonly categoriesBefore: readonly string[];
  readonly categoriesAfter: readonly string[];
  /** True when either side has a benefit that could not be determined. */
  readonly incomplete: boolean;
}

export interface ClassChange {
  readonly householdId: string;
  readonly before: PovertyClass;
  readonly after: PovertyClass;
}

export interface ReevaluationDiff {
  readonly before: Scenario;
  readonly after: Scenario;
  readonly gains: readonly PersonChange[];
  readonly losses: readonly PersonChange[];
  readonly unchanged: number;
  /** Persons with a benefit that could not be determined on either side: not counted as gains or losses. */
  readonly undetermined: readonly PersonChange[];
  /** Sum of the deltas of gains and losses, integer VND per month. */
  readonly totalDelta: number;
  readonly classChanges: readonly ClassChange[];
}

/**
 * Compares the same households under two scenarios.
 * @example diffEvaluations(input, { at: '2024-06' }, { at: '2024-07' }) // everyone paid gains 140,000 × coefficient
 */
export function diffEvaluations(input: EvaluateInput, before: Scenario, after: Scenario): ReevaluationDiff {
  const a = evaluateHouseholds(input, before.at, before.params ?? LAW_PARAMETERS);
  const b = evaluateHouseholds(input, after.at, after.params ?? LAW_PARAMETERS);
  const gains: PersonChange[] = [];
  const losses: PersonChange[] = [];
  const classChanges: ClassChange[] = [];
  const undetermined: PersonChange[] = [];
  let unchanged = 0;
  let totalDelta = 0;
  a.households.forEach((ha, i) => {
    const hb = b.households[i];
    if (ha.classification.class !== hb.classification.class)
      classChanges.push({ householdId: ha.id, before: ha.classification.class, after: hb.classification.class });
    ha.members.forEach((ma, j) => {
      const mb = hb.members[j];
      const delta = mb.monthlyTotal - ma.monthlyTotal;
      const cats = (m: typeof ma) => m.benefits.filter((x) => x.status === 'payable').map((x) => x.category);
      const change: PersonChange = {
        householdId: ha.id,
        personId: ma.personId,
        name: ma.name,
        before: ma.monthlyTotal,
        after: mb.monthlyTotal,
        delta,
        categoriesBefore: cats(ma),
        categoriesAfter: cats(mb),
        incomplete: ma.incomplete || mb.incomplete,
      };
      if (change.incomplete) {
        undetermined.push(change);
        return;
      }
      totalDelta += delta;
      if (delta > 0) gains.push(change);
      else if (delta < 0) losses.push(change);
      else unchanged++;
    });
  });
  gains.sort((x, y) => y.delta - x.delta);
  losses.sort((x, y) => x.delta - y.delta);
  return { before, after, gains, losses, unchanged, undetermined, totalDelta, classChanges };
}
