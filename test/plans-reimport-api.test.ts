// Importing the same plan twice (issue 11 What to build 7, Done means "importing a plan twice
// leaves one plan"): the second reading of 152-KH/ĐU answers the saved plan beside it
// (`existing`), and POST /api/plans/{id}/versions applies it as version 2 of the same plan: the
// changed target is updated, the one gone is removed, the target the officer corrected by hand
// keeps its correction because the document did not change there; the review log records each
// change as "reimport" and the audit log one "plan.reimport" entry with the counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { readConfig } from '../src/kernel/config.ts';
import { CliError, type CliContext } from '../src/kernel/cli.ts';
import { planImportCommand } from '../src/plans/import.ts';
import { testApp } from './helpers/app.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let other: Record<string, string>;
const thuLum = readFileSync(new URL('../reference/plans/thu-lum-commune-2026-152-KH-DU.txt', import.meta.url), 'utf8');
// The document as amended: (2) preschool enrolment 99,5% → 99,8%, and the schools target dropped.
const amended = thuLum.replace('mẫu giáo đến trường đạt 99,5%', 'mẫu giáo đến trường đạt 99,8%').replace('; tỷ lệ trường đạt chuẩn quốc gia đạt 100%.', '.');

type X = {
  indicatorCode: string | null;
  comparator: string;
  value: number;
  unit: string;
  year: number | null;
  sourceText: string;
  start: number;
  end: number;
  indicatorName: string;
  strive: boolean;
  confidence: number;
  proposed?: unknown;
};
const extract = async (text: string) => {
  const r = await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: officer, payload: { text } });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
const asTarget = ({ start, end: _e, indicatorName: _n, strive: _s, confidence: _c, proposed: _p, ...x }: X) => ({ ...x, sourceOffset: start });
const plans = async () =>
  Number(
    (
      await t.db.k
        .selectFrom('plans')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

before(async () => {
  t = await testApp();
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-nhap-lai', role: 'officer', unitCode: '03439' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-xa-khac', role: 'officer', unitCode: '15889' }));
});
after(async () => {
  await t.close();
});

test('the same plan imported again becomes version 2 of one plan; hand corrections stay where the document did not change', async () => {
  const first = await extract(thuLum);
  assert.equal(first.existing, null);
  const mapped = (first.targets as X[]).filter((x) => x.indicatorCode);
  // 152-KH/ĐU II.2.1 (3): "tỷ lệ tiêm chủng mở rộng đạt 96%", corrected by hand to 97 on review.
  const vac = mapped.find((x) => /tiêm chủng/.test(x.sourceText))!;
  assert.equal(vac.value, 96);
  const body = (d: typeof first, targets: unknown[]) => ({
    ...d.plan,
    unitCode: '03439',
    sourceText: d.text,
    sourceFile: 'ke-hoach-152.txt',
    targets,
    removedTargets: [],
  });
  const v1 = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: officer,
    payload: body(
      first,
      mapped.map((x) => (x === vac ? { ...asTarget(x), value: 97, review: 'corrected', extracted: x } : { ...asTarget(x), review: 'confirmed' })),
    ),
  });
  assert.equal(v1.statusCode, 201, v1.body);
  const id = v1.json().id;

  // Read again: the saved plan comes back beside the new reading.
  const second = await extract(amended);
  assert.equal(second.existing.id, id);
  assert.equal(second.existing.version, 1);
  assert.equal(second.existing.targets.length, mapped.length);
  assert.deepEqual(second.existing.targets.find((x: { origin: string }) => x.origin === 'corrected').extracted, {
    indicatorCode: vac.indicatorCode,
    comparator: vac.comparator,
    value: 96,
    unit: vac.unit,
    year: vac.year,
  });
  // Saving it as a new plan is still refused: one document, one plan.
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: officer,
    payload: body(second, (second.targets as X[]).filter((x) => x.indicatorCode).map(asTarget)),
  });
  assert.equal(again.statusCode, 409, again.body);
  // Another commune's officer may not re-import it.
  const incoming = (second.targets as X[]).filter((x) => x.indicatorCode).map((x) => ({ ...asTarget(x), review: 'confirmed' }));
  const denied = await t.app.inject({
    method: 'POST',
    url: `/api/plans/${id}/versions`,
    headers: other,
    payload: { ...body(second, incoming), unitCode: '15889' },
  });
  assert.ok([403, 404].includes(denied.statusCode), denied.body);

  const r = await t.app.inject({ method: 'POST', url: `/api/plans/${id}/versions`, headers: officer, payload: body(second, incoming) });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json(), {
    id,
    version: 2,
    added: 0,
    removed: 1,
    changed: 1,
    unchanged: mapped.length - 2,
    keptCorrections: 1,
    tasksAdded: 0,
    tasksRemoved: 0,
  });
  assert.equal(await plans(), 1);

  const p = (await t.app.inject({ method: 'GET', url: `/api/plans/${id}`, headers: officer })).json();
  assert.equal(p.version, 2);
  assert.equal(p.targets.length, mapped.length - 1);
  assert.equal(p.targets.find((x: { indicatorCode: string }) => x.indicatorCode === vac.indicatorCode).value, 97, 'the hand correction stays');
  assert.ok(p.targets.some((x: { value: number }) => x.value === 99.8));
  assert.ok(!p.targets.some((x: { sourceText: string }) => /trường đạt chuẩn quốc gia/.test(x.sourceText ?? '')));
  assert.equal(p.sourceFile, 'ke-hoach-152.txt');
  const log = p.corrections.map((c: { action: string }) => c.action);
  assert.deepEqual(
    log.filter((a: string) => a === 'correct'),
    ['correct'],
    'the review history is kept',
  );
  assert.equal(log.filter((a: string) => a === 'reimport').length, 2);
  const changed = p.corrections.find((c: { action: string; after: { value?: number } | null }) => c.action === 'reimport' && c.after?.value === 99.8);
  assert.equal(changed.before.value, 99.5);
  assert.equal(changed.username, 'can-bo-nhap-lai');

  // One audit entry, written in the same transaction, and the replaced version kept.
  const audit = await t.db.k.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'plan.reimport').execute();
  assert.equal(audit.length, 1);
  const after = typeof audit[0]!.after === 'string' ? JSON.parse(audit[0]!.after) : audit[0]!.after;
  assert.equal(after.version, 2);
  assert.equal(after.removed, 1);
  const versions = await t.db.k.selectFrom('plan_versions').select(['version', 'snapshot']).where('plan_id', '=', id).execute();
  assert.deepEqual(
    versions.map((v) => v.version),
    [1],
  );
  const snap = typeof versions[0]!.snapshot === 'string' ? JSON.parse(versions[0]!.snapshot) : versions[0]!.snapshot;
  assert.equal(snap.targets.length, mapped.length);

  // The third reading of the same amended text: nothing to change.
  const third = await extract(amended);
  assert.equal(third.existing.version, 2);
  const r3 = await t.app.inject({
    method: 'POST',
    url: `/api/plans/${id}/versions`,
    headers: officer,
    payload: body(
      third,
      (third.targets as X[]).filter((x) => x.indicatorCode).map((x) => ({ ...asTarget(x), review: 'confirmed' })),
    ),
  });
  assert.equal(r3.statusCode, 200, r3.body);
  assert.equal(r3.json().changed + r3.json().added + r3.json().removed, 0);
  assert.equal(r3.json().keptCorrections, 1);
});

test('a re-import whose body names another unit than the saved plan is refused on /body/unitCode', async () => {
  const d = await extract(amended);
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/plans/${d.existing.id}/versions`,
    headers: officer,
    payload: { ...d.plan, unitCode: '12', sourceText: null, sourceFile: null, targets: [] },
  });
  assert.ok([400, 403].includes(r.statusCode), r.body);
});

test('`ansinh plan import` of a document already saved refuses without --update, and with it makes the next version (one plan)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-reimport-cli-'));
  try {
    // Xã Hoằng Phú (15889) imports a plan, then its amended copy.
    const file = join(dir, 'ke-hoach.txt');
    writeFileSync(file, thuLum);
    let out = '';
    const sink = new Writable({
      write(c, _e, cb) {
        out += String(c);
        cb();
      },
    });
    const ctx: CliContext = { config: readConfig({ ...process.env, DATABASE_URL: '' }), db: async () => t.db, stdout: sink, stderr: sink };
    const run = (values: Record<string, string | boolean>) => planImportCommand.run({ positionals: [file], values: { unit: '15889', ...values } }, ctx);
    assert.equal(await run({}), 0);
    const count = async () =>
      Number(
        (
          await t.db.k
            .selectFrom('plans as p')
            .innerJoin('units as u', 'u.id', 'p.unit_id')
            .where('u.code', '=', '15889')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    writeFileSync(file, amended);
    await assert.rejects(run({}), (e: unknown) => e instanceof CliError && /--update/.test(e.message) && /đã có/.test(e.message));
    out = '';
    assert.equal(await run({ update: true }), 0);
    assert.match(out, /thành phiên bản 2: thêm 0, bỏ 1, thay đổi 1/);
    assert.equal(await count(), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
