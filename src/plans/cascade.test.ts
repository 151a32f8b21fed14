// The cascade rules, on the real case of issue 4: Thu Lũm's plan 152-KH/ĐU (2026) sets preschool
// attendance at 99,5% while Lai Châu's action programme 53-CTr/TU sets 99,9% (both for 2030).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareCascade, isWeaker, boundKind, type CascadeTarget, type Direction } from './cascade.ts';

const dir = (m: Record<string, Direction>) => (c: string) => m[c] ?? 'higher_better';

test('Thu Lũm preschool 99,5% under Lai Châu 99,9% is a weaker local target', () => {
  const parent: CascadeTarget[] = [{ indicatorCode: 'preschool', comparator: '=', value: 99.9, year: 2030 }];
  const child: CascadeTarget[] = [{ indicatorCode: 'preschool', comparator: '=', value: 99.5, year: 2030 }];
  const rows = compareCascade(parent, child, dir({}));
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]!.flags, ['weaker']);
  assert.match(rows[0]!.notes[0]!.vi, /đạt 99,5 so với đạt 99,9/);
});

test('a stricter or equal local target is not flagged; stunting "dưới 18,7%" vs "dưới 18%" is weaker (lower is better)', () => {
  const d = dir({ stunting: 'lower_better' });
  assert.equal(
    isWeaker(
      { indicatorCode: 'x', comparator: '=', value: 100, year: 2030 },
      { indicatorCode: 'x', comparator: '=', value: 99.9, year: 2030 },
      'higher_better',
    ),
    false,
  );
  const rows = compareCascade(
    [{ indicatorCode: 'stunting', comparator: '<', value: 18, year: 2030 }],
    [{ indicatorCode: 'stunting', comparator: '<', value: 18.7, year: 2030 }],
    d,
  );
  assert.deepEqual(rows[0]!.flags, ['weaker']);
});

test('"trên 96%" in the parent against "đạt 96%" in the child: same value, strict bound lost, weaker', () => {
  assert.equal(
    isWeaker({ indicatorCode: 'hi', comparator: '=', value: 96, year: 2030 }, { indicatorCode: 'hi', comparator: '>', value: 96, year: 2030 }, 'higher_better'),
    true,
  );
  assert.equal(
    isWeaker(
      { indicatorCode: 'hi', comparator: '=', value: 100, year: 2030 },
      { indicatorCode: 'hi', comparator: '>', value: 96, year: 2030 },
      'higher_better',
    ),
    false,
  );
});

test('a parent target the child does not cover is flagged missing; a local extra target is listed', () => {
  const rows = compareCascade(
    [{ indicatorCode: 'unemployment', comparator: '<', value: 2, year: 2030 }],
    [{ indicatorCode: 'culture', comparator: '=', value: 75, year: 2030 }],
    dir({ unemployment: 'lower_better' }),
  );
  const byCode = Object.fromEntries(rows.map((r) => [r.indicatorCode, r.flags]));
  assert.deepEqual(byCode.unemployment, ['missing']);
  assert.deepEqual(byCode.culture, ['extra']);
  assert.equal(rows[0]!.indicatorCode, 'unemployment', 'problems sort before extras');
});

test('a different target year and a comparator that changes meaning are flagged', () => {
  const rows = compareCascade(
    [{ indicatorCode: 'poor', comparator: '<', value: 5, year: 2030 }],
    [{ indicatorCode: 'poor', comparator: '>', value: 5, year: 2025 }],
    dir({ poor: 'lower_better' }),
  );
  assert.deepEqual(rows[0]!.flags, ['comparator_changed', 'year_mismatch']);
});

test('"đạt" takes the direction of the indicator', () => {
  assert.equal(boundKind('=', 'higher_better'), 'lower');
  assert.equal(boundKind('=', 'lower_better'), 'upper');
  assert.equal(boundKind('~', 'target_band'), 'approx');
});

test('change targets: a smaller reduction is weaker; a reduction against a level changes the meaning', () => {
  const d = dir({ poor: 'lower_better' });
  const p: CascadeTarget[] = [{ indicatorCode: 'poor', comparator: 'reduce_by', value: 1.5, year: 2030 }];
  assert.deepEqual(compareCascade(p, [{ indicatorCode: 'poor', comparator: 'reduce_by', value: 1, year: 2030 }], d)[0]!.flags, ['weaker']);
  assert.deepEqual(compareCascade(p, [{ indicatorCode: 'poor', comparator: 'reduce_by', value: 2, year: 2030 }], d)[0]!.flags, []);
  const changed = compareCascade(p, [{ indicatorCode: 'poor', comparator: '<', value: 3, year: 2030 }], d)[0]!;
  assert.deepEqual(changed.flags, ['comparator_changed']);
  assert.match(changed.notes[0]!.vi, /cấp trên "giảm 1,5", cấp dưới "dưới 3"/);
  assert.equal(boundKind('increase_by', 'higher_better'), 'increase');
});
