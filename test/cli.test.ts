// The CLI: help, one-line errors with non-zero exit codes, migrate on a fresh data folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/ansinh.js', import.meta.url).pathname;
function ansinh(args: string[], env: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) delete e.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: e });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('ansinh --help lists the commands and exits 0', () => {
  const r = ansinh(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /serve/);
  assert.match(r.out, /migrate/);
  assert.match(r.out, /seed-demo/);
});

test('an unknown command is one line on stderr and exit code 2', () => {
  const r = ansinh(['frobnicate']);
  assert.equal(r.code, 2);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.match(r.err, /unknown command/);
});

test('an unknown option is one clear line, no stack trace, non-zero exit', () => {
  const r = ansinh(['migrate', '--bogus']);
  assert.notEqual(r.code, 0);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
});

test('a malformed DATABASE_URL is refused in one line', () => {
  const r = ansinh(['migrate'], { DATABASE_URL: 'mysql://nope' });
  assert.equal(r.code, 1);
  assert.match(r.err, /DATABASE_URL must start with postgres/);
});

test('migrate creates the schema in a fresh data folder, then reports it is up to date', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-cli-'));
  try {
    const first = ansinh(['migrate'], { ANSINH_DATA_DIR: dir });
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Applied 001_core/);
    const second = ansinh(['migrate'], { ANSINH_DATA_DIR: dir });
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /Up to date/);
    // The national federation needs PostgreSQL (postgres_fdw): one clear line on the embedded database.
    const national = ansinh(['national', 'check'], { ANSINH_DATA_DIR: dir });
    assert.equal(national.code, 1, national.err);
    assert.match(national.err.trim().split('\n').at(-1)!, /^ansinh national check: .*cần PostgreSQL/);
    assert.doesNotMatch(national.err, /at .*\.ts:\d+/);
    const month = ansinh(['national', 'check', '--month', '2026-13'], { ANSINH_DATA_DIR: dir });
    assert.equal(month.code, 1);
    assert.match(month.err, /--month YYYY-MM/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
