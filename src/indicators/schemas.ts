// The indicator catalogue's HTTP contract: an indicator in the reader's language, the list and its filters.
import { Type, type Static } from 'typebox';
import { SOURCES, areas } from './model.ts';
import { List, enumOf } from '../kernel/schemas.ts';

export const T = Type.Object({ vi: Type.String(), en: Type.String() });
export const IndicatorOut = Type.Object({
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

export const IndicatorQuery = Type.Object({
  area: Type.Optional(enumOf(areas)),
  source: Type.Optional(enumOf(SOURCES)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
export const IndicatorList = List(IndicatorOut, { total: Type.Integer() });
export const IndicatorCode = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 80 }) });
export type IndicatorOut = Static<typeof IndicatorOut>;
export type IndicatorList = Static<typeof IndicatorList>;
