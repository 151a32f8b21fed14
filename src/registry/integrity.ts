// Integrity checks as review queues with reasons (issue 6 part 7): the same personal ID twice,
// likely duplicates (accent-insensitive name similarity within blocks of the same province and
// date of birth, so it scales), payments for months after death, benefits in two communes,
// eligible but not enrolled (aged 80+, no pension, alive, no decision), and a household income
// that jumps against its previous version. Re-running files nothing twice (kind + key).
import { sql, type Kysely, type Transaction } from 'kysely';
import { now as sqlNow } from '../db/functions.ts';
import type { DB } from '../db/schema.ts';
import type { JobHandler } from '../jobs/runner.ts';
import type { Executor as Q } from '../db/executor.ts';

export const integrityKinds = {
  same_personal_id: { vi: 'Trùng số định danh cá nhân', en: 'Same personal ID twice' },
  likely_duplicate: { vi: 'Nghi trùng người (tên gần giống, cùng ngày sinh)', en: 'Likely duplicate (similar name, same date of birth)' },
  paid_after_death: { vi: 'Chi trả sau khi đã mất', en: 'Paid after death' },
  two_communes: { vi: 'Hưởng chế độ ở hai xã', en: 'Benefits in two communes' },
  not_enrolled: { vi: 'Đủ điều kiện nhưng chưa được hưởng (bỏ sót)', en: 'Eligible but not enrolled (omission)' },
  income_jump: { vi: 'Thu nhập thay đổi bất thường so với lần trước', en: 'Income inconsistent with history' },
} as const;
export type IntegrityKind = keyof typeof integrityKinds;

/** Similarity (pg_trgm) from which two names in the same block are proposed as one person. */
export const DUPLICATE_SIMILARITY = 0.6;

/**
 * Runs every check over the given communes (null = the whole database) and files new flags.
 * `asOf` is the date for ages (ISO). Returns the number of new flags per kind.
 */
export async function scanIntegrity(q: Q, unitIds: readonly number[] | null, asOf: string): Promise<Record<IntegrityKind, number>> {
  const units = unitIds ? `{${unitIds.join(',')}}` : null;
  const inUnits = (col: string) => sql`(${units}::int[] is null or ${sql.raw(col)} = any(${units}::int[]))`;
  const file = async (kind: IntegrityKind, select: ReturnType<typeof sql>) => {
    const r = await sql`insert into integrity_flags (province_code, unit_id, kind, key, person_ids, reason, score)
      select province_code, unit_id, ${kind}, key, person_ids, reason, score from (${select}) x
      on conflict (kind, key) do nothing`.execute(q);
    return Number(r.numAffectedRows ?? 0);
  };
  const out = {} as Record<IntegrityKind, number>;
  out.same_personal_id = await file(
    'same_personal_id',
    sql`
    select min(province_code) as province_code, min(unit_id) as unit_id, personal_id as key, array_agg(id order by id) as person_ids,
      jsonb_build_object('vi', 'Số định danh ' || personal_id || ' xuất hiện ở ' || count(*) || ' nhân khẩu', 'en', 'Personal ID ' || personal_id || ' on ' || count(*) || ' persons') as reason, 1.0::real as score
    from persons where personal_id is not null and ${inUnits('unit_id')} group by personal_id having count(*) > 1`,
  );
  out.likely_duplicate = await file(
    'likely_duplicate',
    sql`
    select a.province_code, a.unit_id, a.id || '-' || b.id as key, array[a.id, b.id] as person_ids,
      jsonb_build_object('vi', 'Tên gần giống (' || a.full_name || ' / ' || b.full_name || '), cùng ngày sinh ' || to_char(a.date_of_birth, 'DD/MM/YYYY')
        || case when a.household_id = b.household_id then ', cùng hộ' else '' end,
        'en', 'Similar names (' || a.full_name || ' / ' || b.full_name || '), same date of birth' || case when a.household_id = b.household_id then ', same household' else '' end) as reason,
      (similarity(a.name_folded, b.name_folded) + case when a.household_id = b.household_id then 0.2 else 0 end)::real as score
    from persons a join persons b on b.province_code = a.province_code and b.date_of_birth = a.date_of_birth and b.id > a.id
    where ${inUnits('a.unit_id')} and a.death_date is null and b.death_date is null
      and (a.personal_id is null or b.personal_id is null or a.personal_id <> b.personal_id)
      and similarity(a.name_folded, b.name_folded) >= ${DUPLICATE_SIMILARITY}`,
  );
  out.paid_after_death = await file(
    'paid_after_death',
    sql`
    select p.province_code, p.unit_id, p.id || '-' || i.month as key, array[p.id] as person_ids,
      jsonb_build_object('vi', 'Đã mất ngày ' || to_char(p.death_date, 'DD/MM/YYYY') || ' nhưng có khoản chi cho tháng ' || (i.month % 100) || '/' || (i.month / 100),
        'en', 'Died on ' || p.death_date || ' but paid for month ' || i.month) as reason, 1.0::real as score
    from payroll_lines l cross join unnest(l.items) i join persons p on p.id = l.person_id
    where p.death_date is not null and i.month > (extract(year from p.death_date) * 100 + extract(month from p.death_date))::int
      and l.status in ('pending', 'paid') and ${inUnits('p.unit_id')}`,
  );
  out.two_communes = await file(
    'two_communes',
    sql`
    select min(p.province_code) as province_code, min(d.unit_id) as unit_id, p.personal_id as key, array_agg(distinct p.id) as person_ids,
      jsonb_build_object('vi', 'Số định danh ' || p.personal_id || ' có quyết định hưởng ở ' || count(distinct d.unit_id) || ' xã', 'en', 'Personal ID ' || p.personal_id || ' has decisions in ' || count(distinct d.unit_id) || ' communes') as reason, 1.0::real as score
    from persons p join lateral ansinh_latest_decision(p.id) d on d.kind <> 'stop'
    where p.personal_id is not null and p.personal_id in (select personal_id from persons where ${inUnits('unit_id')} and personal_id is not null)
    group by p.personal_id having count(distinct d.unit_id) > 1`,
  );
  out.not_enrolled = await file(
    'not_enrolled',
    sql`
    select p.province_code, p.unit_id, p.id::text as key, array[p.id] as person_ids,
      jsonb_build_object('vi', 'Đủ ' || extract(year from age(${asOf}::date, p.date_of_birth))::int || ' tuổi, không có lương hưu, chưa có quyết định hưởng trợ cấp (khoản 5 điểm c Điều 5 Nghị định 20/2021/NĐ-CP)',
        'en', 'Aged ' || extract(year from age(${asOf}::date, p.date_of_birth))::int || ', no pension, no benefit decision (Decree 20/2021 Art. 5 cl. 5c)') as reason, 1.0::real as score
    from persons p where ${inUnits('p.unit_id')} and p.death_date is null and not p.pension and p.date_of_birth <= (${asOf}::date - interval '80 years')
      and not exists (select 1 from benefit_decisions d where d.person_id = p.id)`,
  );
  out.income_jump = await file(
    'income_jump',
    sql`
    select h.province_code, h.unit_id, h.id || '-v' || h.version as key,
      (select coalesce(array_agg(id), '{}') from persons where household_id = h.id) as person_ids,
      jsonb_build_object('vi', 'Thu nhập bình quân đổi từ ' || v.income_per_month || ' thành ' || h.income_per_month || ' đồng/người/tháng', 'en', 'Income changed from ' || v.income_per_month || ' to ' || h.income_per_month) as reason,
      0.5::real as score
    from households h join household_versions v on v.household_id = h.id and v.version = (select max(version) from household_versions w where w.household_id = h.id and w.income_per_month is distinct from h.income_per_month)
    where ${inUnits('h.unit_id')} and h.income_per_month is not null and v.income_per_month is not null and v.income_per_month > 0
      and (h.income_per_month > v.income_per_month * 3 or h.income_per_month * 3 < v.income_per_month)`,
  );
  return out;
}

export async function listFlags(q: Q, unitId: number, o: { kind?: string | undefined; state?: string | undefined } = {}) {
  const r = await sql<{
    id: number;
    kind: string;
    person_ids: number[];
    reason: { vi: string; en: string };
    score: number | null;
    state: string;
    detected_at: string;
    note: string | null;
  }>`
    select id, kind, person_ids, reason, score, state, detected_at, note from integrity_flags
    where unit_id = ${unitId} and (${o.kind ?? null}::text is null or kind = ${o.kind ?? null}) and (${o.state ?? null}::text is null or state = ${o.state ?? null})
    order by state = 'open' desc, score desc nulls last, id limit 500`.execute(q);
  return r.rows;
}

/** An integrity flag is open until a reviewer confirms or dismisses it. */
export const FLAG_STATES = ['open', 'confirmed', 'dismissed'] as const;
/** How a flag is reviewed. */
export const FLAG_REVIEWS = ['confirmed', 'dismissed'] as const satisfies readonly (typeof FLAG_STATES)[number][];

export async function reviewFlag(q: Q, id: number, state: (typeof FLAG_REVIEWS)[number], note: string, by: string | null) {
  const r = await q
    .updateTable('integrity_flags')
    .set({ state, note, reviewed_by: by, reviewed_at: sqlNow() })
    .where('id', '=', id)
    .returning(['id', 'unit_id'])
    .executeTakeFirst();
  return r ?? null;
}

// ---- duplicate detection as a long job: one province (a block of blocks) per chunk ------------

type Pair = [number, number, number, number, string, string, string];

/** The duplicate scan (kind 'duplicates', src/job-handlers.ts): one province per chunk, flags filed at the apply. */
export const duplicateScanJob: JobHandler = {
  async chunk(tx, job) {
    const provinces = (await tx.selectFrom('persons').select('province_code').distinct().orderBy('province_code').execute()).map((r) => r.province_code);
    const i = (job.cursor as { i?: number } | null)?.i ?? 0;
    const prov = provinces[i];
    if (prov === undefined) return { staged: [], cursor: { i }, progress: job.progress, total: provinces.length, done: true };
    const r = await sql<{ a: number; b: number; score: number; unit_id: number; an: string; bn: string; dob: string }>`
      select a.id as a, b.id as b, (similarity(a.name_folded, b.name_folded) + case when a.household_id = b.household_id then 0.2 else 0 end)::real as score,
        a.unit_id, a.full_name as an, b.full_name as bn, to_char(a.date_of_birth, 'DD/MM/YYYY') as dob
      from persons a join persons b on b.province_code = a.province_code and b.date_of_birth = a.date_of_birth and b.id > a.id
      where a.province_code = ${prov} and a.death_date is null and b.death_date is null
        and (a.personal_id is null or b.personal_id is null or a.personal_id <> b.personal_id)
        and similarity(a.name_folded, b.name_folded) >= ${DUPLICATE_SIMILARITY}`.execute(tx);
    const staged: Pair[] = r.rows.map((x) => [x.a, x.b, x.score, x.unit_id, prov, `${x.an} / ${x.bn}`, x.dob]);
    return { staged, cursor: { i: i + 1 }, progress: i + 1, total: provinces.length, done: i + 1 >= provinces.length };
  },
  async apply(tx, _job, staged) {
    let n = 0;
    for await (const chunk of staged) {
      const ps = chunk as Pair[];
      if (ps.length === 0) continue;
      const col = (f: (p: Pair) => string | number) => `{${ps.map((p) => `"${String(f(p)).replace(/["\\]/g, '')}"`).join(',')}}`;
      const r = await sql`insert into integrity_flags (province_code, unit_id, kind, key, person_ids, reason, score)
        select x.prov, x.unit, 'likely_duplicate', x.a || '-' || x.b, array[x.a, x.b],
          jsonb_build_object('vi', 'Tên gần giống (' || x.names || '), cùng ngày sinh ' || x.dob, 'en', 'Similar names (' || x.names || '), same date of birth'), x.score
        from unnest(${col((p) => p[0])}::int[], ${col((p) => p[1])}::int[], ${col((p) => p[2])}::real[], ${col((p) => p[3])}::int[], ${col((p) => p[4])}::text[],
          ${col((p) => p[5])}::text[], ${col((p) => p[6])}::text[]) as x(a, b, score, unit, prov, names, dob)
        on conflict (kind, key) do nothing`.execute(tx);
      n += Number(r.numAffectedRows ?? 0);
    }
    return { filed: n };
  },
};
