// The unit directory's HTTP contract: a unit in a search result, a unit's page, the search query.
import { Type, type Static } from 'typebox';
import { UNIT_LEVELS } from './model.ts';
import { enumOf } from '../kernel/schemas.ts';

/** 2-digit province, 3-digit district, 5-digit commune, '<commune>-NN' village. */
export const CODE_PATTERN = '^([0-9]{2}|[0-9]{3}|[0-9]{5})(-[0-9A-Za-z]+)?$';
export const Level = enumOf(UNIT_LEVELS);
export const Ref = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), kind: Type.String(), current: Type.Boolean() });
export const SameCodeRef = Type.Intersect([
  Ref,
  Type.Object({ validFrom: Type.Union([Type.String(), Type.Null()]), validTo: Type.Union([Type.String(), Type.Null()]) }),
]);
export const LineageRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  part: Type.String(),
  effective: Type.String(),
  parentName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export const UnitSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  kind: Type.String(),
  current: Type.Boolean(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
  province: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  district: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  parent: Type.Union([Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }), Type.Null()]),
  successors: Type.Array(LineageRef),
  predecessors: Type.Array(LineageRef),
  history: Type.Object({ vi: Type.String(), en: Type.String() }),
});
export const UnitDetail = Type.Intersect([
  UnitSummary,
  Type.Object({ parents: Type.Array(Ref), childrenCount: Type.Integer(), sameCode: Type.Array(SameCodeRef) }),
]);

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String({ pattern: CODE_PATTERN })),
  current: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
});

export const Code = Type.Object({ code: Type.String({ pattern: CODE_PATTERN }) });
export const UnitList = Type.Object({ items: Type.Array(UnitSummary) });
export type UnitSummary = Static<typeof UnitSummary>;
export type UnitDetail = Static<typeof UnitDetail>;
export type UnitList = Static<typeof UnitList>;
