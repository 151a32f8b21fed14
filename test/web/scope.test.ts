// The unit scope as the web app shows it (issue 3 part 1: "each role scoped to a unit
// subtree"): which units the user may pick as unit of work and which unit pages are theirs.
// Codes from ../shared/data/units: Lai Châu 12, Xã Thu Lũm 03439 (Lai Châu), Xã Hoằng Phú
// 15889 (Thanh Hóa 38).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coversUnit, hasPermission, parseStoredUnit, pickWorkUnit, workUnits, type SessionUser } from '../../web/src/lib/scope.ts';

const user = (roles: SessionUser['roles'], permissions: string[] = []): SessionUser => ({ id: 1, username: 'u', roles, permissions });
const thulum = user([{ role: 'officer', unitCode: '03439', unitName: 'Xã Thu Lũm' }], ['plans.read']);
const laichau = user([{ role: 'approver', unitCode: '12', unitName: 'Tỉnh Lai Châu' }]);
const admin = user([{ role: 'admin', unitCode: null }], ['users.manage', 'audit.read']);
const thuLumUnit = { code: '03439', province: { code: '12', name: 'Lai Châu' } };
const hoangPhu = { code: '15889', province: '38' };

test('a commune officer covers their commune only; a province approver covers its communes', () => {
  assert.equal(coversUnit(thulum, thuLumUnit), true);
  assert.equal(coversUnit(thulum, hoangPhu), false);
  assert.equal(coversUnit(thulum, { code: '12' }), false); // not the province above it
  assert.equal(coversUnit(laichau, thuLumUnit), true);
  assert.equal(coversUnit(laichau, hoangPhu), false);
  assert.equal(coversUnit(admin, hoangPhu), true);
  assert.equal(coversUnit(null, thuLumUnit), false);
});

test('units of work: one per scope, national first; the stored choice wins while it is valid', () => {
  const both = user([
    { role: 'officer', unitCode: '03439', unitName: 'Xã Thu Lũm' },
    { role: 'approver', unitCode: '03439', unitName: 'Xã Thu Lũm' },
    { role: 'supervisor', unitCode: null },
  ]);
  const units = workUnits(both);
  assert.deepEqual(units, [
    { code: null, name: null },
    { code: '03439', name: 'Xã Thu Lũm' },
  ]);
  assert.equal(pickWorkUnit(units, parseStoredUnit('03439'), both)?.code, '03439');
  assert.equal(pickWorkUnit(units, parseStoredUnit(''), both)?.code, null);
  // A stale choice from another account on the same browser falls back to the user's own unit.
  assert.equal(
    pickWorkUnit(workUnits(thulum), parseStoredUnit(JSON.stringify({ code: '15889', name: 'Xã Hoằng Phú', province: '38' })), thulum)?.code,
    '03439',
  );
  assert.equal(pickWorkUnit([], null, null), null);
});

test('a province approver may work on one of its communes; the choice survives a reload', () => {
  const stored = parseStoredUnit(JSON.stringify({ code: '03439', name: 'Xã Thu Lũm', province: '12' }));
  assert.deepEqual(pickWorkUnit(workUnits(laichau), stored, laichau), { code: '03439', name: 'Xã Thu Lũm', province: '12' });
  // Without the province the client cannot tell, so it falls back to the role's own unit.
  assert.equal(pickWorkUnit(workUnits(laichau), parseStoredUnit('03439'), laichau)?.code, '12');
  assert.equal(parseStoredUnit(null), null);
});

test('permissions decide the administration menu', () => {
  assert.equal(hasPermission(admin, 'users.manage', 'audit.read'), true);
  assert.equal(hasPermission(thulum, 'users.manage', 'audit.read'), false);
  assert.equal(hasPermission(null, 'plans.read'), false);
});
