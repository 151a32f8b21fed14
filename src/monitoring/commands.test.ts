// The monitoring CLI: a DHIS2 file with bad rows is refused with one line per row, exit 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../bin/ansinh.js', import.meta.url).pathname;

test('ansinh monitoring import: rejected rows with reasons, nothing written, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-mon-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ANSINH_DATA_DIR: join(dir, 'data') };
    delete env.DATABASE_URL;
    const file = join(dir, 'set.json');
    writeFileSync(
      file,
      JSON.stringify({
        dataSet: 'ansinh-nq42',
        period: '2025',
        orgUnit: '99998',
        dataValues: [
          { dataElement: 'no_such_indicator', value: '1' },
          { dataElement: 'poor_household_rate.numerator', period: '2025Q9', value: '3' },
        ],
      }),
    );
    const r = spawnSync(process.execPath, [bin, 'monitoring', 'import', file], { encoding: 'utf8', env });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /dataValues\[0\] orgUnit "99998": Không có đơn vị hành chính mã 99998/);
    assert.match(r.stderr, /dataValues\[1\] period/);
    assert.match(r.stdout, /ERROR: imported 0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
