// The registry partitioned by province (migrations 390–392, issue 17 item 1): the layout, the
// migration of a database holding the demo (and a second province) without loss, and, on
// PostgreSQL, EXPLAIN ANALYZE of the main registry paths reading one partition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb, openPGlite, type Db } from './connection.ts';
import { migrate, loadMigrations } from './migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { backend, testDb } from '../../test/helpers/db.ts';
import { withActor } from '../access/scope.ts';
import { loadActor } from '../access/store.ts';
import { createTestUser } from '../access/testing.ts';
import * as store from '../registry/store.ts';
import { annualReview } from '../registry/review.ts';
import { generateRegistry, bulkInsertRegistry } from '../registry/synthetic.ts';
import { registryMember } from '../../test/helpers/registry.ts';
import type { Job } from '../jobs/runner.ts';
import type { PersonInput } from '../registry/model.ts';
import { registerJobHandlers } from '../job-handlers.ts';
import { computePayrollLines } from '../payments/store.ts';
import type { MonthNumber } from '../kernel/month.ts';

const PARTITIONED = ['households', 'persons', 'household_versions', 'person_versions', 'household_classifications'] as const;
const PROVINCES_2025 = 34;

/** A database with no migration applied: PGlite in memory, or a new PostgreSQL database. */
async function emptyDb(): Promise<Db> {
  const url = process.env.ANSINH_TEST_PG_URL;
  if (!url) return openPGlite(null);
  const name = `ansinh_partition_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: u.toString(), poolSize: 2 });
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

/** Per table: the row count and an md5 of every row's text in key order. */
async function fingerprint(db: Db): Promise<Record<string, { n: number; md5: string }>> {
  const order: Record<string, string> = {
    households: 'id',
    persons: 'id',
    household_versions: 'household_id, version',
    person_versions: 'person_id, version',
    household_classifications: 'household_id, year',
  };
  const out: Record<string, { n: number; md5: string }> = {};
  for (const t of PARTITIONED) {
    const r = await sql<{
      n: number;
      md5: string;
    }>`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by ${sql.raw(order[t]!.replace(/(\w+)/g, 'x.$1'))}), '')) as md5
      from ${sql.table(t)} x`.execute(db.k);
    out[t] = r.rows[0]!;
  }
  return out;
}

test('migrating a database holding the demo and a second province moves every row, unchanged, into its province partition', async () => {
  registerJobHandlers(); // the demo runs the annual review
  const db = await emptyDb();
  try {
    const all = loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < 391),
    );
    await seedDemo(db);
    // a second province (Hà Nội, 01), so that rows land in two partitions
    const hn = (await store.communeByCode(db.k, '00004'))!;
    assert.equal(hn.provinceCode, '01');
    const data = generateRegistry(17, 40, [{ unitId: hn.id, provinceCode: hn.provinceCode, villageIds: [], codePrefix: 'HN-' }]);
    await bulkInsertRegistry(db.k, data, { by: 'test', reason: 'partition test' });
    await sql`insert into household_classifications (household_id, year, province_code, unit_id, class, household_version)
      select id, 2025, province_code, unit_id, 'poor', version from households`.execute(db.k);
    const before = await fingerprint(db);
    assert.ok(before.persons!.n > 40 && before.households!.n > 40 && before.person_versions!.n > 0, JSON.stringify(before));
    const provincesBefore = await sql<{ p: string; n: number }>`select province_code as p, count(*)::int as n from persons group by 1 order by 1`.execute(db.k);
    assert.deepEqual(
      provincesBefore.rows.map((r) => r.p),
      ['01', '12'],
    );

    const r = await migrate(db, all);
    assert.ok(r.applied.some((m) => m.version === 391));
    assert.deepEqual(await fingerprint(db), before, 'same counts, same rows');
    // each row in its province's partition
    const placed = await sql<{
      part: string;
      n: number;
    }>`select tableoid::regclass::text as part, count(*)::int as n from persons group by 1 order by 1`.execute(db.k);
    assert.deepEqual(
      placed.rows,
      provincesBefore.rows.map((x) => ({ part: `persons_p${x.p}`, n: x.n })),
    );
    // the sequences still give new ids after the largest
    const next = await sql<{ ok: boolean }>`select nextval('persons_id_seq') > (select max(id) from persons) as ok`.execute(db.k);
    assert.equal(next.rows[0]!.ok, true);
    const counts = await sql<{ n: number }>`select coalesce(sum(persons), 0)::int as n from unit_person_counts`.execute(db.k);
    assert.equal(counts.rows[0]!.n, before.persons!.n, 'the per-commune counts are not counted twice by the copy');
  } finally {
    await db.close();
  }
});

test('every registry table is LIST-partitioned by province: the 34 provinces of 2025 and a default, keys on the province', async () => {
  const db = await testDb();
  try {
    for (const t of PARTITIONED) {
      const k = await sql<{ key: string }>`select pg_get_partkeydef(${t}::regclass) as key`.execute(db.k);
      assert.equal(k.rows[0]!.key, 'LIST (province_code)', t);
      const parts = await sql<{ name: string; bound: string }>`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = ${t}::regclass`.execute(db.k);
      assert.equal(parts.rows.length, PROVINCES_2025 + 1, t);
      assert.ok(
        parts.rows.some((p) => p.bound === 'DEFAULT'),
        t,
      );
      // every unique key and foreign key names the province
      const keys = await sql<{
        def: string;
      }>`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${t}::regclass and contype in ('p', 'u', 'f')`.execute(db.k);
      for (const c of keys.rows) if (!/REFERENCES units/.test(c.def)) assert.match(c.def, /\(province_code, /, `${t}: ${c.def}`);
      const uniques = await sql<{
        def: string;
      }>`select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = ${t}::regclass and indisunique`.execute(db.k);
      for (const u of uniques.rows) assert.match(u.def, /\(province_code, /, `${t}: ${u.def}`);
    }
    // the application role reads the parents (row-level security), never a partition directly,
    // and the version tables stay append-only
    const priv = await sql<{ p: boolean; parent: boolean; upd: boolean }>`select has_table_privilege('ansinh_app', 'persons_p12', 'select') as p,
      has_table_privilege('ansinh_app', 'persons', 'select') as parent, has_table_privilege('ansinh_app', 'person_versions', 'update') as upd`.execute(db.k);
    assert.deepEqual(priv.rows[0], { p: false, parent: true, upd: false });
    // every current province of the reference data has its partition
    const missing = await sql<{ code: string }>`select code from units where level = 'province' and valid_to is null
      and not exists (select 1 from pg_class c where c.relname = 'persons_p' || units.code)`.execute(db.k);
    assert.deepEqual(missing.rows, []);
    const n = await sql<{ n: number }>`select count(*)::int as n from units where level = 'province' and valid_to is null`.execute(db.k);
    assert.equal(n.rows[0]!.n, PROVINCES_2025);
  } finally {
    await db.close();
  }
});

// PostgreSQL only: auto_explain (contrib) logs the plan of every statement the code runs, nested
// ones too (inside ansinh_person_search), to the client; each plan's scanned partitions are
// those its nodes actually ran (EXPLAIN ANALYZE: a pruned subplan is gone or "never executed").
interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}
function scanned(node: PlanNode, out: Set<string>): Set<string> {
  if (node['Relation Name'] && (node['Actual Loops'] ?? 0) > 0) out.add(node['Relation Name']);
  for (const c of node.Plans ?? []) scanned(c, out);
  return out;
}
function partitionsByTable(plans: PlanNode[]): Map<string, Set<string>> {
  const by = new Map<string, Set<string>>();
  for (const p of plans)
    for (const rel of scanned(p, new Set())) {
      const m = /^(households|persons|household_versions|person_versions|household_classifications)_(p\d\d|default)$/.exec(rel);
      if (m) (by.get(m[1]!) ?? by.set(m[1]!, new Set()).get(m[1]!)!).add(m[2]!);
    }
  return by;
}

test(
  'the main registry paths read one province partition (EXPLAIN ANALYZE on PostgreSQL)',
  { skip: backend !== 'postgres' && 'EXPLAIN of partitions on PostgreSQL only' },
  async () => {
    const db = await testDb();
    const plans: PlanNode[] = [];
    const notices: string[] = [];
    const emit = pg.Client.prototype.emit;
    pg.Client.prototype.emit = function (this: pg.Client, event: string | symbol, ...args: unknown[]) {
      if (event === 'notice') notices.push(String((args[0] as { message?: string }).message ?? ''));
      return emit.call(this, event, ...args);
    } as typeof emit;
    try {
      const thulum = (await store.communeByCode(db.k, '03439'))!;
      const hanoi = (await store.communeByCode(db.k, '00004'))!;
      const actor = (await loadActor(db.k, await createTestUser(db, { username: 'partition-thulum', role: 'officer', unitCode: '03439' })))!;
      const household = {
        code: 'P-1',
        villageId: null,
        address: 'Bản Thu Lũm',
        area: 'rural' as const,
        incomePerMonth: 1_000_000,
        deprivations: {},
        disadvantagedArea: true,
        merit: false,
      };
      const member = registryMember({ fullName: 'Lò Văn Khăm' }) as unknown as PersonInput;
      const { householdId: hid } = await store.registerHousehold(db.k, thulum, household, [member], { by: 't', reason: 't' });
      await store.registerHousehold(db.k, hanoi, household, [member], { by: 't', reason: 't' });
      const explained = async <T>(fn: (tx: Parameters<Parameters<typeof withActor>[2]>[0]) => Promise<T>): Promise<Map<string, Set<string>>> => {
        notices.length = 0;
        await withActor(db, actor, async (tx) => {
          await sql`select set_config('role', 'none', true)`.execute(tx);
          await sql`load 'auto_explain'`.execute(tx);
          await sql`select set_config('auto_explain.log_min_duration', '0', true), set_config('auto_explain.log_analyze', 'on', true),
          set_config('auto_explain.log_nested_statements', 'on', true), set_config('auto_explain.log_format', 'json', true),
          set_config('client_min_messages', 'log', true), set_config('role', 'ansinh_app', true)`.execute(tx);
          await fn(tx);
        });
        plans.length = 0;
        for (const n of notices) {
          const i = n.indexOf('{');
          if (n.startsWith('duration:') && i >= 0) plans.push((JSON.parse(n.slice(i)) as { Plan: PlanNode }).Plan);
        }
        assert.ok(plans.length > 0, 'auto_explain logged the plans');
        return partitionsByTable(plans);
      };
      const one = (by: Map<string, Set<string>>, what: string) => {
        assert.ok(by.has('persons') || by.has('households'), `${what}: the registry was read`);
        for (const [t, parts] of by) assert.deepEqual([...parts], ['p12'], `${what}: ${t} read in partitions ${[...parts].join(', ')}`);
      };

      // the check can fail: a read by id alone, without the province, opens every partition
      const byIdOnly = await explained((tx) => sql`select id from persons where id = ${hid}`.execute(tx));
      assert.equal(byIdOnly.get('persons')?.size, PROVINCES_2025 + 1);

      one(await explained((tx) => store.searchPersons(tx, { unitId: thulum.id, q: 'lo van kham', page: 1, pageSize: 50 })), 'person search');
      one(await explained((tx) => store.searchPersons(tx, { unitId: thulum.id, q: 'lo van khamx', page: 1, pageSize: 50 })), 'person search, similar names');
      one(await explained((tx) => store.getHousehold(tx, hid)), 'household page');
      const job = (
        await sql<{
          id: number;
        }>`insert into jobs (kind, params, unit_id) values ('annual_review', ${JSON.stringify({ year: 2026, unitId: thulum.id })}::jsonb, ${thulum.id}) returning id`.execute(
          db.k,
        )
      ).rows[0]!.id;
      const j = {
        id: job,
        kind: 'annual_review',
        params: { year: 2026, unitId: thulum.id },
        unitId: thulum.id,
        progress: 0,
        total: null,
        cursor: null,
      } as unknown as Job;
      one(await explained((tx) => annualReview.chunk(tx, j)), 'annual review');
      // a beneficiary of Thu Lũm, paid from 2026-01 (the Hà Nội person has a decision too, in Hà Nội)
      for (const c of [thulum, hanoi]) {
        await sql`insert into benefit_decisions (province_code, unit_id, person_id, number, decided_on, signer, kind, category, coefficient_tenths, monthly_amount, start_month, channel)
        select province_code, unit_id, id, ${`QD-${c.code}`}, date '2025-12-20', 'Chủ tịch', 'start', 'elderly_80', 10, 500000, 202601, 'cash'
        from persons where unit_id = ${c.id}`.execute(db.k);
      }
      const payroll = await explained((tx) => computePayrollLines(tx, thulum.id, 202603 as MonthNumber));
      one(payroll, 'payroll generation');
      const lines = await withActor(db, actor, (tx) => computePayrollLines(tx, thulum.id, 202603 as MonthNumber));
      assert.equal(lines.lines.length, 1, 'the Thu Lũm beneficiary is paid');
    } finally {
      pg.Client.prototype.emit = emit;
      await db.close();
    }
  },
);
