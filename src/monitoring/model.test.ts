// Periods (DHIS2 ids) and roll-up maths: rates from summed numerators and denominators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parsePeriod,
  nextPeriod,
  previousPeriod,
  periodStart,
  periodEnd,
  periodRange,
  periodLabel,
  reportDeadline,
  isPeriodId,
  aggregateCells,
  derivedValue,
  lineageShares,
  scaleCell,
  disaggregationKeys,
  parseDisaggregationKey,
  factorOf,
  type IndicatorDef,
  type Cell,
} from './model.ts';

test('DHIS2 period ids: yearly 2025, quarterly 2025Q3, monthly 202507 parse; malformed ones do not', () => {
  assert.deepEqual(parsePeriod('2025'), { id: '2025', type: 'yearly', year: 2025 });
  assert.deepEqual(parsePeriod('2025Q3'), { id: '2025Q3', type: 'quarterly', year: 2025, quarter: 3 });
  assert.deepEqual(parsePeriod('202507'), { id: '202507', type: 'monthly', year: 2025, month: 7 });
  for (const bad of ['2025Q5', '2025Q0', '202513', '202500', '25', '2025-07', '2025q3', '', '20250701', '0999']) {
    assert.equal(parsePeriod(bad), null, bad);
    assert.equal(isPeriodId(bad), false, bad);
  }
});

test('next and previous periods cross year boundaries', () => {
  assert.equal(nextPeriod('2025'), '2026');
  assert.equal(previousPeriod('2025'), '2024');
  assert.equal(nextPeriod('2025Q4'), '2026Q1');
  assert.equal(previousPeriod('2026Q1'), '2025Q4');
  assert.equal(nextPeriod('202512'), '202601');
  assert.equal(previousPeriod('202601'), '202512');
  assert.equal(nextPeriod('202507'), '202508');
  assert.deepEqual(periodRange('2021', '2025'), ['2021', '2022', '2023', '2024', '2025']);
  assert.deepEqual(periodRange('2025Q3', '2026Q2'), ['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
  assert.deepEqual(periodRange('2026', '2025'), []);
});

test('period start and end dates, leap years included', () => {
  assert.equal(periodStart('2025'), '2025-01-01');
  assert.equal(periodEnd('2025'), '2025-12-31');
  assert.equal(periodStart('2025Q3'), '2025-07-01');
  assert.equal(periodEnd('2025Q3'), '2025-09-30');
  assert.equal(periodEnd('202402'), '2024-02-29');
  assert.equal(periodEnd('202502'), '2025-02-28');
  assert.equal(periodLabel('2025Q3'), 'Quý III/2025');
  assert.equal(periodLabel('202507'), 'Tháng 07/2025');
});

test('deadline "trước ngày 01/12 hằng năm" (Hoằng Kim plan, section IV) is the default for yearly reports', () => {
  assert.equal(reportDeadline('2026'), '2026-12-01');
  assert.equal(reportDeadline('2026', { day: 15, month: 11 }), '2026-11-15');
  assert.equal(reportDeadline('2025Q4'), '2026-01-15');
  assert.equal(reportDeadline('202502', { timelyDays: 10 }), '2025-03-10');
});

const rate: IndicatorDef = {
  code: 'poor_household_rate',
  name: { vi: 'Tỷ lệ hộ nghèo', en: 'Poor household rate' },
  unit: '%',
  kind: 'rate',
  direction: 'lower_better',
  aggregation: 'sum_ratio',
  disaggregations: ['ethnicity'],
};
const count: IndicatorDef = { ...rate, code: 'houses_built', unit: 'houses', kind: 'count', aggregation: 'sum', direction: 'higher_better' };
const avg: IndicatorDef = {
  ...rate,
  code: 'floor_area_per_person',
  unit: 'm2_per_person',
  kind: 'average',
  aggregation: 'weighted_mean',
  direction: 'higher_better',
};
const level: IndicatorDef = { ...rate, code: 'literacy_level', unit: 'level', kind: 'level', aggregation: 'none', direction: 'higher_better' };

test("a province rate is Σ numerators / Σ denominators, not the mean of the communes' rates", () => {
  // A small commune with a high poverty rate and a large one with a low rate.
  const communes: Cell[] = [
    { numerator: 300, denominator: 1000, value: null }, // 30 %
    { numerator: 450, denominator: 9000, value: null }, // 5 %
  ];
  const province = aggregateCells(rate, communes);
  assert.equal(province.numerator, 750);
  assert.equal(province.denominator, 10000);
  assert.equal(province.value, 7.5);
  const meanOfRates = communes.map((c) => derivedValue(rate, c)!).reduce((a, b) => a + b, 0) / communes.length;
  assert.equal(meanOfRates, 17.5);
  assert.notEqual(province.value, meanOfRates);
});

test('a commune without a denominator does not drag the rate; counts are summed; levels are not aggregated', () => {
  const r = aggregateCells(rate, [
    { numerator: 10, denominator: 200, value: null },
    { numerator: null, denominator: null, value: null },
  ]);
  assert.equal(r.value, 5);
  assert.equal(
    aggregateCells(count, [
      { numerator: null, denominator: null, value: 120 },
      { numerator: null, denominator: null, value: 35 },
    ]).value,
    155,
  );
  assert.equal(aggregateCells(count, []).value, null);
  assert.equal(
    aggregateCells(level, [
      { numerator: null, denominator: null, value: 3 },
      { numerator: null, denominator: null, value: 2 },
    ]).value,
    null,
  );
});

test('averages are weighted by their denominator (floor area per person weighted by population)', () => {
  const a = aggregateCells(avg, [
    { numerator: null, denominator: 1000, value: 30 },
    { numerator: null, denominator: 3000, value: 20 },
  ]);
  assert.equal(a.value, 22.5); // (30·1000 + 20·3000) / 4000; the plain mean would be 25
  assert.equal(a.denominator, 4000);
  // and the result keeps rolling up correctly one level higher
  const up = aggregateCells(avg, [a, { numerator: null, denominator: 4000, value: 24.5 }]);
  assert.equal(up.value, 23.5);
});

test('factor: percentages ×100, per 10,000 people ×10,000', () => {
  assert.equal(factorOf('%'), 100);
  assert.equal(factorOf('per_10000'), 10000);
  assert.equal(factorOf('persons'), 1);
  assert.equal(derivedValue({ aggregation: 'sum_ratio', kind: 'rate', unit: 'per_10000' }, { numerator: 13, denominator: 10000, value: null }), 13);
  assert.equal(derivedValue(rate, { numerator: 5, denominator: 0, value: null }), null);
});

test('lineage: a full merger carries everything; a partial split without shares is divided evenly', () => {
  const s = lineageShares([
    { successorId: 10, predecessorId: 1, part: 'full' },
    { successorId: 10, predecessorId: 2, part: 'full' },
    { successorId: 10, predecessorId: 3, part: 'partial' },
    { successorId: 11, predecessorId: 3, part: 'partial' },
    { successorId: 12, predecessorId: 4, part: 'partial', share: 0.7 },
    { successorId: 13, predecessorId: 4, part: 'partial' },
  ]);
  const get = (succ: number, pred: number) => s.find((x) => x.successorId === succ && x.predecessorId === pred)?.share;
  assert.equal(get(10, 1), 1);
  assert.equal(get(10, 3), 0.5);
  assert.equal(get(11, 3), 0.5);
  assert.ok(Math.abs(get(12, 4)! - 0.7) < 1e-12);
  assert.ok(Math.abs(get(13, 4)! - 0.3) < 1e-12);
  // a split rate keeps its level, a split count is divided
  const half = scaleCell(rate, { numerator: 40, denominator: 400, value: null }, 0.5);
  assert.equal(derivedValue(rate, half), 10);
  assert.equal(scaleCell(count, { numerator: null, denominator: null, value: 40 }, 0.5).value, 20);
});

test('disaggregation keys: the total, then each option of each declared dimension', () => {
  assert.deepEqual(disaggregationKeys(['sex']), ['', 'sex=male', 'sex=female']);
  assert.deepEqual(parseDisaggregationKey('ethnicity=ethnic_minority'), { dimension: 'ethnicity', option: 'ethnic_minority' });
  assert.equal(parseDisaggregationKey('sex=other'), null);
});
