// SQL for administrative units: bulk loading, lineage, ancestors (for scope checks), lookups
// and accent/typo-tolerant search.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { NewUnit, UnitLevel } from './model.ts';
import { arr } from '../db/arrays.ts';
import { viOrder } from '../db/collation.ts';
import type { Executor as Q } from '../db/executor.ts';

/** The date of the 2025 reform: new units valid from it, old ones until the day before. */
export const REFORM_DATE = '2025-07-01';
export const REFORM_LAST_DAY = '2025-06-30';

export type { NewUnit } from './model.ts';

/** A unit an import changed (its name before and after; same name when kind, parent or end date changed). */
export interface UnitChange {
  readonly code: string;
  readonly level: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Inserts or corrects units of one era, keyed by level + code + validity start: a unit already
 * there with another name, kind, parent or end date is updated, an identical one is left alone
 * (so re-importing a file changes nothing). Parents are looked up in the same era.
 */
export async function upsertUnits(
  q: Q,
  units: readonly NewUnit[],
  era: { validFrom: string | null; validTo: string | null },
): Promise<{ inserted: number; updated: UnitChange[] }> {
  let inserted = 0;
  const updated: UnitChange[] = [];
  for (let i = 0; i < units.length; i += 5000) {
    const chunk = units.slice(i, i + 5000);
    const r = await sql<{ inserted: number; updated: UnitChange[] | string }>`
      with input as (
        select * from unnest(${arr(chunk.map((u) => u.code))}::text[], ${arr(chunk.map((u) => u.name))}::text[],
                             ${arr(chunk.map((u) => u.level))}::text[], ${arr(chunk.map((u) => u.kind))}::text[],
                             ${arr(chunk.map((u) => u.parentCode))}::text[], ${arr(chunk.map((u) => u.parentLevel))}::text[])
          as t(code, name, level, kind, parent_code, parent_level)
      ), resolved as (
        select i.code, i.name, i.level, i.kind, p.id as parent_id
        from input i
        -- the parent of the same era, else (a unit created later) the one in force on its first day
        left join lateral (
          select p.id from units p
          where p.code = i.parent_code and p.level = i.parent_level
            and (p.valid_from is not distinct from ${era.validFrom}::date
                 or (${era.validFrom}::date is not null and coalesce(p.valid_from, '-infinity') <= ${era.validFrom}::date
                     and coalesce(p.valid_to, 'infinity') >= ${era.validFrom}::date))
          order by (p.valid_from is not distinct from ${era.validFrom}::date) desc, p.valid_from desc nulls last
          limit 1) p on true
      ), upd as (
        update units e set name = r.name, kind = r.kind, parent_id = r.parent_id, valid_to = ${era.validTo}::date, name_folded = ansinh_fold(r.name)
        from resolved r, units before
        where e.level = r.level and e.code = r.code and e.valid_from is not distinct from ${era.validFrom}::date and before.id = e.id
          and (e.name, e.kind, e.parent_id, e.valid_to) is distinct from (r.name, r.kind, r.parent_id, ${era.validTo}::date)
        returning e.code, e.level, before.name as old_name, r.name as new_name
      ), ins as (
        insert into units (code, name, level, kind, parent_id, valid_from, valid_to, name_folded)
        select r.code, r.name, r.level, r.kind, r.parent_id, ${era.validFrom}::date, ${era.validTo}::date, ansinh_fold(r.name)
        from resolved r
        where not exists (select 1 from units e where e.level = r.level and e.code = r.code and e.valid_from is not distinct from ${era.validFrom}::date)
        returning 1)
      select (select count(*)::int from ins) as inserted,
             coalesce((select json_agg(json_build_object('code', code, 'level', level, 'from', old_name, 'to', new_name)) from upd), '[]') as updated`.execute(
      q,
    );
    inserted += r.rows[0]?.inserted ?? 0;
    const u = r.rows[0]?.updated ?? [];
    updated.push(...(typeof u === 'string' ? (JSON.parse(u) as UnitChange[]) : u));
  }
  return { inserted, updated };
}

/** Takes n ids from the units sequence, so that a bulk load can link rows before writing them. */
export async function reserveUnitIds(q: Q, n: number): Promise<number[]> {
  const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('units', 'id'))::int as id from generate_series(1, ${n}::int)`.execute(q);
  return r.rows.map((x) => x.id);
}

export interface UnitRowToWrite {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly kind: string;
  readonly parentId: number | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly ancestors: readonly number[];
}

/** Writes fully resolved units (ids, parents and ancestors known) in bulk: one write per row. */
export async function writeUnits(q: Q, rows: readonly UnitRowToWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const c = rows.slice(i, i + 5000);
    await sql`
      insert into units (id, code, name, level, kind, parent_id, valid_from, valid_to, ancestors, name_folded)
      select t.id, t.code, t.name, t.level, t.kind, t.parent_id, t.valid_from, t.valid_to, t.anc::int[], ansinh_fold(t.name)
      from unnest(${arr(c.map((u) => u.id))}::int[], ${arr(c.map((u) => u.code))}::text[], ${arr(c.map((u) => u.name))}::text[],
                  ${arr(c.map((u) => u.level))}::text[], ${arr(c.map((u) => u.kind))}::text[], ${arr(c.map((u) => u.parentId))}::int[],
                  ${arr(c.map((u) => u.validFrom))}::date[], ${arr(c.map((u) => u.validTo))}::date[], ${arr(c.map((u) => `{${u.ancestors.join(',')}}`))}::text[])
        as t(id, code, name, level, kind, parent_id, valid_from, valid_to, anc)`.execute(q);
  }
}

/** Writes lineage links between known unit ids. */
export async function writeLineage(
  q: Q,
  rows: readonly { successorId: number; predecessorId: number; part: 'full' | 'partial' }[],
  effective = REFORM_DATE,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const c = rows.slice(i, i + 5000);
    await q
      .insertInto('unit_lineage')
      .values(c.map((x) => ({ successor_id: x.successorId, predecessor_id: x.predecessorId, part: x.part, effective })))
      .execute();
  }
}

/**
 * Computes `ancestors` for every unit: itself and its parents; for pre-reform units also the
 * successors by lineage with their parents (communes and island districts directly, provinces
 * through the province lineage, districts through their communes' successors). One set-based
 * statement that rewrites only the rows whose set changed, so an import that touches a few
 * units updates a few rows (and a few entries of the GIN index). Sets are sorted by id.
 */
export async function computeAncestors(q: Q): Promise<number> {
  const r = await sql`
    with s as (
      select u.id, u.level, u.valid_to, array_remove(array[u.id, p1.id, p2.id, p3.id], null) as anc
      from units u
      left join units p1 on p1.id = u.parent_id
      left join units p2 on p2.id = p1.parent_id
      left join units p3 on p3.id = p2.parent_id
    ), succ as (
      select l.predecessor_id as id, x as a from unit_lineage l join s on s.id = l.successor_id, unnest(s.anc) x
    ), former_district as (
      select c.parent_id as id, succ.a from units c join succ on succ.id = c.id join s d on d.id = c.parent_id
      where d.level = 'district' and d.valid_to is not null
    ), every as (
      select s.id, x as a from s, unnest(s.anc) x
      union select id, a from succ
      union select id, a from former_district
    ), final as (
      select id, array_agg(a order by a) as anc from every group by id
    )
    update units u set ancestors = f.anc from final f where f.id = u.id and u.ancestors is distinct from f.anc`.execute(q);
  return Number(r.numAffectedRows ?? 0);
}

export async function countUnits(q: Q) {
  const current = (eb: ExpressionBuilder<DB, 'units'>) => eb('valid_to', 'is', null);
  return q
    .selectFrom('units')
    .select((eb) => ['level', current(eb).as('current'), eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .groupBy(['level', current])
    .orderBy('level')
    .orderBy(current)
    .execute();
}

export async function findUnitByCode(q: Q, code: string, level?: UnitLevel) {
  let qb = q.selectFrom('units').selectAll().where('code', '=', code);
  if (level) qb = qb.where('level', '=', level);
  // current first, then the most recent historical one
  return qb
    .orderBy('valid_to', (o) => o.desc().nullsFirst())
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The most recent former (no longer valid) unit with this code. */
export async function findFormerUnitByCode(q: Q, code: string, level?: UnitLevel) {
  let qb = q.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is not', null);
  if (level) qb = qb.where('level', '=', level);
  return qb.orderBy('valid_to', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function getUnit(q: Q, id: number) {
  return q.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The names of units by id (for labels: the audit log, reports). */
export async function unitNames(q: Q, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}

export async function childrenOf(q: Q, id: number) {
  return q.selectFrom('units').selectAll().where('parent_id', '=', id).orderBy(viOrder('name')).execute();
}

export interface SearchOptions {
  readonly q?: string;
  readonly level?: UnitLevel;
  readonly current?: boolean;
  readonly parentId?: number;
  readonly limit: number;
}

/**
 * Accent- and typo-tolerant search: the code; then the exact name as typed (with or without its
 * kind), the exact name without accents, a substring, then trigram similarity; current units
 * before historical ones at equal score.
 */
export async function searchUnits(q: Q, o: SearchOptions) {
  // NFC: some keyboards send decomposed accents ("u" + U+0303), the data is composed
  const term = o.q?.trim() ? o.q.normalize('NFC').trim().replace(/\s+/g, ' ') : null;
  // Conditions are only added when given, and the folded term is an inline immutable call, so
  // that the planner can use the trigram, parent and code indexes.
  const f = sql`ansinh_fold(${term ?? ''})`;
  const isCode = term !== null && /^[0-9]{2,}(-[0-9A-Za-z]+)?$/.test(term);
  const score =
    term === null
      ? sql.lit(0)
      : isCode
        ? sql<number>`case when u.code = ${term} then 4 else 2.5 end`
        : sql<number>`case when lower(u.name) = lower(${term}) or regexp_replace(lower(u.name), '^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|bản|thôn|tổ dân phố) ', '') = lower(${term}) then 3.5
                 when u.name_folded = ${f} or regexp_replace(u.name_folded, '^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|ban|thon|to dan pho) ', '') = ${f} then 3
                 when u.name_folded like '%' || ${f} || '%' then 2
                 else greatest(similarity(u.name_folded, ${f}), word_similarity(${f}, u.name_folded)) end`;
  let qb = q.selectFrom('units as u').select(['u.id', 'u.code', 'u.name', 'u.level', 'u.kind', 'u.parent_id', 'u.valid_from', 'u.valid_to', score.as('score')]);
  if (term !== null)
    qb = qb.where(
      isCode
        ? (eb) => eb.or([eb('u.code', '=', term), eb('u.code', 'like', term + '%')])
        : sql<boolean>`(u.name_folded like '%' || ${f} || '%' or ${f} <% u.name_folded)`, // word similarity ≥ 0.6: typos, missing words
    );
  if (o.level) qb = qb.where('u.level', '=', o.level);
  if (o.current !== undefined) qb = qb.where('u.valid_to', o.current ? 'is' : 'is not', null);
  if (o.parentId !== undefined) qb = qb.where('u.parent_id', '=', o.parentId);
  return qb
    .orderBy('score', 'desc')
    .orderBy((eb) => eb('u.valid_to', 'is', null), 'desc')
    .orderBy(sql`array_position(array['province','district','commune','village'], u.level)`)
    .orderBy(viOrder('u.name'))
    .orderBy('u.code')
    .limit(o.limit)
    .execute();
}

/** A unit as other features read it. */
export type UnitRecord = NonNullable<Awaited<ReturnType<typeof getUnit>>>;

/**
 * Ids of a unit and every unit under it, for roll-up. By default it also holds the former
 * (pre-reform) units that merged into it, so that series before and after 1 July 2025 add up;
 * `currentOnly` keeps the units in force today.
 */
export async function descendantIds(q: Q, id: number, o: { currentOnly?: boolean; includeSelf?: boolean } = {}): Promise<number[]> {
  let qb = q
    .selectFrom('units')
    .select('id')
    .where('ancestors', '@>', sql<number[]>`array[${id}::int]`);
  if (o.currentOnly) qb = qb.where('valid_to', 'is', null);
  if (o.includeSelf === false) qb = qb.where('id', '<>', id);
  const rows = await qb.orderBy('id').execute();
  return rows.map((x) => x.id);
}

/** The unit with this code that was in force on a date (ISO), e.g. for a report of 2024 that names an old commune. */
export async function findUnitByCodeAt(q: Q, code: string, date: string, level?: UnitLevel) {
  let qb = q
    .selectFrom('units')
    .selectAll()
    .where('code', '=', code)
    .where((eb) =>
      eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)])]),
    );
  if (level) qb = qb.where('level', '=', level);
  return qb
    .orderBy('valid_from', (o) => o.desc().nullsLast())
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export interface LineageLink {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly part: 'full' | 'partial';
  readonly effective: string;
  /** The unit's parent at the time (for a former commune: its district). */
  readonly parentName: string | null;
}

/** The lineage of a unit: what it was formed from, and what it went into. */
export async function lineageOf(q: Q, id: number): Promise<{ predecessors: LineageLink[]; successors: LineageLink[] }> {
  const m = await lineageMany(q, [id]);
  return m.get(id) ?? { predecessors: [], successors: [] };
}

/** Lineage for many units in one query (search results). */
export async function lineageMany(q: Q, ids: readonly number[]): Promise<Map<number, { predecessors: LineageLink[]; successors: LineageLink[] }>> {
  const out = new Map<number, { predecessors: LineageLink[]; successors: LineageLink[] }>();
  if (ids.length === 0) return out;
  const r = await sql<{
    successor_id: number;
    predecessor_id: number;
    part: 'full' | 'partial';
    effective: string;
    other_id: number;
    code: string;
    name: string;
    level: string;
    kind: string;
    parent_name: string | null;
    dir: 'pred' | 'succ';
  }>`
    with links as (
      -- Two index lookups, one per direction: one join on "successor or predecessor" made the
      -- planner hash all units (11 ms for a province's 38 communes).
      select l.successor_id, l.predecessor_id, l.part, l.effective, l.predecessor_id as other_id, 'pred' as dir
        from unit_lineage l where l.successor_id = any(${arr(ids)}::int[])
      union all
      select l.successor_id, l.predecessor_id, l.part, l.effective, l.successor_id as other_id, 'succ' as dir
        from unit_lineage l where l.predecessor_id = any(${arr(ids)}::int[]))
    select links.successor_id, links.predecessor_id, links.part, links.effective, o.id as other_id, o.code, o.name, o.level, o.kind, o.parent_name, links.dir
    from links
    -- each other unit by its key (lateral, "offset 0" keeps it so): joined plainly, the planner hashed all units
    cross join lateral (select o.id, o.code, o.name, o.level, o.kind, op.name as parent_name from units o left join units op on op.id = o.parent_id
      where o.id = links.other_id offset 0) o
    order by ${viOrder('o.name')}, o.code`.execute(q);
  for (const x of r.rows) {
    const self = x.dir === 'pred' ? x.successor_id : x.predecessor_id;
    if (!out.has(self)) out.set(self, { predecessors: [], successors: [] });
    const link: LineageLink = {
      id: x.other_id,
      code: x.code,
      name: x.name,
      level: x.level,
      kind: x.kind,
      part: x.part,
      effective: x.effective,
      parentName: x.parent_name,
    };
    (x.dir === 'pred' ? out.get(self)!.predecessors : out.get(self)!.successors).push(link);
  }
  return out;
}

export interface ChainLink {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly current: boolean;
}

/** How many parents a chain may have (village → commune → district → province, and one spare). */
const CHAIN_DEPTH = 5;
const chainJoins = sql.raw(
  Array.from({ length: CHAIN_DEPTH }, (_, i) => `left join units p${i + 1} on p${i + 1}.id = ${i ? `p${i}` : 'u'}.parent_id`).join('\n'),
);
const chainColumns = sql.raw(
  Array.from({ length: CHAIN_DEPTH }, (_, i) => {
    const p = `p${i + 1}`;
    return `${p}.id as ${p}_id, ${p}.code as ${p}_code, ${p}.name as ${p}_name, ${p}.level as ${p}_level, ${p}.kind as ${p}_kind, ${p}.valid_to is null as ${p}_current`;
  }).join(',\n'),
);

/**
 * Parent chains (top first) for many units in one query: each unit joined to its parents by
 * primary key, one join per level. (A recursive query made the planner hash every unit twice:
 * 13 ms for a province's 38 communes.)
 */
export async function parentChains(q: Q, ids: readonly number[]): Promise<Map<number, ChainLink[]>> {
  const out = new Map<number, ChainLink[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const r = await sql<Record<string, unknown> & { start_id: number }>`
    select u.id as start_id, ${chainColumns} from units u ${chainJoins} where u.id = any(${arr(ids)}::int[])`.execute(q);
  for (const x of r.rows) {
    const chain: ChainLink[] = [];
    for (let i = 1; i <= CHAIN_DEPTH; i++) {
      const id = x[`p${i}_id`] as number | null;
      if (id == null) break;
      chain.unshift({
        id,
        code: x[`p${i}_code`] as string,
        name: x[`p${i}_name`] as string,
        level: x[`p${i}_level`] as string,
        kind: x[`p${i}_kind`] as string,
        current: x[`p${i}_current`] as boolean,
      });
    }
    out.set(x.start_id, chain);
  }
  return out;
}
