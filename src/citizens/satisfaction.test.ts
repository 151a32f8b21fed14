// Satisfaction (issue 14 item 5): a survey offered by tracking code after an application's
// decision and a complaint's settlement, public, once per case; the index of a unit and year is
// the share of answers scored 4–5 overall, counted over the subtree before dividing, and it
// prefills the monitoring indicator public_service_satisfaction (numerator and denominator).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { communeByCode } from '../registry/store.ts';
import { insertApplication } from './store.ts';
import { satisfactionIndex } from './satisfaction.ts';
import { satisfactionIndicators } from './indicators.ts';
import { catalogue } from '../indicators/catalogue.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let communeId: number;
const NOW = new Date('2026-03-10T03:00:00Z');

before(async () => {
  t = await testApp(undefined, { now: () => NOW });
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'hl-officer', role: 'officer', unitCode: '03439' }));
  const commune = (await communeByCode(t.db.k, '03439'))!;
  communeId = commune.id;
  await insertApplication(
    t.db.k,
    commune,
    {
      trackingCode: '7KQ2M9XRT4BD',
      procedure: 'tro-cap-huu-tri-xa-hoi',
      channel: 'online',
      applicantName: 'Lò Thị Mai',
      personalId: '011146001235',
      birthDate: '1946-11-20',
      phone: null,
      address: '',
      note: '',
      receivedOn: '2026-02-02',
      receivedBy: null,
    },
    [],
  );
});
after(async () => t.close());

test('the index is the share of answers scored 4 or 5, one decimal; no answer is unknown, not 0 %', () => {
  assert.equal(satisfactionIndex({ answers: 3, satisfied: 2 }), 66.7);
  assert.equal(satisfactionIndex({ answers: 4, satisfied: 4 }), 100);
  assert.equal(satisfactionIndex({ answers: 0, satisfied: 0 }), null);
  const ind = catalogue.find((i) => i.code === 'public_service_satisfaction');
  assert.equal(ind?.kind, 'rate');
});

test('a survey by tracking code after a decision and a settlement, once per case; the index and the monitoring prefill', async () => {
  const survey = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}` });
  const answer = (code: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/public/surveys/${code}`, payload });
  // Not offered before the decision.
  assert.equal((await survey('7KQ2-M9XR-T4BD')).statusCode, 404);
  await sql`update citizen_applications set state = 'granted', decided_on = '2026-02-12', signer = 'Chủ tịch UBND xã' where tracking_code = '7KQ2M9XRT4BD'`.execute(
    t.db.k,
  );
  let r = await survey('7kq2-m9xr-t4bd');
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(
    r.json().cases.map((c: { kind: string; answered: boolean }) => [c.kind, c.answered]),
    [['application', false]],
  );
  assert.equal(r.json().questions.length, 3);
  // A score outside 1–5 is refused; nothing stored.
  r = await answer('7KQ2M9XRT4BD', { case: 'application', timeliness: 6, attitude: 5, overall: 5 });
  assert.equal(r.statusCode, 400);
  r = await answer('7KQ2M9XRT4BD', { case: 'complaint', timeliness: 5, attitude: 5, overall: 5 });
  assert.equal(r.statusCode, 400);
  const stored = async () => Number((await sql<{ n: number }>`select count(*)::int as n from satisfaction_answers`.execute(t.db.k)).rows[0]!.n);
  assert.equal(await stored(), 0);
  r = await answer('7KQ2M9XRT4BD', { case: 'application', timeliness: 5, attitude: 4, overall: 5 });
  assert.equal(r.statusCode, 201, r.body);
  // Once per case.
  r = await answer('7KQ2M9XRT4BD', { case: 'application', timeliness: 1, attitude: 1, overall: 1 });
  assert.equal(r.statusCode, 409);
  assert.equal(await stored(), 1);

  // A complaint gets a tracking code at receipt; the survey opens once it is settled.
  r = await t.app.inject({
    method: 'POST',
    url: '/api/citizens/complaints',
    headers: officer,
    payload: {
      communeCode: '03439',
      kind: 'petition',
      channel: 'counter',
      complainant: 'Tẩn Văn Sử',
      subject: 'Đề nghị sửa đường vào bản Pa Thắng',
      receivedOn: '2026-03-02',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  const { id, trackingCode } = r.json();
  assert.match(trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal((await survey(trackingCode)).statusCode, 404);
  r = await t.app.inject({
    method: 'POST',
    url: `/api/citizens/complaints/${id}/settle`,
    headers: officer,
    payload: { settledOn: '2026-03-09', outcome: 'Đã trả lời bằng văn bản, đưa vào kế hoạch 2026.' },
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal((await answer(trackingCode, { case: 'complaint', timeliness: 3, attitude: 3, overall: 2 })).statusCode, 201);

  // The index of the commune and year: 1 satisfied of 2 answers, 50 %.
  r = await t.app.inject({ method: 'GET', url: '/api/citizens/units/03439/satisfaction?year=2026', headers: officer });
  assert.equal(r.statusCode, 200, r.body);
  const ix = r.json();
  assert.deepEqual(ix.total, { answers: 2, satisfied: 1, index: 50 });
  assert.deepEqual(ix.byCase.application, { answers: 1, satisfied: 1, index: 100 });
  assert.deepEqual(ix.byCase.payment, { answers: 0, satisfied: 0, index: null });
  // The monitoring prefill: numerator and denominator for the commune and the year; nothing for another year.
  assert.deepEqual(await satisfactionIndicators(t.db.k, communeId, '2026-12-31'), [{ code: 'public_service_satisfaction', numerator: 1, denominator: 2 }]);
  assert.deepEqual(await satisfactionIndicators(t.db.k, communeId, '2025-12-31'), []);
});
