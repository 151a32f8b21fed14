// The 31/3 publication reminder on the home work list (Decree 03/2026/NĐ-CP: a fund publishes
// the receipts and spending of a year by 31 March of the next): the commune's fund officer sees
// it from 1 January to 31 March for the funds with entries in the year just ended, linking to
// /quy; a fund with nothing in that year is not counted; after 31/3 and for a reader it is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import type { WorkList } from './schemas.ts';

let now = new Date('2026-09-01T02:00:00Z');
let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const ids: Record<string, number> = {};

before(async () => {
  t = await testApp(undefined, { now: () => now });
  ids.officer = await createTestUser(t.db, { username: 'fund-remind', role: 'officer', unitCode: '03439' });
  ids.supervisor = await createTestUser(t.db, { username: 'fund-remind-sup', role: 'supervisor', unitCode: '03439' });
  h.officer = await sessionHeaders(t.db, ids.officer, now);
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: h.officer!, payload });
  const a = await post('/api/funds', { unitCode: '03439', kind: 'gratitude', name: 'Quỹ Đền ơn đáp nghĩa xã' });
  assert.equal(a.statusCode, 201, a.body);
  ids.fund = a.json().id;
  await post('/api/funds', { unitCode: '03439', kind: 'poor', name: 'Quỹ Vì người nghèo xã' }); // nothing recorded in 2026
  const r = await post(`/api/funds/${a.json().id}/receipts`, { donor: 'Nguyễn Văn An', amount: 5_000_000, receivedOn: '2026-08-02', channel: 'cash' });
  assert.equal(r.statusCode, 201, r.body);
});
after(() => t.close());

const reminder = async (who: string, day: string) => {
  now = new Date(`${day}T02:00:00Z`);
  const res = await t.app.inject({ method: 'GET', url: '/api/home', headers: await sessionHeaders(t.db, ids[who]!, now) });
  assert.equal(res.statusCode, 200, res.body);
  const l = res.json() as WorkList;
  return l.items.find((i) => i.kind === 'funds_to_publish');
};

test('from 1 January to 31 March: one fund to publish for 2026, due 31/03/2027', async () => {
  const i = await reminder('officer', '2027-03-10');
  assert.ok(i, 'the reminder');
  assert.deepEqual([i.count, i.year, i.date, i.late, i.unit.code], [1, 2026, '2027-03-31', false, '03439']);
  assert.ok(await reminder('officer', '2027-01-01'));
});

test('not before the year ends, not after 31 March, not for a reader', async () => {
  assert.equal(await reminder('officer', '2026-12-20'), undefined, '2026 funds with no 2025 entries');
  assert.equal(await reminder('officer', '2027-04-01'), undefined);
  assert.equal(await reminder('supervisor', '2027-03-10'), undefined);
});

test('the officer marks the year published (Decree 03/2026): the reminder ends; an unfinished year refused; once', async () => {
  now = new Date('2027-03-10T02:00:00Z');
  const post = async (year: number) =>
    t.app.inject({ method: 'POST', url: `/api/funds/${ids.fund}/publications`, headers: await sessionHeaders(t.db, ids.officer!, now), payload: { year } });
  const open = await post(2027);
  assert.deepEqual([open.statusCode, open.json().errors[0].path], [400, '/body/year'], 'the year has not ended');
  assert.ok(await reminder('officer', '2027-03-10'), 'still due');
  assert.equal((await post(2026)).statusCode, 201);
  assert.equal(await reminder('officer', '2027-03-10'), undefined, 'published: no reminder');
  assert.equal((await post(2026)).statusCode, 409, 'once');
});
