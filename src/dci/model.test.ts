// The pure rules of the DCI API (src/dci/model.ts): header checks in the spec's codes, queries
// as filters (ages counted from the day of the search), consent, names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHeader, consentPurpose, expressionFilter, planSearch, splitName, usesPersonalId, dciLimits } from './model.ts';

const header = { version: '1.0.0', message_id: 'm1', message_ts: '2026-12-06T10:00:00+07:00', action: 'search', sender_id: 'bhxh', total_count: '2' };
const NOW = new Date('2026-12-06T03:00:00Z');

test('a header is checked in the spec’s codes: version and encryption as err.*, action, time and counts as rjct.*', () => {
  assert.deepEqual(checkHeader(header, 'search', 2), { ok: true });
  assert.equal((checkHeader({ ...header, version: '0.9' }, 'search', 2) as { error: string }).error, 'err.version.not_supported');
  assert.equal((checkHeader({ ...header, is_msg_encrypted: true }, 'search', 2) as { error: string }).error, 'err.encryption.invalid');
  assert.equal((checkHeader({ ...header, action: 'subscribe' }, 'search', 2) as { reason: string }).reason, 'rjct.action.invalid');
  assert.equal((checkHeader({ ...header, message_ts: '06/12/2026' }, 'search', 2) as { reason: string }).reason, 'rjct.message_ts.invalid');
  assert.equal((checkHeader(header, 'search', 3) as { reason: string }).reason, 'rjct.total_count.invalid');
  const n = dciLimits.maxReferences + 1;
  assert.equal((checkHeader({ ...header, total_count: n }, 'search', n) as { reason: string }).reason, 'rjct.total_count.limit_exceeded');
});

test('age is counted in whole years on the day of the search (born 06/12/2001: 25 today, 24 the day before)', () => {
  const f = (op: string, v: string) => expressionFilter({ attribute_name: 'age', operator: op, attribute_value: v }, NOW);
  assert.deepEqual(f('ge', '25'), { kind: 'cmp', field: 'date_of_birth', op: '<=', value: '2001-12-06' });
  assert.deepEqual(f('lt', '25'), { kind: 'cmp', field: 'date_of_birth', op: '>', value: '2001-12-06' });
  assert.deepEqual(f('gt', '25'), { kind: 'cmp', field: 'date_of_birth', op: '<=', value: '2000-12-06' });
  assert.deepEqual(f('eq', '25'), {
    kind: 'and',
    parts: [
      { kind: 'cmp', field: 'date_of_birth', op: '<=', value: '2001-12-06' },
      { kind: 'cmp', field: 'date_of_birth', op: '>', value: '2000-12-06' },
    ],
  });
  // 29 February counts as 28 February in a year without it.
  assert.deepEqual(expressionFilter({ attribute_name: 'age', operator: 'ge', attribute_value: '1' }, new Date('2028-02-29T05:00:00Z')), {
    kind: 'cmp',
    field: 'date_of_birth',
    op: '<=',
    value: '2027-02-28',
  });
});

test('identifiers: 12 digits, eq or in (a list or comma-separated); unknown attributes and operators are named', () => {
  assert.deepEqual(expressionFilter({ attribute_name: 'UIN', operator: 'in', attribute_value: '012040000777, 012150000123' }, NOW), {
    kind: 'cmp',
    field: 'personal_id',
    op: 'in',
    value: ['012040000777', '012150000123'],
  });
  assert.equal((expressionFilter({ attribute_name: 'UIN', operator: 'eq', attribute_value: '0120' }, NOW) as { reason: string }).reason, 'rjct.filter.invalid');
  assert.match(
    (expressionFilter({ attribute_name: 'poverty_score', operator: 'lt', attribute_value: '2' }, NOW) as { message: string }).message,
    /poverty_score/,
  );
  assert.equal(
    (expressionFilter({ attribute_name: 'UIN', operator: 'like', attribute_value: '1' }, NOW) as { reason: string }).reason,
    'rjct.search_criteria.invalid',
  );
});

test('a search needs a consent with a purpose, and something selective (not sex alone)', () => {
  assert.equal(consentPurpose(''), null);
  assert.equal(consentPurpose({ purpose: { text: ' ' } }), null);
  assert.equal(consentPurpose({ purpose: { code: 'hi-card' } }), 'hi-card');
  const q = (query: unknown, consent: unknown = { purpose: { code: 'x' } }) => planSearch({ query_type: 'expression', query, consent }, NOW);
  const sexOnly = q([{ expression1: { attribute_name: 'sex', operator: 'eq', attribute_value: 'f' } }]);
  assert.equal(!sexOnly.ok && sexOnly.reason, 'rjct.search.too_many_records_found');
  const orSex = q([
    {
      expression1: { attribute_name: 'YOB', operator: 'eq', attribute_value: '1950' },
      condition: 'or',
      expression2: { attribute_name: 'sex', operator: 'eq', attribute_value: 'f' },
    },
  ]);
  assert.equal(!orSex.ok && orSex.reason, 'rjct.search.too_many_records_found', 'an "or" with sex is as wide as sex');
  const not = q([
    {
      expression1: { attribute_name: 'YOB', operator: 'eq', attribute_value: '1950' },
      condition: 'not',
      expression2: { attribute_name: 'UIN', operator: 'eq', attribute_value: '012040000777' },
    },
  ]);
  assert.ok(not.ok && usesPersonalId(not.plan.filter), 'a "not" on an ID is still a search by ID (scoped by the policy)');
  const noConsent = q([{ expression1: { attribute_name: 'YOB', operator: 'eq', attribute_value: '1950' } }], '');
  assert.equal(!noConsent.ok && noConsent.reason, 'rjct.search_criteria.invalid');
});

test('a Vietnamese full name: family name, middle names, given name', () => {
  assert.deepEqual(splitName('Nguyễn Thị Minh Khai'), { surname: 'Nguyễn', second_name: 'Thị Minh', given_name: 'Khai' });
  assert.deepEqual(splitName('Lò Tám'), { surname: 'Lò', second_name: '', given_name: 'Tám' });
  assert.deepEqual(splitName('Xá'), { surname: '', second_name: '', given_name: 'Xá' });
});
