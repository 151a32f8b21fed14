// Masking cannot be undone through other doors (issue 18, High 2 and Medium 8): the person
// search is no oracle on masked ID numbers, full reads through search are audited with the
// persons they showed, and a masked person's decisions, payroll lines and bank exports follow
// the same masking as the person record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const ID = '012040000777';
const member = (o: Record<string, unknown>) => ({ personalId: null, fullName: 'Lý Mé Xá', dateOfBirth: '1940-03-12', sex: 'M', ethnicCode: '35', relation: 'head', disability: 'none', pension: false,
  socialInsurance: 'none', healthInsurance: true, schooling: 'none', conditions: [], merit: false, ...o });
const deprived = Object.fromEntries(['employment', 'dependants', 'nutrition', 'health_insurance', 'adult_education', 'child_schooling', 'housing_quality', 'housing_area', 'water', 'sanitation', 'telecom', 'information_access'].map((k, i) => [k, i < 4]));
let personId = 0;

before(async () => {
  t = await testApp();
  for (const [name, role, unit] of [['officer', 'officer', '03439'], ['approver', 'approver', '12'], ['supervisor', 'supervisor', '12']] as const) {
    const id = await createTestUser(t.db, { username: `mask-${name}`, role, unitCode: unit });
    h[name] = await sessionHeaders(t.db, id);
  }
  const r = await t.app.inject({ method: 'POST', url: '/api/registry/units/03439/households', headers: h.officer, payload: {
    household: { code: 'MASK-1', villageId: null, address: 'Bản Pa Thắng', area: 'rural', incomePerMonth: 1_100_000, deprivations: deprived, disadvantagedArea: true, merit: false },
    members: [member({ personalId: ID, disability: 'severe', disabilityCertifiedOn: '2020-01-10' })], reason: 'đăng ký mới' } });
  assert.equal(r.statusCode, 201, r.body);
  personId = r.json().personIds[0];
});
after(async () => t.close());

const search = (who: string, q: string, extra = '') => t.app.inject({ method: 'GET', url: `/api/registry/units/03439/persons?q=${encodeURIComponent(q)}${extra}`, headers: h[who]! });
const readFullEntries = async () =>
  (await sql<{ after: { fields: string[]; personIds?: number[]; byPersonalId?: boolean } }>`select after from audit_log where action = 'person_search.read_full' order by seq`.execute(t.db.k)).rows.map((r) => r.after);

test('a supervisor cannot recover a masked ID one digit at a time: no prefix of the ID matches, nor the whole ID', async () => {
  const masked = (await search('supervisor', 'ly me xa')).json().items[0];
  assert.equal(masked.personalId, '012******777');
  // The probe of the report: extend the known prefix "012" one digit at a time.
  for (const prefix of ['0120', '01204', '0120400', '01204000077']) {
    const r = await search('supervisor', prefix);
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().total, 0, `the prefix ${prefix} must not find the person`);
  }
  assert.equal((await search('supervisor', ID)).json().total, 0, 'without the full-read permission a number is not matched against IDs at all');
});

test('an officer finds a person by the exact full ID only, and that search is audited as a full read with the person id', async () => {
  const before = (await readFullEntries()).length;
  for (const prefix of ['0120', '012040', '01204000077']) assert.equal((await search('officer', prefix)).json().total, 0, `prefix ${prefix}`);
  assert.equal((await readFullEntries()).length, before, 'no ID was matched, nothing to audit');
  const r = await search('officer', ID);
  assert.equal(r.json().total, 1);
  assert.equal(r.json().items[0].id, personId);
  assert.equal(r.json().items[0].personalId, '012******777', 'the result itself stays masked unless full=true');
  const log = await readFullEntries();
  assert.equal(log.length, before + 1);
  assert.deepEqual(log.at(-1)!.fields, ['personal_id']);
  assert.deepEqual(log.at(-1)!.personIds, [personId]);
  assert.equal(log.at(-1)!.byPersonalId, true);
});

test('a full search page is audited with the ids of the persons it showed', async () => {
  const r = await search('officer', 'ly me xa', '&full=true');
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().items[0].personalId, ID);
  const e = (await readFullEntries()).at(-1)!;
  assert.deepEqual(e.personIds, [personId]);
  assert.deepEqual(e.fields, ['personal_id', 'ethnic_code', 'disability', 'conditions']);
  assert.equal((await search('supervisor', 'ly me xa', '&full=true')).statusCode, 403);
});
