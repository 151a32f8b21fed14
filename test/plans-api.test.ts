// Plans end to end over HTTP: Lai Châu's action programme and Thu Lũm's plan saved as reviewed
// structures (the gold targets of test/fixtures/plans), then the cascade shows Thu Lũm's weaker
// preschool target (99,5% under 99,9%) and the province targets it leaves out; coverage; the
// drafted .docx; assignment deadlines. Access: a Hoằng Phú officer cannot read Thu Lũm's plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { readConfig } from '../src/kernel/config.ts';
import type { CliContext } from '../src/kernel/cli.ts';
import { planImportCommand } from '../src/plans/import.ts';
import { testApp } from './helpers/app.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let province: Record<string, string>;
let commune: Record<string, string>;
let other: Record<string, string>;
let apId: number;
let tlId: number;

const gold = (f: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/plans/${f}.gold.json`, import.meta.url), 'utf8')) as {
    targets: { indicatorCode: string; comparator: string; value: number; unit: string; year: number; sourceText: string }[];
  };

function planBody(unitCode: string, over: Record<string, unknown>, targets: unknown[]) {
  return {
    unitCode,
    kind: 'plan',
    number: null,
    issuer: null,
    place: null,
    issuedOn: null,
    issuedOnText: null,
    title: 'Kế hoạch',
    signer: null,
    signerTitle: null,
    implements: [],
    sections: [],
    targets,
    tasks: [],
    assignments: [],
    recipients: [],
    sourceText: null,
    sourceFile: null,
    ...over,
  };
}

before(async () => {
  t = await testApp();
  province = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'sold', role: 'officer', unitCode: '12' }));
  commune = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'xathulum', role: 'officer', unitCode: '03439' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'xahoangphu', role: 'officer', unitCode: '15889' }));
  const ap = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: province,
    payload: planBody(
      '12',
      {
        kind: 'action_programme',
        number: '53-CTr/TU',
        issuedOn: '2024-05-24',
        issuer: 'Tỉnh ủy Lai Châu',
        title: 'Chương trình hành động thực hiện Nghị quyết số 42-NQ/TW',
      },
      gold('lai-chau-province-action-program-nq42').targets,
    ),
  });
  assert.equal(ap.statusCode, 201, ap.body);
  apId = ap.json().id;
  const tl = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: planBody(
      '03439',
      {
        number: '152-KH/ĐU',
        issuedOn: '2026-06-05',
        title: 'Thực hiện Chương trình hành động số 53-CTr/TU',
        implements: [{ reference: 'Chương trình hành động số 53-CTr/TU, ngày 24/5/2024 của Tỉnh ủy Lai Châu', number: '53-CTr/TU' }],
        assignments: [
          {
            agency: 'Ban Xây dựng đảng Đảng ủy xã',
            role: 'lead',
            what: 'Định kỳ tham mưu sơ kết, tổng kết và báo cáo',
            dueDate: null,
            recurrence: { kind: 'annual', day: 1, month: 12 },
            sourceText: null,
          },
        ],
      },
      gold('thu-lum-commune-2026-152-KH-DU').targets.map((x, i) => (i === 0 ? { ...x, review: 'corrected', extracted: { ...x, value: 10 } } : x)),
    ),
  });
  assert.equal(tl.statusCode, 201, tl.body);
  tlId = tl.json().id;
});
after(async () => {
  await t.close();
});

test('the saved plan links to its parent by number and keeps the review correction', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/plans/${tlId}`, headers: commune });
  assert.equal(r.statusCode, 200);
  const p = r.json();
  assert.equal(p.links[0].parentPlanId, apId);
  assert.equal(p.targets.length, 20);
  const corr = await t.db.k.selectFrom('plan_target_corrections').selectAll().where('plan_id', '=', tlId).execute();
  assert.equal(corr.length, 1);
  assert.equal(corr[0]!.action, 'correct');
});

test('the cascade flags Thu Lũm preschool 99,5% as weaker than Lai Châu 99,9% and lists uncovered province targets', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/plans/${tlId}/cascade`, headers: commune });
  assert.equal(r.statusCode, 200, r.body);
  const c = r.json();
  const pre = c.rows.find((x: { indicatorCode: string }) => x.indicatorCode === 'preschool_enrolment_rate');
  assert.deepEqual(pre.flags, ['weaker']);
  assert.match(pre.notes[0], /99,5.*99,9/);
  const unemp = c.rows.find((x: { indicatorCode: string }) => x.indicatorCode === 'unemployment_rate');
  assert.deepEqual(unemp.flags, ['missing']);
  const stunting = c.rows.find((x: { indicatorCode: string }) => x.indicatorCode === 'stunting_under5_rate');
  assert.deepEqual(stunting.flags, ['weaker'], 'dưới 18,7% is weaker than dưới 18%');
  assert.ok(c.summary.weaker >= 3 && c.summary.missing >= 15, JSON.stringify(c.summary));
});

test('coverage: Thu Lũm has issued its implementing plan; other Lai Châu communes have not yet', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/plans/${apId}/coverage`, headers: province });
  const c = r.json();
  assert.equal(c.issued, 1);
  assert.ok(c.total > 30);
  assert.equal(c.items.find((i: { unit: { code: string } }) => i.unit.code === '03439').issued, true);
});

test("the commune reads its province programme; an officer of another province cannot read Thu Lũm's plan (404)", async () => {
  const up = await t.app.inject({ method: 'GET', url: `/api/plans/${apId}`, headers: commune });
  assert.equal(up.statusCode, 200);
  const no = await t.app.inject({ method: 'GET', url: `/api/plans/${tlId}`, headers: other });
  assert.equal(no.statusCode, 404);
  const list = await t.app.inject({ method: 'GET', url: '/api/plans?unit=03439', headers: other });
  assert.equal(list.statusCode, 404);
});

test('the drafted plan of a commune from the province programme is a .docx with the targets', async () => {
  const r = await t.app.inject({ method: 'GET', url: `/api/plans/${apId}/draft.docx?unit=03439&date=2026-06-05`, headers: commune });
  assert.equal(r.statusCode, 200, r.body);
  const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
  assert.match(xml, /Thu Lũm, ngày 05 tháng 6 năm 2026/);
  assert.match(xml, /Tỷ lệ huy động học sinh mẫu giáo đến trường: đạt 99,9% vào năm 2030/);
});

test('an annual report rule gives a deadline of 01/12; past it and not done, the assignment is overdue', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/plans/assignments?unit=03439&year=2026&today=2026-12-05', headers: commune });
  const a = r.json().items[0];
  assert.equal(a.deadline, '2026-12-01');
  assert.equal(a.status, 'overdue');
  const put = await t.app.inject({
    method: 'PUT',
    url: `/api/plans/${tlId}/assignments/${a.id}/status`,
    headers: commune,
    payload: { period: '2026', status: 'done', note: 'Đã báo cáo' },
  });
  assert.equal(put.statusCode, 204, put.body);
  const again = await t.app.inject({ method: 'GET', url: '/api/plans/assignments?unit=03439&year=2026&today=2026-12-05', headers: commune });
  assert.equal(again.json().items[0].status, 'done');
});

test('an unknown indicator code is refused with its field path', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: planBody('03439', {}, [{ indicatorCode: 'khong_co', comparator: '=', value: 1, unit: '%', year: 2030, sourceText: null }]),
  });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().errors[0].path, '/body/targets/0/indicatorCode');
});

test('the plan list of a commune shows its own plan and the province programme above it', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/plans?unit=03439', headers: commune });
  assert.equal(r.statusCode, 200, r.body);
  const rel = Object.fromEntries(r.json().items.map((p: { id: number; relation: string }) => [p.id, p.relation]));
  assert.equal(rel[apId], 'above');
  assert.equal(rel[tlId], 'own');
});

test('saving the same plan twice (number, issuer, date) is refused: one copy, its targets counted once', async () => {
  const before = await t.app.inject({ method: 'GET', url: '/api/plans?unit=03439', headers: commune });
  const count = before.json().items.length;
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: planBody(
      '03439',
      { number: '152-kh/đu', issuedOn: '2026-06-05', title: 'Thực hiện Chương trình hành động số 53-CTr/TU' },
      gold('thu-lum-commune-2026-152-KH-DU').targets,
    ),
  });
  assert.equal(again.statusCode, 409, again.body);
  assert.equal(again.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.match(again.json().detail, new RegExp(`đã có trong An sinh \\(kế hoạch #${tlId}\\)`));
  const after = await t.app.inject({ method: 'GET', url: '/api/plans?unit=03439', headers: commune });
  assert.equal(after.json().items.length, count, 'no second copy');
  // Another unit may hold a plan with the same number (its own document), and so may another date.
  const otherDate = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: planBody('03439', { number: '152-KH/ĐU', issuedOn: '2027-06-05', title: 'Kế hoạch năm 2027' }, []),
  });
  assert.equal(otherDate.statusCode, 201, otherDate.body);
});

test('a change target (reduce_by "%/năm") is saved and read back; an unknown comparator is refused with its field path', async () => {
  const body = planBody('03439', { number: '7-KH/UBND', issuedOn: '2026-02-01', issuer: 'UBND xã Thu Lũm', title: 'Kế hoạch giảm nghèo năm 2026' }, [
    { indicatorCode: 'poor_household_rate', comparator: 'reduce_by', value: 1.5, unit: '%/năm', year: 2026, sourceText: 'giảm tỷ lệ hộ nghèo 1,5%/năm' },
  ]);
  const r = await t.app.inject({ method: 'POST', url: '/api/plans', headers: commune, payload: body });
  assert.equal(r.statusCode, 201, r.body);
  const got = await t.app.inject({ method: 'GET', url: `/api/plans/${r.json().id}`, headers: commune });
  assert.deepEqual(
    got.json().targets.map((x: { comparator: string; value: number; unit: string }) => [x.comparator, x.value, x.unit]),
    [['reduce_by', 1.5, '%/năm']],
  );
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: { ...body, number: '8-KH/UBND', targets: [{ ...(body.targets[0] as object), comparator: 'halve' }] },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().errors[0].path, /^\/body\/targets\/0\/comparator/);
});

// Issue 11 item 5: "giảm bình quân 2%/năm (riêng các xã đặc biệt khó khăn 4%)" is a target for a
// named group of units. Its group is saved (plan_targets.unit_group) by the review save and by
// `ansinh plan import`, and GET /api/plans/{id} answers it; a target for the whole unit has null.
test('a target for a named group of units keeps its group when saved from the review and read back', async () => {
  const body = planBody('03439', { number: '9-KH/UBND', issuedOn: '2026-02-03', issuer: 'UBND xã Thu Lũm', title: 'Kế hoạch giảm nghèo năm 2026' }, [
    { indicatorCode: 'poor_household_rate', comparator: 'reduce_by', value: 2, unit: '%/năm', year: 2026, sourceText: 'giảm bình quân 2%/năm' },
    {
      indicatorCode: 'poor_household_rate',
      comparator: 'reduce_by',
      value: 4,
      unit: '%/năm',
      year: 2026,
      sourceText: 'riêng các xã đặc biệt khó khăn 4%',
      group: 'các xã đặc biệt khó khăn',
    },
  ]);
  const r = await t.app.inject({ method: 'POST', url: '/api/plans', headers: commune, payload: body });
  assert.equal(r.statusCode, 201, r.body);
  const got = await t.app.inject({ method: 'GET', url: `/api/plans/${r.json().id}`, headers: commune });
  assert.equal(got.statusCode, 200, got.body);
  assert.deepEqual(
    got.json().targets.map((x: { value: number; group: string | null }) => [x.value, x.group]),
    [
      [2, null],
      [4, 'các xã đặc biệt khó khăn'],
    ],
  );
  const empty = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: { ...body, number: '10-KH/UBND', targets: [{ ...(body.targets[1] as object), group: '' }] },
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.json().errors[0].path, /^\/body\/targets\/0\/group/);
});

test('`ansinh plan import` saves the group of a target read from the document', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-plan-group-'));
  try {
    const file = join(dir, 'ke-hoach.txt');
    writeFileSync(
      file,
      'ỦY BAN NHÂN DÂN XÃ THU LŨM\nSố: 11/KH-UBND\n\nKẾ HOẠCH\nThực hiện chương trình giảm nghèo và dinh dưỡng năm 2026\n\nII. MỤC TIÊU\n\n' +
        '- Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi dưới 19%, riêng ở vùng miền núi dưới 23,5%.\n' +
        '- Tỷ lệ hộ nghèo giảm bình quân 2%/năm (riêng các xã đặc biệt khó khăn 4%).\n',
    );
    let out = '';
    const sink = new Writable({
      write(c, _e, cb) {
        out += String(c);
        cb();
      },
    });
    const ctx: CliContext = { config: readConfig({ ...process.env, DATABASE_URL: '' }), db: async () => t.db, stdout: sink, stderr: sink };
    assert.equal(await planImportCommand.run({ positionals: [file], values: { unit: '03439' } }, ctx), 0, out);
    const plan = await t.db.k.selectFrom('plans').select('id').where('number', '=', '11/KH-UBND').executeTakeFirstOrThrow();
    const got = await t.app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: commune });
    assert.equal(got.statusCode, 200, got.body);
    assert.deepEqual(
      got
        .json()
        .targets.map((x: { indicatorCode: string; value: number; group: string | null }) => [x.indicatorCode, x.value, x.group])
        .sort((a: [string, number], b: [string, number]) => a[1] - b[1]),
      [
        ['poor_household_rate', 2, null],
        ['poor_household_rate', 4, 'các xã đặc biệt khó khăn'],
        ['stunting_under5_rate', 19, null],
        ['stunting_under5_rate', 23.5, 'vùng miền núi'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
