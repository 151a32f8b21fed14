// Reading the unit API for display: lineage from ../shared/data/units/lineage-2025.csv
// ("15889,Xã Hoằng Phú,15889,Xã Hoằng Kim,full"; "03439,Xã Thu Lũm,03436,Xã Thu Lũm,full").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refNames, toUnit } from '../../web/src/lib/units.ts';

test('a former commune with its successor given as objects', () => {
  const u = toUnit({
    code: '15889',
    name: 'Xã Hoằng Kim',
    level: 'commune',
    kind: 'Xã',
    current: false,
    validFrom: null,
    validTo: '2025-06-30',
    province: { code: '38', name: 'Tỉnh Thanh Hóa' },
    successors: [{ code: '15889', name: 'Xã Hoằng Phú', part: 'full' }],
    predecessors: [],
  });
  assert.equal(u.current, false);
  assert.equal(u.province?.name, 'Tỉnh Thanh Hóa');
  assert.equal(refNames(u.successors), 'Xã Hoằng Phú');
  assert.equal(u.successors[0]!.part, 'full');
});

test('references given as bare codes, current derived from validTo, province as a code', () => {
  const u = toUnit({
    code: '03439',
    name: 'Xã Thu Lũm',
    validFrom: '2025-07-01',
    validTo: null,
    province: '12',
    provinceName: 'Lai Châu',
    predecessors: ['03436', '03439'],
  });
  assert.equal(u.current, true);
  assert.deepEqual(u.province, { code: '12', name: 'Lai Châu', part: null, validFrom: null, validTo: null, current: null });
  assert.equal(refNames(u.predecessors), '03436, 03439');
  assert.deepEqual(toUnit(null).successors, []);
});

test('the unit API of src/units/routes.ts: district as the parent, units sharing the code, children count', () => {
  // GET /api/units/03439: the new Xã Thu Lũm; the pre-reform Xã Ka Lăng carried code 03439 too.
  const u = toUnit({
    code: '03439',
    name: 'Xã Thu Lũm',
    level: 'commune',
    kind: 'Xã',
    current: true,
    validFrom: '2025-07-01',
    validTo: null,
    province: { code: '12', name: 'Tỉnh Lai Châu' },
    district: null,
    successors: [],
    predecessors: [
      { code: '03436', name: 'Xã Thu Lũm', level: 'commune', part: 'full', effective: '2025-07-01', parentName: 'Huyện Mường Tè' },
      { code: '03439', name: 'Xã Ka Lăng', level: 'commune', part: 'full', effective: '2025-07-01', parentName: 'Huyện Mường Tè' },
    ],
    history: { vi: 'Hình thành từ Xã Thu Lũm, Xã Ka Lăng', en: 'Formed from Xã Thu Lũm, Xã Ka Lăng' },
    parents: [{ code: '12', name: 'Tỉnh Lai Châu', level: 'province', kind: 'Tỉnh', current: true }],
    childrenCount: 0,
    sameCode: [{ code: '03439', name: 'Xã Ka Lăng', level: 'commune', kind: 'Xã', current: false }],
  });
  assert.equal(refNames(u.predecessors), 'Xã Thu Lũm, Xã Ka Lăng');
  assert.equal(u.parent, null);
  assert.equal(u.childrenCount, 0);
  assert.deepEqual(
    u.sameCode.map((r) => [r.name, r.current]),
    [['Xã Ka Lăng', false]],
  );
  const old = toUnit({ code: '03436', name: 'Xã Thu Lũm', current: false, validTo: '2025-06-30', district: { code: '107', name: 'Huyện Mường Tè' } });
  assert.equal(old.parent?.name, 'Huyện Mường Tè');
});
