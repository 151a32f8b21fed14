// The demo generator: deterministic, and its numbers pass the form's own validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoValue, DEMO_YEARS } from './demo.ts';
import { validateForm } from './validation.ts';
import type { IndicatorDef } from './model.ts';

const poor: IndicatorDef = {
  code: 'poor_household_rate',
  name: { vi: 'Tỷ lệ hộ nghèo', en: 'Poor household rate' },
  unit: '%',
  kind: 'rate',
  direction: 'lower_better',
  aggregation: 'sum_ratio',
  disaggregations: ['ethnicity', 'sex'],
  population: 'tổng số hộ',
};
const bhyt: IndicatorDef = {
  ...poor,
  code: 'health_insurance_coverage',
  name: { vi: 'Tỷ lệ dân số tham gia BHYT', en: 'Health insurance coverage' },
  direction: 'higher_better',
  disaggregations: [],
  population: 'dân số',
};
const doctors: IndicatorDef = {
  ...poor,
  code: 'doctors_per_10000',
  name: { vi: 'Số bác sĩ/10.000 dân', en: 'Doctors per 10,000' },
  unit: 'per_10000',
  direction: 'higher_better',
  disaggregations: [],
  population: 'dân số',
};

test('demo values are deterministic, valid (numerator ≤ denominator, breakdowns add up) and move toward the target', () => {
  const communes = ['03430', '03433', '03439', '03442', '03445'];
  for (const c of communes) {
    const series = DEMO_YEARS.map((y) => demoValue(poor, { comparator: '<', value: 10, baselineValue: 30 }, c, y));
    assert.deepEqual(
      series,
      DEMO_YEARS.map((y) => demoValue(poor, { comparator: '<', value: 10, baselineValue: 30 }, c, y)),
    );
    for (const vs of series) {
      const all = [
        ...vs,
        ...demoValue(bhyt, { comparator: '>', value: 96, baselineValue: null }, c, 2023),
        ...demoValue(doctors, { comparator: '>', value: 13, baselineValue: null }, c, 2023),
      ];
      assert.deepEqual(
        validateForm(all, {
          indicators: new Map([
            [poor.code, poor],
            [bhyt.code, bhyt],
            [doctors.code, doctors],
          ]),
        }),
        [],
      );
    }
    const rate = (vs: ReturnType<typeof demoValue>) => vs[0]!.numerator! / vs[0]!.denominator!;
    assert.ok(rate(series[4]!) < rate(series[0]!), `${c}: the poverty rate falls`);
  }
  const d = demoValue(doctors, { comparator: '>', value: 13, baselineValue: null }, '03439', 2025)[0]!;
  const per10k = (10000 * d.numerator!) / d.denominator!;
  assert.ok(per10k > 5 && per10k < 20, `doctors per 10,000 plausible: ${per10k}`);
});
