// Emergency relief against Decree 20/2021/NĐ-CP Chapter III as amended by 76/2024/NĐ-CP. The
// amended figures are those stated in issue 13 (not yet confirmed: reported 'unverified').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RELIEF_LEVELS, reliefEntitlement, type ReliefRow } from './relief.ts';

test('Art. 12 (76/2024): 15 kg of rice per person per month, at most 3 months', () => {
  const e = reliefEntitlement({ type: 'food', date: '2024-09-08', persons: 4 });
  assert.equal(e.riceKg, 4 * 15 * 3);
  assert.equal(e.status, 'unverified');
  assert.equal(reliefEntitlement({ type: 'food', date: '2024-09-08', persons: 4, months: 5 }).riceKg, 180, 'capped at 3 months');
  assert.equal(reliefEntitlement({ type: 'food', date: '2024-09-08', persons: 2, months: 1 }).riceKg, 30);
});

test('Art. 14 (76/2024): funeral support 50 × the standard level (500,000 from 01/07/2024) = 25,000,000 per person', () => {
  const e = reliefEntitlement({ type: 'funeral', date: '2024-09-08', persons: 1 });
  assert.equal(e.amount, 25_000_000);
  assert.equal(e.basis.length, 2, 'cites Art. 14 and Art. 4 (standard level)');
  assert.equal(reliefEntitlement({ type: 'funeral', date: '2024-09-08', persons: 2 }).amount, 50_000_000);
});

test('Art. 15 (76/2024): house collapsed, washed away or burned 40,000,000; urgent relocation 30,000,000; severe damage 20,000,000 per household', () => {
  assert.equal(reliefEntitlement({ type: 'house_lost', date: '2024-09-08' }).amount, 40_000_000);
  assert.equal(reliefEntitlement({ type: 'relocation', date: '2024-09-08' }).amount, 30_000_000);
  assert.equal(reliefEntitlement({ type: 'house_damaged', date: '2024-09-08' }).amount, 20_000_000);
});

test('Art. 15 cl. 1–3 of the 2021 text (before 76/2024): at least 40,000,000 / 30,000,000 / 20,000,000 per household, confirmed', () => {
  for (const [type, amount] of [
    ['house_lost', 40_000_000],
    ['relocation', 30_000_000],
    ['house_damaged', 20_000_000],
  ] as const) {
    const e = reliefEntitlement({ type, date: '2023-01-01' });
    assert.equal(e.amount, amount, type);
    assert.equal(e.status, 'known', type);
  }
  assert.equal(reliefEntitlement({ type: 'house_lost', date: '2024-09-08' }).status, 'unverified', 'the 76/2024 text itself was not seen');
});

test('Art. 13 (seriously injured) and the original 2021 figures of Art. 12 and 14 are not known: unknown, never a guess', () => {
  assert.equal(reliefEntitlement({ type: 'injury', date: '2024-09-08' }).status, 'unknown');
  assert.equal(reliefEntitlement({ type: 'funeral', date: '2023-01-01' }).status, 'unknown');
  assert.equal(reliefEntitlement({ type: 'food', date: '2021-01-01' }).status, 'unknown', 'before the decree');
});

test('a province may set a higher level with its own basis', () => {
  const over: ReliefRow = {
    type: 'house_lost',
    unit: 'VND/household',
    value: 50_000_000,
    validFrom: '2024-08-01',
    validTo: null,
    basis: { document: 'Quyết định (giả lập) UBND tỉnh', article: 'Điều 2', verified: true },
    scope: '22',
  };
  const set = [...RELIEF_LEVELS, over];
  assert.deepEqual(reliefEntitlement({ type: 'house_lost', date: '2024-09-08', province: '22' }, set).amount, 50_000_000);
  assert.equal(reliefEntitlement({ type: 'house_lost', date: '2024-09-08', province: '22' }, set).status, 'known');
  assert.equal(reliefEntitlement({ type: 'house_lost', date: '2024-09-08', province: '31' }, set).amount, 40_000_000);
});

test('persons must be a non-negative integer', () => {
  assert.throws(() => reliefEntitlement({ type: 'funeral', date: '2024-09-08', persons: -1 }), RangeError);
});
