// Issue 18, Medium 10 and "What to build" 3: request shapes that answered 500 (NUL, unpaired
// surrogates, 1e400 and out-of-range integers, impossible dates, JSON nested 5,000 deep, a
// village id that does not exist, a 1 MB string) answer a 400 problem naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { badCells, hardenSchema, hostileValues, storableEcho, isCalendarDate, jsonTooDeep, problemFromDbError } from './edge.ts';
import { check } from './validate.ts';
import { Type } from 'typebox';
import { AppError } from './errors.ts';
import { registryMember } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let admin: Record<string, string>;

before(async () => {
  t = await testApp();
  const id = await createTestUser(t.db, { username: 'edge-officer', role: 'officer', unitCode: '03439' });
  officer = await sessionHeaders(t.db, id);
  admin = await sessionHeaders(
    t.db,
    await createTestUser(t.db, { username: 'edge-admin', role: 'admin', unitCode: null, totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
  );
});
after(async () => {
  await t.close();
});

function assertProblem(r: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, path?: string) {
  assert.equal(r.statusCode, status, JSON.stringify(r.json()));
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  const p = r.json() as { title: string; errors?: { path: string; message: string }[] };
  if (path)
    assert.ok(
      p.errors?.some((e) => e.path === path),
      `expected an error at ${path}: ${JSON.stringify(p)}`,
    );
  return p;
}

const household = (over: Record<string, unknown> = {}) => ({
  household: {
    code: 'EDGE-1',
    villageId: null,
    address: 'Bản Thu Lũm',
    area: 'rural',
    incomePerMonth: 1_000_000,
    deprivations: {},
    disadvantagedArea: false,
    merit: false,
    ...over,
  },
  members: [registryMember({ fullName: 'Lò Văn Edge', dateOfBirth: '1980-05-01' })],
  reason: 'Kiểm thử đầu vào',
});

test('NUL in a query string (unauthenticated) is a 400 naming the field, in Vietnamese', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/units?q=%00' });
  const p = assertProblem(r, 400, '/querystring/q');
  assert.equal(p.title, 'Dữ liệu không hợp lệ');
});

test('NUL in the sign-in username and an unpaired surrogate in the password are 400s', async () => {
  const r = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ad\u0000min', password: 'x' } });
  assertProblem(r, 400, '/body/username');
  const r2 = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { 'content-type': 'application/json' },
    payload: '{"username":"admin","password":"\\ud800"}',
  });
  assertProblem(r2, 400, '/body/password');
});

test('NUL in a path param and a control character in the Authorization header are 400s', async () => {
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/units/%00' }), 400, '/params/code');
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/units', headers: { authorization: 'Bearer a\u0001b' } }), 400, '/headers/authorization');
});

test('JSON nested 5,000 deep is a 400, not a stack overflow', async () => {
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { 'content-type': 'application/json' },
    payload: `{"username":${deep},"password":"x"}`,
  });
  assertProblem(r, 400, '/body');
});

test('1e400 (Infinity) and an integer beyond int4 are 400s', async () => {
  const base = `/api/registry/units/03439/households`;
  const h = household();
  const payload = JSON.stringify(h).replace('"incomePerMonth":1000000', '"incomePerMonth":1e400');
  const r = await t.app.inject({ method: 'POST', url: base, headers: { ...officer, 'content-type': 'application/json' }, payload });
  assertProblem(r, 400, '/body/household/incomePerMonth');
  const r2 = await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/persons?villageId=99999999999', headers: officer });
  assertProblem(r2, 400, '/querystring/villageId');
  const r3 = await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/persons?villageId=1e400', headers: officer });
  assertProblem(r3, 400, '/querystring/villageId');
});

test('a village id that is not a village of the commune is a 400 naming the field (checked before insert)', async () => {
  const r = await t.app.inject({ method: 'POST', url: '/api/registry/units/03439/households', headers: officer, payload: household({ villageId: -1 }) });
  assertProblem(r, 400, '/body/household/villageId');
});

test('an impossible date (30 February) is a 400 naming the field, in a query and in a body', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/audit?from=2025-02-30T10:00:00Z', headers: admin });
  assertProblem(r, 400, '/querystring/from');
  const r2 = await t.app.inject({ method: 'GET', url: '/api/audit?to=2025-04-31', headers: admin });
  assertProblem(r2, 400, '/querystring/to');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/audit?from=2024-02-29', headers: admin })).statusCode, 200);
  const h = household();
  h.members[0]!.dateOfBirth = '2025-02-30';
  const r3 = await t.app.inject({ method: 'POST', url: '/api/registry/units/03439/households', headers: officer, payload: h });
  assertProblem(r3, 400, '/body/members/0/dateOfBirth');
});

const plan = (over: Record<string, unknown>) => ({
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
  implements: [],
  sections: [],
  targets: [],
  tasks: [],
  assignments: [],
  recipients: [],
  sourceText: null,
  sourceFile: null,
  ...over,
});

test('a 1 MB string in a field without a declared limit is a 400 (10,000 characters by default); the document text may be long', async () => {
  const r = await t.app.inject({ method: 'POST', url: '/api/plans', headers: officer, payload: plan({ number: 'x'.repeat(1_000_000) }) });
  assertProblem(r, 400, '/body/number');
  const ok = await t.app.inject({ method: 'POST', url: '/api/plans', headers: officer, payload: plan({ sourceText: 'Kế hoạch. '.repeat(20_000) }) });
  assert.equal(ok.statusCode, 201, ok.body);
  const r2 = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: officer,
    payload: household({ code: 'x'.repeat(1_000_000) }),
  });
  assertProblem(r2, 400, '/body/household/code');
});

test('the checks hold for the CLI and imports too (check())', () => {
  assert.throws(
    () => check(Type.Object({ a: Type.String() }), { a: 'x\u0000' }),
    (e: unknown) => e instanceof AppError && e.errors[0]!.path === '/a',
  );
  assert.throws(() => check(Type.Object({ n: Type.Integer() }), { n: 2 ** 40 }), AppError);
  assert.throws(() => check(Type.Object({ n: Type.Number() }), { n: Infinity }), AppError);
  assert.throws(() => check(Type.Object({ d: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }), { d: '2025-02-29' }), AppError);
  assert.deepEqual(check(Type.Object({ d: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }), { d: '2024-02-29' }), { d: '2024-02-29' });
});

test('helpers: calendar dates, depth scan, hostile values, schema defaults, database errors', () => {
  assert.equal(isCalendarDate('2025-02-28'), true);
  assert.equal(isCalendarDate('2025-02-29'), false);
  assert.equal(isCalendarDate('2000-02-29'), true);
  assert.equal(isCalendarDate('1900-02-29'), false);
  assert.equal(isCalendarDate('2025-04-31T10:00:00Z'), false);
  assert.equal(isCalendarDate('2025-13-01'), false);
  assert.equal(jsonTooDeep('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}'), false);
  assert.equal(jsonTooDeep('['.repeat(65) + ']'.repeat(65)), true);
  assert.equal(jsonTooDeep('['.repeat(64) + ']'.repeat(64)), false);
  assert.deepEqual(
    hostileValues({ a: [{ b: 'ok' }, 'x\u0000'], ['k\u0000']: 1, s: '\udc00' }, '/body')
      .map((e) => e.path)
      .sort(),
    ['/body/a/1', '/body/k\uFFFD', '/body/s'],
  );
  assert.equal(hostileValues('😀 tiếng Việt', '/q').length, 0);
  const h = hardenSchema(
    Type.Object({ n: Type.Integer({ minimum: 1 }), s: Type.String(), e: Type.Union([Type.Literal('a'), Type.Literal('b')]) }),
  ) as unknown as { properties: Record<string, Record<string, unknown>> };
  assert.equal(h.properties.n!.minimum, 1);
  assert.equal(h.properties.n!.maximum, 2147483647);
  assert.equal(h.properties.s!.maxLength, 10_000);
  const fk = problemFromDbError({ code: '23503', detail: 'Key (village_id)=(-1) is not present in table "units".' });
  assert.equal(fk?.kind.status, 400);
  assert.equal(fk?.errors[0]?.path, '/body/villageId');
  assert.equal(problemFromDbError({ code: '23505', detail: 'Key (code)=(x) already exists.' })?.kind.status, 409);
  assert.equal(problemFromDbError({ code: '54000' })?.kind.status, 400);
  assert.equal(problemFromDbError({ code: '22P02' })?.kind.status, 400);
  assert.equal(problemFromDbError({ code: '42P01' }), null);
  assert.equal(problemFromDbError(new Error('x')), null);
});

test('imported cells: badCells names each cell that cannot be stored, storableEcho shows it with U+FFFD', () => {
  assert.deepEqual(
    badCells(['ok', 'a\u0000b', '', '\ud800x', '😀']).map((b) => [b.index, b.message.en]),
    [
      [1, 'Must not contain the NUL character (\\u0000)'],
      [3, 'Contains an invalid Unicode character (unpaired surrogate)'],
    ],
  );
  assert.equal(storableEcho('a\u0000b\udc00😀'), 'a\uFFFDb\uFFFD😀');
  assert.equal(storableEcho('tiếng Việt'), 'tiếng Việt');
});
