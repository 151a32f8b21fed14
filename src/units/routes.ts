// The public unit directory: search by name (accent- and typo-tolerant) and a unit's page with
// its parents, children and history (mergers of 1 July 2025).
import { CODE_PATTERN, Level, Ref, SameCodeRef, LineageRef, UnitSummary, UnitDetail, SearchQuery, Code, UnitList } from './schemas.ts';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { historyText } from './model.ts';
import { findUnitByCode, findFormerUnitByCode, searchUnits, parentChains, lineageMany, getUnit, type LineageLink } from './store.ts';
import { sql, type Selectable } from 'kysely';
import type { Units } from '../db/schema.ts';

const publicAccess = { public: true as const, reason: 'the administrative unit directory is public reference data' };

type UnitRow = Pick<Selectable<Units>, 'id' | 'code' | 'name' | 'level' | 'kind' | 'parent_id' | 'valid_from' | 'valid_to'>;

type Summary = UnitSummary;

/** Search results and unit pages with their province, district, parent and lineage: three queries for any number of units. */
export async function summarizeMany(q: Parameters<typeof getUnit>[0], units: readonly UnitRow[]): Promise<Summary[]> {
  const ids = units.map((u) => u.id);
  const [chains, lineage] = await Promise.all([parentChains(q, ids), lineageMany(q, ids)]);
  const link = (l: LineageLink) => ({ code: l.code, name: l.name, level: l.level, part: l.part, effective: l.effective, parentName: l.parentName });
  return units.map((u) => {
    const chain = chains.get(u.id) ?? [];
    const { predecessors: pred, successors: succ } = lineage.get(u.id) ?? { predecessors: [], successors: [] };
    const prov = chain.find((c) => c.level === 'province');
    const dist = chain.find((c) => c.level === 'district');
    const parent = chain.at(-1);
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
      parent: parent ? { code: parent.code, name: parent.name, level: parent.level } : null,
      successors: succ.map(link),
      predecessors: pred.map(link),
      history: historyText(u, succ, pred),
    };
  });
}

export async function summarize(q: Parameters<typeof getUnit>[0], u: UnitRow): Promise<Summary> {
  return (await summarizeMany(q, [u]))[0]!;
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
        response: { 200: UnitList },
      },
    },
    async (req) => {
      const { q, level, parent, current, limit } = req.query;
      let parentId: number | undefined;
      if (parent) {
        // current=false lists a former unit's children (old province 12 → its districts)
        const p = current === false ? ((await findFormerUnitByCode(db.k, parent)) ?? (await findUnitByCode(db.k, parent))) : await findUnitByCode(db.k, parent);
        if (!p) throw AppError.notFound(text('Không có đơn vị mã {code}', 'No unit with code {code}'), { code: parent });
        parentId = p.id;
      }
      if (!q && parentId === undefined && !level)
        throw AppError.validation([
          { path: '/querystring/q', message: text('Nhập tên đơn vị cần tìm, hoặc chọn đơn vị cấp trên', 'Give a name to search, or a parent unit') },
        ]);
      const rows = await searchUnits(db.k, { q, level, current, parentId, limit: limit ?? 20 });
      return { items: await summarizeMany(db.k, rows) };
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
      const [s, chains, kids, same] = await Promise.all([
        summarize(db.k, u),
        parentChains(db.k, [u.id]),
        sql<{ n: number }>`select count(*)::int as n from units where parent_id = ${u.id}`.execute(db.k),
        db.k
          .selectFrom('units')
          .select(['code', 'name', 'level', 'kind', 'valid_from', 'valid_to'])
          .where('code', '=', u.code)
          .where('id', '<>', u.id)
          .orderBy('valid_from', 'desc')
          .execute(),
      ]);
      return {
        ...s,
        parents: (chains.get(u.id) ?? []).map((c) => ({ code: c.code, name: c.name, level: c.level, kind: c.kind, current: c.current })),
        childrenCount: kids.rows[0]?.n ?? 0,
        sameCode: same.map((x) => ({
          code: x.code,
          name: x.name,
          level: x.level,
          kind: x.kind,
          current: x.valid_to === null,
          validFrom: x.valid_from,
          validTo: x.valid_to,
        })),
      };
    },
  );
};
