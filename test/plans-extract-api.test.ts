// Import-and-review over HTTP (issue 4 part 3): POST /api/plans/extract reads an uploaded plan
// (.txt or .docx, multipart) or pasted text and answers the text with every target's span,
// saving nothing; the officer's reviewed plan then goes to POST /api/plans with its corrections,
// which the plan view lists with who and when. Bad files: wrong type 415, too large 413; a unit
// outside the officer's scope 403 (an action), a user without plans.write 403.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { testApp } from './helpers/app.ts';
import { formData, type FormFields } from './helpers/form.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let commune: Record<string, string>;
let province: Record<string, string>;
let other: Record<string, string>;
let supervisor: Record<string, string>;
let apId: number;

const thuLum = readFileSync(new URL('../reference/plans/thu-lum-commune-2026-152-KH-DU.txt', import.meta.url), 'utf8');

async function upload(headers: Record<string, string>, unit: string, fields: FormFields) {
  const f = await formData(fields);
  return t.app.inject({ method: 'POST', url: `/api/plans/extract?unit=${unit}`, headers: { ...headers, 'content-type': f.contentType }, payload: f.payload });
}

const countPlans = async () =>
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
  commune = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-thu-lum', role: 'officer', unitCode: '03439' }));
  province = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-lai-chau', role: 'officer', unitCode: '12' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-hoang-phu', role: 'officer', unitCode: '15889' }));
  supervisor = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'giam-sat-lai-chau', role: 'supervisor', unitCode: '12' }));
  // The province programme Thu Lũm's plan implements, already in ansinh.
  const ap = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: province,
    payload: {
      unitCode: '12',
      kind: 'action_programme',
      number: '53-CTr/TU',
      issuer: 'Tỉnh ủy Lai Châu',
      place: null,
      issuedOn: '2024-05-24',
      issuedOnText: null,
      title: 'Chương trình hành động thực hiện Nghị quyết số 42-NQ/TW',
      signer: null,
      signerTitle: null,
      implements: [],
      sections: [],
      targets: [],
      tasks: [],
      assignments: [],
      recipients: [],
      sourceText: null,
      sourceFile: null,
    },
  });
  assert.equal(ap.statusCode, 201, ap.body);
  apId = ap.json().id;
});
after(async () => {
  await t.close();
});

test('an uploaded .txt plan comes back as text with every target and unmatched number at its span; nothing is saved', async () => {
  const before = await countPlans();
  const r = await upload(commune, '03439', { file: { name: 'ke-hoach-152.txt', content: thuLum, type: 'text/plain' } });
  assert.equal(r.statusCode, 200, r.body);
  const d = r.json();
  assert.equal(d.text, thuLum);
  assert.equal(d.fileName, 'ke-hoach-152.txt');
  assert.deepEqual(d.unit, { code: '03439', name: 'Xã Thu Lũm' });
  assert.equal(d.plan.number, '152-KH/ĐU');
  assert.equal(d.targets.length, 20);
  for (const x of [...d.targets, ...d.unmatched]) assert.equal(d.text.slice(x.start, x.end), x.sourceText);
  // 152-KH/ĐU II.2.1: "Tỷ lệ huy động học sinh mẫu giáo đến trường đạt 99,5%".
  const pre = d.targets.find((x: { indicatorCode: string }) => x.indicatorCode === 'preschool_enrolment_rate');
  assert.deepEqual([pre.comparator, pre.value, pre.year], ['=', 99.5, 2030]);
  assert.ok(d.unmatched.some((u: { sourceText: string; reason: string }) => u.sourceText === 'dưới 5 tuổi' && /tuổi/.test(u.reason)));
  assert.deepEqual(
    d.parents.map((p: { id: number }) => p.id),
    [apId],
    'the province programme it implements is offered as parent',
  );
  assert.equal(await countPlans(), before);
});

test('a .docx upload and pasted text give the same targets as the .txt', async () => {
  const paragraphs = thuLum
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => new Paragraph({ text: l.replace(/\*\*/g, '') }));
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
  const a = await upload(commune, '03439', { file: { name: 'ke-hoach-152.docx', content: new Uint8Array(docx) } });
  assert.equal(a.statusCode, 200, a.body);
  const b = await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: commune, payload: { text: thuLum } });
  assert.equal(b.statusCode, 200, b.body);
  const key = (x: { indicatorCode: string; comparator: string; value: number; year: number | null }) =>
    `${x.indicatorCode} ${x.comparator} ${x.value} ${x.year}`;
  assert.deepEqual(a.json().targets.map(key), b.json().targets.map(key));
  assert.equal(b.json().fileName, null);
  const d = a.json();
  for (const x of d.targets) assert.equal(d.text.slice(x.start, x.end), x.sourceText);
});

test('a target for a named group of units carries its group in the answer; a target for the whole unit has none', async () => {
  // The corpus README's convention (first-1000-days programme: "…, riêng ở vùng miền núi dưới 23,5%").
  const pasted =
    'KẾ HOẠCH\nThực hiện chương trình dinh dưỡng năm 2026\n\nII. MỤC TIÊU\n\n- Tỷ lệ suy dinh dưỡng thấp còi ở trẻ em dưới 5 tuổi dưới 19%, riêng ở vùng miền núi dưới 23,5%.\n- Tỷ lệ hộ nghèo dưới 2%.';
  const r = await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: commune, payload: { text: pasted } });
  assert.equal(r.statusCode, 200, r.body);
  const targets: { value: number; group?: string }[] = r.json().targets;
  assert.equal(targets.find((x) => x.value === 23.5)?.group, 'vùng miền núi');
  assert.equal(targets.find((x) => x.value === 19)?.group, undefined);
  assert.equal(targets.find((x) => x.value === 2)?.group, undefined);
});

test('a file of another type is refused (415) with the field path and a Vietnamese message', async () => {
  const cases: [string, Uint8Array | string][] = [
    ['ke-hoach.odt', 'PK?'],
    ['ke-hoach.docx', 'đây không phải tệp Word'],
    ['ke-hoach.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])],
  ];
  for (const [name, content] of cases) {
    const r = await upload(commune, '03439', { file: { name, content } });
    assert.equal(r.statusCode, 415, `${name}: ${r.body}`);
    assert.match(r.headers['content-type'] as string, /problem\+json/);
    assert.equal(r.json().errors[0].path, '/body/file');
    assert.match(r.json().detail, /docx|\.txt|Word/);
  }
  const latin1 = await upload(commune, '03439', { file: { name: 'ke-hoach.txt', content: new Uint8Array([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0x1e]) } });
  assert.equal(latin1.statusCode, 400, latin1.body);
  assert.match(latin1.json().detail, /UTF-8/);
});

test('a file over 3 MB is refused (413); an empty request asks for a file (400)', async () => {
  const big = 'Tỷ lệ hộ nghèo dưới 3%.\n'.repeat(Math.ceil((3 * 1024 * 1024) / 20));
  const r = await upload(commune, '03439', { file: { name: 'lon.txt', content: big } });
  assert.equal(r.statusCode, 413, r.body);
  assert.equal(r.json().errors[0].path, '/body/file');
  const empty = await upload(commune, '03439', { note: 'x' });
  assert.equal(empty.statusCode, 400, empty.body);
  assert.equal(empty.json().errors[0].path, '/body/file');
  const blank = await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: commune, payload: {} });
  assert.equal(blank.statusCode, 400);
  assert.equal(blank.json().errors[0].path, '/body/text');
});

test("access: another commune's officer and a supervisor are refused (403), nobody signed in 401", async () => {
  const out = await upload(other, '03439', { file: { name: 'k.txt', content: thuLum } });
  assert.equal(out.statusCode, 403, out.body);
  const sup = await upload(supervisor, '03439', { file: { name: 'k.txt', content: thuLum } });
  assert.equal(sup.statusCode, 403, sup.body);
  const anon = await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', payload: { text: thuLum } });
  assert.equal(anon.statusCode, 401);
  const noUnit = await t.app.inject({ method: 'POST', url: '/api/plans/extract', headers: commune, payload: { text: thuLum } });
  assert.equal(noUnit.statusCode, 400);
});

test('the reviewed plan is saved with its parent and corrections; the plan view lists them with who and when', async () => {
  const d = (await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: commune, payload: { text: thuLum } })).json();
  const [first, second, ...rest] = d.targets;
  const corrected = { ...first, value: first.value + 1, review: 'corrected', extracted: first };
  const added = { indicatorCode: 'unemployment_rate', comparator: '<', value: 2, unit: '%', year: 2030, sourceText: null, review: 'added' };
  const body = {
    ...d.plan,
    unitCode: '03439',
    sourceText: d.text,
    sourceFile: 'ke-hoach-152.txt',
    implements: [{ reference: 'Chương trình hành động số 53-CTr/TU', number: '53-CTr/TU', planId: apId }],
    targets: [corrected, ...rest.map((x: Record<string, unknown>) => ({ ...x, review: 'confirmed' })), added].map(
      ({ start, end: _e, indicatorName: _n, strive: _s, confidence: _c, ...x }) => ({ ...x, sourceOffset: start ?? null }),
    ),
    removedTargets: [second],
  };
  const saved = await t.app.inject({ method: 'POST', url: '/api/plans', headers: commune, payload: body });
  assert.equal(saved.statusCode, 201, saved.body);
  const p = (await t.app.inject({ method: 'GET', url: `/api/plans/${saved.json().id}`, headers: commune })).json();
  assert.equal(p.targets.length, 20);
  assert.equal(p.links[0].parentPlanId, apId);
  assert.deepEqual(p.corrections.map((c: { action: string }) => c.action).sort(), ['add', 'correct', 'remove']);
  for (const c of p.corrections) {
    assert.equal(c.username, 'can-bo-thu-lum');
    assert.ok(c.correctedAt);
  }
  const corr = p.corrections.find((c: { action: string }) => c.action === 'correct');
  assert.equal(corr.before.value, first.value);
  assert.equal(corr.after.value, first.value + 1);
  assert.equal(p.targets.find((x: { origin: string }) => x.origin === 'corrected').value, first.value + 1);
});

test('a parent plan id the officer cannot see is refused with its field path', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: commune,
    payload: {
      unitCode: '03439',
      kind: 'plan',
      number: null,
      issuer: null,
      place: null,
      issuedOn: null,
      issuedOnText: null,
      title: 'Kế hoạch thử',
      signer: null,
      signerTitle: null,
      implements: [{ reference: 'x', number: null, planId: 999999 }],
      sections: [],
      targets: [],
      tasks: [],
      assignments: [],
      recipients: [],
      sourceText: null,
      sourceFile: null,
    },
  });
  assert.equal(r.statusCode, 400, r.body);
  assert.equal(r.json().errors[0].path, '/body/implements/0/planId');
});
