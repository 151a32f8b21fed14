// SQL for users, role assignments, sessions, API tokens and sign-in throttling. Runs on the
// owner connection (outside row-level security): only src/access reads these tables.
import { findUnitByCode } from '../units/store.ts';
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { ApiTokens, Sessions, Users } from '../db/schema.ts';
import { makeActor, type Actor, type ActorRole, type ThrottleState } from './model.ts';
import { isRole, type Role } from './permissions.ts';
import type { Executor as Q } from '../db/executor.ts';
import { now as sqlNow } from '../db/functions.ts';
export type { Q };

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** A user as stored (totp_last_step, migration 070: the last TOTP time step accepted, a code is single-use). */
export type UserRow = Selectable<Users>;

export async function findUserByName(q: Q, username: string): Promise<UserRow | null> {
  const r = await q
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', eb.fn('lower', [eb.val(username)])))
    .executeTakeFirst();
  return r ?? null;
}

export async function findUser(q: Q, id: number): Promise<UserRow | null> {
  const r = await q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ?? null;
}

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
}

/** The unit a code names: the current one (valid_to null) first, else the latest former one (units' lookup). */
export async function unitByCode(q: Q, code: string): Promise<UnitInfo | null> {
  const u = await findUnitByCode(q, code);
  return u ? { id: u.id, code: u.code, name: u.name } : null;
}

export async function unitById(q: Q, id: number): Promise<UnitInfo | null> {
  const r = await q.selectFrom('units').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
  return r ?? null;
}

/** Unit ids of a subtree: the unit, every unit below it, and former units merged into them. */
export async function subtree(q: Q, roots: readonly number[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const r = await sql<{ id: number }>`select id from units where ancestors && ${roots as number[]}::int[] order by id`.execute(q);
  return r.rows.map((x) => x.id);
}

export interface RoleRow extends ActorRole {}

export async function rolesOf(q: Q, userId: number): Promise<RoleRow[]> {
  const rows = await q
    .selectFrom('user_roles as ur')
    .leftJoin('units as u', 'u.id', 'ur.unit_id')
    .select(['ur.role', 'ur.unit_id', 'u.code', 'u.name'])
    .where('ur.user_id', '=', userId)
    .orderBy('ur.id')
    .execute();
  return rows.filter((x) => isRole(x.role)).map((x) => ({ role: x.role as Role, unitId: x.unit_id, unitCode: x.code, unitName: x.name }));
}

/** Loads the actor of a user: roles, each with its expanded subtree. Null when disabled. */
export async function loadActor(q: Q, userId: number, via: Actor['via'] = 'session', tokenPermissions: string[] | null = null): Promise<Actor | null> {
  const u = await findUser(q, userId);
  if (!u || u.disabled) return null;
  const roles = await rolesOf(q, userId);
  const withScope = [];
  for (const r of roles) withScope.push({ ...r, scope: r.unitId === null ? ('all' as const) : await subtree(q, [r.unitId]) });
  return makeActor(
    { id: u.id, username: u.username, displayName: u.display_name, totpEnabled: u.totp_enabled, mustChangePassword: u.must_change_password },
    withScope,
    via,
    tokenPermissions,
  );
}

// Actors are cached briefly so that a request costs one session lookup, not four queries.
// Changes made through this module invalidate at once; other server processes see a role
// change within ACTOR_TTL_MS (sign-out, disabling and password resets end sessions at once).
const ACTOR_TTL_MS = 10_000;
const actorCache = new Map<string, { actor: Actor | null; at: number }>();

export async function loadActorCached(q: Q, userId: number, via: Actor['via'], tokenPermissions: string[] | null = null): Promise<Actor | null> {
  const key = `${userId}|${via}|${tokenPermissions?.join(',') ?? '*'}`;
  const hit = actorCache.get(key);
  if (hit && Date.now() - hit.at < ACTOR_TTL_MS) return hit.actor;
  const actor = await loadActor(q, userId, via, tokenPermissions);
  if (actorCache.size > 5000) actorCache.clear();
  actorCache.set(key, { actor, at: Date.now() });
  return actor;
}

export function invalidateActor(userId: number): void {
  for (const k of actorCache.keys()) if (k.startsWith(`${userId}|`)) actorCache.delete(k);
}

export async function createUser(
  q: Q,
  u: { username: string; displayName: string; passwordHash: string; locale?: string; mustChangePassword?: boolean },
): Promise<number> {
  const r = await q
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      locale: u.locale ?? 'vi',
      must_change_password: u.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setRoles(q: Q, userId: number, roles: readonly { role: Role; unitId: number | null }[]): Promise<void> {
  invalidateActor(userId);
  await q.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  for (const r of roles) {
    await q
      .insertInto('user_roles')
      .values({ user_id: userId, role: r.role, unit_id: r.unitId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  locale: string;
  disabled: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  roles: { role: string; unitId: number | null; unitCode: string | null; unitName: string | null }[];
}

export async function listUsers(q: Q): Promise<UserListRow[]> {
  const r = await sql<UserListRow>`
    select u.id, u.username, u.display_name as "displayName", u.locale, u.disabled, u.totp_enabled as "totpEnabled",
           u.must_change_password as "mustChangePassword",
           coalesce((select json_agg(json_build_object('role', ur.role, 'unitId', ur.unit_id, 'unitCode', un.code, 'unitName', un.name) order by ur.id)
                     from user_roles ur left join units un on un.id = ur.unit_id where ur.user_id = u.id), '[]') as roles
    from users u order by lower(u.username)`.execute(q);
  return r.rows;
}

// ---- sessions ----------------------------------------------------------------------------

export type SessionRow = Pick<Selectable<Sessions>, 'id' | 'user_id' | 'csrf_token' | 'created_at' | 'last_seen_at'>;

/** Creates a session; returns the cookie value (only its hash is stored) and the CSRF token. */
export async function createSession(
  q: Q,
  userId: number,
  now: Date,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await q
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(q: Q, token: string): Promise<SessionRow | null> {
  const r = await q
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'created_at', 'last_seen_at'])
    .where('id', '=', sha256(token))
    .executeTakeFirst();
  return r ?? null;
}

export async function touchSession(q: Q, id: string, now: Date): Promise<void> {
  await q.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(q: Q, id: string): Promise<void> {
  await q.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Signs the user out everywhere (optionally keeping one session). Returns how many ended. */
export async function deleteUserSessions(q: Q, userId: number, keepId: string | null = null): Promise<number> {
  const r = await q.deleteFrom('sessions').where('user_id', '=', userId).where('id', 'is distinct from', keepId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- API tokens --------------------------------------------------------------------------

export type TokenRow = Pick<Selectable<ApiTokens>, 'id' | 'user_id' | 'name' | 'permissions' | 'created_at' | 'expires_at' | 'last_used_at'>;

export async function createToken(
  q: Q,
  t: { userId: number; name: string; permissions: string[] | null; expiresAt: Date | null; now: Date },
): Promise<{ id: number; token: string }> {
  const token = `ansinh_${randomToken()}`;
  const r = await q
    .insertInto('api_tokens')
    .values({ user_id: t.userId, name: t.name, token_hash: sha256(token), permissions: t.permissions, created_at: t.now, expires_at: t.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, token };
}

/** The live token with this value (not revoked, not expired), touching last_used_at. */
export async function findToken(q: Q, token: string, now: Date): Promise<TokenRow | null> {
  const r = await q
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['id', 'user_id', 'name', 'permissions', 'created_at', 'expires_at', 'last_used_at'])
    .executeTakeFirst();
  return r ?? null;
}

export async function listTokens(q: Q, userId: number): Promise<TokenRow[]> {
  return q
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'permissions', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

/**
 * Revokes every live token of the user (password change, password reset, sign-out
 * everywhere): a token must not outlive the credentials it was created under.
 */
export async function revokeUserTokens(q: Q, userId: number, now: Date): Promise<number> {
  const r = await q.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function revokeToken(q: Q, userId: number, id: number, now: Date): Promise<boolean> {
  const r = await q
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- sign-in throttling ------------------------------------------------------------------

export async function readThrottle(q: Q, key: string): Promise<ThrottleState | null> {
  const x = await q.selectFrom('sign_in_throttle').select(['failures', 'window_start', 'locked_until']).where('key', '=', key).executeTakeFirst();
  return x ? { failures: x.failures, windowStart: new Date(x.window_start), lockedUntil: x.locked_until ? new Date(x.locked_until) : null } : null;
}

export async function writeThrottle(q: Q, key: string, s: ThrottleState): Promise<void> {
  await q
    .insertInto('sign_in_throttle')
    .values({ key, failures: s.failures, window_start: s.windowStart, locked_until: s.lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb.ref('excluded.failures'),
        window_start: eb.ref('excluded.window_start'),
        locked_until: eb.ref('excluded.locked_until'),
      })),
    )
    .execute();
}

export async function clearThrottle(q: Q, key: string): Promise<void> {
  await q.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

// ---- account changes ---------------------------------------------------------------------

export async function updateUser(q: Q, id: number, c: { displayName?: string | undefined; disabled?: boolean | undefined }): Promise<void> {
  invalidateActor(id);
  await q
    .updateTable('users')
    .set({ ...(c.displayName != null ? { display_name: c.displayName } : {}), ...(c.disabled != null ? { disabled: c.disabled } : {}), updated_at: sqlNow() })
    .where('id', '=', id)
    .execute();
}

export async function setPassword(q: Q, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  invalidateActor(id);
  await q.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange, updated_at: sqlNow() }).where('id', '=', id).execute();
}

/**
 * TOTP: store a pending secret (enrolment), enable it (with the step of the code that
 * confirmed it, already used), or turn TOTP off.
 */
export async function setTotp(q: Q, id: number, c: { pending: string } | { enabled: string; step?: number | null } | { off: true }): Promise<void> {
  invalidateActor(id);
  const set =
    'pending' in c
      ? { totp_pending_secret: c.pending }
      : 'enabled' in c
        ? { totp_secret: c.enabled, totp_enabled: true, totp_pending_secret: null, totp_last_step: c.step ?? null }
        : { totp_secret: null, totp_enabled: false, totp_pending_secret: null, totp_last_step: null };
  await q
    .updateTable('users')
    .set({ ...set, updated_at: sqlNow() })
    .where('id', '=', id)
    .execute();
}

/**
 * Claims a TOTP time step for the user: true when it is later than every step used before
 * (one statement, so two sign-ins racing with one code cannot both win).
 */
export async function useTotpStep(q: Q, id: number, step: number): Promise<boolean> {
  const r = await q
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
