// Life events → proposals (issue 6 part 6), with the months the law fixes: stop from the month
// after death (Decree 20/2021 Art. 8); 5c from the month of the 80th birthday; the child
// coefficient 2.5 → 1.5 from the month of the 4th birthday (Art. 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lifeEventProposals, type EventPerson } from './events.ts';

const p = (o: Partial<EventPerson>): EventPerson => ({ id: 1, unitId: 10, dateOfBirth: '1950-01-01', deathDate: null, pension: false, disadvantagedArea: true, enrolledUnitId: null, enrolledCategory: null, ...o });

test('death of a beneficiary: stop from the month after death (Art. 8)', () => {
  const r = lifeEventProposals(p({ deathDate: '2026-10-17', enrolledUnitId: 10 }), '2026-10-01', '2026-12-31');
  assert.deepEqual(r.map((x) => [x.kind, x.action, x.effectiveMonth]), [['death', 'stop', 202611]]);
  assert.equal(lifeEventProposals(p({ deathDate: '2026-10-17' }), '2026-10-01', '2026-12-31').length, 0, 'not receiving: nothing to stop');
});

test('turning 80 without a pension: start 5c from the birthday month; with a pension: nothing', () => {
  const r = lifeEventProposals(p({ dateOfBirth: '1946-11-20' }), '2026-10-01', '2026-12-31');
  assert.deepEqual(r.map((x) => [x.kind, x.action, x.effectiveMonth]), [['age80', 'start', 202611]]);
  assert.equal(lifeEventProposals(p({ dateOfBirth: '1946-11-20', pension: true }), '2026-10-01', '2026-12-31').length, 0);
});

test('turning 75 in an especially disadvantaged area: a review proposal (cl. 5b or the social pension)', () => {
  const r = lifeEventProposals(p({ dateOfBirth: '1951-12-05' }), '2026-10-01', '2026-12-31');
  assert.deepEqual(r.map((x) => [x.kind, x.action]), [['age75', 'review']]);
  assert.equal(lifeEventProposals(p({ dateOfBirth: '1951-12-05', disadvantagedArea: false }), '2026-10-01', '2026-12-31').length, 0);
});

test('an enrolled child turning 4 (coefficient change) and 16 (child categories end)', () => {
  assert.deepEqual(lifeEventProposals(p({ dateOfBirth: '2022-11-03', enrolledUnitId: 10 }), '2026-10-01', '2026-12-31').map((x) => [x.kind, x.action, x.effectiveMonth]), [['age4', 'change', 202611]]);
  assert.deepEqual(lifeEventProposals(p({ dateOfBirth: '2010-12-30', enrolledUnitId: 10 }), '2026-10-01', '2026-12-31').map((x) => x.kind), ['age16']);
});

test('a beneficiary now living in another commune: stop here, the new commune reviews', () => {
  const r = lifeEventProposals(p({ unitId: 20, enrolledUnitId: 10 }), '2026-10-01', '2026-12-31');
  assert.deepEqual(r.map((x) => [x.kind, x.action, x.effectiveMonth]), [['move', 'stop', 202701]]);
});
