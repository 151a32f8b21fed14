// Complaints (issue 14 item 4, continued): intake from the public page (HTML refused, nothing
// stored), assignment to an officer of the commune, a second complaint linked to the settled
// first one with the Law on Complaints 2011 Art. 37 deadline (45 days from acceptance), the
// alert of the home work list when a deadline falls within 3 working days, and the report by
// period. Today is Tuesday 10/03/2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
const NOW = new Date('2026-03-10T03:00:00Z');

before(async () => {
  t = await testApp(undefined, { now: () => NOW });
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'kn2-officer', role: 'officer', unitCode: '03439' }));
  await createTestUser(t.db, { username: 'kn2-colleague', role: 'officer', unitCode: '03439' });
  await createTestUser(t.db, { username: 'kn2-elsewhere', role: 'officer', unitCode: '15889' });
});
after(async () => t.close());

const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from complaints`.execute(t.db.k)).rows[0]!.n);

test('the public intake refuses markup and stores nothing; a valid complaint gets a tracking code, online, received today', async () => {
  const send = (payload: object) => t.app.inject({ method: 'POST', url: '/api/public/complaints', payload });
  let r = await send({ communeCode: '03439', kind: 'complaint', complainant: 'Lò Văn Sáng', subject: '<script>alert(1)</script> quyết định sai' });
  assert.equal(r.statusCode, 400);
  assert.deepEqual(
    r.json().errors.map((e: { path: string }) => e.path),
    ['/body/subject'],
  );
  r = await send({ communeCode: '03439', kind: 'complaint', channel: 'counter', complainant: 'Lò Văn Sáng', subject: 'Không đồng ý quyết định số 12/QĐ-UBND' });
  assert.equal(r.statusCode, 400, 'the public form sets no channel');
  assert.equal(await count(), 0);
  r = await send({ communeCode: '03439', kind: 'complaint', complainant: 'Lò Văn Sáng', subject: 'Không đồng ý quyết định số 12/QĐ-UBND về trợ cấp' });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json().acceptDue, '2026-03-20'); // Art. 27: 10 days from 10/03
  const row = (await sql<{ channel: string; received_on: unknown }>`select channel, received_on from complaints`.execute(t.db.k)).rows[0]!;
  assert.equal(row.channel, 'online');
});

test('assignment, a second complaint linked to the settled first (Art. 37: 45 days), the 3-working-day alert, the report by period', async () => {
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: officer, payload });
  let r = await post('/api/citizens/complaints', {
    communeCode: '03439',
    kind: 'complaint',
    channel: 'letter',
    complainant: 'Tẩn Thị Dung',
    subject: 'Khiếu nại quyết định thôi hưởng trợ cấp',
    receivedOn: '2026-01-05',
  });
  const first = r.json().id;
  assert.equal((await post(`/api/citizens/complaints/${first}/assign`, { username: 'kn2-elsewhere' })).statusCode, 400);
  r = await post(`/api/citizens/complaints/${first}/assign`, { username: 'kn2-colleague' });
  assert.equal(r.statusCode, 200, r.body);
  // A second complaint may not follow an unsettled first one.
  const second = {
    communeCode: '03439',
    kind: 'complaint',
    channel: 'letter',
    complainant: 'Tẩn Thị Dung',
    subject: 'Khiếu nại lần hai quyết định giải quyết khiếu nại',
    receivedOn: '2026-03-02',
    previousId: first,
  };
  assert.equal((await post('/api/citizens/complaints', second)).statusCode, 400);
  assert.equal((await post(`/api/citizens/complaints/${first}/accept`, { acceptedOn: '2026-01-08' })).statusCode, 200);
  assert.equal(
    (await post(`/api/citizens/complaints/${first}/settle`, { settledOn: '2026-02-05', outcome: 'Giữ nguyên quyết định thôi hưởng.' })).statusCode,
    200,
  );
  r = await post('/api/citizens/complaints', second);
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  assert.equal(r.json().acceptDue, '2026-03-12'); // 10 days from 02/03
  // The accepting deadline 12/03 is 2 working days away: the alert.
  r = await t.app.inject({ method: 'GET', url: '/api/home', headers: officer });
  const soon = r.json().items.find((i: { kind: string }) => i.kind === 'deadlines_soon');
  assert.equal(soon?.count, 1, r.body);
  assert.equal(soon.date, '2026-03-12');
  r = await post(`/api/citizens/complaints/${id}/accept`, { acceptedOn: '2026-03-09' });
  assert.equal(r.json().settleDue, '2026-04-23'); // Art. 37: 45 days from 09/03
  r = await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/complaints?all=true', headers: officer });
  const item = r.json().items.find((c: { id: number }) => c.id === id);
  assert.equal(item.round, 2);
  assert.equal(item.previousId, first);
  assert.equal(r.json().items.find((c: { id: number }) => c.id === first).assignedTo, 'kn2-colleague');
  // The report of January: the first complaint, settled on time; of March: the ones received then.
  r = await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/complaints?all=true&from=2026-01-01&to=2026-01-31', headers: officer });
  assert.deepEqual(r.json().report, { received: 1, settled: 1, settledOnTime: 1, settledLate: 0, openLate: 0 });
  r = await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/complaints?all=true&from=2026-03-01&to=2026-03-31', headers: officer });
  assert.equal(r.json().report.received, 2);
});
