// SQL of the registry: households and persons with dated versions (every change inserts a
// version row copied from the new current row: who, when, why; nothing is overwritten without
// its history), search, record pages and history. Callers pass the transaction (withActor).
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { foldName, type HouseholdInput, type PersonInput } from './model.ts';
import { viOrder } from '../db/collation.ts';
import type { Executor as Q } from '../db/executor.ts';

/** Who made a change and why: stored on every version row. */
export interface ChangeMeta {
  readonly by: string | null;
  readonly reason: string;
  readonly at?: Date;
}

export interface Commune {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
}

/** A current commune-level unit and the code of its current province. */
export async function communeById(q: Q, id: number): Promise<Commune | null> {
  const r = await sql<{ id: number; code: string; name: string; province_code: string | null }>`
    select c.id, c.code, c.name,
      (select p.code from units p where p.id = any(c.ancestors) and p.level = 'province' order by p.valid_to is null desc limit 1) as province_code
    from units c where c.id = ${id} and c.level = 'commune'`.execute(q);
  const row = r.rows[0];
  if (!row || !row.province_code) return null;
  return { id: row.id, code: row.code, name: row.name, provinceCode: row.province_code };
}

export async function communeByCode(q: Q, code: string): Promise<Commune | null> {
  const r = await q
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .where('level', '=', 'commune')
    .orderBy((eb) => eb('valid_to', 'is', null), 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? communeById(q, r.id) : null;
}

export async function villagesOf(q: Q, communeId: number): Promise<{ id: number; name: string }[]> {
  return q.selectFrom('units').select(['id', 'name']).where('parent_id', '=', communeId).where('level', '=', 'village').orderBy(viOrder('name')).execute();
}

const personCols = sql.raw(`province_code, unit_id, household_id, personal_id, social_insurance_no, full_name, date_of_birth, sex, ethnic_code,
  relation, disability, disability_certified_on, pension, social_insurance, health_insurance, schooling, conditions, merit, death_date`);
const householdCols = sql.raw(
  `province_code, unit_id, code, village_id, address, area, head_person_id, income_per_month, deprivations, disadvantaged_area, merit`,
);

function arr(xs: readonly string[]): string {
  return `{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`;
}

async function snapshotPerson(q: Q, id: number, meta: ChangeMeta): Promise<void> {
  await sql`insert into person_versions (person_id, version, ${personCols}, recorded_at, recorded_by, reason)
    select id, version, ${personCols}, ${(meta.at ?? new Date()).toISOString()}::timestamptz, ${meta.by}, ${meta.reason} from persons where id = ${id}`.execute(
    q,
  );
}
async function snapshotHousehold(q: Q, id: number, meta: ChangeMeta): Promise<void> {
  await sql`insert into household_versions (household_id, version, ${householdCols}, recorded_at, recorded_by, reason)
    select id, version, ${householdCols}, ${(meta.at ?? new Date()).toISOString()}::timestamptz, ${meta.by}, ${meta.reason} from households where id = ${id}`.execute(
    q,
  );
}

/** Whether a unit id is a village of the commune (checked before a household refers to it). */
export async function isVillageOf(q: Q, villageId: number, communeId: number): Promise<boolean> {
  const r = await q
    .selectFrom('units')
    .select('id')
    .where('id', '=', villageId)
    .where('level', '=', 'village')
    .where('parent_id', '=', communeId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertHousehold(q: Q, commune: Commune, h: HouseholdInput, meta: ChangeMeta, o: { snapshot?: boolean } = {}): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into households (province_code, unit_id, code, village_id, address, area, income_per_month, deprivations, disadvantaged_area, merit)
    values (${commune.provinceCode}, ${commune.id}, ${h.code}, ${h.villageId}, ${h.address}, ${h.area}, ${h.incomePerMonth}, ${JSON.stringify(h.deprivations)}::jsonb, ${h.disadvantagedArea}, ${h.merit})
    returning id`.execute(q);
  const id = r.rows[0]!.id;
  if (o.snapshot !== false) await snapshotHousehold(q, id, meta);
  return id;
}

export async function insertPerson(
  q: Q,
  commune: Commune,
  householdId: number,
  p: PersonInput,
  meta: ChangeMeta,
  o: { setHead?: boolean } = {},
): Promise<number> {
  const r = await sql<{ id: number }>`insert into persons (province_code, unit_id, household_id, personal_id, social_insurance_no, full_name, name_folded,
      date_of_birth, sex, ethnic_code, relation, disability, disability_certified_on, pension, social_insurance, health_insurance, schooling, conditions, merit, death_date)
    values (${commune.provinceCode}, ${commune.id}, ${householdId}, ${p.personalId}, ${p.socialInsuranceNo ?? null}, ${p.fullName.trim()}, ${foldName(p.fullName)},
      ${p.dateOfBirth}::date, ${p.sex}, ${p.ethnicCode}, ${p.relation}, ${p.disability}, ${p.disabilityCertifiedOn ?? null}::date, ${p.pension}, ${p.socialInsurance},
      ${p.healthInsurance}, ${p.schooling}, ${arr(p.conditions)}::text[], ${p.merit}, ${p.deathDate ?? null}::date)
    returning id`.execute(q);
  const id = r.rows[0]!.id;
  await snapshotPerson(q, id, meta);
  if (p.relation === 'head' && o.setHead !== false) await setHead(q, householdId, id, meta);
  return id;
}

async function setHead(q: Q, householdId: number, personId: number, meta: ChangeMeta): Promise<void> {
  const r = await sql`update households set head_person_id = ${personId}, version = version + 1, updated_at = now()
    where id = ${householdId} and head_person_id is distinct from ${personId}`.execute(q);
  if (Number(r.numAffectedRows ?? 0) > 0) await snapshotHousehold(q, householdId, meta);
}

/** A household with its members in one go: the shape of the registration form and the import. */
export async function registerHousehold(
  q: Q,
  commune: Commune,
  h: HouseholdInput,
  members: readonly PersonInput[],
  meta: ChangeMeta,
): Promise<{ householdId: number; personIds: number[] }> {
  // Version 1 of the household is written after its members, with its head already set.
  const householdId = await insertHousehold(q, commune, h, meta, { snapshot: false });
  const personIds: number[] = [];
  for (const m of members) personIds.push(await insertPerson(q, commune, householdId, m, meta, { setHead: false }));
  const head = members.findIndex((m) => m.relation === 'head');
  if (head >= 0) await q.updateTable('households').set({ head_person_id: personIds[head]! }).where('id', '=', householdId).execute();
  await snapshotHousehold(q, householdId, meta);
  return { householdId, personIds };
}

const personPatchColumns: Record<keyof PersonInput, string> = {
  personalId: 'personal_id',
  socialInsuranceNo: 'social_insurance_no',
  fullName: 'full_name',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  ethnicCode: 'ethnic_code',
  relation: 'relation',
  disability: 'disability',
  disabilityCertifiedOn: 'disability_certified_on',
  pension: 'pension',
  socialInsurance: 'social_insurance',
  healthInsurance: 'health_insurance',
  schooling: 'schooling',
  conditions: 'conditions',
  merit: 'merit',
  deathDate: 'death_date',
};
const householdPatchColumns: Record<keyof HouseholdInput, string> = {
  code: 'code',
  villageId: 'village_id',
  address: 'address',
  area: 'area',
  incomePerMonth: 'income_per_month',
  deprivations: 'deprivations',
  disadvantagedArea: 'disadvantaged_area',
  merit: 'merit',
};

function setList(patch: Record<string, unknown>, cols: Record<string, string>) {
  const parts = Object.entries(patch)
    .filter(([k, v]) => v !== undefined && k in cols)
    .map(([k, v]) => {
      const col = cols[k]!;
      if (Array.isArray(v)) return sql`${sql.raw(col)} = ${arr(v as string[])}::text[]`;
      if (v !== null && typeof v === 'object') return sql`${sql.raw(col)} = ${JSON.stringify(v)}::jsonb`;
      if (col.endsWith('date') || col === 'date_of_birth' || col === 'disability_certified_on') return sql`${sql.raw(col)} = ${v as string | null}::date`;
      return sql`${sql.raw(col)} = ${v as string | number | boolean | null}`;
    });
  if (cols === personPatchColumns && typeof patch.fullName === 'string') parts.push(sql`name_folded = ${foldName(patch.fullName)}`);
  return parts;
}

/** Changes a person: the current row takes the new values and a new version records them. */
export async function updatePerson(q: Q, id: number, patch: Partial<PersonInput>, meta: ChangeMeta): Promise<number> {
  const parts = setList(patch as Record<string, unknown>, personPatchColumns);
  if (parts.length === 0) return currentVersion(q, 'persons', id);
  const r = await sql<{
    version: number;
  }>`update persons set ${sql.join(parts, sql`, `)}, version = version + 1, updated_at = now() where id = ${id} returning version`.execute(q);
  if (!r.rows[0]) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
  await snapshotPerson(q, id, meta);
  return r.rows[0].version;
}

export async function updateHousehold(q: Q, id: number, patch: Partial<HouseholdInput>, meta: ChangeMeta): Promise<number> {
  const parts = setList(patch as Record<string, unknown>, householdPatchColumns);
  if (parts.length === 0) return currentVersion(q, 'households', id);
  const r = await sql<{
    version: number;
  }>`update households set ${sql.join(parts, sql`, `)}, version = version + 1, updated_at = now() where id = ${id} returning version`.execute(q);
  if (!r.rows[0]) throw AppError.notFound(text('Không tìm thấy hộ gia đình', 'Household not found'));
  await snapshotHousehold(q, id, meta);
  return r.rows[0].version;
}

async function currentVersion(q: Q, table: 'persons' | 'households', id: number): Promise<number> {
  const r = await q.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (!r) throw AppError.notFound(text('Không tìm thấy', 'Not found'));
  return r.version;
}

/**
 * Moves a person to another household (possibly in another commune): the person keeps one
 * identity and history, the new version records the new household and unit.
 */
export async function movePerson(q: Q, personId: number, toHouseholdId: number, relation: string, meta: ChangeMeta): Promise<void> {
  const r = await sql`update persons p set household_id = h.id, unit_id = h.unit_id, province_code = h.province_code, relation = ${relation},
      version = p.version + 1, updated_at = now()
    from households h where p.id = ${personId} and h.id = ${toHouseholdId}`.execute(q);
  if (Number(r.numAffectedRows ?? 0) === 0)
    throw AppError.notFound(text('Không tìm thấy nhân khẩu hoặc hộ chuyển đến', 'Person or destination household not found'));
  await snapshotPerson(q, personId, meta);
}

// ---- reads -----------------------------------------------------------------------------

export interface PersonRow {
  id: number;
  province_code: string;
  unit_id: number;
  household_id: number;
  personal_id: string | null;
  social_insurance_no: string | null;
  full_name: string;
  date_of_birth: string;
  sex: 'M' | 'F';
  ethnic_code: string;
  relation: string;
  disability: string;
  disability_certified_on: string | null;
  pension: boolean;
  social_insurance: string;
  health_insurance: boolean;
  schooling: string;
  conditions: string[];
  merit: boolean;
  death_date: string | null;
  version: number;
}

export interface HouseholdRow {
  id: number;
  province_code: string;
  unit_id: number;
  code: string;
  village_id: number | null;
  village_name: string | null;
  address: string;
  area: 'urban' | 'rural';
  head_person_id: number | null;
  income_per_month: number | null;
  deprivations: Record<string, boolean>;
  disadvantaged_area: boolean;
  merit: boolean;
  version: number;
}

const personSelect = sql.raw(`p.id, p.province_code, p.unit_id, p.household_id, p.personal_id, p.social_insurance_no, p.full_name, p.date_of_birth, p.sex,
  p.ethnic_code, p.relation, p.disability, p.disability_certified_on, p.pension, p.social_insurance, p.health_insurance, p.schooling, p.conditions, p.merit,
  p.death_date, p.version`);

export async function getPerson(q: Q, id: number): Promise<PersonRow | null> {
  const r = await sql<PersonRow>`select ${personSelect} from persons p where p.id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

/**
 * A household and its members. The registry is partitioned by province (migration 391): when the
 * caller's scope lies in one province (ansinh_scope_province(), migration 392) only that
 * province's partition is read; a national caller reads every partition's index on id.
 */
export async function getHousehold(q: Q, id: number): Promise<(HouseholdRow & { members: PersonRow[] }) | null> {
  const province = (await sql<{ p: string | null }>`select ansinh_scope_province() as p`.execute(q)).rows[0]?.p ?? null;
  const r = await sql<HouseholdRow>`select h.id, h.province_code, h.unit_id, h.code, h.village_id, v.name as village_name, h.address, h.area, h.head_person_id,
      h.income_per_month, h.deprivations, h.disadvantaged_area, h.merit, h.version
    from households h left join units v on v.id = h.village_id where h.id = ${id} ${province === null ? sql`` : sql`and h.province_code = ${province}`}`.execute(
    q,
  );
  const h = r.rows[0];
  if (!h) return null;
  const m = await sql<PersonRow>`select ${personSelect} from persons p where p.province_code = ${h.province_code} and p.household_id = ${id}
    order by p.relation = 'head' desc, p.date_of_birth`.execute(q);
  return { ...h, members: m.rows };
}

export async function householdByCode(q: Q, unitId: number, code: string): Promise<HouseholdRow | null> {
  const r = await q.selectFrom('households').select('id').where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst();
  if (!r) return null;
  return getHousehold(q, r.id);
}

export async function personsByPersonalId(q: Q, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<PersonRow>`select ${personSelect} from persons p where p.personal_id = any(${arr(ids)}::text[])`.execute(q);
  return r.rows;
}

export interface VersionRow {
  version: number;
  recorded_at: string;
  recorded_by: string | null;
  reason: string;
  data: Record<string, unknown>;
}

export async function personHistory(q: Q, id: number): Promise<VersionRow[]> {
  const r = await sql<VersionRow & Record<string, unknown>>`select * from person_versions where person_id = ${id} order by version`.execute(q);
  return r.rows.map(({ version, recorded_at, recorded_by, reason, person_id: _p, ...data }) => ({
    version,
    recorded_at: new Date(recorded_at).toISOString(),
    recorded_by,
    reason,
    data,
  }));
}

export async function householdHistory(q: Q, id: number): Promise<VersionRow[]> {
  const r = await sql<VersionRow & Record<string, unknown>>`select * from household_versions where household_id = ${id} order by version`.execute(q);
  return r.rows.map(({ version, recorded_at, recorded_by, reason, household_id: _h, ...data }) => ({
    version,
    recorded_at: new Date(recorded_at).toISOString(),
    recorded_by,
    reason,
    data,
  }));
}

export interface SearchFilter {
  readonly unitId?: number | undefined;
  readonly villageId?: number | undefined;
  readonly q?: string | undefined;
  readonly ethnicCode?: string | undefined;
  readonly householdClass?: string | undefined;
  readonly year?: number | undefined;
  /**
   * Match `q` against personal IDs: only an exact, full 12-digit number, and only for a caller
   * who may read IDs in full (the route audits it). Left false, a number is never compared with
   * IDs, so that the search cannot be used to recover a masked ID digit by digit.
   */
  readonly byPersonalId?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface PersonHit extends PersonRow {
  household_code: string;
  village_name: string | null;
  class: string | null;
}

/**
 * Persons by accent-insensitive name, exact personal ID (see byPersonalId) or household code, within the actor's
 * scope (row-level security), newest classification of the household alongside.
 *
 * Served from indexes (issue 18 finding 12; a commune of 200,000 persons): a name matches when
 * its folded form contains the folded term (LIKE, which the trigram index persons_name_trgm
 * serves); only when no name contains it does the search fall back to trigram similarity (a
 * typo), ranked by it: on the common names of a commune similarity alone matches a third of
 * it. The filters are composed for the question asked (no `$1 is null or ...`), the page is
 * chosen on persons alone (index persons_unit_name, migration 069, for the list without a
 * term) and only its 50 rows are joined to households, villages and classifications.
 */
/**
 * The typo fallback of person search keeps names at least this similar, not pg_trgm's default
 * 0.3 (the index's `%`): at 0.3 a common name's typo is "similar" to a third of the commune (220
 * ms to rank them on 204,000 persons; 56 ms at 0.45), and a one-letter typo of a name stays above
 * 0.6. Filtered on similarity(), not by the pg_trgm.similarity_threshold setting (migration 161; ansinh_person_search uses the same 0.45 and, since migration 195, reads only the page of nearest names from a GiST index).
 */
const SIMILAR_NAME = 0.45;

export async function searchPersons(q: Q, f: SearchFilter): Promise<{ items: PersonHit[]; total: number }> {
  const term = f.q?.trim() ? f.q.trim() : null;
  const folded = term ? foldName(term) : null;
  const latestClass = sql`(select class from household_classifications hc where hc.province_code = p.province_code and hc.household_id = p.household_id
    ${f.year === undefined ? sql`` : sql`and hc.year = ${f.year}`} order by hc.year desc limit 1)`;
  const base: RawBuilder<unknown>[] = [];
  if (f.unitId !== undefined) base.push(sql`p.unit_id = ${f.unitId}`);
  if (f.villageId !== undefined) base.push(sql`p.household_id in (select h.id from households h where h.village_id = ${f.villageId})`);
  if (f.ethnicCode !== undefined) base.push(sql`p.ethnic_code = ${f.ethnicCode}`);
  if (f.householdClass !== undefined) base.push(sql`${latestClass} = ${f.householdClass}`);
  // The households whose code is the term, looked up first: as a sub-select inside the OR it kept
  // the planner from the name index and read the whole commune (84 ms on 204,000 persons).
  const codeIds = term
    ? (
        await sql<{
          id: number;
        }>`select h.id from households h where h.code = ${term} ${f.unitId === undefined ? sql`` : sql`and h.province_code = ansinh_unit_province(${f.unitId}::int) and h.unit_id = ${f.unitId}`}`.execute(
          q,
        )
      ).rows.map((h) => h.id)
    : [];
  const byCode = codeIds.length ? sql`p.household_id = any(${codeIds}::int[])` : null;
  // An ID matches only whole, and only for those who may read IDs (no prefix oracle on masked IDs).
  const byId = f.byPersonalId && term && /^[0-9]{12}$/.test(term) ? sql`p.personal_id = ${term}` : null;
  const where = (match: RawBuilder<unknown> | null) => {
    const all = match ? [...base, match] : base;
    return all.length ? sql`where ${sql.join(all, sql` and `)}` : sql``;
  };
  const or = (xs: (RawBuilder<unknown> | null)[]) => {
    const some = xs.filter((x): x is RawBuilder<unknown> => x !== null);
    return some.length ? sql`(${sql.join(some, sql` or `)})` : sql`false`;
  };
  // One pass gives the page and the number of matches (count(*) over the matches, before the limit).
  const page = (w: RawBuilder<unknown>, order: RawBuilder<unknown>, counted = true) =>
    sql<PersonHit & { total: number }>`with page as (
      select p.id, ${counted ? sql`count(*) over ()` : sql`0`} as total from persons p ${w} order by ${order} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize})
    select ${personSelect}, h.code as household_code, v.name as village_name, ${latestClass} as class, page.total::int as total
    from page join persons p on p.id = page.id join households h on h.id = p.household_id left join units v on v.id = h.village_id
    order by ${order}`.execute(q);
  const count = async (w: RawBuilder<unknown>) => (await sql<{ n: number }>`select count(*)::int as n from persons p ${w}`.execute(q)).rows[0]!.n;

  // A commune's whole list (no term, no filter): the page read in name order from
  // persons_unit_name, the number of persons from unit_person_counts (migration 151), not by
  // counting the commune's 200,000 persons for every page.
  if (!term && base.length === 1 && f.unitId !== undefined) {
    const r = await page(where(null), sql`p.full_name, p.id`, false);
    const c = await sql<{ n: number }>`select persons as n from unit_person_counts where unit_id = ${f.unitId}`.execute(q);
    return { items: r.rows.map(({ total: _t, ...hit }) => hit as PersonHit), total: c.rows[0]?.n ?? 0 };
  }
  // A term in one commune, no other filter (the search box): matched and paged by
  // ansinh_person_search (migration 152) so that the name index serves it under row-level
  // security; the page's persons are then read under row-level security as below.
  if (term && f.unitId !== undefined && base.length === 1) {
    const call = (similar: boolean, limit: number, offset: number) =>
      sql<PersonHit & { total: number }>`with page as (
        select s.id, s.total, s.n from ansinh_person_search(${f.unitId}::int, ${folded ? '%' + folded + '%' : null}::text, ${folded ?? ''}::text,
          ${codeIds}::int[], ${byId ? term : null}::text, ${similar}, ${limit}::int, ${offset}::int) with ordinality as s(id, total, n))
      select ${personSelect}, h.code as household_code, v.name as village_name, ${latestClass} as class, page.total::int as total
      from page join persons p on p.province_code = ansinh_unit_province(${f.unitId}::int) and p.id = page.id
        join households h on h.province_code = ansinh_unit_province(${f.unitId}::int) and h.id = p.household_id left join units v on v.id = h.village_id
      order by page.n`.execute(q);
    const offset = (f.page - 1) * f.pageSize;
    let similar = false;
    let rows = (await call(false, f.pageSize, offset)).rows;
    if (rows.length === 0 && f.page === 1 && folded && folded.length >= 3) {
      similar = true;
      rows = (await call(true, f.pageSize, offset)).rows;
    }
    // A page past the end has no rows to carry the count: the first match carries it.
    const total = rows[0]?.total ?? (f.page > 1 ? ((await call(similar, 1, 0)).rows[0]?.total ?? 0) : 0);
    return { items: rows.map(({ total: _t, ...hit }) => hit as PersonHit), total };
  }
  let w = where(term ? or([folded ? sql`p.name_folded like ${'%' + folded + '%'}` : null, byCode, byId]) : null);
  let r = await page(w, folded ? sql`p.name_folded = ${folded} desc, p.full_name, p.id` : sql`p.full_name, p.id`);
  // No row on page 1 is no match (counting again would repeat the search); on a later page, count.
  if (r.rows.length === 0 && folded && folded.length >= 3 && (f.page === 1 || (await count(w)) === 0)) {
    w = where(sql`p.name_folded % ${folded} and similarity(p.name_folded, ${folded}) >= ${SIMILAR_NAME}`);
    r = await page(w, sql`similarity(p.name_folded, ${folded}) desc, p.full_name, p.id`);
  }
  // A page past the end has no rows to carry the count.
  const total = r.rows[0]?.total ?? (f.page > 1 ? await count(w) : 0);
  const items = r.rows.map(({ total: _t, ...hit }) => hit as PersonHit);
  return { items, total };
}
