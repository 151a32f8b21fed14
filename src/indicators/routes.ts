// The public indicator catalogue: list (filter by area, source, text) and one indicator.
import { Type } from 'typebox';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { catalogue, indicatorByCode } from './catalogue.ts';
import { areas, type Indicator } from './model.ts';
import { fold } from '../units/model.ts';

const T = Type.Object({ vi: Type.String(), en: Type.String() });
const IndicatorOut = Type.Object({
  code: Type.String(),
  name: Type.String(),
  names: T,
  unit: Type.String(),
  kind: Type.String(),
  direction: Type.String(),
  aggregation: Type.String(),
  factor: Type.Number(),
  numerator: Type.Union([T, Type.Null()]),
  denominator: Type.Union([T, Type.Null()]),
  disaggregations: Type.Array(Type.String()),
  source: Type.String(),
  area: Type.String(),
  synonyms: Type.Array(Type.String()),
});

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
        querystring: Type.Object({
          area: Type.Optional(Type.Union(areas.map((a) => Type.Literal(a)))),
          source: Type.Optional(Type.Union([Type.Literal('reported'), Type.Literal('registry'), Type.Literal('survey')])),
          q: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Object({ count: Type.Integer(), items: Type.Array(IndicatorOut) }) },
      },
    },
    async (req) => {
      const { area, source, q } = req.query;
      const f = q ? fold(q) : null;
      const items = catalogue
        .filter((i) => (!area || i.area === area) && (!source || i.source === source))
        .filter((i) => !f || [i.code, i.name.vi, i.name.en, ...i.synonyms].some((s) => fold(s).includes(f)))
        .map((i) => present(i, req.locale));
      return { count: items.length, items };
    },
  );
  app.get(
    '/api/indicators/:code',
    {
      config: { access: publicAccess },
      schema: { tags: ['indicators'], summary: 'One indicator', params: Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 80 }) }), response: { 200: IndicatorOut } },
    },
    async (req) => {
      const i = indicatorByCode(req.params.code);
      if (!i) throw AppError.notFound(text('Không có chỉ tiêu mã {code}', 'No indicator with code {code}'), { code: req.params.code });
      return present(i, req.locale);
    },
  );
};
