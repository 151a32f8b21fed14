// The review page's rules without the DOM (web/src/pages/plans/review.ts): Vietnamese numbers as
// typed ("99,5", "1.500"), highlight segments over overlapping spans, a target guessed from a
// selected passage, and the body POST /api/plans takes (confirmed / corrected / added / removed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber as parseValue } from '../../web/src/i18n/format.ts';
import {
  guessFromPassage,
  isUnmapped,
  reviewedTargets,
  rowFromExtracted,
  rowProblems,
  rowStatus,
  segments,
  type ExtractedTarget,
} from '../../web/src/pages/plans/review.ts';

const preschool: ExtractedTarget = {
  indicatorCode: 'preschool_enrolment_rate',
  indicatorName: 'Tỷ lệ huy động học sinh mẫu giáo đến trường',
  comparator: '=',
  value: 99.5,
  unit: '%',
  year: 2030,
  sourceText: 'mẫu giáo đạt 99,5%',
  start: 10,
  end: 28,
};
const stunting: ExtractedTarget = {
  indicatorCode: 'stunting_under5_rate',
  indicatorName: 'Suy dinh dưỡng thấp còi',
  comparator: '<',
  value: 18.7,
  unit: '%',
  year: 2030,
  sourceText: 'x',
  start: 40,
  end: 80,
};

test('numbers typed the Vietnamese way: decimal comma, thousands dot', () => {
  assert.equal(parseValue('99,5'), 99.5);
  assert.equal(parseValue('1.500'), 1500);
  assert.equal(parseValue('2'), 2);
  assert.equal(parseValue(' 18,7 '), 18.7);
  assert.equal(parseValue('1.500,25'), 1500.25);
  assert.equal(parseValue('abc'), null);
  assert.equal(parseValue(''), null);
});

test('a row is confirmed until a field differs from what was read; removed and added rows say so', () => {
  const r = rowFromExtracted(preschool, 1);
  assert.equal(r.value, '99,5');
  assert.equal(rowStatus(r), 'confirmed');
  assert.equal(rowStatus({ ...r, value: '99,9' }), 'corrected');
  assert.equal(rowStatus({ ...r, value: '99,50' }), 'confirmed', 'the same number written differently');
  assert.equal(rowStatus({ ...r, removed: true }), 'removed');
  assert.equal(rowStatus({ ...r, extracted: null }), 'added');
});

test('segments: every boundary cuts; a piece knows all targets and unmatched spans covering it', () => {
  const rows = [rowFromExtracted(preschool, 1), rowFromExtracted(stunting, 2)];
  const s = segments(100, rows, [{ sourceText: 'dưới 5 tuổi', code: 'age', reason: 'độ tuổi', start: 50, end: 60 }]);
  assert.deepEqual(
    s.map((x) => [x.start, x.end, x.targets, x.unmatched]),
    [
      [0, 10, [], []],
      [10, 28, [1], []],
      [28, 40, [], []],
      [40, 50, [2], []],
      [50, 60, [2], [0]],
      [60, 80, [2], []],
      [80, 100, [], []],
    ],
  );
  // A removed target is no longer highlighted.
  assert.deepEqual(
    segments(100, [{ ...rows[0]!, removed: true }], []).map((x) => x.targets),
    [[]],
  );
});

test('a target guessed from a selected passage: "trên 96% dân số tham gia BHYT" is > 96 %', () => {
  assert.deepEqual(guessFromPassage('Phấn đấu trên 96% dân số tham gia BHYT', 2030), { comparator: '>', value: '96', unit: '%', year: '2030' });
  assert.deepEqual(guessFromPassage('tỷ lệ hộ nghèo đến năm 2025 dưới 3%', 2030), { comparator: '<', value: '3', unit: '%', year: '2025' });
  assert.deepEqual(guessFromPassage('khoảng 1.500 căn nhà ở xã hội', null), { comparator: '~', value: '1.500', unit: '', year: '' });
  // A change is reduce_by / increase_by; "giảm xuống còn" states a level.
  assert.equal(guessFromPassage('hằng năm giảm bình quân 1,5% hộ nghèo', null).comparator, 'reduce_by');
  assert.equal(guessFromPassage('số xã đạt chuẩn tăng thêm 7 xã', null).comparator, 'increase_by');
  assert.equal(guessFromPassage('giảm tỷ lệ hộ nghèo xuống còn 3%', null).comparator, '=');
});

test('the body to save: corrected targets carry what was read; removed ones are listed apart', () => {
  const rows = [
    { ...rowFromExtracted(preschool, 1), value: '99,9' },
    { ...rowFromExtracted(stunting, 2), removed: true },
    {
      key: 3,
      extracted: null,
      indicatorCode: 'unemployment_rate',
      comparator: '<',
      value: '2',
      unit: '%',
      year: '2030',
      sourceText: null,
      start: null,
      end: null,
      removed: false,
    },
  ];
  const b = reviewedTargets(rows);
  assert.deepEqual(
    b.targets.map((t) => [t.indicatorCode, t.value, t.review]),
    [
      ['preschool_enrolment_rate', 99.9, 'corrected'],
      ['unemployment_rate', 2, 'added'],
    ],
  );
  assert.equal(b.targets[0]!.extracted!.value, 99.5);
  assert.equal(b.targets[0]!.sourceOffset, 10);
  assert.deepEqual(
    b.removedTargets.map((t) => t.indicatorCode),
    ['stunting_under5_rate'],
  );
  assert.deepEqual(b.keys, [1, 3]);
  assert.deepEqual(
    rowProblems([{ ...rows[2]!, indicatorCode: '', value: 'x', year: '30' }]).map((p) => p.field),
    ['indicatorCode', 'value', 'year'],
  );
});

test('a target no catalogue indicator matched (indicatorCode null) is shown unmapped and must be mapped or removed before saving', () => {
  const elderly: ExtractedTarget = {
    indicatorCode: null,
    proposed: { name: 'người cao tuổi được khám sức khỏe định kỳ', unit: '%', kind: 'rate', direction: 'increase' },
    indicatorName: 'người cao tuổi được khám sức khỏe định kỳ',
    comparator: '=',
    value: 70,
    unit: '%',
    year: 2025,
    sourceText: '70% người cao tuổi được khám sức khỏe định kỳ',
    start: 0,
    end: 45,
  };
  const r = rowFromExtracted(elderly, 1);
  assert.equal(r.indicatorCode, '');
  assert.equal(isUnmapped(r), true);
  assert.equal(rowStatus(r), 'confirmed');
  assert.deepEqual(rowProblems([r]), [{ key: 1, field: 'indicatorCode', problem: 'required' }]);
  const mapped = { ...r, indicatorCode: 'elderly_health_checkup_rate' };
  assert.equal(isUnmapped(mapped), false);
  assert.equal(rowStatus(mapped), 'corrected');
  assert.deepEqual(rowProblems([mapped]), []);
  assert.deepEqual(rowProblems([{ ...r, removed: true }]), []);
});

test('a target for a named group of units is saved with its group; a target for the whole unit has none', () => {
  // "…, riêng ở vùng miền núi dưới 23,5%" (the first-1000-days programme): the extraction's group goes into the body.
  const mountain: ExtractedTarget = { ...stunting, value: 23.5, group: 'vùng miền núi' };
  const b = reviewedTargets([rowFromExtracted(stunting, 1), rowFromExtracted(mountain, 2), { ...rowFromExtracted(mountain, 3), value: '24' }]);
  assert.deepEqual(
    b.targets.map((t) => [t.value, t.group ?? null, t.review]),
    [
      [stunting.value, null, 'confirmed'],
      [23.5, 'vùng miền núi', 'confirmed'],
      [24, 'vùng miền núi', 'corrected'],
    ],
  );
});
