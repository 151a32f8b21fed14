// The public unit directory: search by name (accent- and typo-tolerant) and a unit's page with
// its parents, children and history (mergers of 1 July 2025).
import { Type, type Static } from 'typebox';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { findUnitByCode, searchUnits, parentChain, predecessorsOf, successorsOf, getUnit } from './store.ts';
import { sql } from 'kysely';

const Level = Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune'), Type.Literal('village')]);
const Ref = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), kind: Type.String(), current: Type.Boolean() });
const LineageRef = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), part: Type.String(), effective: Type.String(), parentName: Type.Optional(Type.Union([Type.String(), Type.Null()])) });
const UnitSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  kind: Type.String(),
  current: Type.Boolean(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
  province: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  district: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  successors: Type.Array(LineageRef),
  predecessors: Type.Array(LineageRef),
  history: Type.Object({ vi: Type.String(), en: Type.String() }),
});
const UnitDetail = Type.Intersect([
  UnitSummary,
  Type.Object({ parents: Type.Array(Ref), childrenCount: Type.Integer(), sameCode: Type.Array(Ref) }),
]);

const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String({ pattern: '^[0-9]{2,5}(-[0-9A-Za-z]+)?$' })),
  current: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
});

const Code = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,5}(-[0-9A-Za-z]+)?$' }) });
const publicAccess = { public: true as const, reason: 'the administrative unit directory is public reference data' };

type UnitRow = { id: number; code: string; name: string; level: string; kind: string; parent_id: number | null; valid_from: string | null; valid_to: string | null };

function historyText(u: UnitRow, succ: { name: string; code: string; part: string }[], pred: { name: string }[]): { vi: string; en: string } {
  if (u.valid_to && succ.length) {
    const to = succ.map((s) => `${s.name} (${s.code})${s.part === 'partial' ? ' (một phần)' : ''}`).join(', ');
    const toEn = succ.map((s) => `${s.name} (${s.code})${s.part === 'partial' ? ' (in part)' : ''}`).join(', ');
    return { vi: `Đã sáp nhập vào ${to} từ 01/07/2025`, en: `Merged into ${toEn} on 01/07/2025` };
  }
  if (u.valid_to) return { vi: `Không còn hiệu lực từ ${u.valid_to.split('-').reverse().join('/')}`, en: `No longer in force after ${u.valid_to}` };
  if (pred.length && u.level !== 'province') return { vi: `Hình thành từ ${pred.map((p) => p.name).join(', ')}`, en: `Formed from ${pred.map((p) => p.name).join(', ')}` };
  return { vi: 'Đang có hiệu lực', en: 'In force' };
}

export async function summarize(q: Parameters<typeof getUnit>[0], u: UnitRow): Promise<Static<typeof UnitSummary>> {
  const [chain, succ, pred] = await Promise.all([parentChain(q, u.id), successorsOf(q, u.id), predecessorsOf(q, u.id)]);
  const prov = chain.find((c) => c.level === 'province');
  const dist = chain.find((c) => c.level === 'district');
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    kind: u.kind,
    current: u.valid_to === null,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    province: prov ? { code: prov.code, name: prov.name } : null,
    district: dist ? { code: dist.code, name: dist.name } : null,
    successors: succ.map((s) => ({ code: s.code, name: s.name, level: s.level, part: s.part, effective: s.effective })),
    predecessors: pred.map((p) => ({ code: p.code, name: p.name, level: p.level, part: p.part, effective: p.effective, parentName: p.parent_name })),
    history: historyText(u, succ, pred),
  };
}

export const unitRoutes: FeatureRoutes = (app, { db }) => {
  app.get(
    '/api/units',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['units'],
        summary: 'Search administrative units (accent- and typo-tolerant), or list the children of a unit',
        querystring: SearchQuery,
        response: { 200: Type.Object({ items: Type.Array(UnitSummary) }) },
      },
    },
    async (req) => {
      const { q, level, parent, current, limit } = req.query;
      let parentId: number | undefined;
      if (parent) {
        const p = await findUnitByCode(db.k, parent);
        if (!p) throw AppError.notFound(text('Không có đơn vị mã {code}', 'No unit with code {code}'), { code: parent });
        parentId = p.id;
      }
      if (!q && parentId === undefined && !level)
        throw AppError.validation([{ path: '/querystring/q', message: text('Nhập tên đơn vị cần tìm, hoặc chọn đơn vị cấp trên', 'Give a name to search, or a parent unit') }]);
      const rows = await searchUnits(db.k, { q, level, current, parentId, limit: limit ?? 20 });
      return { items: await Promise.all(rows.map((r) => summarize(db.k, r))) };
    },
  );

  app.get(
    '/api/units/:code',
    {
      config: { access: publicAccess },
      schema: { tags: ['units'], summary: 'A unit by official code: parents, children, history', params: Code, response: { 200: UnitDetail } },
    },
    async (req) => {
      const u = await findUnitByCode(db.k, req.params.code);
      if (!u) throw AppError.notFound(text('Không có đơn vị hành chính mã {code}', 'No administrative unit with code {code}'), { code: req.params.code });
      const [s, chain, kids, same] = await Promise.all([
        summarize(db.k, u),
        parentChain(db.k, u.id),
        sql<{ n: number }>`select count(*)::int as n from units where parent_id = ${u.id}`.execute(db.k),
        db.k.selectFrom('units').select(['code', 'name', 'level', 'kind', 'valid_to']).where('code', '=', u.code).where('id', '<>', u.id).execute(),
      ]);
      return {
        ...s,
        parents: chain.map((c) => ({ code: c.code, name: c.name, level: c.level, kind: c.kind, current: u.valid_to === null })),
        childrenCount: kids.rows[0]?.n ?? 0,
        sameCode: same.map((x) => ({ code: x.code, name: x.name, level: x.level, kind: x.kind, current: x.valid_to === null })),
      };
    },
  );
};
