// Reading the unit API for display (src/units/schemas.ts UnitDetail): lineage from
// ../shared/data/units/lineage-2025.csv ("15889,Xã Hoằng Phú,15889,Xã Hoằng Kim,full";
// "03439,Xã Thu Lũm,03436,Xã Thu Lũm,full").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parentOf, refName, refNames, type UnitDetail } from '../../web/src/lib/units.ts';

const none = { validFrom: null, validTo: null, district: null, parent: null, successors: [], predecessors: [], parents: [], childrenCount: 0, sameCode: [] };

test('a former commune with its successor', () => {
  const u: UnitDetail = {
    ...none,
    code: '15889',
    name: 'Xã Hoằng Kim',
    level: 'commune',
    kind: 'Xã',
    current: false,
    validTo: '2025-06-30',
    province: { code: '38', name: 'Tỉnh Thanh Hóa' },
    successors: [{ code: '15889', name: 'Xã Hoằng Phú', level: 'commune', part: 'full', effective: '2025-07-01' }],
    history: { vi: 'Đã sáp nhập vào Xã Hoằng Phú', en: 'Merged into Xã Hoằng Phú' },
  };
  assert.equal(refNames(u.successors), 'Xã Hoằng Phú');
  assert.equal(u.successors[0]!.part, 'full');
});

test('a referenced unit without a name is named by its code', () => {
  assert.equal(refName({ code: '03436', name: '' }), '03436');
  assert.equal(
    refNames([
      { code: '03436', name: '' },
      { code: '03439', name: 'Xã Thu Lũm' },
    ]),
    '03436, Xã Thu Lũm',
  );
});

test('the unit API of src/units/routes.ts: district as the parent, units sharing the code', () => {
  // GET /api/units/03439: the new Xã Thu Lũm; the pre-reform Xã Ka Lăng carried code 03439 too.
  const u: UnitDetail = {
    ...none,
    code: '03439',
    name: 'Xã Thu Lũm',
    level: 'commune',
    kind: 'Xã',
    current: true,
    validFrom: '2025-07-01',
    province: { code: '12', name: 'Tỉnh Lai Châu' },
    predecessors: [
      { code: '03436', name: 'Xã Thu Lũm', level: 'commune', part: 'full', effective: '2025-07-01', parentName: 'Huyện Mường Tè' },
      { code: '03439', name: 'Xã Ka Lăng', level: 'commune', part: 'full', effective: '2025-07-01', parentName: 'Huyện Mường Tè' },
    ],
    history: { vi: 'Hình thành từ Xã Thu Lũm, Xã Ka Lăng', en: 'Formed from Xã Thu Lũm, Xã Ka Lăng' },
    parents: [{ code: '12', name: 'Tỉnh Lai Châu', level: 'province', kind: 'Tỉnh', current: true }],
    sameCode: [{ code: '03439', name: 'Xã Ka Lăng', level: 'commune', kind: 'Xã', current: false, validFrom: null, validTo: '2025-06-30' }],
  };
  assert.equal(refNames(u.predecessors), 'Xã Thu Lũm, Xã Ka Lăng');
  assert.equal(parentOf(u), null);
  assert.deepEqual(
    u.sameCode.map((r) => [refName(r), r.current]),
    [['Xã Ka Lăng', false]],
  );
  const old = parentOf({ parent: null, district: { code: '107', name: 'Huyện Mường Tè' } });
  assert.equal(old?.name, 'Huyện Mường Tè');
});
