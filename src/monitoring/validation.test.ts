// Form validation: errors block submission, warnings need a comment, messages name the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateForm, submissionBlockers, historyCheck, siblingCheck, type FormValue } from './validation.ts';
import type { IndicatorDef } from './model.ts';

const poor: IndicatorDef = {
  code: 'poor_household_rate',
  name: { vi: 'Tỷ lệ hộ nghèo', en: 'Poor household rate' },
  unit: '%',
  kind: 'rate',
  direction: 'lower_better',
  aggregation: 'sum_ratio',
  disaggregations: ['ethnicity'],
  population: 'households',
};
const nearPoor: IndicatorDef = {
  ...poor,
  code: 'near_poor_household_rate',
  name: { vi: 'Tỷ lệ hộ cận nghèo', en: 'Near-poor household rate' },
  disaggregations: [],
};
const latrine: IndicatorDef = {
  ...poor,
  code: 'hygienic_latrine_household_rate',
  name: { vi: 'Tỷ lệ hộ gia đình có công trình phụ hợp vệ sinh', en: 'Households with a hygienic latrine' },
  direction: 'higher_better',
  disaggregations: [],
};
const houses: IndicatorDef = {
  code: 'temporary_houses_removed',
  name: { vi: 'Số nhà tạm được xóa', en: 'Temporary houses removed' },
  unit: 'houses',
  kind: 'count',
  direction: 'higher_better',
  aggregation: 'sum',
  disaggregations: ['sex'],
};
const indicators = new Map([poor, nearPoor, latrine, houses].map((i) => [i.code, i]));

test('numerator above denominator, negative numbers and a percentage above 100 are errors at the field', () => {
  const values: FormValue[] = [
    { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 1300, denominator: 1200 },
    { indicatorCode: 'temporary_houses_removed', disaggregation: '', value: -3 },
    { indicatorCode: 'hygienic_latrine_household_rate', disaggregation: '', value: 104 },
  ];
  const issues = validateForm(values, { indicators });
  const at = (p: string) => issues.find((i) => i.path === p);
  assert.equal(at('/values/0/numerator')?.rule, 'numerator_exceeds_denominator');
  assert.match(at('/values/0/numerator')!.message.vi, /tử số \(1\.300\) không được lớn hơn mẫu số \(1\.200\)/);
  assert.equal(at('/values/1/value')?.rule, 'negative');
  assert.equal(at('/values/2/value')?.rule, 'percent_range');
  assert.ok(issues.every((i) => i.severity === 'error'));
  assert.equal(submissionBlockers(issues, values).length, issues.length);
});

test('a rate needs both numerator and denominator; a required total left empty is reported', () => {
  const values: FormValue[] = [{ indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 25 }];
  const issues = validateForm(values, { indicators, required: ['poor_household_rate', 'temporary_houses_removed'] });
  assert.ok(issues.some((i) => i.rule === 'incomplete_ratio' && i.path === '/values/0/denominator'));
  assert.ok(issues.some((i) => i.rule === 'missing' && i.indicatorCode === 'temporary_houses_removed'));
});

test('indicators counting the same households must give the same denominator', () => {
  const values: FormValue[] = [
    { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 120, denominator: 1500 },
    { indicatorCode: 'near_poor_household_rate', disaggregation: '', numerator: 90, denominator: 1500 },
    { indicatorCode: 'hygienic_latrine_household_rate', disaggregation: '', numerator: 1100, denominator: 1480 },
  ];
  const issues = validateForm(values, { indicators });
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.rule, 'shared_denominator');
  assert.equal(issues[0]!.path, '/values/2/denominator');
  assert.match(issues[0]!.message.vi, /khác với mẫu số 1\.500/);
});

test('breakdowns by ethnicity must add up to the total', () => {
  const values: FormValue[] = [
    { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 120, denominator: 1500 },
    { indicatorCode: 'poor_household_rate', disaggregation: 'ethnicity=ethnic_minority', numerator: 100, denominator: 1000 },
    { indicatorCode: 'poor_household_rate', disaggregation: 'ethnicity=kinh', numerator: 10, denominator: 500 },
  ];
  const issues = validateForm(values, { indicators });
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.rule, 'breakdown_sum');
  assert.match(issues[0]!.message.vi, /theo dân tộc \(110\) khác tổng số \(120\)/);
  // fixed: no issue
  const ok = values.map((v, i) => (i === 2 ? { ...v, numerator: 20 } : v));
  assert.deepEqual(validateForm(ok, { indicators }), []);
  // an undeclared breakdown is refused
  const bad = validateForm([{ indicatorCode: 'near_poor_household_rate', disaggregation: 'sex=male', numerator: 1, denominator: 2 }], { indicators });
  assert.equal(bad[0]!.rule, 'unknown_disaggregation');
});

test("a value far from the unit's history is a warning that a comment clears", () => {
  const history = new Map([['poor_household_rate', [31.2, 28.4, 25.9, 23.1]]]);
  const values: FormValue[] = [{ indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 60, denominator: 1500 }]; // 4 %
  const issues = validateForm(values, { indicators, history });
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.severity, 'warning');
  assert.match(issues[0]!.rule, /^outlier_history/);
  assert.equal(submissionBlockers(issues, values).length, 1);
  const explained = [{ ...values[0]!, comment: 'Rà soát hộ nghèo cuối năm 2026: 180 hộ thoát nghèo nhờ dự án sinh kế' }];
  assert.equal(submissionBlockers(validateForm(explained, { indicators, history }), explained).length, 0);
  // a value continuing the trend is not flagged
  assert.deepEqual(validateForm([{ ...values[0]!, numerator: 310 }], { indicators, history }), []); // 20.7 %
});

test('history checks: z-score beyond 3 and the widened min–max band', () => {
  assert.equal(historyCheck(50, [10, 11, 10, 12])?.rule, 'outlier_history_z');
  assert.equal(historyCheck(11.5, [10, 11, 10, 12]), null);
  assert.equal(historyCheck(100, [100, 100, 100]), null);
  assert.equal(historyCheck(85, [100, 100, 100])?.rule, 'outlier_history_range'); // flat history: band ±10 % of the mean
  assert.equal(historyCheck(50, [10, 12]), null); // too little history to judge
});

test('sibling check: robust z against the other communes of the province', () => {
  const sib = [12, 14, 15, 13, 16, 12.5, 14.5];
  assert.ok(siblingCheck(45, sib));
  assert.equal(siblingCheck(16.5, sib), null);
  assert.equal(siblingCheck(45, [12, 14, 15]), null);
});
