// Complaints and denunciations (issue 14 item 4) against the laws' own numbers, on the calendar of
// 2026 (Tết 16–20/02 as announced). Law on Complaints 2011: accept within 10 days (Art. 27), a
// first complaint settled within 30 days of acceptance, 45 complex, 60 complex in a remote area
// (Art. 28); Law on Denunciations 2018: settle within 30 days, extended at most twice by 30 days
// (Art. 30 cl. 1); a period that ends on a day off ends on the next working day (Civil Code 2015
// Art. 148 cl. 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { acceptDeadline, settleDeadline, extendedDeadline, settleRule } from './complaints.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let other: Record<string, string>;
const NOW = new Date('2026-02-10T03:00:00Z');

before(async () => {
  t = await testApp(undefined, { now: () => NOW });
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'kn-officer', role: 'officer', unitCode: '03439' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'kn-officer-2', role: 'officer', unitCode: '15889' }));
});
after(async () => t.close());

test('the deadlines by kind, round, remoteness and complexity, across Tết 2026', () => {
  assert.equal(acceptDeadline('complaint', '2026-01-05')!.due, '2026-01-15'); // Art. 27: 10 days
  assert.equal(acceptDeadline('denunciation', '2026-01-05')!.due, '2026-01-14'); // 7 working days
  assert.equal(acceptDeadline('petition', '2026-01-05'), null);
  const first = { kind: 'complaint' as const, round: 1, remote: false, complex: false };
  assert.equal(settleDeadline(first, '2026-01-12')!.due, '2026-02-11'); // Art. 28: 30 days
  // 30 days from 17/01 end on Monday 16/02, the first day of Tết: the period ends on Monday 23/02 (Civil Code Art. 148 cl. 5).
  assert.equal(settleDeadline(first, '2026-01-17')!.due, '2026-02-23');
  assert.equal(settleRule({ ...first, remote: true, complex: true }), 'complaint.first.remote.complex');
  assert.equal(settleDeadline({ ...first, remote: true, complex: true }, '2026-03-02')!.due, '2026-05-04'); // 60 days: 01/05 holiday, 02–03/05 weekend
  assert.equal(settleRule({ ...first, round: 2 }), 'complaint.second'); // Art. 37: 45 days
  assert.equal(settleDeadline({ kind: 'denunciation', round: 1, remote: false, complex: false }, '2026-01-08')!.due, '2026-02-09'); // Sat 07/02 → Mon 09/02
  assert.equal(extendedDeadline('2026-02-09').due, '2026-03-11');
});

const post = (url: string, payload: Record<string, unknown>, headers = officer) => t.app.inject({ method: 'POST', url, payload, headers });
const base = { communeCode: '03439', channel: 'counter', complainant: 'Lò Văn Pền', subject: 'Khiếu nại quyết định thôi hưởng trợ cấp xã hội của UBND xã' };

test('a complaint from intake to settlement on time, one that goes late and shows in the report', async () => {
  const a = await post('/api/citizens/complaints', { ...base, kind: 'complaint', receivedOn: '2026-01-05' });
  assert.equal(a.statusCode, 201, a.body);
  assert.equal(a.json().acceptDue, '2026-01-15');
  const acc = await post(`/api/citizens/complaints/${a.json().id}/accept`, { acceptedOn: '2026-01-12' });
  assert.deepEqual(acc.json(), { settleDue: '2026-02-11' });
  assert.equal((await post(`/api/citizens/complaints/${a.json().id}/accept`, { acceptedOn: '2026-01-12' })).statusCode, 409);
  const late = await post('/api/citizens/complaints', { ...base, kind: 'complaint', complainant: 'Chu Thị Mai', receivedOn: '2025-12-20' });
  assert.equal((await post(`/api/citizens/complaints/${late.json().id}/accept`, { acceptedOn: '2025-12-22' })).json().settleDue, '2026-01-21');

  let list = (await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/complaints', headers: officer })).json();
  assert.equal(list.items[0].complainant, 'Chu Thị Mai', 'late first');
  assert.equal(list.items[0].late, true);
  assert.equal(list.items[0].daysLeft, -20);
  assert.equal(list.items[0].basis, 'Luật Khiếu nại 2011, Điều 28');
  assert.equal(list.items[1].daysLeft, 1);

  const noOutcome = await post(`/api/citizens/complaints/${a.json().id}/settle`, { settledOn: '2026-02-10', outcome: 'xong' });
  assert.equal(noOutcome.statusCode, 400);
  assert.deepEqual(
    (
      await post(`/api/citizens/complaints/${a.json().id}/settle`, { settledOn: '2026-02-10', outcome: 'Giữ nguyên quyết định; đã trả lời bằng văn bản.' })
    ).json(),
    {
      onTime: true,
    },
  );
  assert.deepEqual(
    (
      await post(`/api/citizens/complaints/${late.json().id}/settle`, {
        settledOn: '2026-02-10',
        outcome: 'Hủy quyết định, khôi phục trợ cấp từ tháng 01/2026.',
      })
    ).json(),
    {
      onTime: false,
    },
  );
  list = (await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/complaints?all=true', headers: officer })).json();
  assert.deepEqual(list.report, { received: 2, settled: 2, settledOnTime: 1, settledLate: 1, openLate: 0 });
  const province = (await t.app.inject({ method: 'GET', url: '/api/citizens/units/12/complaints?all=true', headers: officer })).statusCode;
  assert.equal(province, 404, 'a commune officer does not read the province');
});

test('a denunciation is extended at most twice by 30 days (Law on Denunciations 2018 Art. 30)', async () => {
  const d = await post('/api/citizens/complaints', {
    ...base,
    kind: 'denunciation',
    subject: 'Tố cáo cán bộ thu tiền khi chi trả trợ cấp',
    receivedOn: '2026-01-05',
  });
  assert.equal(d.json().acceptDue, '2026-01-14');
  assert.equal((await post(`/api/citizens/complaints/${d.json().id}/accept`, { acceptedOn: '2026-01-08', complex: true })).json().settleDue, '2026-02-09');
  const why = { reason: 'Vụ việc phức tạp, cần xác minh tại ngân hàng' };
  assert.deepEqual((await post(`/api/citizens/complaints/${d.json().id}/extend`, why)).json(), { settleDue: '2026-03-11', extensions: 1 });
  assert.deepEqual((await post(`/api/citizens/complaints/${d.json().id}/extend`, why)).json(), { settleDue: '2026-04-10', extensions: 2 });
  assert.equal((await post(`/api/citizens/complaints/${d.json().id}/extend`, why)).statusCode, 409);
  const c = await post('/api/citizens/complaints', { ...base, kind: 'complaint', receivedOn: '2026-02-01' });
  assert.equal((await post(`/api/citizens/complaints/${c.json().id}/extend`, why)).statusCode, 409, 'a complaint is not extended this way');
});

test('bad input: an HTML payload, a future date, another commune: a clear error and nothing stored', async () => {
  const n = async () => Number((await sql<{ n: number }>`select count(*)::int as n from complaints`.execute(t.db.k)).rows[0]!.n);
  const before = await n();
  const html = await post('/api/citizens/complaints', {
    ...base,
    kind: 'complaint',
    subject: '<img src=x onerror=alert(1)> trả lại tiền',
    receivedOn: '2026-02-01',
  });
  assert.equal(html.statusCode, 400);
  assert.equal(html.json().errors[0].path, '/body/subject');
  assert.equal((await post('/api/citizens/complaints', { ...base, kind: 'complaint', receivedOn: '2026-03-01' })).statusCode, 400);
  assert.equal((await post('/api/citizens/complaints', { ...base, kind: 'petition', round: 2, receivedOn: '2026-02-01' })).statusCode, 400);
  assert.equal((await post('/api/citizens/complaints', { ...base, kind: 'complaint', receivedOn: '2026-02-01' }, other)).statusCode, 403);
  assert.equal(await n(), before);
  const p = await post('/api/citizens/complaints', { ...base, kind: 'petition', subject: 'Đề nghị sửa đường vào bản', receivedOn: '2026-02-01' });
  assert.equal(p.json().acceptDue, null, 'a petition has no deadline in the law data: unknown, not guessed');
});
