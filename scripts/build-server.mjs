#!/usr/bin/env node
// Compiles the server (src/ → dist/) with tsc once, at install (`prepare`) or `npm run build`,
// and copies the files the compiled code reads beside it (SQL migrations). `ansinh` then runs
// plain JavaScript: nothing compiles TypeScript at each start (bin/ansinh.js).
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
if (r.status !== 0) {
  console.error('build: tsc failed; dist/ is incomplete (run `npm run typecheck` for the errors)');
  rmSync(dist, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
const from = join(root, 'src', 'db', 'migrations');
mkdirSync(join(dist, 'db', 'migrations'), { recursive: true });
for (const f of readdirSync(from)) if (f.endsWith('.sql')) cpSync(join(from, f), join(dist, 'db', 'migrations', f));
// What `ansinh --help` and the dispatch need of each command, so that they load no feature module.
const { loadAllCommands } = await import(pathToFileURL(join(dist, 'commands.js')).href);
const manifest = (await loadAllCommands()).map(({ command: c, group }) => ({
  name: c.name,
  summary: c.summary,
  usage: c.usage,
  options: c.options,
  help: c.help,
  group,
}));
writeFileSync(join(dist, 'cli-manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
// The build's time, read by bin/ansinh.js to tell a stale build from a fresh one.
writeFileSync(join(dist, 'BUILD'), `${new Date().toISOString()}\n`);
