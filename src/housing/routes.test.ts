// Housing cases over HTTP (issue 13 item 1) on PGlite and PostgreSQL: a house from survey to
// handover with the level of Decision 21/2024/QĐ-TTg (60,000,000 VND for a new house of a merit
// household, unverified), funding by source (audited), the province summary; bad input (a stage
// backwards, a negative amount, a future date) answered with problem+json field paths and nothing
// changed; the survey import's row-level report (idempotent); the commune scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { formData } from '../../test/helpers/form.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { registryMember } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const hh: Record<string, number> = {};
const member = (o: Record<string, unknown>) =>
  registryMember({ fullName: 'Lò Thị Xuân', dateOfBirth: '1950-02-03', sex: 'F', ethnicCode: '01', merit: true, ...o });
const n = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.k)).rows[0]!.n;
const post = (url: string, payload: unknown, who = 'officer') => t.app.inject({ method: 'POST', url, headers: h[who], payload: payload as object });
const get = (url: string, who = 'officer') => t.app.inject({ method: 'GET', url, headers: h[who] });

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2025-03-20T03:00:00Z') });
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['supervisor', 'supervisor', '12'],
    ['other', 'officer', '15889'],
  ] as const)
    h[name] = await sessionHeaders(t.db, await createTestUser(t.db, { username: `housing-${name}`, role, unitCode: unit }));
  for (const code of ['NO-1', 'NO-2', 'NO-3']) {
    const r = await post('/api/registry/units/03439/households', {
      household: {
        code,
        villageId: null,
        address: 'Bản Thu Lũm',
        area: 'rural',
        incomePerMonth: 1_200_000,
        deprivations: {},
        disadvantagedArea: false,
        merit: true,
      },
      members: [member({ fullName: `Chủ hộ ${code}` })],
      reason: 'đăng ký mới',
    });
    assert.equal(r.statusCode, 201, r.body);
    hh[code] = r.json().householdId;
  }
});
after(async () => t.close());

let caseId = 0;

test('survey → approved: Decision 21/2024/QĐ-TTg level 60,000,000 VND (new house, merit household) at the decision date, marked unverified', async () => {
  const r = await post('/api/housing/cases', {
    householdId: hh['NO-1'],
    group: 'merit',
    programme: 'qd21',
    supportType: 'new',
    condition: 'Nhà tạm, vách nứa, mái lá dột',
    surveyDate: '2025-01-06',
  });
  assert.equal(r.statusCode, 201, r.body);
  caseId = r.json().id;
  const a = await post(`/api/housing/cases/${caseId}/stages`, { stage: 'approved', date: '2025-01-20', decision: { number: '15/QĐ-UBND' } });
  assert.equal(a.statusCode, 200, a.body);
  const d = (await get(`/api/housing/cases/${caseId}`)).json();
  assert.equal(d.case.stage, 'approved');
  assert.deepEqual(d.case.level, { amount: 60_000_000, status: 'unverified', basis: 'Quyết định 21/2024/QĐ-TTg, Điều 3 (mức hỗ trợ)' });
  assert.deepEqual(d.case.decision, { number: '15/QĐ-UBND', date: '2025-01-20' });
  assert.deepEqual(
    d.stages.map((s: { stage: string; confirmedBy: string }) => [s.stage, s.confirmedBy]),
    [
      ['surveyed', 'housing-officer'],
      ['approved', 'housing-officer'],
    ],
  );
});

test('a second case for the same household and programme is refused (409)', async () => {
  const r = await post('/api/housing/cases', {
    householdId: hh['NO-1'],
    group: 'merit',
    programme: 'qd21',
    supportType: 'repair',
    condition: '',
    surveyDate: '2025-01-06',
  });
  assert.equal(r.statusCode, 409, r.body);
});

test('bad input: backwards stage, approval without decision, future date, negative amount: problem+json with the field, nothing changed', async () => {
  const before = [await n('housing_case_stages'), await n('housing_case_funding'), await n('audit_log')];
  const back = await post(`/api/housing/cases/${caseId}/stages`, { stage: 'surveyed', date: '2025-02-01' });
  assert.equal(back.statusCode, 400);
  assert.match(back.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(back.json().errors[0].path, '/body/stage');
  assert.match(JSON.stringify(back.json()), /các bước chỉ đi tiếp/);
  const future = await post(`/api/housing/cases/${caseId}/stages`, { stage: 'started', date: '2025-04-01' });
  assert.equal(future.json().errors[0].path, '/body/date');
  const early = await post(`/api/housing/cases/${caseId}/stages`, { stage: 'started', date: '2025-01-10' });
  assert.equal(early.json().errors[0].path, '/body/date', 'before the approval');
  const nodec = await post('/api/housing/cases', {
    householdId: hh['NO-2'],
    group: 'poor',
    programme: 'ntp_poverty',
    supportType: 'new',
    condition: '',
    surveyDate: '2025-01-02',
  });
  assert.equal(nodec.statusCode, 201);
  const noDecision = await post(`/api/housing/cases/${nodec.json().id}/stages`, { stage: 'approved', date: '2025-01-20' });
  assert.equal(noDecision.json().errors[0].path, '/body/decision/number');
  before[0]! += 1;
  before[2]! += 1;
  const neg = await post(`/api/housing/cases/${caseId}/funding`, { source: 'central', amount: -5_000_000, date: '2025-02-01' });
  assert.equal(neg.statusCode, 400);
  assert.equal(neg.json().errors[0].path, '/body/amount');
  const fut = await post(`/api/housing/cases/${caseId}/funding`, { source: 'central', amount: 5_000_000, date: '2025-05-01' });
  assert.equal(fut.json().errors[0].path, '/body/date');
  const other = await post('/api/housing/cases', {
    householdId: hh['NO-2'],
    group: 'poor',
    programme: 'nq_poor',
    supportType: 'new',
    condition: '',
    surveyDate: '2025-06-01',
  });
  assert.equal(other.json().errors[0].path, '/body/surveyDate');
  assert.deepEqual([await n('housing_case_stages'), await n('housing_case_funding'), await n('audit_log')], before);
  assert.equal((await get(`/api/housing/cases/${caseId}`)).json().case.stage, 'approved');
});

test('funding by source is audited with the amount; started → completed → handed over; the province sees stages, communes and money', async () => {
  for (const [source, amount] of [
    ['central', 40_000_000],
    ['local', 10_000_000],
    ['mobilised', 10_000_000],
  ] as const) {
    const r = await post(`/api/housing/cases/${caseId}/funding`, { source, amount, date: '2025-02-01', note: 'đợt 1' });
    assert.equal(r.statusCode, 201, r.body);
  }
  const audited = await sql<{
    after: { amount: number; source: string };
  }>`select after from audit_log where action = 'housing_case.funding' order by seq`.execute(t.db.k);
  assert.deepEqual(
    audited.rows.map((r) => [r.after.source, r.after.amount]),
    [
      ['central', 40_000_000],
      ['local', 10_000_000],
      ['mobilised', 10_000_000],
    ],
  );
  for (const [stage, date] of [
    ['started', '2025-02-03'],
    ['completed', '2025-03-10'],
    ['handed_over', '2025-03-15'],
  ] as const)
    assert.equal((await post(`/api/housing/cases/${caseId}/stages`, { stage, date })).statusCode, 200);
  const late = await post('/api/housing/cases', {
    householdId: hh['NO-2'],
    group: 'poor',
    programme: 'nq_poor',
    supportType: 'repair',
    condition: 'Mái dột',
    surveyDate: '2025-02-01',
  });
  assert.equal(late.statusCode, 201, late.body);
  const s = await get('/api/housing/units/12/summary', 'supervisor');
  assert.equal(s.statusCode, 200, s.body);
  const sum = s.json();
  assert.equal(sum.total, 3);
  assert.equal(sum.stages.handed_over, 1);
  assert.equal(sum.stages.surveyed, 2);
  assert.equal(sum.communes.length, 1);
  assert.equal(sum.moneyTotal, 60_000_000);
  assert.deepEqual(
    sum.money.map((m: { source: string; amount: number }) => [m.source, m.amount]),
    [
      ['central', 40_000_000],
      ['local', 10_000_000],
      ['mobilised', 10_000_000],
    ],
  );
  const list = (await get('/api/housing/units/03439/cases?stage=handed_over')).json();
  assert.equal(list.total, 1);
  assert.equal(list.items[0].funded, 60_000_000);
});

test('another commune does not see the case (404) and cannot move it', async () => {
  assert.equal((await get(`/api/housing/cases/${caseId}`, 'other')).statusCode, 404);
  assert.equal((await post(`/api/housing/cases/${caseId}/funding`, { source: 'local', amount: 1_000_000, date: '2025-02-01' }, 'other')).statusCode, 404);
  assert.equal((await get('/api/housing/units/15889/cases', 'other')).json().total, 0);
});

async function upload(csv: string, dryRun = false) {
  const f = await formData({ file: { name: 'khao-sat.csv', content: Buffer.from(csv, 'utf8') } });
  return t.app.inject({
    method: 'POST',
    url: `/api/housing/units/03439/imports${dryRun ? '?dryRun=true' : ''}`,
    headers: { ...h.officer, 'content-type': f.contentType },
    payload: f.payload,
  });
}

test('survey import: a row in error → row-level report, nothing written; corrected → created; again → exists (idempotent)', async () => {
  const header = 'Mã hộ,Nhóm,Chương trình,Hình thức,Hiện trạng nhà,Ngày khảo sát\n';
  const casesBefore = await n('housing_cases');
  const bad = await upload(header + 'NO-3,Người có công,qd21,Xây mới,Nhà tạm,10/01/2025\nNO-404,Hộ nghèo,nq_poor,Sửa chữa,,31/02/2025\n');
  assert.equal(bad.statusCode, 200, bad.body);
  const r = bad.json();
  assert.equal(r.written, false);
  assert.equal(r.errors, 1);
  assert.equal(r.rows[1].row, 3);
  assert.deepEqual(r.rows[1].errors.map((e: { field: string }) => e.field).sort(), ['householdCode', 'surveyDate']);
  assert.equal(await n('housing_cases'), casesBefore);
  const good = await upload(header + 'NO-3,Người có công,qd21,Xây mới,Nhà tạm,10/01/2025\nNO-1,Người có công,qd21,Xây mới,,06/01/2025\n');
  assert.deepEqual([good.json().written, good.json().created, good.json().exists], [true, 1, 1]);
  assert.equal(await n('housing_cases'), casesBefore + 1);
  const again = await upload(header + 'NO-3,Người có công,qd21,Xây mới,Nhà tạm,10/01/2025\n');
  assert.deepEqual([again.json().created, again.json().exists], [0, 1]);
  assert.equal(await n('housing_cases'), casesBefore + 1);
});

test('photos and documents per stage: type read from the bytes, a stage not reached refused, nothing saved on a refusal; listed with the case', async () => {
  // The NO-3 case imported above, still at its survey.
  const id = (await sql<{ id: number }>`select id from housing_cases where household_id = ${hh['NO-3']!}`.execute(t.db.k)).rows[0]!.id;
  const upload = async (fields: Parameters<typeof formData>[0], who = 'officer') => {
    const f = await formData(fields);
    return t.app.inject({
      method: 'POST',
      url: `/api/housing/cases/${id}/documents`,
      headers: { ...h[who], 'content-type': f.contentType },
      payload: f.payload,
    });
  };
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const before = [await n('housing_case_documents'), await n('audit_log')];
  const fake = await upload({ stage: 'surveyed', file: { name: 'nha.jpg', content: 'MZ not an image', type: 'image/jpeg' } });
  assert.deepEqual([fake.statusCode, fake.json().errors[0].path], [415, '/body/file'], 'named .jpg and sent as image/jpeg, but not one by its bytes');
  const ahead = await upload({ stage: 'approved', file: { name: 'duyet.png', content: png, type: 'image/png' } });
  assert.deepEqual([ahead.statusCode, ahead.json().errors[0].path], [400, '/body/stage'], 'the case is only surveyed');
  const none = await upload({ stage: 'surveyed' });
  assert.deepEqual([none.statusCode, none.json().errors[0].path], [400, '/body/file']);
  assert.equal((await upload({ stage: 'surveyed', file: { name: 'a.png', content: png } }, 'other')).statusCode, 404, 'another commune');
  assert.deepEqual([await n('housing_case_documents'), await n('audit_log')], before);

  const ok = await upload({ stage: 'surveyed', file: { name: 'hien-trang.png', content: png, type: 'application/octet-stream' } });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual([ok.json().stage, ok.json().contentType], ['surveyed', 'image/png']);
  const pdf = await upload({ stage: 'surveyed', file: { name: 'QĐ 15.pdf', content: '%PDF-1.4\n%%EOF\n' } });
  assert.equal(pdf.json().contentType, 'application/pdf');
  const d = (await get(`/api/housing/cases/${id}`)).json();
  assert.deepEqual(
    d.documents.map((x: { stage: string; fileName: string; contentType: string; size: number; uploadedBy: string }) => [
      x.stage,
      x.fileName,
      x.contentType,
      x.size,
      x.uploadedBy,
    ]),
    [
      ['surveyed', 'hien-trang.png', 'image/png', 12, 'housing-officer'],
      ['surveyed', 'QĐ 15.pdf', 'application/pdf', 15, 'housing-officer'],
    ],
  );
  const file = await get(`/api/housing/cases/${id}/documents/${ok.json().id}`);
  assert.deepEqual([file.statusCode, file.headers['content-type'], file.rawPayload.length], [200, 'image/png', 12]);
  assert.equal((await get(`/api/housing/cases/${id}/documents/${ok.json().id}`, 'other')).statusCode, 404);
  const a = (await sql<{ action: string; after: { sha256: string } }>`select action, after from audit_log order by seq desc limit 1`.execute(t.db.k)).rows[0]!;
  assert.equal(a.action, 'housing_document.upload');
  assert.match(a.after.sha256, /^[0-9a-f]{64}$/);
});
