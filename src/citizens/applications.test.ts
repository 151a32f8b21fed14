// Applications (issue 14 item 2) from the public form to the commune chair's decision, with the
// law's deadlines on the working calendar of 2026 (Tết Bính Ngọ 16–20/02/2026 as announced):
// filed on Tuesday 10/02/2026, the review is due in 7 working days (Decree 20/2021 Art. 8) on
// 26/02, the posting's 2 working days end on 02/03 and the chair decides within 10 working days
// (Decree 147/2025 Art. 5) by 03/03/2026, the Tết week not counted. A grant of monthly social
// assistance becomes the registry's benefit decision, paid from the month of signature.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import * as reg from '../registry/store.ts';
import type { PersonInput } from '../registry/model.ts';
import { maskName, newTrackingCode, normaliseTrackingCode, personalIdProblem } from './model.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let chair: Record<string, string>;
let otherChair: Record<string, string>;
let personId: number;
const NOW = new Date('2026-02-10T03:00:00Z'); // 10:00 in Vietnam, Tuesday 10/02/2026
const MAI_ID = '011150004321'; // female, born in the 1900s (4th digit 1), year 50

const person = (o: Partial<PersonInput>): PersonInput => ({
  personalId: null,
  fullName: '',
  dateOfBirth: '',
  sex: 'M',
  ethnicCode: '03',
  relation: 'head',
  disability: 'none',
  pension: false,
  socialInsurance: 'none',
  healthInsurance: true,
  schooling: 'none',
  conditions: [],
  merit: false,
  ...o,
});

before(async () => {
  t = await testApp(undefined, { now: () => NOW });
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'app-officer', role: 'officer', unitCode: '03439' }));
  chair = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'app-chair', role: 'leader', unitCode: '03439' }));
  otherChair = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'app-chair-2', role: 'leader', unitCode: '15889' }));
  const commune = (await reg.communeByCode(t.db.k, '03439'))!;
  const { personIds } = await reg.registerHousehold(
    t.db.k,
    commune,
    {
      code: 'HS-1',
      villageId: null,
      address: 'Bản Pa Thắng',
      area: 'rural',
      incomePerMonth: 3_000_000,
      deprivations: {},
      disadvantagedArea: false,
      merit: false,
    },
    [
      person({
        fullName: 'Chu Thị Mai',
        personalId: MAI_ID,
        dateOfBirth: '1950-03-10',
        sex: 'F',
        disability: 'severe',
        disabilityCertifiedOn: '2020-01-10',
      }),
    ],
    { by: 'test', reason: 'đăng ký mới' },
  );
  personId = personIds[0]!;
});
after(async () => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.from('MZ\x90\x00 this is not a document');

function multipart(fields: Record<string, string>, files: { name: string; content: Buffer; type?: string }[] = []) {
  const boundary = '----ansinh' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="documents"; filename="${f.name}"\r\ncontent-type: ${f.type ?? 'application/pdf'}\r\n\r\n`,
      ),
    );
    parts.push(f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const form = (o: Record<string, string> = {}) => ({
  procedure: 'tro-cap-xa-hoi-hang-thang',
  communeCode: '03439',
  applicantName: 'Chu Thị Mai',
  personalId: MAI_ID,
  birthDate: '1950-03-10',
  phone: '0912345678',
  ...o,
});

async function file(
  fields: Record<string, string>,
  files = [{ name: 'to-khai.pdf', content: PDF }],
  headers: Record<string, string> = {},
  url = '/api/public/applications',
) {
  const m = multipart(fields, files);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, ...headers } });
}

const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from citizen_applications`.execute(t.db.k)).rows[0]!.n);

test('the tracking code: 12 Crockford symbols (60 bits), read back whatever the case, dashes, O for 0 or I/L for 1', () => {
  const c = newTrackingCode();
  assert.match(c, /^[0-9A-HJKMNP-TV-Z]{12}$/);
  assert.equal(normaliseTrackingCode('7kq2-m9xr-t4bd'), '7KQ2M9XRT4BD');
  assert.equal(normaliseTrackingCode('OOOO-IIII-LLLL'), '000011111111');
  assert.equal(normaliseTrackingCode('7KQ2-M9XR'), null);
  assert.equal(normaliseTrackingCode('7KQ2-M9XR-T4B<'), null);
  assert.equal(maskName('Chu Thị Mai'), 'C. T. Mai');
  // Thông tư 59/2021/TT-BCA Điều 7: the 4th digit gives the sex and century, the 5th–6th the year of birth.
  assert.equal(personalIdProblem(MAI_ID, '1950-03-10'), null);
  assert.ok(personalIdProblem('011050004321', '2050-03-10'));
  assert.ok(personalIdProblem('01115000432', '1950-03-10'));
});

let code = '';

test('a citizen files online without an account: a tracking code, and the status page shows each step with its deadline in working days across Tết 2026', async () => {
  const r = await file(form());
  assert.equal(r.statusCode, 201, r.body);
  const filed = r.json();
  assert.match(filed.trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  code = filed.trackingCode;
  const s = await t.app.inject({ method: 'GET', url: `/api/public/applications/${code.toLowerCase()}` });
  assert.equal(s.statusCode, 200, s.body);
  const st = s.json();
  assert.deepEqual(
    st.steps.map((x: { key: string; due: string }) => [x.key, x.due]),
    [
      ['received', '2026-02-10'],
      ['review', '2026-02-26'], // 7 working days, Decree 20/2021 Art. 8; 16–20/02 Tết not counted
      ['posting', '2026-03-02'], // 2 working days from the end of the review
      ['decision', '2026-03-03'], // 10 working days, Decree 147/2025 Art. 5
    ],
  );
  assert.match(st.steps[3].explanation.vi, /Tết Âm lịch/);
  assert.equal(st.applicant, 'C. T. Mai');
  assert.equal(st.state, 'received');
  assert.equal(st.decision, null);
  // Nothing personal beyond the masked name: no ID number, date of birth or phone.
  for (const v of [MAI_ID, '1950-03-10', '0912345678', 'Chu Thị Mai']) assert.ok(!s.body.includes(v), v);
  const guess = await t.app.inject({ method: 'GET', url: `/api/public/applications/${newTrackingCode()}` });
  assert.equal(guess.statusCode, 404);
  assert.equal(guess.headers['content-type'], 'application/problem+json; charset=utf-8');
});

test('bad input: a malformed ID number, a name with HTML, an executable, a file over 5 MB, an unknown commune: a clear error and nothing stored', async () => {
  const before = await count();
  const id = await file(form({ personalId: '0111500043' }));
  assert.equal(id.statusCode, 400);
  assert.ok(
    id.json().errors.some((e: { path: string }) => e.path === '/body/personalId'),
    id.body,
  );
  const century = await file(form({ personalId: '011250004321' }));
  assert.equal(century.statusCode, 400, 'the 4th digit says born in the 2000s');
  const html = await file(form({ applicantName: '<script>alert(1)</script>' }));
  assert.equal(html.statusCode, 400);
  const exe = await file(form(), [{ name: 'to-khai.pdf', content: EXE }]);
  assert.equal(exe.statusCode, 415, exe.body);
  assert.equal(exe.json().errors[0].path, '/body/documents/0');
  const big = await file(form(), [{ name: 'scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]) }]);
  assert.equal(big.statusCode, 413, big.body);
  const commune = await file(form({ communeCode: '99999' }));
  assert.equal(commune.statusCode, 400);
  assert.ok(commune.json().errors.some((e: { path: string }) => e.path === '/body/communeCode'));
  const notForm = await t.app.inject({ method: 'POST', url: '/api/public/applications', payload: form() });
  assert.equal(notForm.statusCode, 415);
  assert.equal(await count(), before);
});

test("the officer files at the counter and sees the commune's applications by working days left, late first", async () => {
  const r = await file(
    form({ procedure: 'tro-cap-huu-tri-xa-hoi', applicantName: 'Lò Văn Pền', personalId: '011046001234', birthDate: '1946-11-20' }),
    [],
    officer,
    '/api/citizens/applications',
  );
  assert.equal(r.statusCode, 201, r.body);
  const anon = await file(form(), [], {}, '/api/citizens/applications');
  assert.equal(anon.statusCode, 401);
  // One received on 20/01/2026: its 10 working days ended on 03/02/2026: late.
  const old = await file(form({ applicantName: 'Lò Thị Ún' }));
  await sql`update citizen_applications set received_on = '2026-01-20' where tracking_code = ${normaliseTrackingCode(old.json().trackingCode)}`.execute(t.db.k);
  const list = await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/applications', headers: officer });
  assert.equal(list.statusCode, 200, list.body);
  const items = list.json().items as { applicantName: string; daysLeft: number; due: string; late: boolean; personalId: string; channel: string }[];
  assert.equal(items[0]!.applicantName, 'Lò Thị Ún');
  assert.equal(items[0]!.due, '2026-02-03');
  assert.equal(items[0]!.late, true);
  assert.ok(items[0]!.daysLeft < 0);
  assert.equal(list.json().late, 1);
  const mai = items.find((i) => i.applicantName === 'Chu Thị Mai')!;
  assert.equal(mai.daysLeft, 10);
  assert.equal(mai.personalId, '011******321');
  assert.ok(items.some((i) => i.channel === 'counter'));
  const outside = await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/applications', headers: otherChair });
  assert.equal(outside.statusCode, 404);
});

test("the chair's decision: a refusal needs written reasons; a grant becomes the benefit decision paid from the month of signature; once only, in the commune only", async () => {
  const list = (await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/applications', headers: chair })).json().items as {
    id: number;
    trackingCode: string;
  }[];
  const app = list.find((i) => i.trackingCode === code)!;
  const decide = (body: Record<string, unknown>, headers = chair) =>
    t.app.inject({ method: 'POST', url: `/api/citizens/applications/${app.id}/decide`, headers, payload: body });
  const noReason = await decide({ outcome: 'refused', decidedOn: '2026-02-10', signer: 'Chủ tịch UBND xã', reasons: 'không' });
  assert.equal(noReason.statusCode, 400);
  assert.ok(noReason.json().errors.some((e: { path: string }) => e.path === '/body/reasons'));
  assert.equal((await decide({ outcome: 'granted', decidedOn: '2026-02-10', signer: 'Chủ tịch', number: '5/QĐ-UBND' }, officer)).statusCode, 403);
  assert.equal(
    (await decide({ outcome: 'granted', decidedOn: '2026-02-10', signer: 'Chủ tịch', number: '5/QĐ-UBND' }, otherChair)).statusCode,
    404,
    'another commune: not found (row-level security)',
  );
  const ok = await decide({ outcome: 'granted', decidedOn: '2026-02-10', signer: 'Chủ tịch UBND xã', number: '5/QĐ-UBND' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().personId, personId);
  const d = await t.db.k.selectFrom('benefit_decisions').selectAll().where('id', '=', ok.json().benefitDecisionId).executeTakeFirstOrThrow();
  assert.deepEqual([d.person_id, d.kind, d.start_month, d.number], [personId, 'start', 202602, '5/QĐ-UBND']);
  assert.ok((d.monthly_amount ?? 0) > 0, 'the law engine gave the amount (severe disability, Decree 20/2021 Art. 5 cl. 6)');
  assert.equal((await decide({ outcome: 'refused', decidedOn: '2026-02-10', signer: 'x', reasons: 'đã quyết định rồi' })).statusCode, 409);
  const s = (await t.app.inject({ method: 'GET', url: `/api/public/applications/${code}` })).json();
  assert.equal(s.state, 'granted');
  assert.deepEqual([s.decision.outcome, s.decision.number, s.decision.onTime], ['granted', '5/QĐ-UBND', true]);
  assert.ok(s.steps.every((x: { state: string }) => x.state === 'done'));
  const actions = await sql<{ action: string }>`select action from audit_log where entity in ('citizen_application', 'benefit_decision') order by seq`.execute(
    t.db.k,
  );
  assert.deepEqual(
    actions.rows.map((r) => r.action).filter((a) => a !== 'citizen_application.file'),
    ['decision.start', 'citizen_application.granted'],
  );
});

test('a refusal with reasons is shown to the applicant on the status page', async () => {
  const r = await file(form({ applicantName: 'Lò Văn Sáng', personalId: '011080001111', birthDate: '1980-05-05' }));
  const tracking = r.json().trackingCode;
  const id = (await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/applications', headers: chair }))
    .json()
    .items.find((i: { trackingCode: string }) => i.trackingCode === tracking).id;
  const reasons = 'Ông không thuộc diện của Điều 5 Nghị định 20/2021/NĐ-CP: chưa có giấy xác nhận khuyết tật.';
  const d = await t.app.inject({
    method: 'POST',
    url: `/api/citizens/applications/${id}/decide`,
    headers: chair,
    payload: { outcome: 'refused', decidedOn: '2026-02-10', signer: 'Chủ tịch UBND xã', reasons },
  });
  assert.equal(d.statusCode, 200, d.body);
  assert.equal(d.json().benefitDecisionId, null);
  const s = (await t.app.inject({ method: 'GET', url: `/api/public/applications/${tracking}` })).json();
  assert.deepEqual([s.state, s.decision.reasons], ['refused', reasons]);
});
