// The access matrix (issue 3, "Done means"): every route × every role × a unit inside and a
// unit outside the role's scope. Built from app.routeTable, so routes added later are covered
// without touching this file. Expected: 401 without an actor; 403 without the permission or
// for an action on another unit; 404 when reading another unit; otherwise neither 401 nor 403.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from './helpers/app.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';
import { isPermission, rolePermissions, type Role } from '../src/access/permissions.ts';
import type { RouteAccess } from '../src/kernel/http.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const IN = '03439'; // Xã Thu Lũm, Lai Châu
const OUT = '15889'; // Xã Hoằng Phú, Thanh Hóa
const roles: { role: Role; unitCode: string | null }[] = [
  { role: 'officer', unitCode: IN },
  { role: 'approver', unitCode: '12' },
  { role: 'supervisor', unitCode: '12' },
  { role: 'admin', unitCode: null },
];
const userIds = new Map<Role, number>();

before(async () => {
  t = await testApp();
  for (const r of roles) {
    userIds.set(
      r.role,
      await createTestUser(t.db, {
        username: `matrix-${r.role}`,
        role: r.role,
        unitCode: r.unitCode,
        totpSecret: r.role === 'admin' ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : undefined,
      }),
    );
  }
});
after(async () => {
  await t.close();
});

type Located = Extract<RouteAccess, { permission: string }>;

/** A concrete request for a route: unit params get the unit code, other params a placeholder. */
function request(method: string, url: string, access: Located, unitCode: string) {
  const loc = access.unit;
  let path = url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    if (typeof loc === 'object' && 'param' in loc && loc.param === name) return unitCode;
    return /id$/i.test(name) ? '999999' : 'x';
  });
  path = path.replace(/\*$/, 'x');
  if (typeof loc === 'object' && 'query' in loc) path += `?${encodeURIComponent(loc.query)}=${unitCode}`;
  const body = typeof loc === 'object' && 'body' in loc ? { [loc.body]: unitCode } : method === 'GET' || method === 'DELETE' ? undefined : {};
  return { method: method as 'GET', url: path, ...(body ? { payload: body } : {}) };
}

test('every route either is public with a reason or declares a known permission and unit locator', () => {
  const problems: string[] = [];
  for (const r of t.app.routeTable) {
    if (r.url.startsWith('/api/docs')) continue;
    const a = r.access as RouteAccess | undefined;
    if (!a) problems.push(`${r.method} ${r.url}: no access declaration`);
    else if ('public' in a) {
      if (!a.reason || a.reason.length < 10) problems.push(`${r.method} ${r.url}: public without a reason`);
    } else {
      if (!isPermission(a.permission)) problems.push(`${r.method} ${r.url}: unknown permission ${a.permission}`);
      if (typeof a.unit === 'object' && 'param' in a.unit && !r.url.includes(`:${a.unit.param}`))
        problems.push(`${r.method} ${r.url}: unit param ${a.unit.param} is not in the path`);
    }
  }
  assert.deepEqual(problems, []);
});

test('route × role × in/out-of-scope unit gives 401 / 403 / 404 / allowed as declared', async () => {
  const failures: string[] = [];
  let cells = 0;
  const routes = t.app.routeTable.filter((r) => r.access && !('public' in (r.access as RouteAccess)) && !r.url.startsWith('/api/docs'));
  for (const r of routes) {
    const access = r.access as Located;
    const unitLocated = typeof access.unit === 'object';
    // Nobody signed in.
    const anon = await t.app.inject(request(r.method, r.url, access, IN));
    cells++;
    if (anon.statusCode !== 401) failures.push(`${r.method} ${r.url} (no actor): ${anon.statusCode}, expected 401`);
    for (const { role } of roles) {
      const holds = rolePermissions[role].has(access.permission as never);
      for (const where of unitLocated ? (['in', 'out'] as const) : (['in'] as const)) {
        const headers = await sessionHeaders(t.db, userIds.get(role)!);
        const res = await t.app.inject({ ...request(r.method, r.url, access, where === 'in' ? IN : OUT), headers });
        cells++;
        const cell = `${r.method} ${r.url} as ${role}, ${where === 'in' ? 'own' : 'other'} unit: ${res.statusCode}`;
        if (!holds) {
          if (res.statusCode !== 403) failures.push(`${cell}, expected 403 (no ${access.permission})`);
        } else if (where === 'out' && role !== 'admin') {
          const expected = r.method === 'GET' ? 404 : 403;
          if (res.statusCode !== expected) failures.push(`${cell}, expected ${expected}`);
        } else if (res.statusCode === 401 || res.statusCode === 403) {
          failures.push(`${cell}, expected neither 401 nor 403 (${res.body.slice(0, 120)})`);
        }
      }
    }
  }
  console.log(`access matrix: ${routes.length} protected routes, ${cells} route × role × scope cells`);
  assert.ok(routes.length >= 15, 'the access routes themselves are in the table');
  assert.deepEqual(failures, []);
});
