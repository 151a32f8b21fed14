// The national checks' pure rule: months paid in one province after a death recorded in another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paidAfterDeath, type PaidMonth } from './model.ts';

const paid = (provinceCode: string, month: number, amount = 500_000, programme = 'assistance'): PaidMonth => ({
  provinceCode,
  personalId: '012085000001',
  unitId: 7,
  programme,
  month,
  amount,
  status: 'paid',
});

test('a death in March: March is due, April and May paid elsewhere are to recover; the same province is its own check', () => {
  const deaths = [{ personalId: '012085000001', provinceCode: '12', deathDate: '2026-03-15' }];
  const r = paidAfterDeath(deaths, [
    paid('38', 202603),
    paid('38', 202604),
    paid('38', 202605, 600_000),
    paid('12', 202604),
    paid('38', 202604, 2_000_000, 'merit'),
  ]);
  assert.deepEqual(
    r.map((x) => [x.paidProvince, x.programme, x.months, x.amount]),
    [
      ['38', 'assistance', [202604, 202605], 1_100_000],
      ['38', 'merit', [202604], 2_000_000],
    ],
  );
  assert.equal(r[0]!.deathProvince, '12');
  assert.equal(r[0]!.deathDate, '2026-03-15');
});

test('nothing paid after the death, or no death: nothing found', () => {
  assert.deepEqual(paidAfterDeath([{ personalId: '012085000001', provinceCode: '12', deathDate: '2026-03-31' }], [paid('38', 202603)]), []);
  assert.deepEqual(paidAfterDeath([], [paid('38', 202612)]), []);
});
