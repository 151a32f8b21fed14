import { spawn, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { pageMix, signIn, level } from './load.ts';
const port = 39123;
const child = spawn(process.execPath, ['bin/ansinh.js', 'serve', '--no-demo'], { env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ansinh_bench_load' }, stdio: ['ignore', 'ignore', 'inherit'] });
for (;;) { try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const tick = 100;
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / tick; };
const pgCpu = () => { let t = 0; for (const pid of execSync('pgrep -f "postgres: 15/main: postgres ansinh_bench_load" || true').toString().trim().split('\n').filter(Boolean)) { try { t += cpu(Number(pid)); } catch {} } return t; };
const cookie = await signIn(port, 'thulum', 'ThuLum@2026');
for (const entry of pageMix().filter(([, n]) => !process.env.ONLY || process.env.ONLY.split(",").includes(n))) {
  const mix = [entry];
  await level(port, cookie, 4, 2, mix); // warm
  const n0 = cpu(child.pid!), p0 = pgCpu(), t0 = performance.now();
  const xs = await level(port, cookie, 4, 5, mix);
  const n1 = cpu(child.pid!), p1 = pgCpu();
  console.log(`${entry[1].padEnd(20)} ${xs.length} req  node ${((n1 - n0) / xs.length).toFixed(1)} ms/req  pg ${((p1 - p0) / xs.length).toFixed(1)} ms/req  wall ${((performance.now() - t0) / xs.length * 4).toFixed(1)} ms`);
}
child.kill('SIGTERM');
