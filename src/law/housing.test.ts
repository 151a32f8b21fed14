// Housing support levels against the figures of Decision 21/2024/QĐ-TTg and the national target
// programme as stated in issue 13 (none confirmed in a public copy yet: every row is unverified).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUSING_LEVELS, housingLevel, QD21, type HousingLevelRow } from './housing.ts';

test('Decision 21/2024/QĐ-TTg: merit household 60,000,000 VND for a new house, 30,000,000 for a repair (unverified)', () => {
  const n = housingLevel({ programme: 'qd21', group: 'merit', supportType: 'new', date: '2025-03-01' });
  assert.equal(n.amount, 60_000_000);
  assert.equal(n.status, 'unverified');
  assert.equal(n.basis?.document, QD21);
  assert.equal(housingLevel({ programme: 'qd21', group: 'merit', supportType: 'repair', date: '2025-03-01' }).amount, 30_000_000);
});

test('National target programme (poverty reduction): 40,000,000 new / 20,000,000 repair for poor and near-poor (unverified)', () => {
  assert.equal(housingLevel({ programme: 'ntp_poverty', group: 'poor', supportType: 'new', date: '2023-05-01' }).amount, 40_000_000);
  assert.equal(housingLevel({ programme: 'ntp_poverty', group: 'near_poor', supportType: 'repair', date: '2023-05-01' }).amount, 20_000_000);
});

test('poor and near-poor outside the national programmes: 60/30 million; instrument unconfirmed', () => {
  const l = housingLevel({ programme: 'nq_poor', group: 'near_poor', supportType: 'new', date: '2025-01-10' });
  assert.equal(l.amount, 60_000_000);
  assert.equal(l.basis?.verified, false);
});

test('no level before Decision 21/2024 took effect, nor for a group it does not cover: unknown, never a guess', () => {
  assert.equal(housingLevel({ programme: 'qd21', group: 'merit', supportType: 'new', date: '2024-11-21' }).status, 'unknown');
  assert.equal(housingLevel({ programme: 'qd21', group: 'poor', supportType: 'new', date: '2025-03-01' }).status, 'unknown');
  assert.equal(housingLevel({ programme: 'local', group: 'other', supportType: 'repair', date: '2025-03-01' }).amount, null);
});

test('a province override with its own basis beats the national row; other provinces keep the national level', () => {
  const over: HousingLevelRow = {
    programme: 'qd21',
    groups: ['merit'],
    supportType: 'new',
    amount: 80_000_000,
    validFrom: '2025-01-01',
    validTo: null,
    basis: { document: 'Nghị quyết (giả lập) HĐND tỉnh', article: 'Điều 1', verified: true },
    scope: '01',
  };
  const set = [...HOUSING_LEVELS, over];
  const q = { programme: 'qd21' as const, group: 'merit' as const, supportType: 'new' as const, date: '2025-03-01' };
  assert.deepEqual([housingLevel({ ...q, province: '01' }, set).amount, housingLevel({ ...q, province: '01' }, set).status], [80_000_000, 'known']);
  assert.equal(housingLevel({ ...q, province: '79' }, set).amount, 60_000_000);
});
