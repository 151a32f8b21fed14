// HTTP contract of the satisfaction survey (issue 14 item 5): the surveys a tracking code opens,
// one answer, and the index of a unit and year. The web imports these types (type-only).
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { enumOf } from '../kernel/schemas.ts';
import { SURVEY_CASES } from './satisfaction.ts';

const TextView = Type.Object({ vi: Type.String(), en: Type.String() });
const Score = Type.Integer({ minimum: 1, maximum: 5, description: '1 (rất không hài lòng) to 5 (rất hài lòng)' });

export const SurveyParams = Type.Object({ code: Type.String({ minLength: 12, maxLength: 20, description: 'the tracking code, e.g. 7KQ2-M9XR-T4BD' }) });
export const SurveyOffer = Type.Object({
  questions: Type.Array(Type.Object({ key: Type.String(), text: TextView })),
  cases: Type.Array(Type.Object({ kind: enumOf(SURVEY_CASES), name: TextView, answered: Type.Boolean() })),
});
export type SurveyOffer = Static<typeof SurveyOffer>;
export const SurveyBody = Type.Object({ case: enumOf(SURVEY_CASES), timeliness: Score, attitude: Score, overall: Score }, { additionalProperties: false });
export type SurveyBody = Static<typeof SurveyBody>;
export const SurveyAnswered = Type.Object({ answeredOn: Type.String() });
export const IndexQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
const TallyView = Type.Object({ answers: Type.Integer(), satisfied: Type.Integer(), index: Nullable(Type.Number({ description: 'percent, one decimal' })) });
export const SatisfactionIndex = Type.Object({
  unit: Type.String(),
  year: Type.Integer(),
  method: Type.String(),
  total: TallyView,
  byCase: Type.Object({ application: TallyView, payment: TallyView, complaint: TallyView }),
});
export type SatisfactionIndex = Static<typeof SatisfactionIndex>;
