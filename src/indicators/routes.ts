// The public indicator catalogue: list (filter by area, source, text) and one indicator.
import { IndicatorCode, IndicatorList, IndicatorOut, IndicatorQuery } from './schemas.ts';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { catalogue, indicatorByCode } from './catalogue.ts';
import { areas, type Indicator } from './model.ts';
import { fold } from '../units/model.ts';

const publicAccess = { public: true as const, reason: 'the indicator catalogue is public reference data' };

function present(i: Indicator, locale: 'vi' | 'en') {
  return {
    code: i.code,
    name: i.name[locale],
    names: i.name,
    unit: i.unit,
    kind: i.kind,
    direction: i.direction,
    aggregation: i.aggregation,
    factor: i.factor,
    numerator: i.numerator ?? null,
    denominator: i.denominator ?? null,
    disaggregations: [...i.disaggregations],
    source: i.source,
    area: i.area,
    synonyms: [...i.synonyms],
  };
}

export const indicatorRoutes: FeatureRoutes = (app) => {
  app.get(
    '/api/indicators',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['indicators'],
        summary: 'The indicator catalogue',
        querystring: IndicatorQuery,
        response: { 200: IndicatorList },
      },
    },
    async (req) => {
      const { area, source, q } = req.query;
      const f = q ? fold(q) : null;
      const items = catalogue
        .filter((i) => (!area || i.area === area) && (!source || i.source === source))
        .filter((i) => !f || [i.code, i.name.vi, i.name.en, ...i.synonyms].some((s) => fold(s).includes(f)))
        .map((i) => present(i, req.locale));
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/indicators/:code',
    {
      config: { access: publicAccess },
      schema: { tags: ['indicators'], summary: 'One indicator', params: IndicatorCode, response: { 200: IndicatorOut } },
    },
    async (req) => {
      const i = indicatorByCode(req.params.code);
      if (!i) throw AppError.notFound(text('Không có chỉ tiêu mã {code}', 'No indicator with code {code}'), { code: req.params.code });
      return present(i, req.locale);
    },
  );
};
