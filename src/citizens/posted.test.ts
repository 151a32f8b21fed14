// Posted lists (issue 14 item 3) against the law's own numbers, on the working calendar of 2026
// (Tết Bính Ngọ 16–20/02/2026, Giỗ Tổ 26/04 with its make-up day 27/04, 30/04 and 01/05):
// - the review result of monthly social assistance is posted 2 working days (Decree 20/2021
//   Art. 8 as changed by Decree 147/2025): posted Friday 13/02/2026, it stays to the end of
//   Tuesday 24/02/2026, the Tết week not counted;
// - the annual poor and near-poor review is posted 3 working days (Decision 24/2021/QĐ-TTg
//   Art. 4): posted Friday 24/04/2026, to Monday 04/05/2026.
// The public page shows only the name, hamlet and group (no ID number, no HIV information), a
// comment with markup is refused and nothing is stored, a comment reaches the officer's work
// list, and the decision comes after the period with every comment answered and kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { communeByCode } from '../registry/store.ts';
import { insertApplication } from './store.ts';
import { commentProblems, entryProblems, postingPeriod } from './posted.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let chair: Record<string, string>;
let other: Record<string, string>;
let now = new Date('2026-02-13T03:00:00Z'); // 10:00 in Vietnam, Friday 13/02/2026
let applicationId: number;
const SECRET_ID = '011150004321';

before(async () => {
  t = await testApp(undefined, { now: () => now });
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'ny-officer', role: 'officer', unitCode: '03439' }));
  chair = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'ny-chair', role: 'leader', unitCode: '03439' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'ny-officer-2', role: 'officer', unitCode: '15889' }));
  const commune = (await communeByCode(t.db.k, '03439'))!;
  applicationId = await insertApplication(
    t.db.k,
    commune,
    {
      trackingCode: '7KQ2M9XRT4BD',
      procedure: 'tro-cap-xa-hoi-hang-thang',
      channel: 'online',
      applicantName: 'Chu Thị Mai',
      personalId: SECRET_ID,
      birthDate: '1950-03-10',
      phone: '0912345678',
      address: 'Bản Pa Thắng',
      note: '',
      receivedOn: '2026-02-02',
      receivedBy: null,
    },
    [],
  );
});
after(async () => t.close());

test('the posting periods on the working calendar: 2 working days across Tết, 3 across Giỗ Tổ and 30/04–01/05', () => {
  const a = postingPeriod('assistance-review', '2026-02-13');
  assert.equal(a.due, '2026-02-24');
  assert.equal(a.basis, 'Nghị định 20/2021/NĐ-CP, Điều 8');
  assert.equal(a.days, 2);
  assert.equal(a.counting, 'working');
  const p = postingPeriod('poverty-review', '2026-04-24');
  assert.equal(p.due, '2026-05-04');
  assert.match(p.basis, /Quyết định 24\/2021\/QĐ-TTg, Điều 4/);
  assert.deepEqual(
    p.skipped.map((s) => s.date),
    ['2026-04-25', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03'],
  );
});

test('only name, hamlet and group may be posted: no ID number, no phone, no HIV information; the poverty groups are a vocabulary', () => {
  assert.deepEqual(entryProblems('assistance-review', [{ fullName: 'Chu Thị Mai', hamlet: 'Bản Pa Thắng', group: 'Người cao tuổi' }]), []);
  const bad = entryProblems('assistance-review', [
    { fullName: 'Chu Thị Mai 011150004321', hamlet: 'Bản Pa Thắng', group: 'Người cao tuổi' },
    { fullName: 'Lò Văn Hùng', hamlet: 'Bản Mới', group: 'Người nhiễm HIV thuộc hộ nghèo' },
    { fullName: '<b>Lò</b> Văn Hùng', hamlet: 'Bản Mới', group: 'Trẻ em' },
  ]);
  assert.deepEqual(
    bad.map((e) => e.path),
    ['/body/entries/0/fullName', '/body/entries/1/group', '/body/entries/2/fullName'],
  );
  assert.match(bad[1]!.message.vi, /HIV.*Điều 8/);
  assert.deepEqual(
    entryProblems('poverty-review', [{ fullName: 'Lò Văn Hùng', hamlet: 'Bản Mới', group: 'Nghèo lắm' }]).map((e) => e.path),
    ['/body/entries/0/group'],
  );
  assert.deepEqual(
    entryProblems('poverty-review', []).map((e) => e.path),
    ['/body/entries'],
  );
  assert.deepEqual(
    commentProblems({ author: 'X', body: '<script>alert(1)</script> danh sách sai' }).map((e) => e.path),
    ['/body/body', '/body/author'],
  );
});

test('a list from intake to decision: public page with only the allowed fields, a comment refused for markup, one received, the work list, the decision after the period', async () => {
  // Posting in the past is refused; an entry with an ID number is refused and nothing is stored.
  const url = '/api/citizens/units/03439/posted-lists';
  let r = await t.app.inject({
    method: 'POST',
    url,
    headers: officer,
    payload: { kind: 'assistance-review', title: 'Danh sách đề nghị hưởng trợ cấp tháng 2/2026', postedOn: '2026-02-12', entries: [] },
  });
  assert.equal(r.statusCode, 400, r.body);
  assert.deepEqual(
    r.json().errors.map((e: { path: string }) => e.path),
    ['/body/postedOn', '/body/entries'],
  );
  r = await t.app.inject({
    method: 'POST',
    url,
    headers: officer,
    payload: {
      kind: 'assistance-review',
      title: 'Danh sách đề nghị hưởng trợ cấp tháng 2/2026',
      postedOn: '2026-02-13',
      entries: [{ fullName: 'Lò Văn Hùng', hamlet: 'Bản Mới', group: 'Người khuyết tật nặng' }],
      applications: [{ id: applicationId, hamlet: 'Bản Pa Thắng', group: 'Người cao tuổi từ đủ 80 tuổi' }],
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const { id, postedUntil } = r.json();
  assert.equal(postedUntil, '2026-02-24');
  // Another commune's officer may not post for 03439.
  r = await t.app.inject({
    method: 'POST',
    url,
    headers: other,
    payload: { kind: 'assistance-review', title: 'Danh sách thử', postedOn: '2026-02-13', entries: [] },
  });
  assert.equal(r.statusCode, 403);

  // The public page: the name from the application, hamlet and group; nothing else.
  r = await t.app.inject({ method: 'GET', url: `/api/public/posted-lists/${id}` });
  assert.equal(r.statusCode, 200, r.body);
  const pub = r.json();
  assert.deepEqual(
    pub.entries.map((e: { fullName: string }) => e.fullName),
    ['Lò Văn Hùng', 'Chu Thị Mai'],
  );
  for (const e of pub.entries) assert.deepEqual(Object.keys(e).sort(), ['fullName', 'group', 'hamlet', 'position']);
  assert.ok(!r.body.includes(SECRET_ID) && !r.body.includes('1950') && !r.body.includes('0912345678'));
  assert.equal(pub.list.period.postedUntil, '2026-02-24');
  assert.equal(pub.list.period.workingDays, 2);
  r = await t.app.inject({ method: 'GET', url: '/api/public/posted-lists?commune=03439' });
  assert.deepEqual(
    r.json().items.map((l: { id: number }) => l.id),
    [id],
  );

  // A comment with an HTML payload is refused with its field, and nothing is stored.
  const comment = (payload: object) => t.app.inject({ method: 'POST', url: `/api/public/posted-lists/${id}/comments`, payload });
  r = await comment({ author: 'Nguyễn Văn B', body: '<img src=x onerror=alert(1)> bà Mai có lương hưu' });
  assert.equal(r.statusCode, 400);
  assert.deepEqual(
    r.json().errors.map((e: { path: string }) => e.path),
    ['/body/body'],
  );
  r = await comment({ author: 'Nguyễn Văn B', body: 'x'.repeat(2001) });
  assert.equal(r.statusCode, 400);
  const stored = async () => Number((await sql<{ n: number }>`select count(*)::int as n from posted_list_comments`.execute(t.db.k)).rows[0]!.n);
  assert.equal(await stored(), 0);
  r = await comment({ author: 'Nguyễn Văn B', contact: '0987654321', body: 'Ông Hùng đã chuyển đi nơi khác từ tháng 12.' });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(await stored(), 1);

  // The comment reaches the officer's work list.
  r = await t.app.inject({ method: 'GET', url: '/api/home', headers: officer });
  const item = r.json().items.find((i: { kind: string }) => i.kind === 'posted_comments');
  assert.equal(item?.count, 1, r.body);
  assert.equal(item.date, '2026-02-13');

  // The decision: not by the officer, not within the period, not with a comment unanswered.
  const decide = (h: Record<string, string>, decidedOn: string) =>
    t.app.inject({ method: 'POST', url: `/api/citizens/posted-lists/${id}/decide`, headers: h, payload: { decisionNumber: '12/QĐ-UBND', decidedOn } });
  assert.equal((await decide(officer, '2026-02-13')).statusCode, 403);
  now = new Date('2026-02-25T03:00:00Z');
  r = await decide(chair, '2026-02-24');
  assert.equal(r.statusCode, 400);
  assert.deepEqual(
    r.json().errors.map((e: { path: string }) => e.path),
    ['/body/decidedOn', '/body'],
  );
  // The list is off the public page after its period; a comment then is refused.
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/public/posted-lists/${id}` })).statusCode, 404);
  assert.equal((await comment({ author: 'Nguyễn Văn C', body: 'Góp ý sau thời hạn niêm yết.' })).statusCode, 404);

  r = await t.app.inject({ method: 'GET', url: `/api/citizens/posted-lists/${id}`, headers: officer });
  const cid = r.json().comments[0].id;
  r = await t.app.inject({
    method: 'POST',
    url: `/api/citizens/posted-lists/${id}/comments/${cid}/answer`,
    headers: officer,
    payload: { answer: 'Đã xác minh: ông Hùng vẫn cư trú tại Bản Mới.' },
  });
  assert.equal(r.statusCode, 200, r.body);
  r = await decide(chair, '2026-02-25');
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().comments, 1);

  // The comments stay with the decided list; another commune's officer does not see it.
  r = await t.app.inject({ method: 'GET', url: `/api/citizens/posted-lists/${id}`, headers: officer });
  const d = r.json();
  assert.equal(d.list.state, 'decided');
  assert.equal(d.list.decision.number, '12/QĐ-UBND');
  assert.equal(d.comments[0].state, 'considered');
  assert.equal(d.entries[1].applicationId, applicationId);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/citizens/posted-lists/${id}`, headers: other })).statusCode, 404);
  r = await t.app.inject({ method: 'GET', url: '/api/home', headers: officer });
  assert.equal(
    r.json().items.some((i: { kind: string }) => i.kind === 'posted_comments'),
    false,
  );
});
