// `npm run bench -- recovery` (issue 18 finding 11): how long the real server takes to answer
// /api/health after a SIGKILL in the middle of a large import's apply, against a clean start of
// the same server on the same database measured in the same run (goal: under 30 s on both
// backends). The import goes through the API as a commune officer would: upload, the job checks
// the rows, confirm; the server is killed --kill-after seconds into the confirmation (the apply),
// restarted, and timed to its first /api/health 200 and to the job's end (applied once).
//   npm run bench -- recovery [--rows=200000] [--kill-after=3] [--no-pg] [--no-pglite]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDb, type Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { arg, flag, freePort, secs, sleep } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;

/** An import file of `rows` valid persons (households of four) in the template of the guide. */
export function importCsv(rows: number): Buffer {
  const header =
    'Mã hộ,Bản/thôn,Địa chỉ,Khu vực,Thu nhập bình quân (đồng/người/tháng),Xã đặc biệt khó khăn,Hộ người có công,Thiếu hụt: Việc làm,Thiếu hụt: Người phụ thuộc trong hộ,Thiếu hụt: Dinh dưỡng,Thiếu hụt: Bảo hiểm y tế,Thiếu hụt: Trình độ giáo dục của người lớn,Thiếu hụt: Tình trạng đi học của trẻ em,Thiếu hụt: Chất lượng nhà ở,Thiếu hụt: Diện tích nhà ở bình quân đầu người (dưới 8 m²/người),Thiếu hụt: Nguồn nước sinh hoạt,Thiếu hụt: Nhà tiêu hợp vệ sinh,Thiếu hụt: Sử dụng dịch vụ viễn thông,Thiếu hụt: Phương tiện phục vụ tiếp cận thông tin,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã số BHXH,Dân tộc,Quan hệ với chủ hộ,Khuyết tật,Ngày cấp giấy xác nhận khuyết tật,Lương hưu/trợ cấp BHXH,BHXH,BHYT,Đi học,Diện đặc biệt,Người có công,Ngày mất';
  const given = ['Khăm', 'Pọm', 'Ún', 'Hom', 'Xá', 'Pà', 'Chừ', 'Lù'];
  const lines = [header];
  const roles: [string, string, string, string][] = [
    ['Chủ hộ', 'Nam', '0', '1980'],
    ['Vợ/chồng', 'Nữ', '1', '1982'],
    ['Con', 'Nam', '2', '2010'],
    ['Con', 'Nữ', '3', '2012'],
  ];
  for (let i = 0; i < rows; i++) {
    const hh = Math.floor(i / 4);
    const [rel, sex, digit, year] = roles[i % 4]!;
    const id = `012${digit}${year.slice(2)}${String(i % 1_000_000).padStart(6, '0')}`;
    lines.push(
      `BR-${String(hh).padStart(6, '0')},Pa Thắng,Bản Pa Thắng,Nông thôn,1.100.000,x,,x,,,,,,x,,,,,,Lò Văn ${given[i % given.length]} ${hh},12/03/${year},${sex},${id},,Thái,${rel},,,,Không,x,,,,`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything printed so far. */
  out(): string;
}

function start(env: NodeJS.ProcessEnv, port: number): Server {
  const child = spawn(process.execPath, [join(root, 'bin/ansinh.js'), 'serve', '--no-demo'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const t0 = performance.now();
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    // Each line stamped with the seconds since spawn, to see where a start spends its time.
    out += d
      .split('\n')
      .map((l) => (l ? `[${((performance.now() - t0) / 1000).toFixed(1)} s] ${l}` : l))
      .join('\n');
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  return { child, port, out: () => out };
}

/** Milliseconds from now to the first /api/health 200 (each probe waits at most 5 s, as a monitor would). */
async function untilHealthy(s: Server, t0: number, limitMs = 900_000): Promise<{ ms: number; body: unknown }> {
  for (;;) {
    if (s.child.exitCode !== null) throw new Error(`serve exited ${s.child.exitCode}: ${s.out().slice(-1500)}`);
    try {
      const r = await fetch(`http://127.0.0.1:${s.port}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (r.ok) return { ms: performance.now() - t0, body: await r.json() };
    } catch {
      /* not listening or not answering */
    }
    if (performance.now() - t0 > limitMs) throw new Error(`no /api/health within ${limitMs / 1000} s`);
    await sleep(100);
  }
}

async function stop(s: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const ended = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  await ended;
}

async function signIn(port: number): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thulum', password: 'ThuLum@2026' }),
  });
  if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { csrfToken: string };
  return {
    cookie: r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: body.csrfToken,
  };
}

interface JobView {
  id: number;
  state: string;
  progress: number;
  total: number | null;
}

async function runOn(label: string, env: NodeJS.ProcessEnv, rows: number, killAfterMs: number, open: () => Promise<Db | null>): Promise<void> {
  console.log(`\n-- ${label}, an import of ${rows.toLocaleString('en')} persons`);
  // Baseline: a clean start on the same database (median of 3).
  const clean: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = start(env, await freePort());
    const t0 = performance.now();
    clean.push((await untilHealthy(s, t0)).ms);
    await stop(s);
  }
  const base = [...clean].sort((a, b) => a - b)[1]!;
  console.log(`  clean start → /api/health (baseline)       ${secs(base)}   (runs ${clean.map(secs).join(', ')})`);

  // The import up to its confirmation.
  let s = start(env, await freePort());
  await untilHealthy(s, performance.now());
  const { cookie, csrf } = await signIn(s.port);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(importCsv(rows))], { type: 'text/csv' }), 'bench-recovery.csv');
  const t1 = performance.now();
  const up = await fetch(`http://127.0.0.1:${s.port}/api/registry/units/03439/imports`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf },
    body: form,
  });
  if (up.status !== 202) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const id = ((await up.json()) as JobView).id;
  for (;;) {
    const j = (await (await fetch(`http://127.0.0.1:${s.port}/api/jobs/${id}`, { headers: { cookie } })).json()) as JobView;
    if (j.state === 'ready') break;
    if (['failed', 'cancelled', 'done'].includes(j.state)) throw new Error(`import job ${id}: ${j.state}`);
    await sleep(500);
  }
  console.log(`  upload and check of the rows                ${secs(performance.now() - t1)}`);
  // Confirm; kill the server inside the apply.
  void fetch(`http://127.0.0.1:${s.port}/api/registry/imports/${id}/confirm`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } }).catch(() => {});
  await sleep(killAfterMs);
  await stop(s, 'SIGKILL');
  const db = await open();
  if (db) {
    // PostgreSQL: the state as the crash left it (a PGlite folder is not opened here: opening it would recover it).
    const st = await sql<{ state: string }>`select state from jobs where id = ${id}`.execute(db.k);
    console.log(`  killed ${secs(killAfterMs)} into the apply: job ${st.rows[0]!.state}`);
    await db.close();
  } else console.log(`  killed ${secs(killAfterMs)} into the apply`);

  // The restart.
  s = start(env, await freePort());
  const t2 = performance.now();
  const h = await untilHealthy(s, t2);
  const banner = /\[([0-9.]+) s\] ansinh .* đang chạy tại/.exec(s.out())?.[1];
  console.log(
    `  restart after SIGKILL → /api/health        ${secs(h.ms)}  = ${(h.ms / base).toFixed(1)}× clean start (goal < 30 s; listening after ${banner ?? '?'} s)   ${JSON.stringify(h.body)}`,
  );
  for (;;) {
    if (new RegExp(`công việc #${id}: (xong|lỗi|failed)`).test(s.out()) || s.child.exitCode !== null) break;
    if (performance.now() - t2 > 1_800_000) throw new Error('the resumed import did not finish within 30 min');
    await sleep(500);
  }
  console.log(
    `  restart → resumed import applied            ${secs(performance.now() - t2)}   (${/công việc #\d+: \S+/.exec(s.out())?.[0] ?? 'no end logged'})`,
  );
  if (flag('log')) console.log(s.out());
  const { cookie: c2 } = await signIn(s.port);
  const j = (await (await fetch(`http://127.0.0.1:${s.port}/api/jobs/${id}`, { headers: { cookie: c2 } })).json()) as JobView & {
    result?: { counts?: { new: number } };
  };
  console.log(`  job ${id}: ${j.state}, ${j.result?.counts?.new ?? '?'} new rows`);
  await stop(s);
}

async function seeded(db: Db): Promise<void> {
  await migrate(db);
  await seedDemo(db);
}

export async function run(): Promise<void> {
  const rows = Number(arg('rows', '200000'));
  const killAfterMs = Number(arg('kill-after', '3')) * 1000;
  if (!flag('no-pg')) {
    const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const u = new URL(admin);
    u.pathname = '/ansinh_bench_recovery';
    const c = new pg.Client({ connectionString: admin });
    let ok = true;
    try {
      await c.connect();
      await c.query('drop database if exists ansinh_bench_recovery with (force)');
      await c.query('create database ansinh_bench_recovery');
    } catch (e) {
      console.log(`  PostgreSQL not available: ${(e as Error).message}`);
      ok = false;
    } finally {
      await c.end().catch(() => {});
    }
    if (ok) {
      const db = await openDb({ databaseUrl: u.toString(), poolSize: 2 });
      await seeded(db);
      await db.close();
      await runOn('PostgreSQL', { DATABASE_URL: u.toString() }, rows, killAfterMs, () => openDb({ databaseUrl: u.toString(), poolSize: 1 }));
    }
  }
  if (!flag('no-pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'ansinh-bench-recovery-'));
    try {
      const db = await openDb({ dataDir: dir });
      await seeded(db);
      await db.close();
      await runOn('PGlite', { DATABASE_URL: '', ANSINH_DATA_DIR: dir }, rows, killAfterMs, async () => null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
