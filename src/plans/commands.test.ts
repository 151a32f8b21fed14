// `ansinh plan extract`: a .docx plan reads like its text (the Word file is generated here with
// the `docx` package from Thu Lũm's plan 152-KH/ĐU), --json has the shape issue 4 asks for, and
// a bad file is one line on stderr with exit code 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { normalise } from './extract/normalise.ts';
import { extractPlan } from './extract/index.ts';
import { readPlanText } from './commands.ts';

const bin = new URL('../../bin/ansinh.js', import.meta.url).pathname;
const txt = new URL('../../reference/plans/thu-lum-commune-2026-152-KH-DU.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ansinh-plan-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function ansinh(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function thuLumDocx(): Promise<string> {
  // One Word paragraph per line of the plan, markdown removed (as a clerk's file would be).
  const paragraphs = normalise(readFileSync(txt, 'utf8'))
    .text.split('\n')
    .filter((l) => l.trim())
    .map((l) => new Paragraph({ text: l }));
  const file = join(dir, 'ke-hoach-152.docx');
  writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
  return file;
}

test('a .docx plan gives the same targets as its text', async () => {
  const file = await thuLumDocx();
  const fromDocx = extractPlan(await readPlanText(file));
  const fromTxt = extractPlan(readFileSync(txt, 'utf8'));
  const key = (t: { indicatorCode: string | null; comparator: string; value: number; year: number | null }) =>
    `${t.indicatorCode} ${t.comparator} ${t.value} ${t.year}`;
  assert.equal(fromTxt.targets.length, 20);
  assert.deepEqual(fromDocx.targets.map(key), fromTxt.targets.map(key));
  assert.equal(fromDocx.plan.number, '152-KH/ĐU');
  assert.equal(fromDocx.plan.signer, 'Nguyễn Trường Giang');
});

test('ansinh plan extract FILE --json prints plan, targets and unmatched with exact source text', async () => {
  const file = await thuLumDocx();
  const r = ansinh(['plan', 'extract', file, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    plan: { kind: string };
    targets: Record<string, unknown>[];
    unmatched: { sourceText: string; reason: string }[];
    sections: unknown[];
    assignments: unknown[];
    reportDeadlines: unknown[];
    tasks: unknown[];
  };
  assert.equal(j.plan.kind, 'plan');
  for (const k of ['indicatorCode', 'indicatorName', 'comparator', 'value', 'unit', 'year', 'sourceText']) assert.ok(k in j.targets[0]!, k);
  // Thu Lũm 152-KH/ĐU, II.2.1 (3): "tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi dưới 18,7%".
  const stunting = j.targets.find((t) => t.indicatorCode === 'stunting_under5_rate')!;
  assert.deepEqual([stunting.comparator, stunting.value, stunting.year], ['<', 18.7, 2030]);
  assert.ok(j.unmatched.some((u) => u.sourceText === 'dưới 5 tuổi' && /tuổi/.test(u.reason)));
  assert.ok(j.assignments.length >= 5 && j.tasks.length === 8);
  const text = ansinh(['plan', 'extract', txt]);
  assert.equal(text.code, 0);
  assert.match(text.out, /Chỉ tiêu: 20/);
});

test('bad files: unsupported type, unreadable .docx or .pdf, empty file: one line on stderr, exit 1', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['plan.odt', 'PK?', /không được hỗ trợ/],
    ['broken.pdf', '%PDF-1.4', /không đọc được tệp PDF/i],
    ['broken.docx', 'not a zip', /không đọc được tệp Word/i],
    ['empty.txt', '  \n', /trống/],
  ];
  for (const [name, content, re] of cases) {
    writeFileSync(join(dir, name), content);
    const r = ansinh(['plan', 'extract', join(dir, name)]);
    assert.equal(r.code, 1, name);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, re);
  }
});
