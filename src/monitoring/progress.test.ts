// Progress to the 2030 targets of the Lai Châu action programme (CTr 53-CTr/TU, section II).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessProgress, leastSquaresSlope, meetsTarget, statusRules } from './progress.ts';

const obs = (pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

test('least squares slope over the history', () => {
  assert.equal(
    leastSquaresSlope(
      obs([
        [2021, 10],
        [2022, 12],
        [2023, 14],
      ]),
    ),
    2,
  );
  assert.equal(
    leastSquaresSlope(
      obs([
        [2021, 10],
        [2022, 13],
        [2023, 14],
        [2024, 19],
      ]),
    ),
    2.8,
  );
  assert.equal(leastSquaresSlope(obs([[2021, 10]])), null);
});

test('"trên 96% dân số tham gia BHYT": rising 1 point a year from 91% in 2025 is on track for 2030', () => {
  const p = assessProgress(
    { comparator: '>', value: 96, year: 2030, unit: '%' },
    'higher_better',
    obs([
      [2021, 87],
      [2022, 88],
      [2023, 89],
      [2024, 90],
      [2025, 91],
    ]),
  );
  assert.equal(p.trendPerYear, 1);
  assert.equal(p.neededPerYear, 1);
  assert.equal(p.projected, 96);
  // "trên" is strict: exactly 96 is not above 96
  assert.equal(p.status, 'at_risk');
  const q = assessProgress(
    { comparator: '>=', value: 96, year: 2030, unit: '%' },
    'higher_better',
    obs([
      [2021, 87],
      [2022, 88],
      [2023, 89],
      [2024, 90],
      [2025, 91],
    ]),
  );
  assert.equal(q.status, 'on_track');
  assert.match(q.rule.vi, /cần \+1 điểm %\/năm; xu hướng 2021–2025: \+1 điểm %\/năm; dự báo năm 2030: 96/);
});

test('"tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 18%": falling slower than half the pace needed is off track', () => {
  const p = assessProgress(
    { comparator: '<', value: 18, year: 2030, unit: '%' },
    'lower_better',
    obs([
      [2022, 26],
      [2023, 25.8],
      [2024, 25.7],
      [2025, 25.5],
    ]),
  );
  assert.equal(p.status, 'off_track');
  assert.ok(p.neededPerYear! < 0 && p.trendPerYear! < 0);
  const q = assessProgress(
    { comparator: '<', value: 18, year: 2030, unit: '%' },
    'lower_better',
    obs([
      [2022, 28],
      [2023, 27],
      [2024, 26],
      [2025, 25],
    ]),
  );
  assert.equal(q.status, 'at_risk'); // −1/year against −1.4 needed: more than half
  const r = assessProgress(
    { comparator: '<', value: 18, year: 2030, unit: '%' },
    'lower_better',
    obs([
      [2023, 19],
      [2024, 17.5],
    ]),
  );
  assert.equal(r.status, 'achieved');
});

test('a 100% target: projection is clamped at 100; 99.8% and flat is a near miss (at risk), not off track', () => {
  const up = assessProgress(
    { comparator: '=', value: 100, year: 2030, unit: '%' },
    'higher_better',
    obs([
      [2023, 97],
      [2024, 98],
      [2025, 99],
    ]),
  );
  assert.equal(up.projected, 100);
  assert.equal(up.status, 'on_track');
  assert.ok(up.projection.every((o) => o.value <= 100));
  const flat = assessProgress(
    { comparator: '=', value: 100, year: 2030, unit: '%' },
    'higher_better',
    obs([
      [2023, 99.8],
      [2024, 99.8],
      [2025, 99.8],
    ]),
  );
  assert.equal(flat.status, 'at_risk');
  const done = assessProgress(
    { comparator: '=', value: 100, year: 2030, unit: '%' },
    'higher_better',
    obs([
      [2024, 99],
      [2025, 100],
    ]),
  );
  assert.equal(done.status, 'achieved');
});

test('"100% huyện, thành phố duy trì đạt chuẩn": maintain holds the level; a slip recovering is at risk, a slide is off track', () => {
  const t = { comparator: 'maintain' as const, value: 100, year: 2030, unit: '%' };
  assert.equal(
    assessProgress(
      t,
      'higher_better',
      obs([
        [2024, 100],
        [2025, 100],
      ]),
    ).status,
    'achieved',
  );
  assert.equal(
    assessProgress(
      t,
      'higher_better',
      obs([
        [2023, 90],
        [2024, 94],
        [2025, 97],
      ]),
    ).status,
    'at_risk',
  );
  assert.equal(
    assessProgress(
      t,
      'higher_better',
      obs([
        [2023, 100],
        [2024, 97],
        [2025, 94],
      ]),
    ).status,
    'off_track',
  );
});

test('no reported value is no_data; the plan baseline joins the trend; a passed target year unmet is off track', () => {
  const t = { comparator: '>=' as const, value: 32, year: 2030, baselineYear: 2023, baselineValue: 24, unit: '%' };
  assert.equal(assessProgress(t, 'higher_better', []).status, 'no_data');
  const one = assessProgress(t, 'higher_better', obs([[2025, 27]]));
  assert.equal(one.trendPerYear, 1.5); // baseline 24 (2023) → 27 (2025)
  assert.equal(one.baseline?.value, 24);
  assert.equal(one.status, 'on_track'); // 27 + 1.5 × 5 = 34.5 ≥ 32
  const late = assessProgress(
    { ...t, year: 2025 },
    'higher_better',
    obs([
      [2024, 26],
      [2025, 27],
    ]),
  );
  assert.equal(late.status, 'off_track');
  const single = assessProgress({ comparator: '>=', value: 32, year: 2030, unit: '%' }, 'higher_better', obs([[2025, 27]]));
  assert.equal(single.status, 'at_risk');
});

test('"khoảng 1.500 căn nhà ở xã hội" is met within 5%; every status has a rule in both languages', () => {
  assert.equal(meetsTarget(1450, { comparator: '~', value: 1500, year: 2030 }, 'higher_better'), true);
  assert.equal(meetsTarget(1400, { comparator: '~', value: 1500, year: 2030 }, 'higher_better'), false);
  for (const r of Object.values(statusRules)) assert.ok(r.vi.length > 20 && r.en.length > 20);
});

test('"giảm tỷ lệ hộ nghèo 1,5%/năm" from 10% in 2025: 2028 asks for ≤ 5,5%; falling 1,5 a year is on track', () => {
  const spec = { comparator: 'reduce_by', value: 1.5, year: 2028, unit: '%', perYear: true, baselineYear: 2025, baselineValue: 10 } as const;
  const p = assessProgress(
    spec,
    'lower_better',
    obs([
      [2025, 10],
      [2026, 8.5],
    ]),
  );
  assert.equal(p.status, 'on_track');
  assert.equal(p.projected, 5.5);
  assert.match(p.rule.vi, /giảm 1,5%\/năm từ 10% \(2025\), tức không quá 5,5% năm 2028/);
  assert.equal(meetsTarget(5.5, spec, 'lower_better'), true);
  assert.equal(meetsTarget(5.6, spec, 'lower_better'), false);
  // Over the whole term (no "/năm"): 10 − 1,5 = 8,5.
  assert.equal(meetsTarget(8.5, { ...spec, perYear: false }, 'lower_better'), true);
  assert.equal(meetsTarget(8.6, { ...spec, perYear: false }, 'lower_better'), false);
});

test('"tăng thêm 7 xã" without a plan baseline starts from the earliest reported value', () => {
  const p = assessProgress(
    { comparator: 'increase_by', value: 7, year: 2026 },
    'higher_better',
    obs([
      [2024, 20],
      [2025, 27],
    ]),
  );
  assert.equal(p.status, 'achieved');
  assert.deepEqual(p.baseline, { year: 2024, value: 20 });
  // Without any start a change cannot be judged met.
  assert.equal(meetsTarget(27, { comparator: 'increase_by', value: 7, year: 2026 }, 'higher_better'), false);
  const none = assessProgress({ comparator: 'reduce_by', value: 2, year: 2026, unit: '%' }, 'lower_better', []);
  assert.equal(none.status, 'no_data');
  assert.match(none.rule.vi, /giảm 2% \(chưa có số liệu gốc\)/);
});
