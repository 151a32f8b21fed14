// Satisfaction (issue 14 item 5), pure: the short survey offered after an application's
// decision, a payment of a granted benefit and a complaint's settlement (three questions scored
// 1–5), and the satisfaction index of a unit and year. Method (docs/guide/hai-long.md): an answer
// is "satisfied" when its overall score is 4 (hài lòng) or 5 (rất hài lòng); the index is the
// number of satisfied answers over the number of answers, both counted over the unit's subtree
// and the year before dividing (never an average of communes' percentages), so the monitoring
// indicator public_service_satisfaction rolls up as numerator and denominator.
import type { Text } from '../kernel/i18n.ts';

export const SURVEY_CASES = ['application', 'payment', 'complaint'] as const;
export type SurveyCase = (typeof SURVEY_CASES)[number];

export const SURVEY_QUESTIONS = ['timeliness', 'attitude', 'overall'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

export const QUESTION_TEXT: Readonly<Record<SurveyQuestion, Text>> = {
  timeliness: { vi: 'Việc giải quyết có đúng hạn không?', en: 'Was the case handled on time?' },
  attitude: { vi: 'Cán bộ hướng dẫn, tiếp đón có tận tình không?', en: 'Were the officers helpful?' },
  overall: { vi: 'Nhìn chung, bạn hài lòng đến mức nào?', en: 'Overall, how satisfied are you?' },
};

export const CASE_TEXT: Readonly<Record<SurveyCase, Text>> = {
  application: { vi: 'Giải quyết hồ sơ', en: 'The decision on the application' },
  payment: { vi: 'Chi trả trợ cấp', en: 'The payment' },
  complaint: { vi: 'Giải quyết đơn', en: 'The settlement of the complaint' },
};

/** 4 (hài lòng) and 5 (rất hài lòng) on the 5-point scale count as satisfied. */
export const SATISFIED_FROM = 4;

export interface Tally {
  readonly answers: number;
  readonly satisfied: number;
}

/** The index in percent, one decimal, from the counts (null with no answer: unknown, not 0). */
export function satisfactionIndex(t: Tally): number | null {
  if (t.answers === 0) return null;
  return Math.round((1000 * t.satisfied) / t.answers) / 10;
}
