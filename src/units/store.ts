// SQL for administrative units: bulk loading, lineage, ancestors (for scope checks), lookups
// and accent/typo-tolerant search.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { UnitLevel } from './model.ts';

declare module '../db/schema.ts' {
  interface DB {
    units: {
      id: import('kysely').Generated<number>;
      code: string;
      name: string;
      level: string;
      kind: string;
      parent_id: number | null;
      valid_from: string | null;
      valid_to: string | null;
      ancestors: import('kysely').Generated<number[]>;
      name_folded: string;
    };
    unit_lineage: { successor_id: number; predecessor_id: number; part: string; effective: string };
  }
}

type Q = Kysely<DB> | Transaction<DB>;

/** The date of the 2025 reform: new units valid from it, old ones until the day before. */
export const REFORM_DATE = '2025-07-01';
export const REFORM_LAST_DAY = '2025-06-30';

export interface NewUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly kind: string;
  /** Code of the parent in the same era (current or pre-reform). */
  readonly parentCode: string | null;
  readonly parentLevel: UnitLevel | null;
}

/**
 * Inserts units of one era in bulk (one statement), resolving parents by code within the era.
 * Existing units (same level, code and validity start) are left as they are, so a re-import
 * changes nothing. Returns the number inserted.
 */
export async function insertUnits(q: Q, units: readonly NewUnit[], era: { validFrom: string | null; validTo: string | null }): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < units.length; i += 5000) {
    const chunk = units.slice(i, i + 5000);
    const r = await sql<{ n: number }>`
      with input as (
        select * from unnest(${arr(chunk.map((u) => u.code))}::text[], ${arr(chunk.map((u) => u.name))}::text[],
                             ${arr(chunk.map((u) => u.level))}::text[], ${arr(chunk.map((u) => u.kind))}::text[],
                             ${arr(chunk.map((u) => u.parentCode))}::text[], ${arr(chunk.map((u) => u.parentLevel))}::text[])
          as t(code, name, level, kind, parent_code, parent_level)
      ), ins as (
        insert into units (code, name, level, kind, parent_id, valid_from, valid_to, name_folded)
        select i.code, i.name, i.level, i.kind, p.id, ${era.validFrom}::date, ${era.validTo}::date, ansinh_fold(i.name)
        from input i
        left join units p on p.code = i.parent_code and p.level = i.parent_level
          and p.valid_from is not distinct from ${era.validFrom}::date and p.valid_to is not distinct from ${era.validTo}::date
        where not exists (select 1 from units e where e.level = i.level and e.code = i.code
          and e.valid_from is not distinct from ${era.validFrom}::date)
        returning 1)
      select count(*)::int as n from ins`.execute(q);
    inserted += r.rows[0]?.n ?? 0;
  }
  return inserted;
}

/** Postgres array literal, so that the same query works on node-postgres and PGlite. */
export function arr(xs: readonly (string | number | null)[]): string {
  return `{${xs.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

export interface LineageRow {
  readonly newCode: string;
  readonly oldCode: string;
  readonly part: 'full' | 'partial';
}

/** Links pre-reform units to their successors (current units of the same level). */
export async function insertLineage(q: Q, level: 'province' | 'commune', rows: readonly LineageRow[], effective = REFORM_DATE): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const r = await sql<{ n: number }>`
      with input as (
        select * from unnest(${arr(chunk.map((x) => x.newCode))}::text[], ${arr(chunk.map((x) => x.oldCode))}::text[], ${arr(chunk.map((x) => x.part))}::text[]) as t(new_code, old_code, part)
      ), ins as (
        insert into unit_lineage (successor_id, predecessor_id, part, effective)
        select s.id, p.id, i.part, ${effective}::date
        from input i
        join units s on s.level = ${level} and s.code = i.new_code and s.valid_to is null
        join units p on p.code = i.old_code and p.valid_to = ${REFORM_LAST_DAY}::date
          and p.level = (case when ${level} = 'province' then 'province' when length(i.old_code) = 3 then 'district' else 'commune' end)
        on conflict do nothing
        returning 1)
      select count(*)::int as n from ins`.execute(q);
    n += r.rows[0]?.n ?? 0;
  }
  return n;
}

/**
 * Computes `ancestors` for every unit: itself and its parents; then, for pre-reform units, the
 * successors by lineage with their ancestors (communes directly, districts through their
 * communes, provinces through province lineage). Set-based: a handful of statements.
 */
export async function computeAncestors(q: Q): Promise<void> {
  await sql`
    with recursive chain(id, anc) as (
      select id, array[id] from units where parent_id is null
      union all
      select u.id, c.anc || u.id from units u join chain c on u.parent_id = c.id)
    update units u set ancestors = c.anc from chain c where c.id = u.id`.execute(q);
  // pre-reform communes: + successors and their ancestors
  await sql`
    update units u set ancestors = (select array(select distinct x from unnest(u.ancestors || s.anc) x order by x))
    from (select l.predecessor_id, array_agg(distinct a) as anc
          from unit_lineage l join units s on s.id = l.successor_id, unnest(s.ancestors) a
          where s.level = 'commune' group by l.predecessor_id) s
    where s.predecessor_id = u.id`.execute(q);
  // pre-reform provinces: + successor provinces
  await sql`
    update units u set ancestors = (select array(select distinct x from unnest(u.ancestors || s.anc) x order by x))
    from (select l.predecessor_id, array_agg(distinct l.successor_id) as anc
          from unit_lineage l join units s on s.id = l.successor_id where s.level = 'province' group by l.predecessor_id) s
    where s.predecessor_id = u.id`.execute(q);
  // pre-reform districts: + the current units their communes went to (and those units' ancestors)
  await sql`
    update units d set ancestors = (select array(select distinct x from unnest(d.ancestors || s.anc) x order by x))
    from (select c.parent_id as district_id, array_agg(distinct a) as anc
          from units c, unnest(c.ancestors) a
          join units t on t.id = a and t.valid_to is null
          where c.level = 'commune' and c.valid_to is not null group by c.parent_id) s
    where s.district_id = d.id and d.level = 'district'`.execute(q);
}

export async function countUnits(q: Q) {
  const r = await sql<{ level: string; current: boolean; n: number }>`
    select level, (valid_to is null) as current, count(*)::int as n from units group by 1, 2 order by 1, 2`.execute(q);
  return r.rows;
}

export async function findUnitByCode(q: Q, code: string, level?: UnitLevel) {
  let qb = q.selectFrom('units').selectAll().where('code', '=', code);
  if (level) qb = qb.where('level', '=', level);
  // current first, then the most recent historical one
  return qb.orderBy(sql`valid_to is null`, 'desc').orderBy(sql`coalesce(valid_to, date '9999-12-31')`, 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function getUnit(q: Q, id: number) {
  return q.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function childrenOf(q: Q, id: number) {
  return q.selectFrom('units').selectAll().where('parent_id', '=', id).orderBy('name').execute();
}

/** Ids of a unit and everything under it (including pre-reform units that merged into it). */
export async function subtreeIds(q: Q, id: number): Promise<number[]> {
  const r = await sql<{ id: number }>`select id from units where ancestors @> array[${id}::int]`.execute(q);
  return r.rows.map((x) => x.id);
}

export async function parentChain(q: Q, id: number) {
  const r = await sql<{ id: number; code: string; name: string; level: string; kind: string }>`
    with recursive up(id, parent_id, code, name, level, kind, depth) as (
      select id, parent_id, code, name, level, kind, 0 from units where id = ${id}
      union all
      select p.id, p.parent_id, p.code, p.name, p.level, p.kind, up.depth + 1 from units p join up on p.id = up.parent_id)
    select id, code, name, level, kind from up where depth > 0 order by depth desc`.execute(q);
  return r.rows;
}

export async function predecessorsOf(q: Q, id: number) {
  return q
    .selectFrom('unit_lineage as l')
    .innerJoin('units as p', 'p.id', 'l.predecessor_id')
    .leftJoin('units as d', 'd.id', 'p.parent_id')
    .select(['p.id', 'p.code', 'p.name', 'p.level', 'p.kind', 'l.part', 'l.effective', 'd.name as parent_name'])
    .where('l.successor_id', '=', id)
    .orderBy('p.name')
    .execute();
}

export async function successorsOf(q: Q, id: number) {
  return q
    .selectFrom('unit_lineage as l')
    .innerJoin('units as s', 's.id', 'l.successor_id')
    .select(['s.id', 's.code', 's.name', 's.level', 's.kind', 'l.part', 'l.effective'])
    .where('l.predecessor_id', '=', id)
    .orderBy('s.name')
    .execute();
}

export interface SearchOptions {
  readonly q?: string;
  readonly level?: UnitLevel;
  readonly current?: boolean;
  readonly parentId?: number;
  readonly limit: number;
}

/**
 * Accent- and typo-tolerant search: exact folded name (with or without its kind) first, then
 * prefix/substring, then trigram similarity; current units before historical ones.
 */
export async function searchUnits(q: Q, o: SearchOptions) {
  const term = o.q?.trim() ? o.q.trim() : null;
  const r = await sql<{
    id: number; code: string; name: string; level: string; kind: string; parent_id: number | null;
    valid_from: string | null; valid_to: string | null; score: number;
  }>`
    with t as (select ansinh_fold(${term ?? ''}) as f)
    select u.id, u.code, u.name, u.level, u.kind, u.parent_id, u.valid_from, u.valid_to,
      case when ${term}::text is null then 0
           when u.name_folded = t.f or regexp_replace(u.name_folded, '^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|ban|thon|to dan pho) ', '') = t.f then 3
           when u.name_folded like '%' || t.f || '%' then 2
           else greatest(similarity(u.name_folded, t.f), word_similarity(t.f, u.name_folded)) end as score
    from units u, t
    where (${term}::text is null or u.code = ${term} or u.name_folded like '%' || t.f || '%' or t.f <% u.name_folded or u.name_folded % t.f)
      and (${o.level ?? null}::text is null or u.level = ${o.level ?? null})
      and (${o.current ?? null}::boolean is null or (u.valid_to is null) = ${o.current ?? null})
      and (${o.parentId ?? null}::int is null or u.parent_id = ${o.parentId ?? null})
    order by score desc, (u.valid_to is null) desc, u.level = 'province' desc, u.name
    limit ${o.limit}`.execute(q);
  return r.rows;
}
