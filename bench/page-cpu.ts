// `npm run bench -- page-cpu` (issue 18 item 7): where the load benchmark's time goes. On the
// PostgreSQL database of the last `npm run bench -- load` run (ansinh_bench_load; skipped when it
// does not exist), each page of the mix alone at --users (default 4) for --seconds (default 5),
// after a warm-up: the server process's CPU and the PostgreSQL backends' CPU (from /proc, the
// server running on this machine) divided by the requests answered. Unlike latency under load,
// these figures barely move with what else the machine runs.
//   npm run bench -- page-cpu [--users=4] [--seconds=5] [--only=person search,jobs]
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { level, pageMix, serve, signIn } from './load.ts';
import { arg } from './lib.ts';

const TICK_MS = 1000 / 100; // USER_HZ

/** User + system CPU of a process, ms. */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/** CPU of the PostgreSQL backends serving the bench database (their process title names it). */
function backendsMs(): number {
  let t = 0;
  const pids = execSync('pgrep -f "postgres: .*ansinh_bench_load" || true').toString().trim().split('\n').filter(Boolean);
  for (const pid of pids) {
    try {
      t += cpuMs(Number(pid));
    } catch {
      /* exited */
    }
  }
  return t;
}

export async function run(): Promise<void> {
  const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const u = new URL(admin);
  u.pathname = '/ansinh_bench_load';
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
    if (!(await c.query(`select 1 from pg_database where datname = 'ansinh_bench_load'`)).rowCount) {
      console.log('  no ansinh_bench_load database: run `npm run bench -- load` first');
      return;
    }
  } catch (e) {
    console.log(`  PostgreSQL not available: ${(e as Error).message}`);
    return;
  } finally {
    await c.end().catch(() => {});
  }
  const users = Number(arg('users', '4'));
  const seconds = Number(arg('seconds', '5'));
  const only = arg('only', '');
  const server = await serve({ DATABASE_URL: u.toString() });
  try {
    const cookie = await signIn(server.port, 'thulum', 'ThuLum@2026');
    console.log(`  one page at a time, ${users} users, ${seconds} s; CPU per request answered`);
    for (const entry of pageMix().filter(([, n]) => !only || only.split(',').includes(n))) {
      await level(server.port, cookie, users, 1, [entry]);
      const n0 = cpuMs(server.child.pid!);
      const p0 = backendsMs();
      const xs = await level(server.port, cookie, users, seconds, [entry]);
      const node = (cpuMs(server.child.pid!) - n0) / xs.length;
      const db = Math.max(0, backendsMs() - p0) / xs.length;
      console.log(
        `  ${entry[1].padEnd(20)} ${String(xs.length).padStart(5)} req  server ${node.toFixed(1).padStart(5)} ms  PostgreSQL ${db.toFixed(1).padStart(5)} ms`,
      );
    }
  } finally {
    await server.stop();
  }
}
