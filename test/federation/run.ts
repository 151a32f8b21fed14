// Federation spike (issue 17 item 2, docs/decisions/007-federation.md): three PostgreSQL
// clusters on ports 5433–5435 (pg_createcluster), each an ansinh "province" with its own
// migrated database, and a national database (in the first cluster) that attaches each
// province's persons as a foreign partition (postgres_fdw) of one table partitioned by
// province_code. It answers a cross-province check (the same personal ID in two provinces) and
// shows with EXPLAIN VERBOSE what each province is asked (Remote SQL): the ID column only, then
// the full rows of the matches only. A national reader scoped to one province sees only that
// province's rows, and the other partitions are pruned (their data never move).
//
//   npm run test:federation                 creates/starts the clusters, runs, stops them
//   ANSINH_FEDERATION_KEEP=1 npm run …       leaves them running (for psql)
//   ANSINH_FEDERATION_PERSONS=100000 …       persons per province (default 20000)
//
// Idempotent: an existing cluster is reused (started if down), the databases are made afresh.
// The server on 5432 is never touched. Not part of `npm test` (it needs root for
// pg_createcluster and a PostgreSQL server installation).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { openDb } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadReferenceData } from '../../src/reference.ts';

const VERSION = process.env.ANSINH_FEDERATION_PG ?? readdirSync('/etc/postgresql').sort().at(-1)!;
const PERSONS = Number(process.env.ANSINH_FEDERATION_PERSONS ?? 20_000);
const KEEP = process.env.ANSINH_FEDERATION_KEEP === '1';
/** The provinces (codes since 01/07/2025): Hà Nội, Lai Châu, Thanh Hóa. */
const PROVINCES = [
  { code: '01', cluster: 'ansinh_fed_01', port: 5433 },
  { code: '12', cluster: 'ansinh_fed_12', port: 5434 },
  { code: '38', cluster: 'ansinh_fed_38', port: 5435 },
] as const;
const NATIONAL_PORT = PROVINCES[0].port;
const DB = 'ansinh_province';
const NATIONAL = 'ansinh_national';
/** The columns of persons a province lets the national instance read. */
const NATIONAL_COLUMNS = ['province_code', 'id', 'unit_id', 'household_id', 'personal_id', 'full_name', 'date_of_birth', 'sex', 'death_date'] as const;
const url = (port: number, db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
const log = (s: string) => console.log(`federation: ${s}`);

function clusters(): Map<string, { port: number; status: string }> {
  const out = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  const m = new Map<string, { port: number; status: string }>();
  for (const line of out.split('\n')) {
    const [ver, name, port, status] = line.trim().split(/\s+/);
    if (ver === VERSION && name) m.set(name, { port: Number(port), status: status ?? '' });
  }
  return m;
}

function ready(port: number): boolean {
  try {
    execFileSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]);
    return true;
  } catch {
    return false;
  }
}

/** Creates the cluster if missing (trust on localhost, no fsync: a throwaway test cluster) and starts it if down. */
function ensureCluster(name: string, port: number): void {
  const have = clusters().get(name);
  if (have && have.port !== port) throw new Error(`cluster ${name} exists on port ${have.port}, expected ${port}: pg_dropcluster ${VERSION} ${name} --stop`);
  if (!have) {
    if (ready(port)) throw new Error(`port ${port} is taken by another server; the federation test needs 5433–5435`);
    execFileSync(
      'pg_createcluster',
      [
        VERSION,
        name,
        '-p',
        String(port),
        '--start-conf=manual',
        '-o',
        'fsync=off',
        '-o',
        'shared_buffers=32MB',
        '-o',
        'max_connections=30',
        '--',
        '--auth-local=trust',
        '--auth-host=trust',
        '--no-sync',
      ],
      { stdio: 'ignore' },
    );
    log(`created cluster ${VERSION}/${name} on port ${port}`);
  }
  if (!ready(port)) {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, 'start'], { stdio: 'ignore' });
    for (let i = 0; i < 30 && !ready(port); i++) execFileSync('sleep', ['1']);
  }
  if (!ready(port)) throw new Error(`cluster ${name} did not start on port ${port}`);
}

function stopCluster(name: string): void {
  if (clusters().get(name)?.status === 'online')
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, 'stop', '-m', 'fast'], { stdio: 'ignore' });
}

async function admin<T>(port: number, fn: (c: pg.Client) => Promise<T>, db = 'postgres'): Promise<T> {
  const c = new pg.Client({ connectionString: url(port, db) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function freshDb(port: number, name: string): Promise<void> {
  await admin(port, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
}

/** A province: ansinh's migrations and reference data, then PERSONS synthetic persons (4 to a household) in one of its communes. */
async function province(p: (typeof PROVINCES)[number]): Promise<void> {
  await freshDb(p.port, DB);
  const db = await openDb({ databaseUrl: url(p.port, DB), poolSize: 2 });
  try {
    await migrate(db);
    await loadReferenceData(db);
  } finally {
    await db.close();
  }
  await admin(
    p.port,
    async (c) => {
      const unit = await c.query<{ id: number }>(
        `select c.id from units c join units pr on pr.id = c.parent_id
          where c.level = 'commune' and pr.level = 'province' and pr.code = $1 order by c.id limit 1`,
        [p.code],
      );
      assert.ok(unit.rows[0], `a commune of province ${p.code}`);
      const u = unit.rows[0].id;
      await c.query(
        `insert into households (province_code, unit_id, code, area)
         select $1, $2, 'FED-' || g, 'rural' from generate_series(1, ceil($3 / 4.0)::int) g`,
        [p.code, u, PERSONS],
      );
      // IDs unique within the province: its 3-digit code, 0 (a man born in the 1900s), 85, a serial.
      await c.query(
        `insert into persons (province_code, unit_id, household_id, personal_id, full_name, name_folded, date_of_birth, sex, ethnic_code, relation)
         select $1, $2, h.id, lpad($1, 3, '0') || '085' || lpad(g::text, 6, '0'), 'Người ' || g, 'nguoi ' || g, date '1985-01-01' + (g % 365), 'M', '01', 'head'
           from generate_series(1, $3::int) g join households h on h.unit_id = $2 and h.code = 'FED-' || ((g - 1) / 4 + 1)`,
        [p.code, u, PERSONS],
      );
      // The national instance connects as a read-only role that sees only the columns the
      // national checks need (no health, ethnicity or account field ever leaves the province).
      await c.query(
        `do $$ begin if not exists (select from pg_roles where rolname = 'ansinh_national') then create role ansinh_national login bypassrls; end if; end $$`,
      );
      // a role left by an earlier run may lack the attribute (found on this machine's clusters)
      await c.query('alter role ansinh_national login bypassrls');
      await c.query(`grant select (${NATIONAL_COLUMNS.join(', ')}) on persons to ansinh_national`);
      await c.query('analyze persons');
    },
    DB,
  );
}

/** The same personal ID registered in two (or three) provinces: planted on purpose. */
const PLANTED = [
  { id: '012085000001', in: ['12', '38'] },
  { id: '012085000002', in: ['12', '01'] },
  { id: '001085000003', in: ['01', '12', '38'] },
] as const;

/** A death recorded in Lai Châu for an ID still registered alive in Thanh Hóa. */
const DIED = { id: '012085000001', recordedIn: '12', aliveIn: '38', on: '2026-03-15' } as const;

async function plant(): Promise<void> {
  for (const d of PLANTED) {
    const home = d.id.slice(1, 3) === '01' ? '01' : '12';
    for (const code of d.in) {
      if (code === home) continue;
      const p = PROVINCES.find((x) => x.code === code)!;
      // The province's person with the serial of the planted ID gets that ID (a second registration elsewhere).
      await admin(
        p.port,
        (c) => c.query(`update persons set personal_id = $1 where personal_id = lpad($2, 3, '0') || '085' || $3`, [d.id, code, d.id.slice(6)]),
        DB,
      );
    }
  }
  const p = PROVINCES.find((x) => x.code === DIED.recordedIn)!;
  await admin(p.port, (c) => c.query('update persons set death_date = $2 where personal_id = $1', [DIED.id, DIED.on]), DB);
}

/** The national database: postgres_fdw, one server per province, persons partitioned by province_code with foreign partitions. */
async function national(): Promise<void> {
  await freshDb(NATIONAL_PORT, NATIONAL);
  await admin(
    NATIONAL_PORT,
    async (c) => {
      await c.query('create extension postgres_fdw');
      await c.query('create schema national');
      // The columns the national checks need; province_code first: the partition key, and the
      // distribution column a Citus deployment would use.
      await c.query(`create table national.persons (
        province_code text not null, id int not null, unit_id int not null, household_id int not null,
        personal_id text, full_name text not null, date_of_birth date not null, sex text not null, death_date date
      ) partition by list (province_code)`);
      assert.deepEqual(
        ['province_code', 'id', 'unit_id', 'household_id', 'personal_id', 'full_name', 'date_of_birth', 'sex', 'death_date'],
        [...NATIONAL_COLUMNS],
      );
      for (const p of PROVINCES) {
        await c.query(`create server province_${p.code} foreign data wrapper postgres_fdw
          options (host '127.0.0.1', port '${p.port}', dbname '${DB}', fetch_size '10000', use_remote_estimate 'true')`);
        // Trust on localhost in this spike; a deployment gives the mapping a password or a client certificate.
        await c.query(`create user mapping for public server province_${p.code} options (user 'ansinh_national', password_required 'false')`);
        await c.query(`create foreign table national.persons_${p.code} partition of national.persons for values in ('${p.code}')
          server province_${p.code} options (schema_name 'public', table_name 'persons')`);
      }
      // A national reader scoped to one province (setting ansinh.province) reads through the
      // parent only: partitions are not granted. The policy compares the partition key with a
      // stable scalar, so the planner prunes the other partitions at executor start and they are
      // never asked (an "= any(array)" of a setting is not pruned: it would fetch and filter).
      await c.query(
        `do $$ begin if not exists (select from pg_roles where rolname = 'national_reader') then create role national_reader nologin; end if; end $$`,
      );
      await c.query('grant usage on schema national to national_reader');
      await c.query('grant select on national.persons to national_reader');
      await c.query('alter table national.persons enable row level security');
      await c.query(`create policy provinces_in_scope on national.persons to national_reader
        using (province_code = current_setting('ansinh.province', true))`);
    },
    NATIONAL,
  );
}

/** Phase 1: the ID column only, from every province; the IDs found in two provinces or more. */
const DUPLICATE_KEYS = `
  select personal_id, array_agg(province_code order by province_code) as provinces
    from national.persons where personal_id is not null
   group by personal_id having count(distinct province_code) > 1 order by personal_id`;
/** Phase 2: the full rows of the matches only. */
const MATCH_ROWS = `select province_code, id, personal_id, full_name, date_of_birth from national.persons where personal_id = any($1::text[]) order by personal_id, province_code`;

let nat: pg.Client;
const t0 = Date.now();
before(async () => {
  for (const p of PROVINCES) ensureCluster(p.cluster, p.port);
  log(`clusters up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  await Promise.all(PROVINCES.map(province));
  log(`3 provinces migrated with ${PERSONS} persons each in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  await plant();
  await national();
  nat = new pg.Client({ connectionString: url(NATIONAL_PORT, NATIONAL) });
  await nat.connect();
});
after(async () => {
  await nat?.end();
  if (!KEEP) for (const p of PROVINCES) stopCluster(p.cluster);
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s${KEEP ? ' (clusters left running)' : ' (clusters stopped)'}`);
});

async function explain(q: string, params: unknown[] = []): Promise<string> {
  const r = await nat.query<{ 'QUERY PLAN': string }>(`explain (verbose, analyze, costs off, timing off, summary off) ${q}`, params);
  return r.rows.map((x) => x['QUERY PLAN']).join('\n');
}

test('the national database sees every province through its foreign partition', async () => {
  const r = await nat.query<{ province_code: string; n: string }>('select province_code, count(*) n from national.persons group by 1 order by 1');
  assert.deepEqual(
    r.rows.map((x) => [x.province_code, Number(x.n)]),
    PROVINCES.map((p) => [p.code, PERSONS]),
  );
});

test('the same personal ID in two provinces is found from the national instance, moving the ID column, then only the matching rows', async () => {
  const t1 = Date.now();
  const keys = await nat.query<{ personal_id: string; provinces: string[] }>(DUPLICATE_KEYS);
  const rows = await nat.query(MATCH_ROWS, [keys.rows.map((k) => k.personal_id)]);
  const ms = Date.now() - t1;
  assert.deepEqual(
    keys.rows.map((k) => [k.personal_id, k.provinces]),
    PLANTED.map((d) => [d.id, [...d.in].sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  assert.equal(
    rows.rows.length,
    PLANTED.reduce((n, d) => n + d.in.length, 0),
    'one row per registration of a planted ID',
  );

  const plan1 = await explain(DUPLICATE_KEYS);
  const plan2 = await explain(MATCH_ROWS, [keys.rows.map((k) => k.personal_id)]);
  console.log(`--- phase 1 (keys)\n${plan1}\n--- phase 2 (matches)\n${plan2}`);
  // Phase 1 asks each province for two columns of the persons with an ID, nothing else.
  const remote1 = [...plan1.matchAll(/Remote SQL: (.*)/g)].map((m) => m[1]!);
  assert.equal(remote1.length, PROVINCES.length);
  for (const q of remote1)
    assert.match(
      q,
      /^SELECT (province_code, personal_id|personal_id, province_code) FROM public\.persons WHERE \(\(personal_id IS NOT NULL\)\)( ORDER BY personal_id ASC NULLS LAST)?$/,
    );
  // Phase 2 ships the list of matched IDs to each province: only matching rows come back.
  const remote2 = [...plan2.matchAll(/Remote SQL: (.*)/g)].map((m) => m[1]!);
  assert.equal(remote2.length, PROVINCES.length);
  for (const q of remote2) assert.match(q, /WHERE \(\(personal_id = ANY \(('\{001085000003,012085000001,012085000002\}'|\$1)::text\[\]\)\)\)/);
  const moved2 = [...plan2.matchAll(/Foreign Scan on "?national"?\.persons_\d+ .*\(actual rows=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(moved2, rows.rows.length, 'phase 2 moves only the matching rows');
  log(`cross-province duplicate check over ${3 * PERSONS} persons: ${ms} ms; phase 1 moved ${3 * PERSONS} (province, ID) pairs, phase 2 moved ${moved2} rows`);
});

test('a national reader scoped to one province sees only its rows, and the other provinces are not even asked', async () => {
  await nat.query('begin');
  try {
    await nat.query('set local role national_reader');
    await nat.query(`select set_config('ansinh.province', '12', true)`);
    const r = await nat.query<{ province_code: string; n: string }>('select province_code, count(*) n from national.persons group by 1');
    assert.deepEqual(
      r.rows.map((x) => [x.province_code, Number(x.n)]),
      [['12', PERSONS]],
    );
    // The planted duplicate of Lai Châu in Thanh Hóa is not visible to a Lai Châu reader.
    const dup = await nat.query(`select province_code from national.persons where personal_id = '012085000001'`);
    assert.deepEqual(
      dup.rows.map((x) => x.province_code),
      ['12'],
    );
    const plan = await explain('select count(*) from national.persons');
    console.log(`--- scoped reader\n${plan}`);
    assert.match(plan, /Subplans Removed: 2/, 'the two other partitions are pruned at executor start');
    assert.doesNotMatch(plan, /persons_01|persons_38/);
    await assert.rejects(nat.query('select count(*) from national.persons_38'), /permission denied/, 'a partition cannot be read around the policy');
  } finally {
    await nat.query('rollback');
  }
});

test('a national roll-up asks each province for its own count: one row per province moves', async () => {
  await nat.query('begin');
  try {
    await nat.query('set local enable_partitionwise_aggregate = on');
    const q =
      'select province_code, count(*) as persons, count(*) filter (where death_date is not null) as deceased from national.persons group by province_code order by province_code';
    const r = await nat.query<{ province_code: string; persons: string }>(q);
    assert.deepEqual(
      r.rows.map((x) => [x.province_code, Number(x.persons)]),
      PROVINCES.map((p) => [p.code, PERSONS]),
    );
    const plan = await explain(q);
    console.log(`--- national roll-up\n${plan}`);
    const remote = [...plan.matchAll(/Remote SQL: (.*)/g)].map((m) => m[1]!);
    assert.equal(remote.length, PROVINCES.length);
    for (const s of remote) assert.match(s, /GROUP BY 1/, 'the aggregate is computed in the province');
    const moved = [...plan.matchAll(/Foreign Scan .*\(actual rows=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.equal(moved, PROVINCES.length, 'one row per province');
  } finally {
    await nat.query('rollback');
  }
});

test('a death recorded in one province, the same ID alive in another: phase 1 moves only the deceased, phase 2 only their other registrations', async () => {
  const DEAD = 'select personal_id, province_code, death_date from national.persons where death_date is not null and personal_id is not null';
  const ALIVE_ELSEWHERE =
    'select province_code, id, personal_id from national.persons where personal_id = any($1::text[]) and death_date is null order by personal_id, province_code';
  const dead = await nat.query<{ personal_id: string; province_code: string }>(DEAD);
  assert.deepEqual(
    dead.rows.map((d) => [d.personal_id, d.province_code]),
    [[DIED.id, DIED.recordedIn]],
  );
  const alive = await nat.query<{ province_code: string; personal_id: string }>(ALIVE_ELSEWHERE, [dead.rows.map((d) => d.personal_id)]);
  assert.deepEqual(
    alive.rows.map((a) => [a.personal_id, a.province_code]),
    [[DIED.id, DIED.aliveIn]],
  );
  const plan1 = await explain(DEAD);
  for (const q of [...plan1.matchAll(/Remote SQL: (.*)/g)].map((m) => m[1]!))
    assert.match(q, /WHERE \(\(death_date IS NOT NULL\)\) AND \(\(personal_id IS NOT NULL\)\)/);
  const moved1 = [...plan1.matchAll(/Foreign Scan .*\(actual rows=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(moved1, 1, 'only the deceased move in phase 1');
  const plan2 = await explain(ALIVE_ELSEWHERE, [dead.rows.map((d) => d.personal_id)]);
  const moved2 = [...plan2.matchAll(/Foreign Scan .*\(actual rows=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(moved2, 1, 'only the living registration elsewhere moves in phase 2');
  log(`death recorded elsewhere: phase 1 moved ${moved1} row, phase 2 moved ${moved2} row (of ${3 * PERSONS} persons)`);
});
