// The annual poverty review as a long job: classifies every household of a commune (or of the
// whole database) under the poverty standard of the review year, in chunks, and replaces that
// year's classifications in one transaction at the end. The rule of classifyHousehold
// (src/law/poverty.ts) runs inside the database, compiled to SQL by povertyRuleSql: one
// INSERT ... SELECT a chunk into review_staging, one INSERT ... SELECT to apply. The reasons are
// not stored: the record page recomputes them with classifyHousehold from the classified version.
import { sql } from 'kysely';
import type { JobHandler } from '../jobs/runner.ts';
import { povertyRuleSql } from './law.ts';

export const REVIEW_CHUNK = 50_000;

interface ReviewParams {
  year: number;
  unitId: number | null;
}

/**
 * The households of the review: one commune's, read from its province's partition only (the
 * registry is partitioned by province, migration 391), or the whole database's.
 */
function inScope(unitId: number | null) {
  return unitId === null ? sql`true` : sql`h.province_code = ansinh_unit_province(${unitId}::int) and h.unit_id = ${unitId}`;
}

export const annualReview: JobHandler = {
  async chunk(tx, job) {
    const p = job.params as unknown as ReviewParams;
    const after = (job.cursor as { after?: number } | null)?.after ?? 0;
    let total = job.total;
    if (total === null) {
      const t = await sql<{ n: number }>`select count(*)::int as n from households h where ${inScope(p.unitId)}`.execute(tx);
      total = t.rows[0]!.n;
    }
    const rule = povertyRuleSql(p.year);
    const r = await sql<{ n: number; last: number | null }>`with x as (
        select h.id, h.version, h.unit_id, h.area, h.income_per_month, h.deprivations, h.province_code, ${rule.counts} from households h
        where h.id > ${after} and ${inScope(p.unitId)} order by h.id limit ${REVIEW_CHUNK}),
      ins as (insert into review_staging (job_id, household_id, household_version, province_code, unit_id, class, deprivation_count)
        select ${job.id}, x.id, x.version, x.province_code, x.unit_id, ${rule.cls}, ${rule.deprivationCount} from x returning household_id)
      select count(*)::int as n, max(household_id) as last from ins`.execute(tx);
    const n = r.rows[0]!.n;
    return { cursor: { after: r.rows[0]!.last ?? after }, progress: job.progress + n, total, done: n < REVIEW_CHUNK };
  },
  async apply(tx, job) {
    const p = job.params as unknown as ReviewParams;
    // This year's classifications of the scope go, and those of the staged households recorded
    // under another commune (moved since): a plain insert follows, no conflict to handle. Each
    // row keeps the commune and province of the household version it classified.
    await sql`delete from household_classifications where year = ${p.year}
      and (${p.unitId}::int is null or unit_id = ${p.unitId} or household_id in (select household_id from review_staging where job_id = ${job.id}))`.execute(
      tx,
    );
    const c = await sql<{
      class: string;
      n: number;
    }>`select class, count(*)::int as n from review_staging where job_id = ${job.id} group by class order by class`.execute(tx);
    await sql`insert into household_classifications (household_id, year, province_code, unit_id, class, household_version, deprivation_count, job_id)
      select s.household_id, ${p.year}, s.province_code, s.unit_id, s.class, s.household_version, s.deprivation_count, ${job.id}
      from review_staging s where s.job_id = ${job.id}`.execute(tx);
    await sql`delete from review_staging where job_id = ${job.id}`.execute(tx);
    return { year: p.year, counts: Object.fromEntries(c.rows.map((x) => [x.class, x.n])) };
  },
};
