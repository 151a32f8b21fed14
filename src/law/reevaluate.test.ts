// Re-evaluation before applying a law change: who gains, who loses, by how much.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diffEvaluations } from './reevaluate.ts';
import { evaluateHouseholds, parseEvaluateInput } from './evaluate.ts';
import { LAW_PARAMETERS, provinceOverride, withVersions } from './parameters.ts';

const sample = parseEvaluateInput(JSON.parse(readFileSync(new URL('../../test/fixtures/evaluate/sample.json', import.meta.url), 'utf8')));

test('Decree 76/2024 (06/2024 → 07/2024): every paid beneficiary gains 140,000 × coefficient, nobody loses', () => {
  const d = diffEvaluations(sample, { at: '2024-06' }, { at: '2024-07' });
  assert.equal(d.losses.length, 0);
  assert.ok(d.gains.length >= 4);
  const before = evaluateHouseholds(sample, '2024-06');
  for (const g of d.gains) {
    const m = before.households.find((h) => h.id === g.householdId)!.members.find((x) => x.personId === g.personId)!;
    const coefs = m.benefits.filter((b) => b.status === 'payable').reduce((s, b) => s + b.coefficient!, 0);
    assert.equal(g.delta, (140_000 * coefs) / 10, `${g.personId}: 140,000 × ${coefs / 10}`);
  }
  assert.equal(
    d.totalDelta,
    d.gains.reduce((s, g) => s + g.delta, 0),
  );
});

test("a province override set vs the national set: only that province's beneficiaries gain", () => {
  const withOverride = withVersions(LAW_PARAMETERS, provinceOverride('assistance.standard', '12', 600_000, '2025-01-01', null, 'Nghị quyết (giả lập)'));
  const other = { households: sample.households.map((h, i) => (i === 0 ? { ...h, provinceCode: '01' } : h)) };
  const d = diffEvaluations(other, { at: '2025-03' }, { at: '2025-03', params: withOverride });
  assert.ok(d.gains.length > 0);
  assert.ok(
    d.gains.every((g) => g.householdId !== 'TL-001'),
    'province 01 unchanged',
  );
  const mai = d.gains.find((g) => g.personId === 'TL-002-1');
  assert.equal(mai?.delta, (100_000 * (20 + 15)) / 10, 'single parent of two (2.0) + severe disability (1.5) at +100,000 per 1.0');
});

test('Decree 351/2025: 2026 → 2027 lists the households whose poverty class changes', () => {
  const d = diffEvaluations(sample, { at: '2026-12' }, { at: '2027-01' });
  const tl3 = d.classChanges.find((c) => c.householdId === 'TL-003');
  // Income 2,000,000 is under the new 2,200,000 threshold, but no indicator was surveyed: poor or near-poor is open.
  assert.deepEqual(tl3 && [tl3.before, tl3.after], ['average', 'unknown']);
  const known = {
    households: sample.households.map((h) =>
      h.id === 'TL-003'
        ? {
            ...h,
            deprivations: {
              employment: false,
              dependants: false,
              health_insurance: false,
              nutrition: false,
              adult_education: false,
              child_schooling: false,
              housing_area: false,
              housing_quality: false,
              digital_services: false,
              water: false,
              sanitation: false,
              waste: true,
            },
          }
        : h,
    ),
  };
  const d2 = diffEvaluations(known, { at: '2026-12' }, { at: '2027-01' });
  const c = d2.classChanges.find((x) => x.householdId === 'TL-003');
  assert.deepEqual(c && [c.before, c.after], ['average', 'near_poor']);
  assert.ok(
    d.classChanges.some((c) => c.householdId === 'TL-004' && c.after === 'unknown'),
    'above the threshold in 2027 the band is unknown',
  );
});

test('a benefit that becomes unknown (2027 indicators not surveyed) is listed as undetermined, not as a loss', () => {
  const d = diffEvaluations(sample, { at: '2026-12' }, { at: '2027-01' });
  assert.equal(d.losses.length, 0);
  const x = d.undetermined.find((c) => c.personId === 'TL-002-1');
  assert.ok(x, 'the single parent of a household whose 2027 class is open');
  assert.equal(x.before, 1_750_000);
  assert.equal(d.totalDelta, 0);
});
