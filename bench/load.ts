// `npm run bench -- load` (issue 18 item 7): the real server (bin/ansinh.js serve) on a seeded
// registry, loopback, a closed loop of N concurrent users each sending the GETs of real pages back
// to back (registry home, person search by name, person list, monitoring dashboard, units, plan
// list, jobs) for a bounded time per level, against a health-only baseline at the same
// concurrency in the same run. Prints p50/p95/p99, throughput, errors and timeouts, and ratios.
//   npm run bench -- load [--seconds=20] [--users=50,200] [--persons=1000000] [--big=200000]
//                         [--pglite-persons=200000] [--no-pg] [--no-pglite] [--keep] [--only=jobs,unit]
// --keep reuses the PostgreSQL database of the last run (ansinh_bench_load); --only runs a part of the mix.
// --persons: the whole registry; --big: how many of them live in the commune the users work in
// (Thu Lũm, 03439; the probe of issue 18 had 204,000 there). PGlite gets --pglite-persons.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { bulkInsertRegistry, generateRegistry, type SynthUnit } from '../src/registry/synthetic.ts';
import { arg, flag, freePort } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;
const TIMEOUT_MS = 30_000;
const COMMUNE = '03439';

/** The demo (users, Thu Lũm) plus a synthetic registry: `big` persons in Thu Lũm, the rest spread over 400 communes. */
async function seed(db: Db, persons: number, big: number): Promise<string> {
  await migrate(db);
  await seedDemo(db);
  const thuLum = await sql<{ id: number; province_code: string }>`select c.id, p.code as province_code from units c join units p on p.id = c.parent_id
    where c.code = ${COMMUNE} and c.level = 'commune' and c.valid_to is null`.execute(db.k);
  const villages = await sql<{ id: number }>`select id from units where parent_id = ${thuLum.rows[0]!.id} and level = 'village'`.execute(db.k);
  const bigUnit: SynthUnit = {
    unitId: thuLum.rows[0]!.id,
    provinceCode: thuLum.rows[0]!.province_code,
    villageIds: villages.rows.map((v) => v.id),
    codePrefix: 'TLB-',
  };
  const others = await sql<{
    id: number;
    code: string;
    province_code: string;
  }>`select c.id, c.code, p.code as province_code from units c join units p on p.id = c.parent_id
    where c.level = 'commune' and c.valid_to is null and p.level = 'province' and c.code <> ${COMMUNE} order by p.code, c.code limit 400`.execute(db.k);
  const spread: SynthUnit[] = others.rows.map((c) => ({ unitId: c.id, provinceCode: c.province_code, villageIds: [], codePrefix: `${c.code}-` }));
  const insert = async (data: ReturnType<typeof generateRegistry>) => {
    for (let i = 0; i < data.households.length; i += 50_000) {
      const hs = data.households.slice(i, i + 50_000);
      const ps = data.persons.filter((p) => p.hh >= i && p.hh < i + hs.length).map((p) => ({ ...p, hh: p.hh - i }));
      await bulkInsertRegistry(db.k, { households: hs, persons: ps }, { by: 'bench', reason: 'synthetic' });
    }
  };
  await insert(generateRegistry(7, Math.round(big / 3.67), [bigUnit], '2026-11-01', '011'));
  if (persons > big) await insert(generateRegistry(8, Math.round((persons - big) / 3.67), spread, '2026-11-01', '013'));
  await sql`vacuum analyze`.execute(db.k);
  const n = await sql<{
    all: number;
    here: number;
  }>`select count(*)::int as all, count(*) filter (where unit_id = ${bigUnit.unitId})::int as here from persons`.execute(db.k);
  return `${n.rows[0]!.all.toLocaleString('en')} persons, ${n.rows[0]!.here.toLocaleString('en')} of them in Thu Lũm (${COMMUNE})`;
}

interface Server {
  readonly port: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function serve(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/ansinh.js'), 'serve', '--no-demo'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-2000)));
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${err}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > 300_000) throw new Error('serve did not answer within 300 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

export async function signIn(port: number, username: string, password: string): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const searchTerms = [
  'Lò Văn Khăm',
  'Giàng A Páo',
  'Tẩn Láo',
  'Thị Ún',
  'Vàng Thị Mỷ',
  'Lý Mó Xá',
  'Lường Văn Ún',
  'Khằm',
  'Sùng A Dế',
  'Chảo Mẩy',
  'Nguyen Van Nam',
  'TLB-00042',
];

/** The GETs of the pages an officer of Thu Lũm opens, with their share of the mix. */
export function pageMix(): [number, string, () => string][] {
  let i = 0;
  const term = () => searchTerms[i++ % searchTerms.length]!;
  return [
    [30, 'person search', () => `/api/registry/units/${COMMUNE}/persons?year=2026&q=${encodeURIComponent(term())}`],
    [10, 'person list', () => `/api/registry/units/${COMMUNE}/persons?year=2026&page=${1 + (i++ % 5)}`],
    [10, 'registry home', () => `/api/registry/units/${COMMUNE}/indicators?year=2026`],
    [15, 'dashboard', () => `/api/monitoring/units/${COMMUNE}/dashboard?year=2026`],
    [10, 'unit', () => `/api/units/${COMMUNE}`],
    [5, 'units of province', () => '/api/units?parent=12&current=true&limit=500'],
    [10, 'plan list', () => `/api/plans?unit=${COMMUNE}`],
    [10, 'jobs', () => `/api/registry/units/${COMMUNE}/jobs`],
  ];
}

interface Sample {
  readonly name: string;
  readonly ms: number;
  readonly status: number;
}

function get(agent: Agent, port: number, path: string, cookie: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { cookie, accept: 'application/json' }, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', (e) => resolve({ status: e.message === 'timeout' ? -1 : 0, ms: performance.now() - t0 }));
    req.end();
  });
}

/** `users` concurrent users for `seconds`, each sending the next request when the last one answered. */
export async function level(port: number, cookie: string, users: number, seconds: number, mix: [number, string, () => string][]): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: users });
  const weights = mix.flatMap(([w, name, path], k) => Array.from({ length: w }, () => [name, path, k] as const));
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < end) {
        const [name, path] = weights[(n++ * 7919) % weights.length]!;
        const r = await get(agent, port, path(), cookie);
        samples.push({ name, ...r });
      }
    }),
  );
  agent.destroy();
  return samples;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

function summary(label: string, xs: Sample[], seconds: number, base?: { p50: number; p95: number }): { p50: number; p95: number } {
  const ok = xs.filter((x) => x.status >= 200 && x.status < 400);
  const lat = xs.map((x) => x.ms);
  const p50 = pct(lat, 50);
  const p95 = pct(lat, 95);
  const timeouts = xs.filter((x) => x.status === -1).length;
  const errors = xs.length - ok.length - timeouts;
  const ratio = base ? `  = ${(p50 / base.p50).toFixed(1)}× / ${(p95 / base.p95).toFixed(1)}× health` : '';
  console.log(
    `  ${label.padEnd(26)} ${String(xs.length).padStart(6)} req ${(xs.length / seconds).toFixed(0).padStart(5)}/s  p50 ${ms(p50).padStart(7)}  p95 ${ms(p95).padStart(7)}  p99 ${ms(pct(lat, 99)).padStart(7)}  errors ${errors} timeouts ${timeouts}${ratio}`,
  );
  return { p50, p95 };
}

async function runOn(label: string, env: NodeJS.ProcessEnv, seconds: number, users: number[]): Promise<void> {
  const server = await serve(env);
  try {
    const cookie = await signIn(server.port, 'thulum', 'ThuLum@2026');
    const only = arg('only', '');
    const mix = pageMix().filter(([, name]) => !only || only.split(',').includes(name));
    // One request of each page alone first: the cold cost of each (and a check that each answers 200).
    for (const [, name, path] of mix) {
      const r = await get(new Agent(), server.port, path(), cookie);
      if (r.status !== 200) throw new Error(`${name} answered ${r.status}`);
      console.log(`  alone: ${name.padEnd(20)} ${ms(r.ms)}`);
    }
    for (const u of users) {
      console.log(`-- ${label}: ${u} concurrent users, ${seconds} s each`);
      const base = summary('health (baseline)', await level(server.port, cookie, u, seconds, [[1, 'health', () => '/api/health']]), seconds);
      const xs = await level(server.port, cookie, u, seconds, mix);
      summary('page mix', xs, seconds, base);
      for (const [, name] of mix)
        summary(
          `  ${name}`,
          xs.filter((x) => x.name === name),
          seconds,
        );
    }
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<void> {
  const seconds = Number(arg('seconds', '20'));
  const users = arg('users', '50,200').split(',').map(Number);
  const big = Number(arg('big', '200000'));
  if (!flag('no-pg')) {
    const persons = Number(arg('persons', '1000000'));
    const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const u = new URL(admin);
    u.pathname = '/ansinh_bench_load';
    const c = new pg.Client({ connectionString: admin });
    let ready = false;
    try {
      await c.connect();
      const have = await c.query(`select 1 from pg_database where datname = 'ansinh_bench_load'`);
      if (flag('keep') && have.rowCount) ready = true;
      else {
        await c.query('drop database if exists ansinh_bench_load with (force)');
        await c.query('create database ansinh_bench_load');
      }
    } catch (e) {
      console.log(`  PostgreSQL not available: ${(e as Error).message}`);
      u.pathname = '';
    } finally {
      await c.end().catch(() => {});
    }
    if (u.pathname) {
      if (!ready) {
        const t0 = performance.now();
        const db = await openDb({ databaseUrl: u.toString(), poolSize: 4 });
        try {
          console.log(`  PostgreSQL: ${await seed(db, persons, Math.min(big, persons))} (seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        } finally {
          await db.close();
        }
      }
      await runOn('PostgreSQL', { DATABASE_URL: u.toString() }, seconds, users);
    }
  }
  if (!flag('no-pglite')) {
    const persons = Number(arg('pglite-persons', '200000'));
    const dir = mkdtempSync(join(tmpdir(), 'ansinh-bench-load-'));
    try {
      const t0 = performance.now();
      const db = await openDb({ dataDir: dir });
      try {
        console.log(`  PGlite: ${await seed(db, persons, Math.min(big, persons))} (seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      } finally {
        await db.close();
      }
      await runOn('PGlite', { DATABASE_URL: '', ANSINH_DATA_DIR: dir }, seconds, users);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
