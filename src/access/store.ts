// SQL for users, role assignments, sessions, API tokens and sign-in throttling. Runs on the
// owner connection (outside row-level security): only src/access reads these tables.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { makeActor, type Actor, type ActorRole, type ThrottleState } from './model.ts';
import { isRole, type Role } from './permissions.ts';
import type { Executor as Q } from '../db/executor.ts';
export type { Q };

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  locale: string;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_pending_secret: string | null;
  /** The last TOTP time step accepted (a code is single-use); migration 070. */
  totp_last_step: number | null;
}

export async function findUserByName(q: Q, username: string): Promise<UserRow | null> {
  const r = await sql<UserRow>`select * from users where lower(username) = lower(${username})`.execute(q);
  return r.rows[0] ?? null;
}

export async function findUser(q: Q, id: number): Promise<UserRow | null> {
  const r = await sql<UserRow>`select * from users where id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
}

/** The unit a code names: the current one (valid_to null) first, else the latest former one. */
export async function unitByCode(q: Q, code: string): Promise<UnitInfo | null> {
  const r = await sql<UnitInfo>`
    select id, code, name from units where code = ${code}
    order by (valid_to is null) desc, valid_to desc nulls first, id limit 1`.execute(q);
  return r.rows[0] ?? null;
}

export async function unitById(q: Q, id: number): Promise<UnitInfo | null> {
  const r = await sql<UnitInfo>`select id, code, name from units where id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

/** Unit ids of a subtree: the unit, every unit below it, and former units merged into them. */
export async function subtree(q: Q, roots: readonly number[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const r = await sql<{ id: number }>`select id from units where ancestors && ${roots as number[]}::int[] order by id`.execute(q);
  return r.rows.map((x) => x.id);
}

export interface RoleRow extends ActorRole {}

export async function rolesOf(q: Q, userId: number): Promise<RoleRow[]> {
  const r = await sql<{ role: string; unit_id: number | null; code: string | null; name: string | null }>`
    select ur.role, ur.unit_id, u.code, u.name
    from user_roles ur left join units u on u.id = ur.unit_id
    where ur.user_id = ${userId} order by ur.id`.execute(q);
  return r.rows.filter((x) => isRole(x.role)).map((x) => ({ role: x.role as Role, unitId: x.unit_id, unitCode: x.code, unitName: x.name }));
}

/** Loads the actor of a user: roles, each with its expanded subtree. Null when disabled. */
export async function loadActor(q: Q, userId: number, via: Actor['via'] = 'session', tokenPermissions: string[] | null = null): Promise<Actor | null> {
  const u = await findUser(q, userId);
  if (!u || u.disabled) return null;
  const roles = await rolesOf(q, userId);
  const withScope = [];
  for (const r of roles) withScope.push({ ...r, scope: r.unitId === null ? ('all' as const) : await subtree(q, [r.unitId]) });
  return makeActor({ id: u.id, username: u.username, displayName: u.display_name, totpEnabled: u.totp_enabled, mustChangePassword: u.must_change_password }, withScope, via, tokenPermissions);
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

export async function createUser(q: Q, u: { username: string; displayName: string; passwordHash: string; locale?: string; mustChangePassword?: boolean }): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into users (username, display_name, password_hash, locale, must_change_password)
    values (${u.username}, ${u.displayName}, ${u.passwordHash}, ${u.locale ?? 'vi'}, ${u.mustChangePassword ?? false}) returning id`.execute(q);
  return r.rows[0]!.id;
}

export async function setRoles(q: Q, userId: number, roles: readonly { role: Role; unitId: number | null }[]): Promise<void> {
  invalidateActor(userId);
  await sql`delete from user_roles where user_id = ${userId}`.execute(q);
  for (const r of roles) {
    await sql`insert into user_roles (user_id, role, unit_id) values (${userId}, ${r.role}, ${r.unitId}) on conflict do nothing`.execute(q);
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

export interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
}

/** Creates a session; returns the cookie value (only its hash is stored) and the CSRF token. */
export async function createSession(q: Q, userId: number, now: Date, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await sql`insert into sessions (id, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
    values (${sha256(token)}, ${userId}, ${csrfToken}, ${now}, ${now}, ${meta.ip ?? null}, ${meta.userAgent?.slice(0, 300) ?? null})`.execute(q);
  return { token, csrfToken };
}

export async function findSession(q: Q, token: string): Promise<SessionRow | null> {
  const r = await sql<SessionRow>`select id, user_id, csrf_token, created_at, last_seen_at from sessions where id = ${sha256(token)}`.execute(q);
  return r.rows[0] ?? null;
}

export async function touchSession(q: Q, id: string, now: Date): Promise<void> {
  await sql`update sessions set last_seen_at = ${now} where id = ${id}`.execute(q);
}

export async function deleteSession(q: Q, id: string): Promise<void> {
  await sql`delete from sessions where id = ${id}`.execute(q);
}

/** Signs the user out everywhere (optionally keeping one session). Returns how many ended. */
export async function deleteUserSessions(q: Q, userId: number, keepId: string | null = null): Promise<number> {
  const r = await sql`delete from sessions where user_id = ${userId} and id is distinct from ${keepId}`.execute(q);
  return Number(r.numAffectedRows ?? 0);
}

// ---- API tokens --------------------------------------------------------------------------

export interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  permissions: string[] | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}

export async function createToken(q: Q, t: { userId: number; name: string; permissions: string[] | null; expiresAt: Date | null; now: Date }): Promise<{ id: number; token: string }> {
  const token = `ansinh_${randomToken()}`;
  const r = await sql<{ id: number }>`
    insert into api_tokens (user_id, name, token_hash, permissions, created_at, expires_at)
    values (${t.userId}, ${t.name}, ${sha256(token)}, ${t.permissions}, ${t.now}, ${t.expiresAt}) returning id`.execute(q);
  return { id: r.rows[0]!.id, token };
}

/** The live token with this value (not revoked, not expired), touching last_used_at. */
export async function findToken(q: Q, token: string, now: Date): Promise<TokenRow | null> {
  const r = await sql<TokenRow>`
    update api_tokens set last_used_at = ${now}
    where token_hash = ${sha256(token)} and revoked_at is null and (expires_at is null or expires_at > ${now})
    returning id, user_id, name, permissions, created_at, expires_at, last_used_at`.execute(q);
  return r.rows[0] ?? null;
}

export async function listTokens(q: Q, userId: number): Promise<TokenRow[]> {
  const r = await sql<TokenRow>`
    select id, user_id, name, permissions, created_at, expires_at, last_used_at from api_tokens
    where user_id = ${userId} and revoked_at is null order by id`.execute(q);
  return r.rows;
}

/**
 * Revokes every live token of the user (password change, password reset, sign-out
 * everywhere): a token must not outlive the credentials it was created under.
 */
export async function revokeUserTokens(q: Q, userId: number, now: Date): Promise<number> {
  const r = await sql`update api_tokens set revoked_at = ${now} where user_id = ${userId} and revoked_at is null`.execute(q);
  return Number(r.numAffectedRows ?? 0);
}

export async function revokeToken(q: Q, userId: number, id: number, now: Date): Promise<boolean> {
  const r = await sql`update api_tokens set revoked_at = ${now} where id = ${id} and user_id = ${userId} and revoked_at is null`.execute(q);
  return Number(r.numAffectedRows ?? 0) > 0;
}

// ---- sign-in throttling ------------------------------------------------------------------

export async function readThrottle(q: Q, key: string): Promise<ThrottleState | null> {
  const r = await sql<{ failures: number; window_start: Date; locked_until: Date | null }>`
    select failures, window_start, locked_until from sign_in_throttle where key = ${key}`.execute(q);
  const x = r.rows[0];
  return x ? { failures: x.failures, windowStart: new Date(x.window_start), lockedUntil: x.locked_until ? new Date(x.locked_until) : null } : null;
}

export async function writeThrottle(q: Q, key: string, s: ThrottleState): Promise<void> {
  await sql`insert into sign_in_throttle (key, failures, window_start, locked_until)
    values (${key}, ${s.failures}, ${s.windowStart}, ${s.lockedUntil})
    on conflict (key) do update set failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until`.execute(q);
}

export async function clearThrottle(q: Q, key: string): Promise<void> {
  await sql`delete from sign_in_throttle where key = ${key}`.execute(q);
}

// ---- account changes ---------------------------------------------------------------------

export async function updateUser(q: Q, id: number, c: { displayName?: string | undefined; disabled?: boolean | undefined }): Promise<void> {
  invalidateActor(id);
  await sql`update users set display_name = coalesce(${c.displayName ?? null}, display_name),
    disabled = coalesce(${c.disabled ?? null}::boolean, disabled), updated_at = now() where id = ${id}`.execute(q);
}

export async function setPassword(q: Q, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  invalidateActor(id);
  await sql`update users set password_hash = ${passwordHash}, must_change_password = ${mustChange}, updated_at = now() where id = ${id}`.execute(q);
}

/**
 * TOTP: store a pending secret (enrolment), enable it (with the step of the code that
 * confirmed it, already used), or turn TOTP off.
 */
export async function setTotp(q: Q, id: number, c: { pending: string } | { enabled: string; step?: number | null } | { off: true }): Promise<void> {
  invalidateActor(id);
  if ('pending' in c) await sql`update users set totp_pending_secret = ${c.pending}, updated_at = now() where id = ${id}`.execute(q);
  else if ('enabled' in c) await sql`update users set totp_secret = ${c.enabled}, totp_enabled = true, totp_pending_secret = null, totp_last_step = ${c.step ?? null}, updated_at = now() where id = ${id}`.execute(q);
  else await sql`update users set totp_secret = null, totp_enabled = false, totp_pending_secret = null, totp_last_step = null, updated_at = now() where id = ${id}`.execute(q);
}

/**
 * Claims a TOTP time step for the user: true when it is later than every step used before
 * (one statement, so two sign-ins racing with one code cannot both win).
 */
export async function useTotpStep(q: Q, id: number, step: number): Promise<boolean> {
  const r = await sql`update users set totp_last_step = ${step} where id = ${id} and (totp_last_step is null or totp_last_step < ${step})`.execute(q);
  return Number(r.numAffectedRows ?? 0) > 0;
}
