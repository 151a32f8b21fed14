// Merit payroll benchmark (issue 12 "Done means"): the monthly merit payroll of a province with
// N merit profiles (default 60,000) over a synthetic registry, on PostgreSQL and PGlite, printed
// next to its floor measured in the same run: COPY out of the rows the payroll reads (profiles with
// their persons, earlier merit lines, payment channels) and COPY in of the lines it writes.
// Goal: ≤ 3× the bare floor. The profiles mix the categories whose levels are verified (relatives
// of one and two martyrs, war invalids 21–100%, sick soldiers 41–100%); most start in the payroll
// month, one in ten two months earlier (arrears).
// Two ways, timed in the same run against the same floor: commune by commune (one call a commune,
// as the commune's route does) and the province in one pass (generateMeritPayrolls).
//   npm run bench -- merit [--profiles=60000] [--repeat=3] [--no-pglite] [--no-pg]
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/reference.ts';
import { bulkInsertRegistry, generateRegistry, type SynthUnit } from '../src/registry/synthetic.ts';
import { generateMeritPayroll, generateMeritPayrolls } from '../src/payments/merit.ts';
import { arg, onBothBackends, secs } from './lib.ts';
import { copyFloor, measured, report, timed } from './registry.ts';

const MONTH = 202611;

async function setup(db: Db, profiles: number): Promise<number[]> {
  await migrate(db);
  await loadReferenceData(db);
  // One province: its communes in force (Lai Châu, code 12, the demo's province).
  const communes = await sql<{ id: number; code: string; province_code: string }>`
    select c.id, c.code, p.code as province_code from units c join units p on p.id = c.parent_id
    where c.level = 'commune' and c.valid_to is null and p.level = 'province' and p.code = '12' order by c.code`.execute(db.k);
  const units: SynthUnit[] = communes.rows.map((c) => ({ unitId: c.id, provinceCode: c.province_code, villageIds: [], codePrefix: `${c.code}-` }));
  const data = generateRegistry(12, Math.round((profiles * 1.3) / 3.67), units);
  await bulkInsertRegistry(db.k, data, { by: 'bench', reason: 'synthetic' });
  await sql`insert into merit_profiles (province_code, unit_id, person_id, category, facts, decision_number, decision_date, decision_body, start_month)
    select province_code, unit_id, id,
      (array['relative','relative','war_invalid','sick_soldier'])[1 + id % 4],
      case id % 4
        when 0 then '{"relativeOf":"martyr","martyrs":[{"relation":"mother"}]}'::jsonb
        when 1 then '{"relativeOf":"martyr","martyrs":[{"relation":"mother"},{"relation":"mother"}]}'::jsonb
        when 2 then jsonb_build_object('injuryRate', 21 + id % 80, 'invalidType', 'invalid')
        else jsonb_build_object('injuryRate', 41 + id % 60) end,
      'B' || id, date '2021-06-20', 'Sở Lao động - Thương binh và Xã hội', case when id % 10 = 0 then '2026-09' else '2026-11' end
    from (select id, unit_id, province_code from persons where death_date is null order by id limit ${profiles}) p`.execute(db.k);
  await sql`vacuum analyze`.execute(db.k);
  const n = await sql<{ p: number; m: number }>`select (select count(*)::int from persons) as p, (select count(*)::int from merit_profiles) as m`.execute(db.k);
  console.log(
    `  registry: ${n.rows[0]!.p.toLocaleString('en')} persons, ${n.rows[0]!.m.toLocaleString('en')} merit profiles in ${units.length} communes of Lai Châu`,
  );
  return units.map((u) => u.unitId);
}

async function runOn(db: Db, label: string, profiles: number, repeat: number): Promise<void> {
  console.log(`\n-- ${label}`);
  const [units, tSetup] = await timed(() => setup(db, profiles));
  console.log(`  setup (generate + insert): ${secs(tSetup)}`);
  const ids = 'select person_id from merit_profiles';
  const floor = () =>
    copyFloor(
      db,
      [
        `select m.id, m.person_id, m.category, m.facts, m.start_month, m.end_month, p.death_date from merit_profiles m join persons p on p.id = m.person_id`,
        `select l.person_id, i.month from payroll_lines l cross join unnest(l.items) i join payrolls pr on pr.id = l.payroll_id
            where pr.programme = 'merit' and pr.month <> ${MONTH} and l.person_id in (${ids})`,
        `select person_id, channel, account from benefit_decisions where person_id in (${ids})`,
      ],
      ['payroll_lines'],
    );
  const reset = () => sql`truncate payroll_lines, payrolls restart identity`.execute(db.k);
  const lines = async (): Promise<string> => {
    const pl = await sql<{ n: number; t: number; i: number }>`select count(*)::int as n, coalesce(sum(total), 0)::bigint as t,
      coalesce(sum(cardinality(items)), 0)::int as i from payroll_lines`.execute(db.k);
    return `   ${pl.rows[0]!.n.toLocaleString('en')} lines, ${pl.rows[0]!.i.toLocaleString('en')} items, ${Number(pl.rows[0]!.t).toLocaleString('en')} VND; goal ≤ 3×`;
  };
  const each = await measured(
    repeat,
    reset,
    () =>
      db.k.transaction().execute(async (tx) => {
        for (const u of units) await generateMeritPayroll(tx, u, MONTH, 'bench');
      }),
    floor,
  );
  report('merit, by commune:', each, await lines());
  const once = await measured(repeat, reset, () => generateMeritPayrolls(db.k, units, MONTH, 'bench'), floor);
  report('merit, province pass:', once, await lines());
}

export async function run(): Promise<void> {
  const profiles = Number(arg('profiles', '60000'));
  const repeat = Math.max(1, Number(arg('repeat', '3')));
  await onBothBackends('ansinh_bench_merit', (db, backend) => runOn(db, `${backend}, ${profiles.toLocaleString('en')} profiles`, profiles, repeat));
}
