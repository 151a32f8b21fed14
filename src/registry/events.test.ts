// Life events → proposals (issue 6 part 6), with the months the law fixes: stop from the month
// after death (Decree 20/2021 Art. 8); 5c from the month of the 80th birthday; the child
// coefficient 2.5 → 1.5 from the month of the 4th birthday (Art. 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lifeEventProposals, moveProposals, type EventPerson, type Move } from './events.ts';

const p = (o: Partial<EventPerson>): EventPerson => ({
  id: 1,
  unitId: 10,
  dateOfBirth: '1950-01-01',
  deathDate: null,
  pension: false,
  disadvantagedArea: true,
  enrolledUnitId: null,
  enrolledCategory: null,
  ...o,
});

test('death of a beneficiary: stop from the month after death (Art. 8)', () => {
  const r = lifeEventProposals(p({ deathDate: '2026-10-17', enrolledUnitId: 10 }), '2026-10-01', '2026-12-31');
  assert.deepEqual(
    r.map((x) => [x.kind, x.action, x.effectiveMonth]),
    [['death', 'stop', 202611]],
  );
  assert.equal(lifeEventProposals(p({ deathDate: '2026-10-17' }), '2026-10-01', '2026-12-31').length, 0, 'not receiving: nothing to stop');
});

test('turning 80 without a pension: start 5c from the birthday month; with a pension: nothing', () => {
  const r = lifeEventProposals(p({ dateOfBirth: '1946-11-20' }), '2026-10-01', '2026-12-31');
  assert.deepEqual(
    r.map((x) => [x.kind, x.action, x.effectiveMonth]),
    [['age80', 'start', 202611]],
  );
  assert.equal(lifeEventProposals(p({ dateOfBirth: '1946-11-20', pension: true }), '2026-10-01', '2026-12-31').length, 0);
});

test('turning 75 in an especially disadvantaged area: a review proposal (cl. 5b or the social pension)', () => {
  const r = lifeEventProposals(p({ dateOfBirth: '1951-12-05' }), '2026-10-01', '2026-12-31');
  assert.deepEqual(
    r.map((x) => [x.kind, x.action]),
    [['age75', 'review']],
  );
  assert.equal(lifeEventProposals(p({ dateOfBirth: '1951-12-05', disadvantagedArea: false }), '2026-10-01', '2026-12-31').length, 0);
});

test('an enrolled child turning 4 (coefficient change) and 16 (child categories end)', () => {
  assert.deepEqual(
    lifeEventProposals(p({ dateOfBirth: '2022-11-03', enrolledUnitId: 10 }), '2026-10-01', '2026-12-31').map((x) => [x.kind, x.action, x.effectiveMonth]),
    [['age4', 'change', 202611]],
  );
  assert.deepEqual(
    lifeEventProposals(p({ dateOfBirth: '2010-12-30', enrolledUnitId: 10 }), '2026-10-01', '2026-12-31').map((x) => x.kind),
    ['age16'],
  );
});

test('a beneficiary who moved on 14/10/2026: the old commune stops from 11/2026, the new one reviews a start from 11/2026', () => {
  const m: Move = { personId: 1, movedOn: '2026-10-14', fromUnitId: 10, fromUnitName: 'Xã Thu Lũm', toUnitId: 20, toUnitName: 'Xã Hoàng Phú', decisionId: 5 };
  assert.deepEqual(
    moveProposals(m).map((x) => [x.unitId, x.kind, x.action, x.eventDate, x.effectiveMonth]),
    [
      [10, 'move', 'stop', '2026-10-14', 202611],
      [20, 'move_in', 'review', '2026-10-14', 202611],
    ],
  );
  assert.match(moveProposals(m)[0]!.detail.vi, /Chuyển đến Xã Hoàng Phú ngày 14\/10\/2026: thôi hưởng tại xã từ tháng 11\/2026/);
  assert.deepEqual(
    moveProposals({ ...m, decisionId: null }).map((x) => x.kind),
    ['move_in'],
    'nothing left to stop (or not the old commune asking)',
  );
  assert.equal(
    lifeEventProposals(p({ unitId: 20, enrolledUnitId: 10 }), '2026-10-01', '2026-12-31').length,
    0,
    'a move is not read from the person row (the old commune cannot see it)',
  );
});

test('a person still receiving in the commune they left: no death, age or child proposal in the new commune (the old commune stops, the new one reviews)', () => {
  const moved = { unitId: 20, enrolledUnitId: 10 };
  assert.deepEqual(
    lifeEventProposals(p({ ...moved, deathDate: '2026-10-17' }), '2026-10-01', '2026-12-31'),
    [],
    'the death stop would end another commune’s decision',
  );
  assert.deepEqual(
    lifeEventProposals(p({ ...moved, dateOfBirth: '1946-11-20' }), '2026-10-01', '2026-12-31'),
    [],
    'turning 80: the coefficient is the old decision’s, the new commune starts afresh',
  );
  assert.deepEqual(lifeEventProposals(p({ ...moved, dateOfBirth: '2022-11-03' }), '2026-10-01', '2026-12-31'), []);
  // Once the new commune's own decision is the active one, its events are proposed there.
  assert.deepEqual(
    lifeEventProposals(p({ unitId: 20, enrolledUnitId: 20, deathDate: '2026-10-17' }), '2026-10-01', '2026-12-31').map((x) => [x.kind, x.unitId]),
    [['death', 20]],
  );
});
