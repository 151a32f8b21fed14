// The yearly lists against the texts' own rules: Ordinance 02/2020/UBTVQH14 (convalescence and
// health insurance by category), Decree 131/2021/NĐ-CP Art. 84, Decree 75/2021 Art. 6 (amounts),
// Quyết định 01/QĐ-CTN of 05/01/2026 (Tết gifts). Each test names its article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convalescenceDue, healthInsurance, tetGift } from './merit-lists.ts';
import type { MeritProfileFacts } from './merit.ts';

const p = (over: Partial<MeritProfileFacts> & Pick<MeritProfileFacts, 'category'>): MeritProfileFacts => ({ id: 'p', startMonth: '2021-07', ...over });
const invalid = (rate: number) => p({ category: 'war_invalid', invalidType: 'invalid', injuryRate: rate });
const martyrParent = (n: number) =>
  p({ category: 'relative', relativeOf: 'martyr', martyrs: Array.from({ length: n }, () => ({ relation: 'mother' as const })) });

test('Ordinance Art. 24 cl. 3: a war invalid convalesces every two years, every year from 81%; Decree 75/2021 Art. 6: 2,510,000 at home, 5,020,000 at a centre in 2026', () => {
  const y = convalescenceDue([invalid(81)], 2026, 2025);
  assert.equal(y.status, 'due');
  assert.equal(y.frequency, 'yearly');
  assert.equal(y.amountHome, 2_510_000, '0.9 × 2,789,000 rounded to the thousand');
  assert.equal(y.amountCentre, 5_020_000, '1.8 × 2,789,000');
  assert.equal(convalescenceDue([invalid(41)], 2026, 2025).status, 'not_due', 'every two years: received 2025, next 2027');
  assert.equal(convalescenceDue([invalid(41)], 2026, 2024).status, 'due');
  assert.equal(convalescenceDue([invalid(41)], 2026, null).status, 'due', 'nothing recorded');
  assert.equal(convalescenceDue([invalid(81)], 2026, 2026).status, 'done');
  assert.equal(convalescenceDue([p({ category: 'war_invalid', invalidType: 'invalid' })], 2026, null).status, 'unknown', 'no injury rate');
});

test('Ordinance Art. 9, 12, 18, 21, 33, 36: yearly for pre-1945 activists and Heroic Mothers, every two years for heroes and former prisoners, none for resistance activists', () => {
  assert.equal(convalescenceDue([p({ category: 'pre_1945', detached: false })], 2026, 2025).status, 'due');
  assert.equal(convalescenceDue([p({ category: 'heroic_mother' })], 2026, 2025).frequency, 'yearly');
  assert.equal(convalescenceDue([p({ category: 'armed_forces_hero' })], 2026, 2025).status, 'not_due');
  assert.equal(convalescenceDue([p({ category: 'prisoner' })], 2026, 2025).frequency, 'biennial');
  assert.equal(convalescenceDue([p({ category: 'resistance_activist' })], 2026, null).status, 'none');
});

test("Ordinance Art. 16 cl. 5: a martyr's parent every two years, a parent of two martyrs every year; a martyr's child only if severely disabled (not recorded: unknown)", () => {
  assert.equal(convalescenceDue([martyrParent(1)], 2026, 2025).status, 'not_due');
  assert.equal(convalescenceDue([martyrParent(2)], 2026, 2025).status, 'due');
  const child = p({ category: 'relative', relativeOf: 'martyr', martyrs: [{ relation: 'child' }] });
  assert.equal(convalescenceDue([child], 2026, null).status, 'unknown');
  const invalidRelative = p({ category: 'relative', relativeOf: 'war_invalid', relation: 'spouse', meritPersonDied: true, meritPersonRate: 70 });
  assert.equal(convalescenceDue([invalidRelative], 2026, null).status, 'none', 'Decree 131/2021 Art. 84 cl. 1: not among the categories');
});

test('Decree 131/2021 Art. 84 cl. 2: a war invalid of 41% who is a parent of two martyrs convalesces once, at the yearly frequency', () => {
  const d = convalescenceDue([invalid(41), martyrParent(2)], 2026, 2025);
  assert.equal(d.status, 'due');
  assert.equal(d.frequency, 'yearly');
  assert.ok(d.reasons.some((r) => r.basis?.article === 'Điều 84 khoản 2'));
});

test('a profile that ended before the year, or starts after it, gives no convalescence', () => {
  assert.equal(convalescenceDue([p({ category: 'heroic_mother', endMonth: '2025-12' })], 2026, null).status, 'none');
  assert.equal(convalescenceDue([p({ category: 'heroic_mother', startMonth: '2027-01' })], 2026, null).status, 'none');
});

test('Quyết định 01/QĐ-CTN (05/01/2026) Art. 1 cl. 1: 600,000 for Heroic Mothers, war invalids of 81% or more, relatives of two martyrs, martyr relatives on the nurturing allowance', () => {
  for (const x of [
    p({ category: 'heroic_mother' }),
    invalid(81),
    martyrParent(2),
    p({ category: 'relative', relativeOf: 'martyr', martyrs: [{ relation: 'mother' }], nurturing: true }),
  ]) {
    const g = tetGift([x], 2026);
    assert.equal(g.status, 'gift');
    assert.equal(g.amount, 600_000);
    assert.equal(g.reasons[0]!.basis?.document, 'Quyết định 01/QĐ-CTN ngày 05/01/2026 của Chủ tịch nước');
  }
});

test('Quyết định 01/QĐ-CTN Art. 1 cl. 2: 300,000 for war invalids and sick soldiers of 80% or less and former prisoners; one gift, the highest, for several categories', () => {
  assert.equal(tetGift([invalid(80)], 2026).amount, 300_000);
  assert.equal(tetGift([p({ category: 'sick_soldier', injuryRate: 45 })], 2026).amount, 300_000);
  assert.equal(tetGift([p({ category: 'prisoner' })], 2026).amount, 300_000);
  assert.equal(tetGift([invalid(41), p({ id: 'q', category: 'heroic_mother' })], 2026).amount, 600_000);
});

test('Tết gifts: a year without a decision in the data, or a row of the 300,000 list not read, is unknown; no monthly allowance in 01/2026 is no gift', () => {
  const y = tetGift([p({ category: 'heroic_mother' })], 2025);
  assert.equal(y.status, 'unknown');
  assert.equal(y.amount, null);
  assert.equal(tetGift([martyrParent(1)], 2026).status, 'unknown', "one martyr's relative: the 300,000 row was not read in full");
  assert.equal(tetGift([p({ category: 'resistance_activist' })], 2026).status, 'none', 'no monthly allowance');
  assert.equal(tetGift([p({ category: 'heroic_mother', startMonth: '2026-02' })], 2026).status, 'none', 'not yet paid in the decision month');
});

test('Ordinance Art. 16 cl. 6, 24 cl. 2, 36 cl. 2: martyr relatives, war invalids and resistance activists hold state health insurance; relatives of a war invalid only on conditions (check)', () => {
  assert.equal(healthInsurance([martyrParent(1)], '2026-03').status, 'covered');
  assert.equal(healthInsurance([invalid(21)], '2026-03').reasons[0]!.basis?.article, 'Điều 24 khoản 2');
  assert.equal(healthInsurance([p({ category: 'resistance_activist' })], '2026-03').status, 'covered');
  const spouse = p({ category: 'relative', relativeOf: 'war_invalid', relation: 'spouse', meritPersonDied: true, meritPersonRate: 70 });
  const h = healthInsurance([spouse], '2026-03');
  assert.equal(h.status, 'check');
  assert.equal(h.reasons[0]!.basis?.article, 'Điều 25 khoản 1');
  assert.equal(healthInsurance([p({ category: 'prisoner', endMonth: '2025-12' })], '2026-03').status, 'none', 'ended');
});
