// Registry benchmark (issue 6 part 12): a deterministic synthetic registry of N persons
// (default 1,000,000) spread over communes; the annual review, one month's payroll (law-engine
// entitlements of every beneficiary, arrears, lines and items) and duplicate detection, on
// PostgreSQL and PGlite. Each is printed next to its floor: COPY out of the same input rows and
// COPY in of the same output rows, measured in the same run.
//   npm run bench -- registry [--persons=200000] [--repeat=3] [--no-pglite] [--no-pg]
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/reference.ts';
import { bulkInsertRegistry, generateRegistry, type SynthUnit } from '../src/registry/synthetic.ts';
import { enqueueJob, runJob } from '../src/jobs/runner.ts';
import { generatePayrolls } from '../src/payments/store.ts';
import { registerJobHandlers } from '../src/job-handlers.ts';
import { DUPLICATE_SIMILARITY } from '../src/registry/integrity.ts';
import { arg, median, onBothBackends, secs } from './lib.ts';

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/**
 * The floor: COPY out of `outs` (queries: the rows the work reads) and COPY in of the rows of
 * `ins` (tables: the rows the work wrote) into a copy of each table with the same indexes,
 * constraints, foreign keys and triggers (`full`), and into a bare copy (columns only, `bare`).
 */
export async function copyFloor(db: Db, outs: string[], ins: string[]): Promise<{ full: number; bare: number }> {
  let out = 0;
  for (const [i, q] of outs.entries()) {
    if (db.pglite) {
      const [, t] = await timed(() => db.pglite!.query(`copy (${q}) to '/dev/blob'`));
      out += t;
    } else {
      const [, t] = await timed(() => sql.raw(`copy (${q}) to '/tmp/ansinh-bench-out-${i}.csv'`).execute(db.k));
      out += t;
    }
  }
  const into = async (table: string, target: string): Promise<number> => {
    if (db.pglite) {
      const o = await db.pglite.query(`copy ${table} to '/dev/blob'`);
      return (await timed(() => db.pglite!.query(`copy ${target} from '/dev/blob'`, [], { blob: o.blob! })))[1];
    }
    await sql.raw(`copy ${table} to '/tmp/ansinh-bench-in.csv'`).execute(db.k);
    return (await timed(() => sql.raw(`copy ${target} from '/tmp/ansinh-bench-in.csv'`).execute(db.k)))[1];
  };
  let full = 0;
  let bare = 0;
  for (const table of ins) {
    await sql.raw(`drop table if exists bench_copy; create table bench_copy (like ${table} including all)`).execute(db.k);
    const fks = await sql<{
      def: string;
    }>`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${table}::regclass and contype = 'f'`.execute(db.k);
    for (const [j, fk] of fks.rows.entries()) await sql.raw(`alter table bench_copy add constraint bench_copy_fk${j} ${fk.def}`).execute(db.k);
    // and its triggers (the set-based reference checks of migration 068)
    const triggers = await sql<{
      def: string;
    }>`select pg_get_triggerdef(oid) as def from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal`.execute(db.k);
    for (const t of triggers.rows)
      await sql.raw(t.def.replace(/^CREATE TRIGGER (\w+)/, 'CREATE TRIGGER bench_$1').replace(/ ON (public\.)?\w+ /, ' ON bench_copy ')).execute(db.k);
    full += await into(table, 'bench_copy');
    await sql.raw(`drop table bench_copy; create table bench_copy (like ${table})`).execute(db.k);
    bare += await into(table, 'bench_copy');
    await sql.raw(`drop table bench_copy`).execute(db.k);
  }
  return { full: out + full, bare: out + bare };
}

/**
 * A step and its floor, `repeat` times, each run from the same state (`reset`, untimed, before
 * each): the machine's noise moves single runs by a third, so the median of each is printed,
 * with the range of the bare-floor ratios of the runs.
 */
export async function measured(
  repeat: number,
  reset: () => Promise<unknown>,
  step: () => Promise<unknown>,
  floor: () => Promise<{ full: number; bare: number }>,
): Promise<{ ms: number; floor: { full: number; bare: number }; ratios: number[] }> {
  const ms: number[] = [];
  const full: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < repeat; i++) {
    await reset();
    ms.push((await timed(step))[1]);
    const f = await floor();
    full.push(f.full);
    bare.push(f.bare);
  }
  return { ms: median(ms), floor: { full: median(full), bare: median(bare) }, ratios: ms.map((m, i) => m / bare[i]!) };
}

export function report(label: string, m: { ms: number; floor: { full: number; bare: number }; ratios: number[] }, extra = ''): void {
  const range = m.ratios.length > 1 ? `; ${m.ratios.length} runs, bare ratios ${Math.min(...m.ratios).toFixed(2)}–${Math.max(...m.ratios).toFixed(2)}` : '';
  console.log(
    `  ${label.padEnd(21)} ${secs(m.ms).padStart(8)}  bare floor ${secs(m.floor.bare).padStart(7)}  ratio ${(m.ms / m.floor.bare).toFixed(2).padStart(5)}   (floor into indexed tables ${secs(m.floor.full)}, ratio ${(m.ms / m.floor.full).toFixed(2)}${range})${extra}`,
  );
}

async function setup(db: Db, persons: number): Promise<{ units: number[] }> {
  await migrate(db);
  await loadReferenceData(db);
  const communes = await sql<{ id: number; code: string; province_code: string }>`
    select c.id, c.code, p.code as province_code from units c join units p on p.id = c.parent_id
    where c.level = 'commune' and c.valid_to is null and p.level = 'province' order by p.code, c.code limit 400`.execute(db.k);
  const units: SynthUnit[] = communes.rows.map((c) => ({ unitId: c.id, provinceCode: c.province_code, villageIds: [], codePrefix: `${c.code}-` }));
  const households = Math.round(persons / 3.67);
  const data = generateRegistry(1, households, units);
  for (let i = 0; i < data.households.length; i += 50_000) {
    const part = { households: data.households.slice(i, i + 50_000), persons: [] as typeof data.persons };
    const set = new Set<number>();
    for (let j = i; j < i + part.households.length; j++) set.add(j);
    part.persons = data.persons.filter((p) => set.has(p.hh)).map((p) => ({ ...p, hh: p.hh - i }));
    await bulkInsertRegistry(db.k, part, { by: 'bench', reason: 'synthetic' });
  }
  // Enrol the persons the law obviously covers (80+ without pension, severe disability): about 6%.
  await sql`insert into benefit_decisions (province_code, unit_id, person_id, number, decided_on, signer, kind, start_month, channel)
    select province_code, unit_id, id, 'B' || id, date '2026-09-01', 'bench', 'start', 202609, (array['bank','ewallet','post','cash'])[1 + id % 4]
    from persons where (date_of_birth <= date '1946-11-01' and not pension) or disability in ('severe', 'especially_severe')`.execute(db.k);
  // A settled database, as autovacuum leaves it after a bulk load (PGlite has no autovacuum).
  await sql`vacuum analyze`.execute(db.k);
  const n = await sql<{
    p: number;
    h: number;
    d: number;
  }>`select (select count(*)::int from persons) as p, (select count(*)::int from households) as h, (select count(*)::int from benefit_decisions) as d`.execute(
    db.k,
  );
  console.log(
    `  registry: ${n.rows[0]!.p.toLocaleString('en')} persons, ${n.rows[0]!.h.toLocaleString('en')} households, ${n.rows[0]!.d.toLocaleString('en')} beneficiaries in ${units.length} communes`,
  );
  return { units: units.map((u) => u.unitId) };
}

async function runOn(db: Db, label: string, persons: number, repeat: number): Promise<void> {
  console.log(`\n-- ${label}`);
  const [{ units }, tSetup] = await timed(() => setup(db, persons));
  console.log(`  setup (generate + insert): ${secs(tSetup)}`);

  // Each repetition from empty outputs (the review before the payroll: the payroll reads it).
  // The staging table's dead rows of the previous run are vacuumed first, as autovacuum would.
  const review = await measured(
    repeat,
    async () => {
      await sql`truncate household_classifications`.execute(db.k);
      await sql`vacuum review_staging`.execute(db.k);
    },
    async () => runJob(db, await enqueueJob(db.k, 'annual_review', { year: 2026, unitId: null })),
    () => copyFloor(db, ['select id, version, unit_id, area, income_per_month, deprivations, province_code from households'], ['household_classifications']),
  );
  report('annual review:', review);

  const beneficiaries = 'select person_id from benefit_decisions';
  const pay = await measured(
    repeat,
    () => sql`truncate payroll_lines, payrolls restart identity`.execute(db.k),
    () => db.k.transaction().execute((tx) => generatePayrolls(tx, units, 202611, 'bench')),
    () =>
      copyFloor(
        db,
        [
          `select p.id, p.unit_id, p.province_code, p.household_id, p.date_of_birth, p.death_date, p.disability, p.disability_certified_on, p.pension, p.schooling, p.conditions, h.disadvantaged_area
        from persons p join households h on h.id = p.household_id where p.id in (${beneficiaries})`,
          'select id, person_id, unit_id, province_code, kind, start_month, channel, account from benefit_decisions',
          `select household_id, year, class from household_classifications where household_id in (select household_id from persons where id in (${beneficiaries}))`,
          // children of single parents, and earlier payments of the same persons (none in this run)
          `select c.household_id, c.id, c.relation, c.date_of_birth, c.death_date from persons c where c.household_id in (select household_id from persons where id in (${beneficiaries}) and 'single_parent' = any(conditions))`,
          `select l.person_id, i.month, l.status from payroll_lines l cross join unnest(l.items) i join payrolls pr on pr.id = l.payroll_id
        where l.person_id in (${beneficiaries}) and pr.month <> 202611`,
        ],
        ['payroll_lines'],
      ),
  );
  const pl = await sql<{
    n: number;
    t: number;
    i: number;
  }>`select count(*)::int as n, coalesce(sum(total), 0)::bigint as t, coalesce(sum(cardinality(items)), 0)::int as i from payroll_lines`.execute(db.k);
  report(
    'payroll 11/2026:',
    pay,
    `   ${pl.rows[0]!.n.toLocaleString('en')} lines, ${pl.rows[0]!.i.toLocaleString('en')} items, ${Number(pl.rows[0]!.t).toLocaleString('en')} VND`,
  );

  const [dups, tDup] = await timed(() =>
    sql<{ n: number }>`with f as (
      select a.id, b.id as other from persons a join persons b on b.province_code = a.province_code and b.date_of_birth = a.date_of_birth and b.id > a.id
      where a.death_date is null and b.death_date is null and similarity(a.name_folded, b.name_folded) >= ${DUPLICATE_SIMILARITY})
    select count(*)::int as n from f`.execute(db.k),
  );
  const fDup = await copyFloor(db, ['select id, province_code, date_of_birth, name_folded, household_id from persons'], []);
  report('duplicate detection:', { ms: tDup, floor: fDup, ratios: [] }, `   ${dups.rows[0]!.n.toLocaleString('en')} candidate pairs; goal < 60 s`);
}

export async function run(): Promise<void> {
  registerJobHandlers(); // the annual review runs as its job (src/job-handlers.ts)
  const persons = Number(arg('persons', '1000000'));
  const repeat = Math.max(1, Number(arg('repeat', '3')));
  await onBothBackends('ansinh_bench_registry', (db, backend) => runOn(db, `${backend}, ${persons.toLocaleString('en')} persons`, persons, repeat));
}
