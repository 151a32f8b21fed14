// The annual poverty review as a long job: classifies every household of a commune (or of the
// whole database) with the law engine's classifyHousehold for the review year, in chunks, and
// replaces that year's classifications in one transaction at the end.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { classifyHousehold, type PovertyClass } from '../law/poverty.ts';
import { jobHandlers, type JobHandler } from '../jobs/runner.ts';
import { householdFacts } from './law.ts';

export const REVIEW_CHUNK = 20_000;

interface ReviewParams {
  year: number;
  unitId: number | null;
}

/** [household id, version, class, deprivation count] */
type Staged = [number, number, PovertyClass, number][];

export const annualReview: JobHandler = {
  async chunk(tx, job) {
    const p = job.params as unknown as ReviewParams;
    const after = (job.cursor as { after?: number } | null)?.after ?? 0;
    let total = job.total;
    if (total === null) {
      const t = await sql<{ n: number }>`select count(*)::int as n from households where (${p.unitId}::int is null or unit_id = ${p.unitId})`.execute(tx);
      total = t.rows[0]!.n;
    }
    const r = await sql<{ id: number; version: number; area: 'urban' | 'rural'; income_per_month: number | null; deprivations: Record<string, boolean>; province_code: string }>`
      select id, version, area, income_per_month, deprivations, province_code from households
      where id > ${after} and (${p.unitId}::int is null or unit_id = ${p.unitId}) order by id limit ${REVIEW_CHUNK}`.execute(tx);
    // Same facts, same class: households sharing area, income and deprivations are classified once.
    const memo = new Map<string, [string, number]>();
    const staged: Staged = r.rows.map((h) => {
      const key = `${h.area}|${h.income_per_month}|${h.province_code}|${JSON.stringify(h.deprivations)}`;
      let c = memo.get(key);
      if (!c) {
        const x = classifyHousehold(householdFacts(h), p.year);
        c = [x.class, x.deprivations.length];
        memo.set(key, c);
      }
      return [h.id, h.version, c[0] as PovertyClass, c[1]];
    });
    return { staged, cursor: { after: r.rows.at(-1)?.id ?? after }, progress: job.progress + r.rows.length, total, done: r.rows.length < REVIEW_CHUNK };
  },
  async apply(tx, job, staged) {
    const p = job.params as unknown as ReviewParams;
    await sql`delete from household_classifications where year = ${p.year} and (${p.unitId}::int is null or unit_id = ${p.unitId})`.execute(tx);
    const counts: Record<string, number> = {};
    for await (const chunk of staged) {
      const rows = chunk as Staged;
      if (rows.length === 0) continue;
      for (const r of rows) counts[r[2]] = (counts[r[2]] ?? 0) + 1;
      await insertClassifications(tx, p.year, rows, job.id);
    }
    return { year: p.year, counts };
  },
};

async function insertClassifications(tx: Transaction<DB>, year: number, rows: Staged, jobId: number): Promise<void> {
  const ids = `{${rows.map((r) => r[0]).join(',')}}`;
  const versions = `{${rows.map((r) => r[1]).join(',')}}`;
  const classes = `{${rows.map((r) => r[2]).join(',')}}`;
  const dep = `{${rows.map((r) => r[3]).join(',')}}`;
  await sql`insert into household_classifications (household_id, year, province_code, unit_id, class, household_version, deprivation_count, job_id)
    select h.id, ${year}, h.province_code, h.unit_id, x.c, x.v, x.d, ${jobId}
    from unnest(${ids}::int[], ${versions}::int[], ${classes}::text[], ${dep}::int[]) as x(id, v, c, d) join households h on h.id = x.id
    on conflict (household_id, year) do update set class = excluded.class, household_version = excluded.household_version,
      deprivation_count = excluded.deprivation_count, job_id = excluded.job_id, computed_at = now()`.execute(tx);
}

jobHandlers.set('annual_review', annualReview);
