// HTTP routes of the satisfaction survey (issue 14 item 5): the public survey by tracking code
// (no login, rate-limited per visitor by src/server.ts, once per case) and the index of a unit
// and year for officers (the same counts feed the monitoring indicator public_service_satisfaction).
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { withActor } from '../access/index.ts';
import { findUnitByCode } from '../units/store.ts';
import { answerSurvey, surveyCases } from './satisfaction-commands.ts';
import { assertCanRead } from './policy.ts';
import { CASE_TEXT, QUESTION_TEXT, SATISFIED_FROM, SURVEY_CASES, SURVEY_QUESTIONS, satisfactionIndex } from './satisfaction.ts';
import { tally } from './satisfaction-store.ts';
import { UnitCode } from './schemas.ts';
import { IndexQuery, SatisfactionIndex, SurveyAnswered, SurveyBody, SurveyOffer, SurveyParams } from './satisfaction-schemas.ts';

const METHOD = `Tỷ lệ phiếu có điểm "nhìn chung" từ ${SATISFIED_FROM} trở lên (hài lòng, rất hài lòng) trên tổng số phiếu, đếm gộp theo đơn vị và năm rồi mới chia.`;

export const satisfactionRoutes =
  (today: () => string): FeatureRoutes =>
  (app, { db }) => {
    const access = {
      public: true as const,
      reason: "the people's satisfaction with public services is surveyed after each case (the plans' 80% / 90% targets); by tracking code, no name kept",
    };
    app.get(
      '/api/public/surveys/:code',
      {
        config: { access },
        schema: {
          tags: ['citizens'],
          summary: 'The surveys a tracking code opens (a decided application, its first payment, a settled complaint)',
          params: SurveyParams,
          response: { 200: SurveyOffer },
        },
      },
      async (req) => {
        const cases = await db.k.transaction().execute((tx) => surveyCases(tx, req.params.code));
        return {
          questions: SURVEY_QUESTIONS.map((k) => ({ key: k, text: QUESTION_TEXT[k] })),
          cases: cases.map((c) => ({ kind: c.kind, name: CASE_TEXT[c.kind], answered: c.answered })),
        };
      },
    );
    app.post(
      '/api/public/surveys/:code',
      {
        config: { access },
        schema: {
          tags: ['citizens'],
          summary: 'Answer the survey of one case (three scores 1–5), once per case',
          params: SurveyParams,
          body: SurveyBody,
          response: { 201: SurveyAnswered },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await db.k.transaction().execute((tx) => answerSurvey(tx, { ip: req.ip, today: today() }, req.params.code, req.body))),
    );
    app.get(
      '/api/citizens/units/:code/satisfaction',
      {
        config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
        schema: {
          tags: ['citizens'],
          summary: 'The satisfaction index of a unit (its subtree) and year, by case kind',
          params: UnitCode,
          querystring: IndexQuery,
          response: { 200: SatisfactionIndex },
        },
      },
      async (req) =>
        withActor(db, req.actor, async (tx) => {
          const u = await findUnitByCode(tx, req.params.code);
          if (!u) throw AppError.notFound(text('Không tìm thấy đơn vị {code}', 'No unit {code}'), { code: req.params.code });
          assertCanRead(req.actor, u.id);
          const t = await tally(tx, u.id, req.query.year);
          const view = (x: { answers: number; satisfied: number }) => ({ ...x, index: satisfactionIndex(x) });
          const total = SURVEY_CASES.reduce((a, k) => ({ answers: a.answers + t[k].answers, satisfied: a.satisfied + t[k].satisfied }), {
            answers: 0,
            satisfied: 0,
          });
          return {
            unit: u.code,
            year: req.query.year,
            method: METHOD,
            total: view(total),
            byCase: { application: view(t.application), payment: view(t.payment), complaint: view(t.complaint) },
          };
        }),
    );
  };
