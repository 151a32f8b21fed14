// Conformance of the DCI Social Registry API v1.0.0 (issue 17 item 4) against the spec's own
// examples and schemas (test/fixtures/dci, spdci/api-standards at 4e1fd1ad): every example
// request is sent as published, and every answer is validated with the spec's response schemas
// (Ajv over the OpenAPI document), not only ours. Also: consent, scope and masking enforced,
// every call audited with the persons returned, bad input answered in the spec's codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { registryMember, deprivationsFirst } from '../../test/helpers/registry.ts';

const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
const FIX = new URL('../../test/fixtures/dci/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, FIX), 'utf8')) as Record<string, any>;
const spec = fixture('social_api_v1.0.0.json');

// The spec's $refs point through other $refs (…/message/oneOf/0/… where oneOf/0 is itself a
// $ref), which Ajv does not follow: the pointers are resolved here, then the schema is inlined.
function at(path: string): unknown {
  let node: any = spec;
  for (const raw of path.split('/').slice(1)) {
    while (node && typeof node.$ref === 'string') node = at(node.$ref.slice(1));
    node = node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`no ${path} in the spec`);
  }
  return node;
}
function inline(node: unknown, depth = 0): unknown {
  if (depth > 60) throw new Error('the spec refers to itself too deeply');
  if (Array.isArray(node)) return node.map((x) => inline(x, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.$ref === 'string') return inline(at(o.$ref.slice(1)), depth + 1);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'example' ? v : inline(v, depth + 1)]));
}
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addFormat('int32', true);
const ptr = (p: string) => p.replace(/~/g, '~0').replace(/\//g, '~1');
const specSchema = (path: string) => ajv.compile(inline(at(path)) as object);
const syncSearchAnswer = specSchema(`/paths/${ptr('/registry/sync/search')}/post/responses/default/content/${ptr('application/json')}/schema`);
const syncSearchRequest = specSchema(`/paths/${ptr('/registry/sync/search')}/post/requestBody/content/${ptr('application/json')}/schema`);
const txnStatusAnswer = specSchema(`/paths/${ptr('/registry/sync/txn/status')}/post/responses/default/content/${ptr('application/json')}/schema`);
const txnStatusRequest = specSchema(`/paths/${ptr('/registry/sync/txn/status')}/post/requestBody/content/${ptr('application/json')}/schema`);
const ackSchema = specSchema(`/components/responses/Response/content/${ptr('application/json')}/schema`);
const httpErrorSchema = specSchema(`/components/responses/HttpErrorResponse/content/${ptr('application/json')}/schema`);

function conforms(validate: ReturnType<typeof specSchema>, body: unknown, what: string): void {
  assert.ok(validate, `${what}: schema found in the spec`);
  const ok = validate(body);
  assert.ok(ok, `${what} must validate against the spec: ${JSON.stringify(validate.errors?.slice(0, 5))}\n${JSON.stringify(body).slice(0, 600)}`);
}

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};
const ID = '012040000777'; // Lý Mé Xá, Thu Lũm (Lai Châu)
const ID_F = '012150000123'; // Chu Mó Pà, his wife
const ID_OTHER = '038085000456'; // a person of Hoằng Phú (Thanh Hóa), outside the Lai Châu callers' scope
const ids: Record<string, number> = {};

const member = registryMember;
const deprivations = deprivationsFirst(4);

async function household(headers: Record<string, string>, unit: string, code: string, members: Record<string, unknown>[]): Promise<number[]> {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/registry/units/${unit}/households`,
    headers,
    payload: {
      household: { code, villageId: null, address: 'Bản 1', area: 'rural', incomePerMonth: 1_100_000, deprivations, disadvantagedArea: true, merit: false },
      members,
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().personIds;
}

async function token(headers: Record<string, string>, name: string, permissions?: string[]): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name, ...(permissions ? { permissions } : {}) } });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().token;
}

before(async () => {
  t = await testApp();
  const officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'dci-officer', role: 'officer', unitCode: '03439' }));
  const officerB = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'dci-officer-b', role: 'officer', unitCode: '15889' }));
  const supervisor = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'dci-supervisor', role: 'supervisor', unitCode: '12' }));
  [ids.ly, ids.chu] = await household(officer, '03439', 'DCI-1', [
    member({ personalId: ID, disability: 'severe', disabilityCertifiedOn: '2020-01-10' }),
    member({ personalId: ID_F, fullName: 'Chu Mó Pà', sex: 'F', relation: 'spouse', dateOfBirth: '1950-06-05' }),
  ]);
  [ids.other] = await household(officerB, '15889', 'DCI-2', [
    member({ personalId: ID_OTHER, fullName: 'Lê Văn Tám', dateOfBirth: '1985-02-01', ethnicCode: '01' }),
  ]);
  tokens.full = await token(officer, 'bảo hiểm xã hội huyện (đầy đủ)');
  tokens.masked = await token(officer, 'chỉ xem (che)', ['registry.read']);
  tokens.supervisor = await token(supervisor, 'giám sát tỉnh');
  tokens.none = await token(officer, 'không có quyền sổ', ['account.self']);
});
after(async () => t.close());

const consent = { '@type': 'Consent', ts: '2026-12-01T08:00:00+07:00', purpose: { code: 'health-insurance-eligibility', text: 'Xét cấp thẻ BHYT' } };
let msgSeq = 0;
/** A fresh message id, so that each send is a new message (a repeated id is rejected as duplicate). */
function fresh<T extends Record<string, any>>(env: T): T {
  const c = structuredClone(env);
  c.header.message_id = `${c.header.message_id}-${++msgSeq}`;
  return c;
}
function withConsent<T extends Record<string, any>>(env: T, query?: unknown): T {
  const c = fresh(env);
  for (const r of c.message.search_request) {
    r.search_criteria.consent = consent;
    if (query !== undefined) r.search_criteria.query = query;
  }
  return c;
}
const post = (url: string, payload: unknown, tok?: string) =>
  t.app.inject({ method: 'POST', url: `/api/dci/registry/${url}`, payload: payload as object, headers: tok ? { authorization: `Bearer ${tok}` } : {} });
const auditOf = async (action: string) =>
  (await sql<{ after: any; actor_username: string }>`select after, actor_username from audit_log where action = ${action} order by seq`.execute(t.db.k)).rows;

/** A request built as the spec writes it (integer total_count, consent object): it validates against the spec's request schema. */
function byId(personalIds: string | string[], ref = 'ref-1') {
  return {
    signature: 'Signature: namespace="dci"',
    header: {
      version: '1.0.0',
      message_id: `msg-${++msgSeq}`,
      message_ts: '2026-12-06T10:00:00+07:00',
      action: 'search',
      sender_id: 'bhxh.example.vn',
      receiver_id: 'ansinh',
      total_count: 1,
      is_msg_encrypted: false,
    },
    message: {
      transaction_id: `txn-${msgSeq}`,
      search_request: [
        {
          reference_id: ref,
          timestamp: '2026-12-06T10:00:00+07:00',
          search_criteria: {
            version: '1.0.0',
            reg_event_type: 'REGISTER',
            query_type: 'idtype-value',
            query: { type: 'UIN', value: personalIds },
            pagination: { page_size: 10, page_number: 1 },
            consent,
          },
        },
      ],
    },
  };
}

test('every example request of the spec is read and answered in the spec’s schema; without a consent each request is rejected', async () => {
  const before = (await auditOf('dci.search')).length;
  for (const name of ['processflow1-1req', 'processflow1-2req', 'processflow1-3req', 'processflow2req', 'processflow3areq', 'processflow4req']) {
    const r = await post('sync/search', fresh(fixture(`${name}.json`)), tokens.full);
    assert.equal(r.statusCode, 200, `${name}: ${r.body}`);
    const body = r.json();
    conforms(syncSearchAnswer, body, name);
    assert.equal(body.header.status, 'succ', name);
    assert.equal(body.header.action, 'on-search');
    assert.equal(body.message.search_response.length, 1);
    const item = body.message.search_response[0];
    assert.equal(item.status, 'rjct', name);
    assert.equal(item.status_reason_code, 'rjct.search_criteria.invalid', name);
    assert.match(item.status_reason_message, /consent/);
    assert.equal(item.data, undefined, 'no record leaves without a consent');
  }
  assert.equal((await auditOf('dci.search')).length, before + 6, 'each call is audited, refused requests too');
});

test('processflow2 (search by UIN) with a consent finds the person, in full for a token of an officer of the commune, audited with purpose and person', async () => {
  const env = withConsent(fixture('processflow2req.json'), [{ seq_num: 1, expression1: { attribute_name: 'UIN', operator: 'eq', attribute_value: ID } }]);
  const r = await post('sync/search', env, tokens.full);
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  conforms(syncSearchAnswer, body, 'processflow2 answer');
  assert.equal(r.headers['cache-control'], 'no-store');
  const item = body.message.search_response[0];
  assert.equal(item.status, 'succ');
  assert.deepEqual(item.pagination, { page_size: 10, page_number: 1, total_count: 1 });
  const rec = item.data.reg_records[0];
  assert.equal(rec['@type'], 'SRPerson');
  assert.deepEqual(rec.identifier, [{ identifier_type: 'UIN', identifier_value: ID }]);
  assert.deepEqual(rec.name, { surname: 'Lý', second_name: 'Mé', given_name: 'Xá' });
  assert.equal(rec.sex, 'male');
  assert.equal(rec.birth_date, '1940-03-12');
  assert.equal(rec.is_disabled, true);
  assert.equal(rec.address[0].sub_region_code, '03439');
  // The example answer's record keys this registry fills are the spec's (processflow2res.json).
  const example = fixture('processflow2res.json').message.search_response[0].data.reg_records[0];
  for (const k of Object.keys(rec).filter((k) => k !== 'additional_attributes' && k !== '@context'))
    assert.ok(k in example, `${k} is a key of the spec's SRPerson example`);
  const e = (await auditOf('dci.search')).at(-1)!;
  assert.equal(e.actor_username, 'dci-officer');
  assert.deepEqual(e.after.purposes, ['health-insurance-eligibility']);
  assert.deepEqual(e.after.personIds, [ids.ly]);
  assert.deepEqual(e.after.fullPersonIds, [ids.ly]);
  assert.equal(e.after.senderId, 'sp-system');
  assert.ok(typeof e.after.tokenId === 'number');
  const full = (await auditOf('person_search.read_full')).at(-1)!;
  assert.deepEqual(full.after.personIds, [ids.ly]);
});

test('a request written as the spec’s schema says (idtype-value) validates against the spec’s request schema and is answered', async () => {
  const env = byId(ID);
  conforms(syncSearchRequest, env, 'our request');
  const r = await post('sync/search', env, tokens.full);
  const item = r.json().message.search_response[0];
  assert.equal(item.status, 'succ', r.body);
  assert.deepEqual(
    item.data.reg_records.map((x: any) => x.identifier[0].identifier_value),
    [ID],
  );
  // Several IDs at once: an expression with the operator "in" (the IDs comma-separated: the spec's attribute_value is no list).
  const many = byId(ID);
  many.message.search_request[0]!.search_criteria = {
    ...many.message.search_request[0]!.search_criteria,
    query_type: 'expression',
    query: [{ seq_num: 1, expression1: { attribute_name: 'UIN', operator: 'in', attribute_value: `${ID_F},${ID},${ID_OTHER}` } }] as never,
    sort: [{ attribute_name: 'birth_date', sort_order: 'desc' }],
  } as never;
  conforms(syncSearchRequest, many, 'our request with in');
  const m = (await post('sync/search', many, tokens.full)).json().message.search_response[0];
  assert.deepEqual(
    m.data.reg_records.map((x: any) => x.identifier[0].identifier_value),
    [ID_F, ID],
    'sorted by birth date, newest first; the person of another province is not in scope',
  );
});

test('a token narrowed to registry.read gets masked records and cannot search or sort by ID numbers (no oracle)', async () => {
  const r = await post('sync/search', byId(ID), tokens.masked);
  const item = r.json().message.search_response[0];
  assert.equal(item.status, 'rjct');
  assert.equal(item.status_reason_code, 'rjct.filter.invalid');
  assert.match(item.status_reason_message, /registry\.person\.read_full/);
  const q = [
    {
      expression1: { attribute_name: 'region_code', operator: 'eq', attribute_value: '03439' },
      condition: 'and',
      expression2: { attribute_name: 'sex', operator: 'eq', attribute_value: 'female' },
    },
  ];
  const env = withConsent(fixture('processflow2req.json'), q);
  delete env.message.search_request[0].search_criteria.sort;
  const m = await post('sync/search', env, tokens.masked);
  conforms(syncSearchAnswer, m.json(), 'masked answer');
  const rec = m.json().message.search_response[0].data.reg_records;
  assert.equal(rec.length, 1);
  assert.deepEqual(rec[0].identifier, [{ identifier_type: 'UIN', identifier_value: '012******123' }]);
  assert.equal(rec[0].is_disabled, undefined, 'health fields are left out when masked');
  assert.deepEqual(rec[0].additional_attributes, [{ attribute_name: 'masked', attribute_value: true }]);
  assert.deepEqual((await auditOf('dci.search')).at(-1)!.after.fullPersonIds, []);
  const sorted = withConsent(fixture('processflow2req.json'), q); // sorts by UIN, as the example does
  assert.equal((await post('sync/search', sorted, tokens.masked)).json().message.search_response[0].status_reason_code, 'rjct.sort.invalid');
});

test('nothing leaves the caller’s scope: a person of another province is not found by ID, unit or age', async () => {
  for (const q of [
    [{ expression1: { attribute_name: 'UIN', operator: 'eq', attribute_value: ID_OTHER } }],
    [{ expression1: { attribute_name: 'region_code', operator: 'eq', attribute_value: '15889' } }],
    [{ expression1: { attribute_name: 'region_code', operator: 'eq', attribute_value: '38' } }],
    [{ expression1: { attribute_name: 'age', operator: 'lt', attribute_value: '60' } }],
  ]) {
    for (const tok of [tokens.full, tokens.supervisor]) {
      const env = withConsent(fixture('processflow2req.json'), q);
      delete env.message.search_request[0].search_criteria.sort;
      const item = (await post('sync/search', env, tok)).json().message.search_response[0];
      if (tok === tokens.supervisor && q[0]!.expression1.attribute_name === 'UIN') {
        assert.equal(item.status_reason_code, 'rjct.filter.invalid', 'a supervisor never searches by ID');
        continue;
      }
      assert.equal(item.status, 'succ', JSON.stringify(item));
      assert.equal(item.data.reg_records.length, 0, JSON.stringify(q));
      assert.equal(item.pagination.total_count, 0);
    }
  }
  // The province's supervisor sees the province's persons, masked.
  const env = withConsent(fixture('processflow2req.json'), [{ expression1: { attribute_name: 'region_code', operator: 'eq', attribute_value: '12' } }]);
  delete env.message.search_request[0].search_criteria.sort;
  const recs = (await post('sync/search', env, tokens.supervisor)).json().message.search_response[0].data.reg_records;
  assert.deepEqual(
    recs.map((x: any) => x.identifier[0].identifier_value),
    ['012******777', '012******123'],
  );
});

test('the spec’s other example queries are answered with its reason codes: unknown attributes, NoSql expressions, query types', async () => {
  const a = (await post('sync/search', withConsent(fixture('processflow3areq.json')), tokens.full)).json().message.search_response[0];
  assert.equal(a.status_reason_code, 'rjct.filter.invalid');
  assert.match(a.status_reason_message, /poverty_score/);
  const b = (await post('sync/search', withConsent(fixture('processflow1-1req.json')), tokens.full)).json().message.search_response[0];
  assert.equal(b.status_reason_code, 'rjct.search_criteria.invalid');
  assert.match(b.status_reason_message, /NoSql/);
  const env = withConsent(fixture('processflow2req.json'));
  env.message.search_request[0].search_criteria.query_type = 'graphql';
  const c = (await post('sync/search', env, tokens.full)).json().message.search_response[0];
  assert.equal(c.status_reason_code, 'rjct.search_criteria.invalid');
  const p = withConsent(fixture('processflow2req.json'), [{ expression1: { attribute_name: 'UIN', operator: 'eq', attribute_value: ID } }]);
  p.message.search_request[0].search_criteria.pagination = { page_size: 100000, page_number: 1 };
  assert.equal((await post('sync/search', p, tokens.full)).json().message.search_response[0].status_reason_code, 'rjct.pagination.invalid');
});

test('bad envelopes get an ack with ack_status ERR and the spec’s error code; 10,000 references a bounded rejection', async () => {
  const audited = (await auditOf('dci.search')).length;
  const bad = await post('sync/search', { message: {} }, tokens.full);
  assert.equal(bad.statusCode, 400);
  const refusal = (await auditOf('dci.search')).at(-1)!;
  assert.equal((await auditOf('dci.search')).length, audited + 1, 'a refused message is audited too');
  assert.equal(refusal.after.refused, 'err.request.bad');
  conforms(ackSchema, bad.json(), 'malformed envelope');
  assert.equal(bad.json().message.ack_status, 'ERR');
  assert.equal(bad.json().message.error.code, 'err.request.bad');
  assert.match(bad.headers['content-type'] as string, /application\/json/);

  const enc = fresh(fixture('processflow2req.json'));
  enc.header.is_msg_encrypted = true;
  assert.equal((await post('sync/search', enc, tokens.full)).json().message.error.code, 'err.encryption.invalid');
  const v2 = fresh(fixture('processflow2req.json'));
  v2.header.version = '2.0.0';
  assert.equal((await post('sync/search', v2, tokens.full)).json().message.error.code, 'err.version.not_supported');

  // 10,000 references in one message (small ones: the message is within the body limit).
  const many = withConsent(fixture('processflow2req.json'));
  const one = { timestamp: '2026-12-06T10:00:00Z', search_criteria: { query_type: 'idtype-value', query: { type: 'UIN', value: ID }, consent } };
  many.message.search_request = Array.from({ length: 10_000 }, (_, i) => ({ ...one, reference_id: `r${i}` }));
  many.header.total_count = 10_000;
  const r = await post('sync/search', many, tokens.full);
  assert.equal(r.statusCode, 200, r.body.slice(0, 300));
  conforms(syncSearchAnswer, r.json(), '10,000 references');
  assert.equal(r.json().header.status, 'rjct');
  assert.equal(r.json().header.status_reason_code, 'rjct.total_count.limit_exceeded');
  assert.equal(r.json().message, undefined);
  assert.ok(r.body.length < 2000, `bounded answer (${r.body.length} bytes)`);
  assert.deepEqual((await auditOf('dci.search')).at(-1)!.after.personIds, [], 'no search was run');

  // A message over the body limit: the ack ERR, err.request.bad.
  const huge = withConsent(fixture('processflow2req.json'));
  huge.message.search_request = Array.from({ length: 20_000 }, (_, i) => ({ ...huge.message.search_request[0], reference_id: `r${i}` }));
  const h = await post('sync/search', huge, tokens.full);
  assert.equal(h.statusCode, 413);
  conforms(ackSchema, h.json(), 'too large');
  assert.equal(h.json().message.error.code, 'err.request.bad');

  const wrongCount = withConsent(fixture('processflow2req.json'));
  wrongCount.header.total_count = '3';
  assert.equal((await post('sync/search', wrongCount, tokens.full)).json().header.status_reason_code, 'rjct.total_count.invalid');
});

test('a repeated message id is rejected as a duplicate', async () => {
  const env = byId(ID);
  assert.equal((await post('sync/search', env, tokens.full)).json().header.status, 'succ');
  const again = (await post('sync/search', env, tokens.full)).json();
  assert.equal(again.header.status, 'rjct');
  assert.equal(again.header.status_reason_code, 'rjct.message_id.duplicate');
});

test('callers: no token 401, a token without registry.read 403, in the spec’s HTTP error body', async () => {
  const anon = await post('sync/search', byId(ID));
  assert.equal(anon.statusCode, 401);
  conforms(httpErrorSchema, anon.json(), '401');
  assert.equal(anon.json().errors[0].code, 'err.request.unauthorized');
  const none = await post('sync/search', byId(ID), tokens.none);
  assert.equal(none.statusCode, 403);
  assert.equal(none.json().errors[0].code, 'err.request.forbidden');
});

test('async search: ACK with a correlation id, then the result by transaction status (by correlation id, transaction id, reference ids), only for its caller', async () => {
  const env = byId(ID, 'ref-async');
  env.message.search_request[0]!.search_criteria.query = { type: 'UIN', value: [ID, ID_F] as never };
  const ack = await post('search', env, tokens.full);
  assert.equal(ack.statusCode, 200, ack.body);
  conforms(ackSchema, ack.json(), 'async ack');
  assert.equal(ack.json().message.ack_status, 'ACK');
  const correlation = ack.json().message.correlation_id as string;
  // The same message again: its header is rejected at once (ack ERR naming the reason).
  const again = await post('search', env, tokens.full);
  assert.equal(again.statusCode, 400);
  conforms(ackSchema, again.json(), 'async duplicate');
  assert.equal(again.json().message.ack_status, 'ERR');
  assert.match(again.json().message.error.message, /^rjct\.message_id\.duplicate/);

  const status = (attribute_type: string, attribute_value: unknown) => ({
    signature: 'Signature: namespace="dci"',
    header: {
      version: '1.0.0',
      message_id: `st-${++msgSeq}`,
      message_ts: '2026-12-06T10:05:00+07:00',
      action: 'txn-status',
      sender_id: 'bhxh.example.vn',
      total_count: 1,
    },
    message: { transaction_id: env.message.transaction_id, txnstatus_request: { reference_id: 'st-1', txn_type: 'search', attribute_type, attribute_value } },
  });
  for (const [type, value] of [
    ['correlation_id', correlation],
    ['transaction_id', env.message.transaction_id],
    ['reference_id_list', ['ref-async']],
  ] as const) {
    const req = status(type, value);
    // The spec's attribute_value is oneOf [text, list, text]: a text matches two branches, so only
    // the list form can validate against it (test/fixtures/dci/README.md).
    if (type === 'reference_id_list') conforms(txnStatusRequest, req, `status request by ${type}`);
    const r = await post('sync/txn/status', req, tokens.full);
    assert.equal(r.statusCode, 200, r.body);
    conforms(txnStatusAnswer, r.json(), `status by ${type}`);
    const res = r.json().message.txnstatus_response;
    assert.equal(res.txn_type, 'search');
    assert.equal(res.txn_status.correlation_id, correlation);
    assert.deepEqual(
      res.txn_status.search_response[0].data.reg_records.map((x: any) => x.identifier[0].identifier_value),
      [ID, ID_F],
    );
  }
  const e = (await auditOf('dci.txn_status')).at(-1)!;
  assert.deepEqual(e.after.personIds, [ids.ly, ids.chu]);
  // Another caller cannot read it.
  const other = await post('sync/txn/status', status('correlation_id', correlation), tokens.supervisor);
  assert.equal(other.json().header.status, 'rjct');
  assert.equal(other.json().message, undefined);
  // The same transaction read with a masked token shows masked IDs (presented again, not stored).
  const masked = await post('sync/search', byId(ID), tokens.masked); // (refused by the oracle rule, but it is that caller's transaction)
  assert.equal(masked.json().message.search_response[0].status, 'rjct');
});
