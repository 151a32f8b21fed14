// The payroll's bulk path (src/payments/due.ts: months owed and facts in SQL, the law once per
// distinct facts, lines and items by INSERT ... SELECT) gives exactly the lines, items, amounts,
// categories and coefficients of the reference: the pure rules applied person by person and
// month by month (enrolledMonths and buildLine of payments/model.ts, personFacts with the full
// date of birth and the household's members, entitlementInMonth of src/law). On a synthetic
// registry of two communes plus edge cases: turning 75 and 80 inside the months paid, a
// disability certified mid-way, deaths, single parents whose child turns 16 (born on the 1st or
// the 2nd), a 29 February birth, decisions before the 1/7/2024 change (360,000 → 500,000 VND),
// changes, stops and restarts, a returned payment owed again, households with no review, and
// the 2026/2027 switch of the poverty standard (Decree 351/2025).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { entitlementInMonth } from '../law/assistance.ts';
import type { PovertyClass } from '../law/poverty.ts';
import { enqueueJob, runJob } from '../jobs/runner.ts';
import * as reg from '../registry/store.ts';
import { householdContext, personFacts, toLawMonth, type PersonFactsRow } from '../registry/law.ts';
import type { HouseholdInput, PaymentChannel, PersonInput } from '../registry/model.ts';
import type { MonthNumber as Month } from '../kernel/month.ts';
import { bulkInsertRegistry, generateRegistry, rng } from '../registry/synthetic.ts';
import { buildLine, enrolledMonths, type DecisionEvent, type PayrollLine } from './model.ts';
import * as pay from './store.ts';
import { enqueuePayroll } from './payroll-job.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let db: Db;
let c1: reg.Commune;
let c2: reg.Commune;
const meta = { by: 'test', reason: 'kiểm thử' };

// ---- the reference: the rules person by person, no SQL beyond reading the rows ------------

interface Row extends PersonFactsRow {
  household_id: number;
  unit_id: number;
  province_code: string;
  disadvantaged_area: boolean;
}

async function reference(unitIds: readonly number[], month: Month): Promise<PayrollLine[]> {
  const units = `{${unitIds.join(',')}}`;
  const persons = (
    await sql<Row>`select p.id, p.full_name, p.date_of_birth, p.death_date, p.relation, p.disability, p.disability_certified_on, p.pension, p.schooling, p.conditions,
      p.household_id, p.unit_id, p.province_code, h.disadvantaged_area
    from persons p join households h on h.id = p.household_id where p.id in (select person_id from benefit_decisions where unit_id = any(${units}::int[])) order by p.id`.execute(
      db.k,
    )
  ).rows;
  const out: PayrollLine[] = [];
  for (const p of persons) {
    const decisions = (
      await sql<{ id: number; kind: 'start' | 'change' | 'stop'; start_month: number; channel: PaymentChannel | null; account: string | null }>`
      select id, kind, start_month, channel, account from benefit_decisions where person_id = ${p.id}`.execute(db.k)
    ).rows;
    const paid = (
      await sql<{ for_month: number }>`select i.month as for_month from payroll_lines l cross join unnest(l.items) i
      join payrolls pr on pr.id = l.payroll_id where l.person_id = ${p.id} and l.status in ('pending', 'paid') and pr.month <> ${month}`.execute(db.k)
    ).rows;
    const members = (
      await sql<PersonFactsRow>`select id, full_name, date_of_birth, death_date, relation, disability, disability_certified_on, pension, schooling, conditions
      from persons where household_id = ${p.household_id}`.execute(db.k)
    ).rows;
    const classes = (
      await sql<{ year: number; class: PovertyClass }>`select year, class from household_classifications where household_id = ${p.household_id}`.execute(db.k)
    ).rows;
    const classFor = (year: number) => classes.filter((c) => c.year <= year).sort((a, b) => b.year - a.year)[0]?.class ?? null;
    const events: DecisionEvent[] = decisions.map((d) => ({ id: d.id, kind: d.kind, startMonth: d.start_month, channel: d.channel, account: d.account }));
    const enrolled = enrolledMonths(events, month);
    const line = buildLine(p.id, month, enrolled, new Set(paid.map((x) => x.for_month)), p.death_date, (m) => {
      const facts = personFacts(p, { decisionMonth: enrolled.get(m)!.startMonth, household: members, month: m });
      const e = entitlementInMonth(facts, householdContext(p, classFor(Math.floor(m / 100))), toLawMonth(m));
      const payable = e.benefits.filter((b) => b.status === 'payable');
      return {
        amount: e.incomplete && payable.length === 0 ? null : e.monthlyTotal,
        category: payable.map((b) => b.category).join('+') || null,
        coefficientTenths: payable.reduce((s, b) => s + (b.coefficient ?? 0), 0) || null,
      };
    });
    if (line) out.push(line);
  }
  return out;
}

const norm = (lines: readonly PayrollLine[]) =>
  lines
    .map((l) => ({
      personId: l.personId,
      decisionId: l.decisionId,
      channel: l.channel,
      account: l.account,
      current: l.current,
      arrears: l.arrears,
      total: l.total,
      items: l.items.map((i) => [i.month, i.amount, i.category, i.coefficientTenths]),
      unknownMonths: [...l.unknownMonths],
    }))
    .sort((a, b) => a.personId - b.personId);

/** The lines and items as written in the month's payrolls of these communes. */
async function written(unitIds: readonly number[], month: Month) {
  const ids = `{${unitIds.join(',')}}`;
  const lines = await sql<{
    person_id: number;
    decision_id: number;
    channel: PaymentChannel;
    account: string | null;
    current_amount: number;
    arrears: number;
    total: number;
    unit_id: number;
  }>`
    select l.person_id, l.decision_id, l.channel, l.account, l.current_amount, l.arrears, l.total, l.unit_id from payroll_lines l join payrolls pr on pr.id = l.payroll_id
    where pr.unit_id = any(${ids}::int[]) and pr.month = ${month} order by l.person_id`.execute(db.k);
  const items = await sql<{ person_id: number; for_month: number; amount: number; category: string | null; coefficient_tenths: number | null }>`
    select l.person_id, i.month as for_month, i.amount, i.category, i.coefficient_tenths from payroll_lines l cross join unnest(l.items) i join payrolls pr on pr.id = l.payroll_id
    where pr.unit_id = any(${ids}::int[]) and pr.month = ${month} order by l.person_id, i.month`.execute(db.k);
  return lines.rows.map((l) => ({
    personId: l.person_id,
    decisionId: l.decision_id,
    channel: l.channel,
    account: l.account,
    current: l.current_amount,
    arrears: l.arrears,
    total: l.total,
    items: items.rows.filter((i) => i.person_id === l.person_id).map((i) => [i.for_month, i.amount, i.category, i.coefficient_tenths]),
    unknownMonths: [] as number[],
  }));
}

// ---- the registry -----------------------------------------------------------------------

const hh = (code: string, over: Partial<HouseholdInput> = {}): HouseholdInput => ({
  code,
  villageId: null,
  address: '',
  area: 'rural',
  incomePerMonth: 1_000_000,
  deprivations: { water: true, sanitation: true, telecom: true },
  disadvantagedArea: true,
  merit: false,
  ...over,
});
const pp = (over: Partial<PersonInput>): PersonInput => registryPerson({ fullName: 'Người Thử', dateOfBirth: '1950-01-01', sex: 'F', ...over });

before(async () => {
  db = await testDb();
  c1 = (await reg.communeByCode(db.k, '03439'))!;
  const o = await sql<{
    id: number;
  }>`select c.id from units c join units p on p.id = c.parent_id where c.level = 'commune' and c.valid_to is null and p.level = 'province'
    and c.id <> ${c1.id} order by c.code limit 1`.execute(db.k);
  c2 = (await reg.communeById(db.k, o.rows[0]!.id))!;
  const data = generateRegistry(
    11,
    900,
    [c1, c2].map((c) => ({ unitId: c.id, provinceCode: c.provinceCode, villageIds: [], codePrefix: `T${c.code}-` })),
  );
  await bulkInsertRegistry(db.k, data, meta);
  // Edge cases, in the first commune.
  const edge: [Partial<HouseholdInput>, Partial<PersonInput>[]][] = [
    [{}, [{ dateOfBirth: '1946-10-15' }]], // turns 80 in 10/2026 (Art. 5 cl. 5c from that month)
    [{}, [{ dateOfBirth: '1946-12-01' }]], // turns 80 in 12/2026
    [{}, [{ dateOfBirth: '1951-11-30' }]], // turns 75 in 11/2026 (cl. 5b, and the social pension)
    [{}, [{ dateOfBirth: '1944-02-29' }]], // born on 29 February
    [{}, [{ dateOfBirth: '1946-09-20', deathDate: '2026-10-10' }]], // turns 80 in 9/2026, dies in 10/2026
    [{}, [{ dateOfBirth: '1940-05-05', deathDate: '2024-06-30' }]], // dies before the 1/7/2024 change
    [{}, [{ dateOfBirth: '1990-06-01', disability: 'severe', disabilityCertifiedOn: '2026-10-20' }]], // certified mid-way
    [{}, [{ dateOfBirth: '2024-03-03', disability: 'especially_severe', disabilityCertifiedOn: '2024-06-01', relation: 'child' }]],
    [
      {},
      [
        { dateOfBirth: '1988-04-04', conditions: ['single_parent'] },
        { dateOfBirth: '2010-10-01', relation: 'child' },
        { dateOfBirth: '2010-11-02', relation: 'child' },
        { dateOfBirth: '2008-02-29', relation: 'child' },
        { dateOfBirth: '2015-01-01', relation: 'child', deathDate: '2026-12-31' },
      ],
    ],
    [
      { incomePerMonth: 2_000_000 },
      [
        { dateOfBirth: '1985-01-01', conditions: ['single_parent'], disability: 'severe', disabilityCertifiedOn: '2020-01-01' },
        { dateOfBirth: '2012-06-15', relation: 'child' },
      ],
    ],
    [{}, [{ dateOfBirth: '1980-01-01', conditions: ['hiv', 'no_stable_income'] }]],
    [{}, [{ dateOfBirth: '1955-03-03', conditions: ['no_support', 'community_care'] }]],
    [{}, [{ dateOfBirth: '2012-08-08', conditions: ['no_support'], relation: 'child' }]],
    [{}, [{ dateOfBirth: '2008-03-03', conditions: ['no_support'], schooling: 'upper_secondary', relation: 'child' }]],
    [{ incomePerMonth: 2_100_000 }, [{ dateOfBirth: '1953-07-07' }]], // near the 2027 rural threshold (2,200,000): class changes in 2027
    [{ incomePerMonth: 2_100_000, deprivations: {} }, [{ dateOfBirth: '2025-01-01', relation: 'child' }]], // under 3 (cl. 5.7), class unknown in 2027
    [{}, [{ dateOfBirth: '1944-01-01', pension: true }]],
  ];
  for (const [i, [h, ps]] of edge.entries()) await reg.registerHousehold(db.k, c1, hh(`EDGE${i}`, h), ps.map(pp), meta);
  // Enrolment: the persons the law may cover, and a sample of others, with varied histories.
  const candidates = (
    await sql<{
      id: number;
      unit_id: number;
    }>`select id, unit_id from persons where (date_of_birth <= '1956-12-31' or disability in ('severe', 'especially_severe')
    or conditions <> '{}' or date_of_birth >= '2023-06-01' or id % 23 = 0) and household_id not in (select id from households where code like 'EDGE%') order by id`.execute(
      db.k,
    )
  ).rows;
  const edges = (
    await sql<{
      id: number;
      unit_id: number;
    }>`select id, unit_id from persons where household_id in (select id from households where code like 'EDGE%') order by id`.execute(db.k)
  ).rows;
  const r = rng(3);
  const channels = ['bank', 'ewallet', 'post', 'cash', null];
  let n = 0;
  const decide = async (p: { id: number; unit_id: number }, kind: string, start: number, channel: string | null) => {
    await sql`insert into benefit_decisions (province_code, unit_id, person_id, number, decided_on, signer, kind, start_month, channel, account)
      select province_code, ${p.unit_id}, id, ${`T${++n}`}, date '2024-01-01', 'test', ${kind}, ${start}, ${channel}, ${channel === 'bank' ? `ACC${p.id}` : null} from persons where id = ${p.id}`.execute(
      db.k,
    );
  };
  for (const p of candidates) {
    const x = r();
    const ch = channels[Math.floor(r() * channels.length)]!;
    if (x < 0.3)
      await decide(p, 'start', 202405, ch); // before the 1/7/2024 change
    else if (x < 0.5) await decide(p, 'start', 202609, ch);
    else if (x < 0.6) {
      await decide(p, 'start', 202405, ch);
      await decide(p, 'change', 202610, 'bank');
    } else if (x < 0.67) {
      await decide(p, 'start', 202405, ch);
      await decide(p, 'stop', 202609, null);
    } else if (x < 0.72) {
      await decide(p, 'start', 202601, ch);
      await decide(p, 'stop', 202607, null);
      await decide(p, 'start', 202610, ch);
    } else if (x < 0.75) {
      await decide(p, 'start', 202610, ch);
      await decide(p, 'change', 202610, 'post');
    } // same month: the later decision governs
    else if (x < 0.78)
      await decide(p, 'start', 202612, ch); // after November
    else if (x < 0.8)
      await decide(p, 'stop', 202601, null); // a stop alone
    else await decide(p, 'start', 202611, ch);
  }
  for (const p of edges) await decide(p, 'start', 202405, 'bank');
  // A change recorded after the death: the months after death are not owed, so the line keeps
  // the decision of the month of death.
  const died = (
    await sql<{ id: number; unit_id: number }>`select id, unit_id from persons where date_of_birth = '1946-09-20' and death_date is not null`.execute(db.k)
  ).rows[0]!;
  await decide(died, 'change', 202611, 'post');
  // Reviews: 2024 and 2026 for all, 2027 run later; then some households lose their 2026 review
  // (2024 applies), some lose both (poverty unknown).
  for (const year of [2024, 2026]) await runJob(db, await enqueueJob(db.k, 'annual_review', { year, unitId: null }));
  await sql`delete from household_classifications where year = 2026 and household_id % 7 = 0`.execute(db.k);
  await sql`delete from household_classifications where household_id % 11 = 0`.execute(db.k);
});
after(async () => db.close());

test('08/2024 (first month at 500,000 VND, arrears at 360,000 VND from 05/2024): the bulk path equals the rules person by person', async () => {
  const want = norm(await reference([c1.id], 202408));
  assert.ok(want.length > 50, `${want.length} lines`);
  assert.ok(want.some((l) => l.items.some((i) => i[1] === 360_000)) && want.some((l) => l.items.some((i) => i[1] === 500_000)), 'both standard levels appear');
  assert.deepEqual(norm((await pay.computePayrollLines(db.k, c1.id, 202408)).lines), want);
  const s = await pay.generatePayroll(db.k, c1.id, 202408, 'test');
  assert.deepEqual(
    await written([c1.id], 202408),
    want.filter((l) => l.total > 0).map((l) => ({ ...l, unknownMonths: [] })),
  );
  assert.deepEqual(
    s.unknown,
    want.filter((l) => l.unknownMonths.length).map((l) => ({ personId: l.personId, months: l.unknownMonths })),
  );
  assert.deepEqual(
    [s.lines, s.total, s.arrears],
    [want.filter((l) => l.total > 0).length, want.reduce((t, l) => t + l.total, 0), want.reduce((t, l) => t + l.arrears, 0)],
  );
});

test('11/2026 for two communes after a returned and a failed payment: generatePayrolls equals the rules person by person', async () => {
  const aug = (await pay.payrollsOf(db.k, c1.id)).find((p) => p.month === 202408)!;
  await sql`update payroll_lines set status = case when person_id % 3 = 0 then 'returned' when person_id % 3 = 1 then 'failed' else 'paid' end where payroll_id = ${aug.id} and person_id % 2 = 0`.execute(
    db.k,
  );
  const want = norm(await reference([c1.id, c2.id], 202611));
  assert.ok(want.length > 300, `${want.length} lines`);
  assert.ok(
    want.some((l) => l.items.some((i) => i[0] === 202408)),
    'months returned or failed in 08/2024 are owed again',
  );
  assert.ok(
    want.some((l) => l.unknownMonths.length > 0),
    'some months cannot be determined (no review)',
  );
  assert.deepEqual(norm((await pay.computePayrollLines(db.k, [c1.id, c2.id], 202611)).lines), want);
  const r = await pay.generatePayrolls(db.k, [c1.id, c2.id], 202611, 'test');
  const payable = want.filter((l) => l.total > 0);
  assert.deepEqual(
    await written([c1.id, c2.id], 202611),
    payable.map((l) => ({ ...l, unknownMonths: [] })),
  );
  assert.deepEqual(r, { lines: payable.length, total: payable.reduce((t, l) => t + l.total, 0) });
  const totals = await sql<{
    lines: number;
    total: string;
  }>`select sum(lines)::int as lines, sum(total)::text as total from payrolls where month = 202611`.execute(db.k);
  assert.deepEqual([totals.rows[0]!.lines, Number(totals.rows[0]!.total)], [r.lines, r.total]);
});

test('02/2027, across the switch to the 2027–2030 poverty standard: the bulk path and the job equal the rules person by person', async () => {
  await runJob(db, await enqueueJob(db.k, 'annual_review', { year: 2027, unitId: null }));
  const want = norm(await reference([c1.id, c2.id], 202702));
  assert.ok(want.some((l) => l.items.some((i) => i[0] === 202612)) && want.some((l) => l.items.some((i) => i[0] === 202702)));
  assert.deepEqual(norm((await pay.computePayrollLines(db.k, [c1.id, c2.id], 202702)).lines), want);
  // In chunks of a few persons, as the job walks a province.
  const chunks: PayrollLine[] = [];
  for (let after = 0; ;) {
    const r = await pay.computePayrollLines(db.k, [c1.id, c2.id], 202702, after, 97);
    chunks.push(...r.lines);
    if (r.count < 97) break;
    after = r.last;
  }
  assert.deepEqual(norm(chunks), want);
  const job = await runJob(db, await enqueueJob(db.k, 'payroll', { month: 202702, unitIds: [c1.id, c2.id] }));
  const payable = want.filter((l) => l.total > 0);
  assert.deepEqual(job.result, {
    payrollId: null,
    month: 202702,
    communes: 2,
    lines: payable.length,
    total: payable.reduce((t, l) => t + l.total, 0),
    arrears: payable.reduce((t, l) => t + l.arrears, 0),
    unknown: want.filter((l) => l.unknownMonths.length).map((l) => ({ personId: l.personId, months: l.unknownMonths })),
  });
  assert.deepEqual(
    await written([c1.id, c2.id], 202702),
    payable.map((l) => ({ ...l, unknownMonths: [] })),
  );
});

test("one commune's payroll as the web page's job (in chunks, interrupted, resumed) equals generatePayroll: lines, items, summary; nothing applied before its end", async () => {
  // A beneficiary of the first commune who moved to the second stays on the first's list while
  // the first commune's decision is not stopped: the commune of the decision pays.
  const moved = (
    await sql<{ id: number }>`select l.person_id as id from payroll_lines l join payrolls pr on pr.id = l.payroll_id join persons p on p.id = l.person_id
    where pr.unit_id = ${c1.id} and pr.month = 202702 and l.current_amount > 0 and p.death_date is null order by l.person_id limit 1`.execute(db.k)
  ).rows[0]!;
  const to = (await sql<{ id: number }>`select id from households where unit_id = ${c2.id} order by id limit 1`.execute(db.k)).rows[0]!;
  await reg.movePerson(db.k, moved.id, to.id, 'other', meta);
  const month = 202611; // regenerated: a draft, with arrears and months of households without a review
  const lineUnits = async () =>
    (
      await sql<{ person_id: number; unit_id: number; province_code: string }>`select l.person_id, l.unit_id, l.province_code from payroll_lines l
    join payrolls pr on pr.id = l.payroll_id where pr.unit_id = ${c1.id} and pr.month = ${month} order by l.person_id`.execute(db.k)
    ).rows;
  const direct = await pay.generatePayroll(db.k, c1.id, month, 'test');
  const lines = await written([c1.id], month);
  const units = await lineUnits();
  assert.ok(
    lines.some((l) => l.personId === moved.id),
    'the moved beneficiary is on the list',
  );
  assert.ok(direct.unknown.length > 0 && direct.arrears > 0, 'the summary has arrears and months the law cannot determine');
  // Emptied by hand (as if never generated), then the job: three chunks at least.
  await sql`delete from payroll_lines where payroll_id = ${direct.payrollId}`.execute(db.k);
  const id = await db.k.transaction().execute((tx) => enqueuePayroll(tx, c1.id, month, null, { chunkSize: Math.ceil(lines.length / 3) }));
  const part = await runJob(db, id, { stopAfterChunks: 2 });
  assert.deepEqual([part.state, part.chunks], ['running', 2]);
  assert.equal(
    part.total,
    (await sql<{ n: number }>`select count(distinct person_id)::int as n from benefit_decisions where unit_id = ${c1.id}`.execute(db.k)).rows[0]!.n,
  );
  assert.deepEqual(await written([c1.id], month), [], 'nothing applied before the last chunk');
  const done = await runJob(db, id);
  assert.equal(done.state, 'done');
  assert.ok(done.chunks >= 3);
  assert.deepEqual(done.result, { ...JSON.parse(JSON.stringify(direct)), communes: 1 });
  assert.deepEqual(await written([c1.id], month), lines);
  assert.deepEqual(await lineUnits(), units, 'lines in the paying commune, as generatePayroll');
});
