// `ansinh evaluate` on the sample files (test/fixtures/evaluate): the decrees' amounts, the
// Vietnamese table, and bad input answered with the field path and a non-zero exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../cli.ts';

const bin = new URL('../../bin/ansinh.js', import.meta.url).pathname;
const fixture = (f: string) => new URL(`../../test/fixtures/evaluate/${f}`, import.meta.url).pathname;
/** In-process run (the same runCli the bin calls), for speed on a busy machine. */
async function cli(args: string[]) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({
      write(chunk, _e, cb) {
        f(String(chunk));
        cb();
      },
    });
  const code = await runCli(args, { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}
/** A real process, to check the exit code and stderr of the installed command. */
function ansinh(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ANSINH_LANG: 'vi' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('evaluate --json at 07/2024: Decree 76/2024 amounts and Decree 07/2021 classes for the sample', async () => {
  const r = await cli(['evaluate', fixture('sample.json'), '--at', '2024-07', '--json']);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  const hh = (id: string) => out.households.find((h: { id: string }) => h.id === id);
  assert.equal(hh('TL-001').classification.class, 'poor');
  const [mai, hung] = hh('TL-001').members;
  assert.equal(mai.monthlyTotal, 750_000, 'Art. 5 cl. 5a, 1.5 × 500,000');
  assert.equal(hung.monthlyTotal, 1_250_000, 'Art. 5 cl. 1, under 4: 2.5 × 500,000');
  assert.equal(hh('TL-002').classification.class, 'near_poor');
  assert.equal(hh('TL-002').members[0].monthlyTotal, 1_750_000, 'Art. 6 cl. 2 exception: 2 × 1.0 + 1.5');
  assert.equal(hh('TL-003').members[0].benefits[0].category, '5.5c');
  assert.equal(hh('TL-005').classification.class, 'unknown');
  const b = mai.benefits[0];
  assert.ok(b.basis.some((x: { document: string; article: string }) => x.document === 'Nghị định 20/2021/NĐ-CP'));
  assert.equal(out.totals.monthlyAmount, 750_000 + 1_250_000 + 1_750_000 + 500_000 + 1_000_000);
});

test('evaluate at 06/2024 gives the 360,000 amounts; at 09/2024 nothing for the person who died in 08/2024', async () => {
  const june = JSON.parse((await cli(['evaluate', fixture('sample.json'), '--at', '2024-06', '--json'])).out);
  assert.equal(june.households[0].members[0].monthlyTotal, 540_000);
  const sept = JSON.parse((await cli(['evaluate', fixture('sample.json'), '--at', '2024-09', '--json'])).out);
  assert.equal(sept.households.find((h: { id: string }) => h.id === 'TL-004').members[0].monthlyTotal, 0);
});

test('without --json: a Vietnamese table with amounts as "750.000 đ" and the legal basis', async () => {
  const r = await cli(['evaluate', fixture('sample.json'), '--at', '2024-07']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Hộ nghèo/);
  assert.match(r.out, /750\.000 đ/);
  assert.match(r.out, /1\.250\.000 đ/);
  assert.match(r.out, /Nghị định 07\/2021\/NĐ-CP, Điều 3/);
});

test('bad input: one line naming each field in error, exit non-zero, no stack trace', () => {
  const r = ansinh(['evaluate', fixture('bad-input.json'), '--at', '2024-07']);
  assert.equal(r.code, 1);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.match(r.err, /\/households\/0\/members\/1\/dateOfBirth: Phải là một ngày/);
  assert.match(r.err, /\/households\/0\/members\/2\/dateOfBirth/);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
});

test('bad input: unknown deprivation key, missing --at, unreadable JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-eval-'));
  try {
    const f = join(dir, 'x.json');
    writeFileSync(f, JSON.stringify({ households: [{ id: 'a', area: 'rural', deprivations: { wifi: true }, members: [] }] }));
    const r = await cli(['evaluate', f, '--at', '2024-07']);
    assert.equal(r.code, 1);
    assert.match(r.err, /\/households\/0\/deprivations\/wifi/);
    assert.equal((await cli(['evaluate', f])).code, 2);
    writeFileSync(f, '{ not json');
    const j = await cli(['evaluate', f, '--at', '2024-07']);
    assert.equal(j.code, 1);
    assert.match(j.err, /không phải JSON hợp lệ/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evaluate --compare 2024-06 --at 2024-07: the Decree 76/2024 gains', async () => {
  const r = await cli(['evaluate', fixture('sample.json'), '--at', '2024-07', '--compare', '2024-06', '--json']);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  assert.equal(d.losses.length, 0);
  assert.equal(d.gains.find((g: { personId: string }) => g.personId === 'TL-001-1').delta, 210_000, '140,000 × 1.5');
});

test('evaluate merit profiles (Annex I row 3.2): a relative of two martyrs gets 4,110,000 in 08/2023 (Decree 55/2023) and 5,578,000 in 08/2024 (Decree 77/2024)', async () => {
  for (const [at, amount, decree] of [
    ['2023-08', 4_110_000, 'Nghị định 55/2023/NĐ-CP'],
    ['2024-08', 5_578_000, 'Nghị định 77/2024/NĐ-CP'],
  ] as const) {
    const r = await cli(['evaluate', fixture('merit.json'), '--at', at, '--json']);
    assert.equal(r.code, 0, r.err);
    const lan = JSON.parse(r.out).households[0].members[0];
    assert.equal(lan.merit.monthlyTotal, amount);
    assert.equal(lan.monthlyTotal, amount, 'no social assistance for her: the total is the merit allowance');
    const c = lan.merit.allowances[0].components[0];
    assert.equal(c.basis.document, decree);
    assert.equal(c.basis.article, 'Phụ lục I, mục 3.2');
  }
  const text = await cli(['evaluate', fixture('merit.json'), '--at', '2024-08']);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /5\.578\.000 đ/);
  assert.match(text.out, /Thân nhân của 02 liệt sĩ: 5\.578\.000 đ \[Nghị định 77\/2024\/NĐ-CP, Phụ lục I, mục 3\.2\]/);
  assert.match(text.out, /Bệnh binh có tỷ lệ tổn thương cơ thể từ 81% - 90%: 6\.378\.000 đ/);
});

test('evaluate --compare 2024-06 --at 2024-07: the Decree 77/2024 increase of merit allowances (Annex I 3.2, Annex II 61%, Annex I 7.1)', async () => {
  const r = await cli(['evaluate', fixture('merit.json'), '--at', '2024-07', '--compare', '2024-06', '--json']);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  const delta = (id: string) => d.gains.find((g: { personId: string }) => g.personId === id)?.delta;
  assert.equal(delta('NCC-001-1'), 5_578_000 - 4_110_000);
  assert.equal(delta('NCC-001-2'), 5_450_000 - 4_016_000, 'Annex II 61%');
  assert.equal(delta('NCC-001-3'), 6_378_000 + 1_399_000 - (4_700_000 + 1_031_000), 'Annex I 7.1 81–90% with the supplement');
  const t = await cli(['evaluate', fixture('merit.json'), '--at', '2024-07', '--compare', '2024-06']);
  assert.match(t.out, /Hoàng Thị Lan: 4\.110\.000 đ → 5\.578\.000 đ \(\+1\.468\.000 đ\)/);
});

test('evaluate merit profiles, bad input: an injury rate of 120% and a martyr relative without martyrs are refused with their paths', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-eval-'));
  try {
    const f = join(dir, 'x.json');
    const member = (profiles: unknown[]) => ({
      households: [{ id: 'a', area: 'rural', members: [{ id: 'p', dateOfBirth: '1950-01-01', meritProfiles: profiles }] }],
    });
    writeFileSync(f, JSON.stringify(member([{ id: 'w', category: 'war_invalid', facts: { injuryRate: 120, invalidType: 'invalid' }, startMonth: '2024-01' }])));
    let r = await cli(['evaluate', f, '--at', '2024-07']);
    assert.equal(r.code, 1);
    assert.match(r.err, /\/households\/0\/members\/0\/meritProfiles\/0\/facts\/injuryRate/);
    writeFileSync(
      f,
      JSON.stringify(
        member([
          { id: 'm', category: 'relative', facts: { relativeOf: 'martyr' }, startMonth: '2024-01' },
          { id: 'x', category: 'sainthood', startMonth: '2024-01' },
        ]),
      ),
    );
    r = await cli(['evaluate', f, '--at', '2024-07']);
    assert.equal(r.code, 1);
    assert.match(r.err, /meritProfiles\/1\/category/);
    writeFileSync(f, JSON.stringify(member([{ id: 'm', category: 'relative', facts: { relativeOf: 'martyr' }, startMonth: '2024-01' }])));
    r = await cli(['evaluate', f, '--at', '2024-07']);
    assert.equal(r.code, 1);
    assert.match(r.err, /\/households\/0\/members\/0\/meritProfiles\/0\/facts\/martyrs: Thân nhân liệt sĩ cần ít nhất một liệt sĩ/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
