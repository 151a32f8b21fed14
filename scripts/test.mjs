#!/usr/bin/env node
// Test runner: builds the template database once, then runs every *.test.ts with node:test.
//   npm test               unit and integration tests on PGlite
//   npm test -- --pg       the same tests on the PostgreSQL server (DATABASE_URL or
//                          postgres://postgres@127.0.0.1:5432/test); a fresh database per file
//   npm test -- --browser  browser tests (Debian's Chromium via playwright-core)
//   npm test -- FILE...    only these files
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const pgMode = args.includes('--pg');
const browser = args.includes('--browser');
const files = args.filter((a) => !a.startsWith('--'));
const root = resolve(new URL('..', import.meta.url).pathname);

function find(dir, out = []) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === 'node_modules' || e.startsWith('.')) continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (e.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let selected = files.length
  ? files.map((f) => resolve(f))
  : [...find(join(root, 'src')), ...find(join(root, 'test'))].filter((f) => f.includes('/test/browser/') === browser);
selected.sort();
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const env = { ...process.env, NODE_ENV: 'test' };
delete env.DATABASE_URL; // tests choose their database through the variables below
mkdirSync(join(root, '.tmp'), { recursive: true });
const runTs = join(root, 'bin', 'run-ts.js');
let cleanup = () => {};
if (pgMode) {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const template = `ansinh_tpl_${process.pid}`;
  const r = spawnSync(process.execPath, [runTs, join(root, 'test/setup.ts'), 'postgres', template, adminUrl], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  env.ANSINH_TEST_PG_URL = adminUrl;
  env.ANSINH_TEST_PG_TEMPLATE = template;
  cleanup = () => {
    spawnSync(
      process.execPath,
      [
        '-e',
        `
      const pg = require('pg'); const c = new pg.Client({ connectionString: ${JSON.stringify(adminUrl)} });
      c.connect().then(() => c.query('drop database if exists "${template}" with (force)')).then(() => c.end());`,
      ],
      { stdio: 'inherit', cwd: root },
    );
  };
} else {
  const tpl = join(root, '.tmp', `test-template-${process.pid}.tar.gz`);
  const r = spawnSync(process.execPath, [runTs, join(root, 'test/setup.ts'), 'pglite', tpl], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  env.ANSINH_TEST_TEMPLATE = tpl;
  cleanup = () => spawnSync('rm', ['-f', tpl]);
}

const concurrency = browser ? 1 : Number(process.env.TEST_CONCURRENCY || 2);
const t0 = Date.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
  env,
  cwd: root,
});
cleanup();
console.log(
  `\n${selected.length} test files on ${pgMode ? 'PostgreSQL' : 'PGlite'}${browser ? ' (browser)' : ''} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
process.exit(r.status ?? 1);
