// Public procedure pages (issue 14 item 1): no login, rate-limited per visitor like every public
// route (src/server.ts), answers generated from the law data; the eligibility check stores nothing.
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { monthOf } from '../law/months.ts';
import { PROCEDURES, procedureByCode } from './procedures.ts';
import { checkEligibility } from './check.ts';
import { AtQuery, CheckAnswer, CheckBody, ProcedureCode, ProcedureDetail, ProcedureList, presentProcedure } from './schemas.ts';

const publicAccess = {
  public: true as const,
  reason: 'procedures, their conditions and deadlines must be public (Decree 20/2021; Law on Access to Information)',
};
const today = () => new Date().toISOString().slice(0, 10);

export const citizenRoutes: FeatureRoutes = (app) => {
  app.get(
    '/api/public/procedures',
    {
      config: { access: publicAccess },
      schema: { tags: ['citizens'], summary: 'The procedures ansinh supports, from the law data', response: { 200: ProcedureList } },
    },
    async () => ({
      items: PROCEDURES.map((p) => ({ code: p.code, name: p.name, summary: p.summary, decides: p.decides, checkable: p.checkable })),
    }),
  );

  app.get(
    '/api/public/procedures/:code',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['citizens'],
        summary: 'A procedure: who qualifies, documents, deadlines, amounts in force, who decides, legal basis',
        params: ProcedureCode,
        querystring: AtQuery,
        response: { 200: ProcedureDetail },
      },
    },
    async (req) => {
      const p = procedureByCode(req.params.code);
      if (!p) throw AppError.notFound(text('Không có thủ tục {code}', 'No procedure {code}'), { code: req.params.code });
      return presentProcedure(p, req.query.at ?? today());
    },
  );

  app.post(
    '/api/public/check',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['citizens'],
        summary: '"Tôi có thuộc diện được hưởng không?": runs the same rules as the registry on the answers; stores nothing',
        body: CheckBody,
        response: { 200: CheckAnswer },
      },
    },
    async (req) => {
      const month = req.body.month ?? monthOf(today());
      const born = `${req.body.birthYear}-${String(req.body.birthMonth ?? 1).padStart(2, '0')}`;
      if (born > month)
        throw AppError.validation([{ path: '/body/birthYear', message: text('Năm sinh sau tháng được hỏi', 'The birth year is after the month asked about') }]);
      return checkEligibility(req.body, month);
    },
  );
};
