// Test helpers (used by tests only): users with a role in a unit, and signed-in request headers.
import type { Db } from '../db/connection.ts';
import type { Role } from './permissions.ts';
import { hashPassword } from './secrets.ts';
import * as store from './store.ts';

let cachedHash: Promise<string> | null = null;

/** Creates a user with one role (unitCode null = every unit). Password 'Password@2026' unless given. */
export async function createTestUser(
  db: Db,
  u: { username: string; role: Role | null; unitCode?: string | null; password?: string; totpSecret?: string },
): Promise<number> {
  const hash = u.password ? await hashPassword(u.password) : await (cachedHash ??= hashPassword('Password@2026'));
  const id = await store.createUser(db.k, { username: u.username, displayName: u.username, passwordHash: hash });
  if (u.role) {
    const unit = u.unitCode ? await store.unitByCode(db.k, u.unitCode) : null;
    if (u.unitCode && !unit) throw new Error(`no unit ${u.unitCode}`);
    await store.setRoles(db.k, id, [{ role: u.role, unitId: unit?.id ?? null }]);
  }
  if (u.totpSecret) await store.setTotp(db.k, id, { enabled: u.totpSecret });
  return id;
}

/** Headers of a fresh session for the user: the session cookie and the CSRF header. */
export async function sessionHeaders(db: Db, userId: number, now = new Date()): Promise<Record<string, string>> {
  const s = await store.createSession(db.k, userId, now);
  return { cookie: `ansinh_session=${s.token}`, 'x-csrf-token': s.csrfToken };
}
