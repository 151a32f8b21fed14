// The multidimensional poverty standard: Decree 07/2021 Art. 3 (2022–2026, extended to 2026 by
// Decree 351/2025) and Decree 351/2025 (2027–2030), classified with reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyHousehold } from './poverty.ts';
import { deprivationIndicators } from './parameters.ts';

/** All indicators of the period known, the first `n` deprived. */
function deps(year: number, n: number): Record<string, boolean> {
  const set = deprivationIndicators(year >= 2027 ? '2027-2030' : '2022-2026');
  return Object.fromEntries(set.map((i, k) => [i.key, k < n]));
}

test('Decree 07/2021 Art. 3 cl. 2 (2026): rural income exactly 1,500,000 is at or below the threshold: 3 deprivations → poor', () => {
  const c = classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 1_500_000, deprivations: deps(2026, 3) }, 2026);
  assert.equal(c.class, 'poor');
  assert.equal(c.threshold, 1_500_000);
  assert.equal(c.deprivations.length, 3);
  assert.match(c.reasons[0].text.vi, /1\.500\.000 đ/);
  assert.equal(c.reasons[0].basis?.document, 'Nghị định 351/2025/NĐ-CP', '2026 applies the 07/2021 standard by the 351/2025 extension');
});

test('Decree 07/2021 Art. 3 cl. 2 (2026): rural income exactly 1,500,000 with 2 deprivations → near-poor', () => {
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 1_500_000, deprivations: deps(2026, 2) }, 2026).class, 'near_poor');
});

test('Decree 07/2021 Art. 3 cl. 3: rural 1,500,001 to 2,250,000 is average living standard; above is none', () => {
  assert.equal(
    classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 1_500_001, deprivations: deps(2025, 12) }, 2025).class,
    'average',
    'deprivations do not make a household above the threshold poor',
  );
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 2_250_000 }, 2025).class, 'average');
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 2_250_001 }, 2025).class, 'none');
});

test('Decree 07/2021 Art. 3: urban threshold 2,000,000 and average band to 3,000,000', () => {
  assert.equal(classifyHousehold({ area: 'urban', incomePerCapitaMonthly: 2_000_000, deprivations: deps(2023, 4) }, 2023).class, 'poor');
  assert.equal(classifyHousehold({ area: 'urban', incomePerCapitaMonthly: 3_000_000 }, 2023).class, 'average');
  assert.equal(classifyHousehold({ area: 'urban', incomePerCapitaMonthly: 3_000_001 }, 2023).class, 'none');
});

test('Decree 351/2025: the 2027 switch: rural 2,200,000 with 3 deprivations is average in 2026 but poor in 2027', () => {
  const facts = { area: 'rural' as const, incomePerCapitaMonthly: 2_200_000, deprivations: { ...deps(2026, 3), ...deps(2027, 3) } };
  assert.equal(classifyHousehold(facts, 2026).class, 'average');
  const c = classifyHousehold(facts, 2027);
  assert.equal(c.class, 'poor');
  assert.equal(c.threshold, 2_200_000);
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 2_200_000, deprivations: deps(2027, 2) }, 2027).class, 'near_poor');
  assert.equal(classifyHousehold({ area: 'urban', incomePerCapitaMonthly: 2_800_000, deprivations: deps(2027, 0) }, 2027).class, 'near_poor');
});

test('Decree 351/2025: above the 2027 threshold the average band is not confirmed → unknown with the reason', () => {
  const c = classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 2_200_001 }, 2027);
  assert.equal(c.class, 'unknown');
  assert.match(c.reasons.at(-1)!.text.en, /not confirmed/);
});

test('Decree 351/2025: the 2027 indicator set has waste treatment; the 2022 information-means indicator no longer counts', () => {
  const c = classifyHousehold(
    { area: 'rural', incomePerCapitaMonthly: 1_000_000, deprivations: { ...deps(2027, 2), information_access: true, waste: true } },
    2027,
  );
  assert.deepEqual(c.deprivations.includes('information_access'), false);
  assert.equal(c.deprivations.includes('waste'), true);
  assert.equal(c.class, 'poor');
});

test('Decree 07/2021 Art. 3 cl. 2: unknown indicators that could reach 3 make the class unknown; they cannot when already 3 or too few', () => {
  const two = classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 900_000, deprivations: { water: true, sanitation: true } }, 2024);
  assert.equal(two.class, 'unknown');
  assert.equal(two.unknownIndicators.length, 10);
  assert.equal(
    classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 900_000, deprivations: { water: true, sanitation: true, telecom: true } }, 2024).class,
    'poor',
  );
  const ten = { ...deps(2024, 0) };
  delete ten.water;
  delete ten.sanitation;
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 900_000, deprivations: ten }, 2024).class, 'near_poor', '0 known + 2 unknown < 3');
});

test('no income, or a year outside 2022–2030, gives unknown rather than a guess', () => {
  assert.equal(classifyHousehold({ area: 'rural', deprivations: deps(2024, 5) }, 2024).class, 'unknown');
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 100_000, deprivations: deps(2024, 5) }, 2021).class, 'unknown');
  assert.equal(classifyHousehold({ area: 'rural', incomePerCapitaMonthly: 100_000, deprivations: deps(2030, 5) }, 2031).class, 'unknown');
});
