// `npm run bench -- startup`: how long a user waits for the command and the server, against a
// bare `node -e 0` measured in the same run (issue 15: `ansinh --help` within 3× of it, `plan
// extract` of a shared plan under 1 s, a second `npm start` answering /api/health under 3 s).
// Runs the compiled build (dist/, `npm run build`); medians of --repeat=N runs (default 5).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'ansinh.js');

function timeCommand(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
  return (performance.now() - t0) / 1000;
}

/** Seconds from spawning `ansinh serve` to the first 200 of /api/health. */
async function timeServe(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: root,
    env: { ...process.env, ANSINH_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) return (performance.now() - t0) / 1000;
      } catch {
        /* not listening yet */
      }
      if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}`);
      if (performance.now() - t0 > 300_000) throw new Error('serve did not answer /api/health within 300 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function run(args: string[]): Promise<void> {
  const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.split('=')[1] ?? 5);
  const stamp = join(root, 'dist', 'BUILD');
  if (!existsSync(stamp)) throw new Error('no build in dist/: run "npm run build" first');
  const env = { ...process.env, NODE_ENV: 'production' };
  const plan = join(root, 'reference', 'plans', 'thu-lum-commune-2026-152-KH-DU.txt');
  const bare = median(Array.from({ length: repeat }, () => timeCommand(['-e', '0'])));
  const help = median(Array.from({ length: repeat }, () => timeCommand([bin, '--help'], env)));
  const extract = median(Array.from({ length: repeat }, () => timeCommand([bin, 'plan', 'extract', plan], env)));
  const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-startup-'));
  try {
    const port = 39000 + (process.pid % 1000);
    const first = await timeServe(dataDir, port);
    const again: number[] = [];
    for (let i = 0; i < Math.max(3, Math.min(repeat, 5)); i++) again.push(await timeServe(dataDir, port));
    const second = median(again);
    const f = (s: number) => `${s.toFixed(2)} s`;
    console.log(`build of ${new Date(statSync(stamp).mtimeMs).toISOString()}; medians of ${repeat} runs`);
    console.log(`node -e 0 (baseline)          ${f(bare)}`);
    console.log(`ansinh --help                 ${f(help)}  = ${(help / bare).toFixed(2)}× baseline (goal ≤ 3×)`);
    console.log(`ansinh plan extract (Thu Lũm) ${f(extract)}  = ${(extract / bare).toFixed(2)}× baseline (goal < 1 s)`);
    console.log(`first start (demo seeded)     ${f(first)}`);
    console.log(
      `second start → /api/health    ${f(second)}  = ${(second / bare).toFixed(2)}× baseline (goal < 3 s; runs ${again.map((x) => x.toFixed(2)).join(', ')})`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
