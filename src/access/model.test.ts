// Pure rules of access control: grants per role and unit, session expiry, throttling, the
// password policy and unit locators (issue 3, parts 1–3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailure, can, inScope, limits, lockedUntil, makeActor, passwordProblems, sessionState, unitRefFrom } from './model.ts';
import { scopeSetting } from '../db/scope.ts';
import { allPermissions, rolePermissions } from './permissions.ts';
import { assertCan } from './scope.ts';
import { AppError } from '../kernel/errors.ts';

const user = { id: 7, username: 'thulum', displayName: 'Lò Thị Mai', totpEnabled: false };
const THU_LUM = 395;
const KA_LANG = 5542; // merged into Thu Lũm
const HOANG_PHU = 1510;
const officer = makeActor(user, [{ role: 'officer', unitId: THU_LUM, unitCode: '03439', unitName: 'Xã Thu Lũm', scope: [THU_LUM, KA_LANG] }]);

test('an officer may enter data in the commune and its merged predecessors, not in another commune', () => {
  assert.equal(can(officer, 'monitoring.enter', THU_LUM), true);
  assert.equal(can(officer, 'monitoring.enter', KA_LANG), true);
  assert.equal(can(officer, 'monitoring.enter', HOANG_PHU), false);
  assert.equal(can(officer, 'monitoring.approve', THU_LUM), false);
  assert.equal(can(null, 'plans.read'), false);
  assert.equal(inScope(officer, HOANG_PHU), false);
  assert.equal(scopeSetting(officer), `{${THU_LUM},${KA_LANG}}`);
  assert.equal(scopeSetting(null), '{}');
});

test('permissions go with the role that grants them: a commune officer who supervises a province cannot enter data there', () => {
  const both = makeActor(user, [
    { role: 'officer', unitId: THU_LUM, unitCode: '03439', unitName: 'Xã Thu Lũm', scope: [THU_LUM] },
    { role: 'supervisor', unitId: 23, unitCode: '38', unitName: 'Tỉnh Thanh Hóa', scope: [23, HOANG_PHU] },
  ]);
  assert.equal(can(both, 'monitoring.read', HOANG_PHU), true);
  assert.equal(can(both, 'monitoring.enter', HOANG_PHU), false);
  assert.equal(can(both, 'monitoring.enter', THU_LUM), true);
  assert.deepEqual(
    both.scope,
    [THU_LUM, 23, HOANG_PHU].sort((a, b) => a - b),
  );
});

test('supervisors read but never change anything nor read sensitive fields in full; the administrator holds all', () => {
  const writes = [...rolePermissions.supervisor].filter((p) => /write|enter|approve|decide|prepare|manage|review|read_full/.test(p));
  assert.deepEqual(writes, []);
  assert.deepEqual([...rolePermissions.admin].sort(), [...allPermissions].sort());
  assert.ok(!rolePermissions.officer.has('monitoring.approve'), 'the officer who enters does not approve their own data');
});

test('an API token narrows the grants; an administrator without TOTP must enrol (sessions only)', () => {
  const tok = makeActor(user, [{ role: 'officer', unitId: THU_LUM, unitCode: '03439', unitName: 'Xã Thu Lũm', scope: [THU_LUM] }], 'token', [
    'monitoring.read',
  ]);
  assert.deepEqual([...tok.permissions], ['monitoring.read']);
  const admin = makeActor(user, [{ role: 'admin', unitId: null, unitCode: null, unitName: null, scope: 'all' }]);
  assert.equal(admin.mustEnrollTotp, true);
  assert.equal(admin.scope, 'all');
  assert.equal(can(admin, 'law.manage', HOANG_PHU), true);
});

test('assertCan: 401 without actor, 403 without permission, 404 for a record of another unit, 403 for an action there', () => {
  const status = (f: () => void) => {
    try {
      f();
      return 200;
    } catch (e) {
      return (e as AppError).kind.status;
    }
  };
  assert.equal(
    status(() => assertCan(null, 'plans.read')),
    401,
  );
  assert.equal(
    status(() => assertCan(officer, 'users.manage')),
    403,
  );
  assert.equal(
    status(() => assertCan(officer, 'registry.read', HOANG_PHU)),
    404,
  );
  assert.equal(
    status(() => assertCan(officer, 'registry.write', HOANG_PHU, { outside: 'forbidden' })),
    403,
  );
  assert.equal(
    status(() => assertCan(officer, 'registry.write', THU_LUM)),
    200,
  );
});

test('sessions: idle after 30 minutes without a request, expired 12 hours after sign-in', () => {
  const t0 = new Date('2026-01-05T07:00:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  assert.equal(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(29)), 'active');
  assert.equal(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(30)), 'idle-expired');
  assert.equal(sessionState({ createdAt: t0, lastSeenAt: at(719) }, at(720)), 'expired');
  assert.equal(limits.sessionIdleMs, 30 * 60_000);
  assert.equal(limits.sessionAbsoluteMs, 12 * 3600_000);
});

test('throttling: five failures in 15 minutes lock the key for 15 minutes; old failures age out', () => {
  const t0 = new Date('2026-01-05T07:00:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  let s = null;
  for (let i = 0; i < 4; i++) s = afterFailure(s, at(i), 5);
  assert.equal(lockedUntil(s, at(4)), null);
  s = afterFailure(s, at(4), 5);
  assert.deepEqual(lockedUntil(s, at(5)), at(19));
  assert.equal(lockedUntil(s, at(19)), null);
  const again = afterFailure(s, at(20), 5);
  assert.equal(again.failures, 1, 'a new window after the lockout');
  let slow = null;
  for (let i = 0; i < 5; i++) slow = afterFailure(slow, at(i * 16), 5);
  assert.equal(lockedUntil(slow, at(65)), null, 'one failure every 16 minutes never locks');
});

test('passwords: at least 10 characters (counted as characters, not bytes) and not the username', () => {
  assert.equal(passwordProblems('ngắn', 'thulum').length, 1);
  assert.equal(passwordProblems('Thulum', 'thulum').length, 2);
  assert.deepEqual(passwordProblems('Mật khẩu dài', 'thulum'), []);
  assert.deepEqual(passwordProblems('ThuLum@2026', 'thulum'), []);
});

test('unit locators: codes by default, ids when the name ends in Id', () => {
  assert.deepEqual(unitRefFrom({ param: 'code' }, { params: { code: '03439' } }), { code: '03439' });
  assert.deepEqual(unitRefFrom({ param: 'unitId' }, { params: { unitId: '395' } }), { id: 395 });
  assert.deepEqual(unitRefFrom({ param: 'unitId' }, { params: { unitId: 'abc' } }), { id: -1 });
  assert.deepEqual(unitRefFrom({ query: 'unit' }, { query: {} }), null);
  assert.deepEqual(unitRefFrom({ body: 'unitCode' }, { body: { unitCode: '12' } }), { code: '12' });
  assert.deepEqual(unitRefFrom({ body: 'unitCode' }, { body: [1] }), null);
});
