// Monitoring benchmark: national synthetic data (34 provinces, 3,321 communes, 80 indicators,
// 10 years, with disaggregations by sex), on PostgreSQL (a fresh database) and on PGlite.
// Measures loading, the full roll-up against the naive baseline (one query per unit per
// indicator per period, timed on a sample and extrapolated), and the dashboard reads for a
// commune, a province and the country (p50/p95). Prints ratios; asserts nothing.
//   npm run bench -- monitoring [--pg-only | --pglite-only] [--communes N]
import { loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureMonitoringSchema } from '../src/monitoring/fixture.ts';
import { rebuildAggregates, findUnit, type Q } from '../src/monitoring/store.ts';
import { dashboard, countryDashboard, childrenCompared, indicatorDetail } from '../src/monitoring/dashboard.ts';

const PROVINCES = 34;
const INDICATORS = 80;
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Synthetic units, indicators, targets, approved submissions and values, generated in SQL. */
async function load(db: Db, communes: number): Promise<{ ms: number; values: number }> {
  const k = db.k;
  const t0 = process.hrtime.bigint();
  await sql`insert into units (code, name, level, kind, parent_id, valid_from, ancestors, name_folded)
    select lpad(p::text, 2, '0'), 'Tỉnh ' || p, 'province', 'Tỉnh', null, '2025-07-01', '{}', 'tinh ' || p from generate_series(1, ${PROVINCES}) p`.execute(k);
  await sql`update units set ancestors = array[id] where level = 'province'`.execute(k);
  await sql`insert into units (code, name, level, kind, parent_id, valid_from, ancestors, name_folded)
    select lpad(c::text, 5, '0'), 'Xã ' || c, 'commune', 'Xã', p.id, '2025-07-01', '{}', 'xa ' || c
    from generate_series(1, ${communes}) c join units p on p.level = 'province' and p.code = lpad((1 + (c - 1) % ${PROVINCES})::text, 2, '0')`.execute(k);
  await sql`update units set ancestors = array[id, parent_id] where level = 'commune'`.execute(k);
  // 80 indicators: 52 rates (every 4th by sex), 14 counts, 8 averages, 6 levels.
  await sql`insert into indicators (code, name_vi, name_en, unit, kind, direction, aggregation, factor, disaggregations, source, area)
    select 'bench_' || lpad(i::text, 2, '0'), 'Chỉ tiêu thử ' || i, 'Bench indicator ' || i,
      case when i <= 52 then '%' when i <= 66 then 'persons' when i <= 74 then 'm2_per_person' else 'level' end,
      case when i <= 52 then 'rate' when i <= 66 then 'count' when i <= 74 then 'average' else 'level' end,
      case when i % 3 = 0 then 'lower_better' else 'higher_better' end,
      case when i <= 52 then 'sum_ratio' when i <= 66 then 'sum' when i <= 74 then 'weighted_mean' else 'none' end,
      case when i <= 52 then 100 else 1 end,
      case when i <= 52 and i % 4 = 0 then '{sex}'::text[] else '{}'::text[] end, 'reported', 'bench'
    from generate_series(1, ${INDICATORS}) i on conflict (code) do nothing`.execute(k);
  // A plan per province with 20 targets for 2030.
  await sql`insert into plans (unit_id, kind, number, title, status) select id, 'action_programme', code || '-CTr/TU', 'Chương trình hành động', 'confirmed' from units where level = 'province'`.execute(
    k,
  );
  await sql`insert into plan_targets (plan_id, unit_id, indicator_code, comparator, value, unit, year, confirmed)
    select p.id, p.unit_id, 'bench_' || lpad(i::text, 2, '0'), case when i % 3 = 0 then '<' else '>=' end, case when i % 3 = 0 then 10 else 90 end, '%', 2030, true
    from plans p cross join generate_series(1, 20) i`.execute(k);
  await sql`insert into monitoring_submissions (unit_id, period, status, submitted_at, decided_at)
    select u.id, y::text, 'approved', make_date(y, 11, 20), make_date(y, 11, 25) from units u cross join unnest(${YEARS}::int[]) y where u.level = 'commune'`.execute(
    k,
  );
  // Values: deterministic pseudo-random levels and trends per commune and indicator.
  await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator, value)
    select u.id, i.code, y::text, '',
      case when i.aggregation = 'sum_ratio' then round(den * least(0.99, greatest(0.01, base + slope * (y - 2016)))) end,
      case when i.aggregation in ('sum_ratio', 'weighted_mean') then den end,
      case i.aggregation when 'sum' then round(den * base / 10) when 'weighted_mean' then round((12 + 20 * base + slope * 10 * (y - 2016))::numeric, 2) when 'none' then 1 + (h % 3) end
    from units u cross join indicators i cross join unnest(${YEARS}::int[]) y
    cross join lateral (select abs(hashtext(u.code || i.code)) as h) hh
    cross join lateral (select 2000 + (h % 15000) as den, 0.2 + (h % 600) / 1000.0 as base, ((h / 7) % 30 - 8) / 1000.0 as slope) p
    where u.level = 'commune' and i.code like 'bench_%'`.execute(k);
  // Breakdowns by sex that add up to the totals.
  await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator)
    select v.unit_id, v.indicator_code, v.period, s.key,
      case when s.key = 'sex=male' then floor(v.numerator / 2) else v.numerator - floor(v.numerator / 2) end,
      case when s.key = 'sex=male' then floor(v.denominator / 2) else v.denominator - floor(v.denominator / 2) end
    from monitoring_values v join indicators i on i.code = v.indicator_code cross join (values ('sex=male'), ('sex=female')) s(key)
    where 'sex' = any(i.disaggregations) and v.disaggregation = ''`.execute(k);
  const n = await sql<{ n: number }>`select count(*)::int as n from monitoring_values`.execute(k);
  await sql`analyze`.execute(k);
  return { ms: ms(t0), values: n.rows[0]!.n };
}

/** The naive way: one query per unit per indicator per period, timed on a sample. */
async function naive(db: Db, sample: number): Promise<{ perQuery: number; queries: number; extrapolated: number }> {
  const k = db.k;
  const units = (await sql<{ id: number }>`select id from units order by id`.execute(k)).rows.map((r) => r.id);
  const codes = (await sql<{ code: string }>`select code from indicators where code like 'bench_%' order by code`.execute(k)).rows.map((r) => r.code);
  const total = units.length * codes.length * YEARS.length;
  const t0 = process.hrtime.bigint();
  for (let s = 0; s < sample; s++) {
    const u = units[(s * 7919) % units.length]!;
    const c = codes[(s * 31) % codes.length]!;
    const y = String(YEARS[s % YEARS.length]);
    await sql`select sum(v.numerator) as n, sum(v.denominator) as d, sum(v.value) as v, count(*) from monitoring_values v
      join monitoring_submissions s on s.unit_id = v.unit_id and s.period = v.period and s.status = 'approved'
      join units x on x.id = v.unit_id
      where ${u} = any(x.ancestors) and v.indicator_code = ${c} and v.period = ${y} and v.disaggregation = ''`.execute(k);
  }
  const per = ms(t0) / sample;
  return { perQuery: per, queries: total, extrapolated: per * total };
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const xs: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    JSON.stringify(await fn());
    xs.push(ms(t0));
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95) };
}

async function runOn(kind: 'postgres' | 'pglite', communes: number): Promise<void> {
  let db: Db;
  let drop = async () => {};
  if (kind === 'postgres') {
    const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `ansinh_bench_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists "${name}"`);
    await c.query(`create database "${name}"`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    db = await openDb({ databaseUrl: u.toString(), poolSize: 4 });
    drop = async () => {
      const a = new pg.Client({ connectionString: admin });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  } else {
    db = await openDb({ dataDir: null });
  }
  try {
    await migrate(db);
    await ensureMonitoringSchema(db);
    console.log(`\n--- ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (fresh database) ---`);
    const l = await load(db, communes);
    console.log(
      `load: ${l.values.toLocaleString('en')} values (${communes} communes × ${INDICATORS} indicators × ${YEARS.length} years + sex breakdowns) in ${fmt(l.ms / 1000)} s (generated in SQL)`,
    );
    const t0 = process.hrtime.bigint();
    const rows = await db.k.transaction().execute((tx) => rebuildAggregates(tx as unknown as Q));
    const full = ms(t0);
    console.log(`full roll-up (one set-based query over units.ancestors): ${rows.toLocaleString('en')} aggregate rows in ${fmt(full / 1000)} s`);
    const sample = kind === 'postgres' ? 400 : 150;
    const nv = await naive(db, sample);
    console.log(
      `naive baseline: ${fmt(nv.perQuery)} ms/query on a sample of ${sample}, × ${nv.queries.toLocaleString('en')} queries (units × indicators × years) ≈ ${fmt(nv.extrapolated / 1000)} s (extrapolated)`,
    );
    console.log(`ratio naive / set-based roll-up: ${fmt(nv.extrapolated / full)}×`);
    const commune = (await findUnit(db.k, '00001'))!;
    const province = (await findUnit(db.k, '01'))!;
    const reps = kind === 'postgres' ? 60 : 30;
    const dc = await timed(reps, () => dashboard(db.k, commune, 2025, 'vi'));
    const dp = await timed(reps, () => dashboard(db.k, province, 2025, 'vi'));
    const dk = await timed(reps, () => childrenCompared(db.k, province, 2025, 'vi'));
    const di = await timed(reps, () => indicatorDetail(db.k, province, 'bench_01', 2025, 'vi'));
    const dn = await timed(reps, () => countryDashboard(db.k, 2025, 'vi'));
    const line = (n: string, t: { p50: number; p95: number }) =>
      console.log(`  ${n.padEnd(42)} p50 ${fmt(t.p50).padStart(6)} ms   p95 ${fmt(t.p95).padStart(6)} ms`);
    // The machine's load, so that a slow run on a busy machine reads as such.
    console.log(
      `dashboard reads (${reps} requests each, store call + JSON serialization, no HTTP; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}):`,
    );
    line('commune targets table (20 targets)', dc);
    line('province targets table (20 targets)', dp);
    line('province: communes compared (20 indicators)', dk);
    line('province: one indicator, history + projection', di);
    line('country (80 indicators, stored national totals)', dn);
    console.log(`ratio naive per-query / commune dashboard p50: one dashboard ≈ ${fmt(dc.p50 / nv.perQuery)} naive queries`);
  } finally {
    await db.close();
    if (!process.argv.includes('--keep')) await drop();
    else console.log('kept the database (--keep)');
  }
}

export async function run(args: string[]): Promise<void> {
  const ci = args.indexOf('--communes');
  const communes = ci >= 0 ? Number(args[ci + 1]) : 3321;
  if (!args.includes('--pglite-only')) await runOn('postgres', communes);
  if (!args.includes('--pg-only')) await runOn('pglite', communes);
}
