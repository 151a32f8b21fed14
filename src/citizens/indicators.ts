// What the satisfaction survey says to monitoring (issue 14 item 5: "fed to the monitoring
// indicator"), per unit subtree and year, as numerator and denominator: the answers scored 4 or
// 5 overall over all answers (src/citizens/satisfaction.ts). It prefills the report form beside
// the registry's figures as the housing figures do (decision 006). A unit with no answer in the
// year answers nothing: an index of 0 % would claim every citizen was dissatisfied.
import type { Executor as Q } from '../db/executor.ts';
import { SURVEY_CASES } from './satisfaction.ts';
import { tally } from './satisfaction-store.ts';

export interface SatisfactionIndicatorValue {
  readonly code: 'public_service_satisfaction';
  readonly numerator: number;
  readonly denominator: number;
}

/** The satisfaction figure of the units under `unitId` (itself included) for the year of `asOf` (YYYY-MM-DD). */
export async function satisfactionIndicators(q: Q, unitId: number, asOf: string): Promise<SatisfactionIndicatorValue[]> {
  const t = await tally(q, unitId, Number(asOf.slice(0, 4)));
  const answers = SURVEY_CASES.reduce((n, k) => n + t[k].answers, 0);
  const satisfied = SURVEY_CASES.reduce((n, k) => n + t[k].satisfied, 0);
  return answers === 0 ? [] : [{ code: 'public_service_satisfaction', numerator: satisfied, denominator: answers }];
}
