// What a re-import changes (diff.ts; issue 11 What to build 7): the saved plan 152-KH/ĐU beside
// the same document read again. Targets pair by indicator; a hand correction stays when the
// document still says what was extracted before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffPlan, type SavedTarget } from './diff.ts';

// 152-KH/ĐU II.2.1 (2): "Tỷ lệ học sinh mẫu giáo đến trường đạt 99,5%"; (3) "tiêm chủng mở rộng đạt 96%".
const preschool: SavedTarget = { id: 1, indicatorCode: 'preschool_enrolment_rate', comparator: '=', value: 99.5, unit: '%', year: 2030, origin: 'extracted' };
const vaccination: SavedTarget = { id: 2, indicatorCode: 'immunisation_rate', comparator: '=', value: 96, unit: '%', year: 2030, origin: 'extracted' };
const stunting: SavedTarget = { id: 3, indicatorCode: 'child_stunting_rate', comparator: '<', value: 18.7, unit: '%', year: 2030, origin: 'extracted' };
const { id: _1, origin: _o1, ...pre } = preschool;
const { id: _2, origin: _o2, ...vac } = vaccination;

test('the same document read again changes nothing', () => {
  const d = diffPlan(
    { targets: [preschool, vaccination], tasks: [{ numbering: '1.', title: 'Công tác tuyên truyền' }] },
    { targets: [pre, vac], tasks: [{ numbering: '1.', title: 'Công tác  tuyên truyền' }] },
  );
  assert.ok(d.empty);
  assert.deepEqual(
    d.targets.map((c) => c.kind),
    ['unchanged', 'unchanged'],
  );
  assert.equal(d.tasks.kept, 1);
});

test('a new value, comparator or year is "changed" naming the fields; a new target "added"; a target gone "removed"', () => {
  const d = diffPlan(
    {
      targets: [preschool, vaccination, stunting],
      tasks: [
        { numbering: '1.', title: 'Tuyên truyền' },
        { numbering: '2.', title: 'Giảm nghèo' },
      ],
    },
    {
      targets: [
        { ...pre, value: 100 },
        { ...vac, comparator: '>=', year: 2029 },
        { indicatorCode: 'health_insurance_coverage', comparator: '=', value: 100, unit: '%', year: 2030 },
      ],
      tasks: [
        { numbering: '1.', title: 'Tuyên truyền' },
        { numbering: '3.', title: 'Nhà ở' },
      ],
    },
  );
  assert.deepEqual(d.targets, [
    { kind: 'changed', savedId: 1, incoming: 0, fields: ['value'] },
    { kind: 'changed', savedId: 2, incoming: 1, fields: ['comparator', 'year'] },
    { kind: 'added', incoming: 2 },
    { kind: 'removed', savedId: 3 },
  ]);
  assert.deepEqual(d.tasks, { added: [1], removed: [1], kept: 1 });
  assert.equal(d.empty, false);
});

test('a target corrected by hand (99,5 → 99) is kept when the document still says 99,5; it changes when the document now says 98', () => {
  const corrected: SavedTarget = { ...preschool, value: 99, origin: 'corrected', extracted: pre };
  const same = diffPlan({ targets: [corrected], tasks: [] }, { targets: [pre], tasks: [] });
  assert.deepEqual(same.targets, [{ kind: 'unchanged', savedId: 1, incoming: 0, keptCorrection: true }]);
  assert.ok(same.empty);
  const moved = diffPlan({ targets: [corrected], tasks: [] }, { targets: [{ ...pre, value: 98 }], tasks: [] });
  assert.deepEqual(moved.targets, [{ kind: 'changed', savedId: 1, incoming: 0, fields: ['value'] }]);
});

test('two targets of one indicator for different years pair by year first', () => {
  const y2027: SavedTarget = { ...vaccination, id: 7, year: 2027, value: 94 };
  const d = diffPlan({ targets: [y2027, vaccination], tasks: [] }, { targets: [vac, { ...vac, year: 2027, value: 95 }], tasks: [] });
  assert.deepEqual(d.targets, [
    { kind: 'unchanged', savedId: 2, incoming: 0, keptCorrection: false },
    { kind: 'changed', savedId: 7, incoming: 1, fields: ['value'] },
  ]);
});
