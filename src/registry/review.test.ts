// The annual review's bulk path (the poverty rule compiled to SQL, src/registry/law.ts) gives
// exactly the class and deprivation count of the law's own rule, classifyHousehold
// (src/law/poverty.ts, Decree 07/2021 Art. 3 for 2022–2026, Decree 351/2025 for 2027–2030), on
// a few thousand households that cover every branch: income at, just above and just below each
// threshold and band (rural and urban), missing income, missing or non-boolean deprivation
// values, the indicators new in 2027, years outside 2022–2030, and a province override.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { classifyHousehold, type PovertyClass } from '../law/poverty.ts';
import { ALL_INDICATOR_KEYS, LAW_PARAMETERS, provinceOverride, withVersions, type ParamSet } from '../law/parameters.ts';
import { enqueueJob, getJob, runJob } from '../jobs/runner.ts';
import { communeByCode, type Commune } from './store.ts';
import { householdFacts, povertyRuleSql, type HouseholdFactsRow } from './law.ts';
import { rng } from './synthetic.ts';

let db: Db;
let commune: Commune;
let other: Commune;
const YEARS = [2021, 2022, 2024, 2026, 2027, 2030, 2031];

/** Incomes around every threshold and band edge of 2022–2030 (rural and urban). */
const EDGES = [
  0, 1_499_999, 1_500_000, 1_500_001, 1_999_999, 2_000_000, 2_000_001, 2_199_999, 2_200_000, 2_200_001, 2_249_999, 2_250_000, 2_250_001, 2_799_999, 2_800_000,
  2_800_001, 2_999_999, 3_000_000, 3_000_001, 5_000_000,
];

function households(n: number, seed: number): { area: 'rural' | 'urban'; income: number | null; deprivations: Record<string, unknown> }[] {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const income = r() < 0.06 ? null : r() < 0.5 ? EDGES[Math.floor(r() * EDGES.length)]! : Math.round(r() * 40) * 100_000;
    const deprivations: Record<string, unknown> = {};
    const shape = r();
    for (const k of ALL_INDICATOR_KEYS) {
      const x = r();
      if (shape < 0.1) continue; // nothing surveyed
      if (shape < 0.7)
        deprivations[k] = x < 0.3; // every indicator given
      else if (x < 0.15)
        continue; // some missing
      else deprivations[k] = x < 0.2 ? 'yes' : x < 0.25 ? null : x < 0.3 ? 1 : x < 0.65; // some not booleans
    }
    out.push({ area: r() < 0.7 ? ('rural' as const) : ('urban' as const), income, deprivations });
  }
  // Poor/near-poor/unknown boundaries on the number of deprivations: 2, 3, and 2 + 1 unknown.
  const only = (keys: string[], extra: Record<string, unknown> = {}) => ({
    ...Object.fromEntries(ALL_INDICATOR_KEYS.map((k) => [k, keys.includes(k)])),
    ...extra,
  });
  for (const income of [1_000_000, 1_500_000, 2_200_000]) {
    for (const area of ['rural', 'urban'] as const) {
      out.push({ area, income, deprivations: only(['water', 'sanitation']) });
      out.push({ area, income, deprivations: only(['water', 'sanitation', 'telecom']) });
      out.push({ area, income, deprivations: only(['water', 'sanitation'], { telecom: undefined, waste: 'x' }) });
      out.push({ area, income, deprivations: only(['water', 'sanitation', 'waste']) });
      out.push({ area, income, deprivations: only(['water', 'digital_services', 'waste']) });
    }
  }
  return out;
}

before(async () => {
  db = await testDb();
  commune = (await communeByCode(db.k, '03439'))!;
  const o = await sql<{ id: number; province_code: string }>`select c.id, p.code as province_code from units c join units p on p.id = c.parent_id
    where c.level = 'commune' and c.valid_to is null and p.level = 'province' and p.code <> ${commune.provinceCode} order by c.code limit 1`.execute(db.k);
  other = { id: o.rows[0]!.id, code: '', name: '', provinceCode: o.rows[0]!.province_code };
  const hs = households(3000, 7);
  for (const [i, part] of [hs.slice(0, 2000), hs.slice(2000)].entries()) {
    const u = i === 0 ? commune : other;
    await sql`insert into households (province_code, unit_id, code, address, area, income_per_month, deprivations)
      select ${u.provinceCode}, ${u.id}, 'RV' || x.n, '', x.a, x.i, x.d::jsonb
      from unnest(${part.map((h) => h.area)}::text[], ${part.map((h) => h.income)}::int[], ${part.map((h) => JSON.stringify(h.deprivations))}::text[]) with ordinality as x(a, i, d, n)`.execute(
      db.k,
    );
  }
});
after(async () => db.close());

async function rows(): Promise<(HouseholdFactsRow & { id: number; unit_id: number; version: number })[]> {
  return (
    await sql<
      HouseholdFactsRow & { id: number; unit_id: number; version: number }
    >`select id, unit_id, version, area, income_per_month, deprivations, province_code from households order by id`.execute(db.k)
  ).rows;
}

async function sqlClasses(year: number, params: ParamSet): Promise<Map<number, [PovertyClass, number]>> {
  const rule = povertyRuleSql(year, params);
  const r = await sql<{ id: number; cls: PovertyClass; dep: number }>`select x.id, ${rule.cls} as cls, ${rule.deprivationCount} as dep
    from (select h.id, h.area, h.income_per_month, h.deprivations, h.province_code, ${rule.counts} from households h) x`.execute(db.k);
  return new Map(r.rows.map((x) => [x.id, [x.cls, x.dep]]));
}

function compare(hs: Awaited<ReturnType<typeof rows>>, got: Map<number, [PovertyClass, number]>, year: number, params: ParamSet): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const h of hs) {
    const want = classifyHousehold(householdFacts(h), year, params);
    assert.deepEqual(got.get(h.id), [want.class, want.deprivations.length], `household ${h.id} (${JSON.stringify(h)}) in ${year}`);
    seen[want.class] = (seen[want.class] ?? 0) + 1;
  }
  return seen;
}

test('the poverty rule compiled to SQL classifies every household as classifyHousehold does, 2021–2031', async () => {
  const hs = await rows();
  assert.ok(hs.length > 3000);
  for (const year of YEARS) {
    const seen = compare(hs, await sqlClasses(year, LAW_PARAMETERS), year, LAW_PARAMETERS);
    if (year >= 2022 && year <= 2026) for (const c of ['poor', 'near_poor', 'average', 'none', 'unknown']) assert.ok(seen[c]! > 0, `${year}: some ${c}`);
    if (year === 2021 || year === 2031) assert.deepEqual(Object.keys(seen), ['unknown'], 'no standard outside 2022–2030');
    // 2027–2030: the average-living band is not confirmed, so above the threshold is unknown.
    if (year === 2027) assert.equal(seen.average, undefined);
  }
});

test("a province override (People's Council resolution) applies to its province only, in SQL as in the rule", async () => {
  const params = withVersions(
    LAW_PARAMETERS,
    provinceOverride('poverty.income.rural', commune.provinceCode, 1_800_000, '2026-01-01', '2026-12-31', 'Nghị quyết thử nghiệm'),
    provinceOverride('poverty.average.urban.max', other.provinceCode, 3_500_000, '2024-01-01', null, 'Nghị quyết thử nghiệm 2'),
  );
  const hs = await rows();
  for (const year of [2025, 2026, 2027]) compare(hs, await sqlClasses(year, params), year, params);
  const base = await sqlClasses(2026, LAW_PARAMETERS);
  const over = await sqlClasses(2026, params);
  const changed = hs.filter((h) => base.get(h.id)![0] !== over.get(h.id)![0]);
  const where = new Set(changed.map((h) => `${h.unit_id === commune.id ? 'first' : 'second'} province, ${h.area}`));
  assert.deepEqual([...where].sort(), ['first province, rural', 'second province, urban'], 'only the overridden parameter of each province changes anything');
});

test('the review job stores for each household of the commune the class and count of classifyHousehold, and only for that commune', async () => {
  for (const year of [2026, 2027]) {
    const id = await enqueueJob(db.k, 'annual_review', { year, unitId: commune.id }, { unitId: commune.id });
    const job = await runJob(db, id);
    assert.equal(job.state, 'done');
    const stored = await sql<{ household_id: number; class: PovertyClass; deprivation_count: number; household_version: number; unit_id: number }>`
      select household_id, class, deprivation_count, household_version, unit_id from household_classifications where year = ${year}`.execute(db.k);
    const hs = (await rows()).filter((h) => h.unit_id === commune.id);
    assert.equal(stored.rows.length, hs.length);
    const by = new Map(stored.rows.map((s) => [s.household_id, s]));
    const counts: Record<string, number> = {};
    for (const h of hs) {
      const want = classifyHousehold(householdFacts(h), year);
      const s = by.get(h.id)!;
      assert.deepEqual([s.class, s.deprivation_count, s.household_version, s.unit_id], [want.class, want.deprivations.length, h.version, commune.id]);
      counts[want.class] = (counts[want.class] ?? 0) + 1;
    }
    assert.deepEqual((await getJob(db.k, id))!.result, { year, counts: Object.fromEntries(Object.entries(counts).sort()) });
    const left = await sql<{ n: number }>`select count(*)::int as n from review_staging where job_id = ${id}`.execute(db.k);
    assert.equal(left.rows[0]!.n, 0, 'staging emptied when applied');
  }
});
