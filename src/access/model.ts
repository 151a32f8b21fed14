// Pure rules of access: who the actor is, whether they may do something in a unit, session
// expiry, sign-in throttling and the password policy. No I/O here (tests: model.test.ts).
import { rolePermissions, type Permission, type Role } from './permissions.ts';
import { text, type Text } from '../kernel/i18n.ts';

/** Session lifetimes and sign-in limits, in one place. */
export const limits = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  /** last_seen_at is written at most this often, not on every request. */
  sessionTouchMs: 60_000,
  /** Failed sign-ins per username before a lockout. */
  userFailures: 5,
  /** Failed sign-ins per IP address (an office behind one NAT shares it). */
  ipFailures: 30,
  failureWindowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
  passwordMinLength: 10,
} as const;

export interface ActorRole {
  readonly role: Role;
  /** null: the whole country. */
  readonly unitId: number | null;
  readonly unitCode: string | null;
  readonly unitName: string | null;
}

/** One role assignment with what it grants and where (unit ids of its subtree, or 'all'). */
export interface Grant {
  readonly permissions: ReadonlySet<string>;
  readonly scope: readonly number[] | 'all';
}

/** The signed-in user of a request (req.actor), or of a CLI command. */
export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly ActorRole[];
  /** Union of the permissions of every role (narrowed by an API token's permissions). */
  readonly permissions: ReadonlySet<string>;
  /** Union of the unit ids of every role's subtree, or 'all'. Set per transaction for RLS. */
  readonly scope: number[] | 'all';
  /** Per role: permission and scope together (a commune officer who also supervises a province). */
  readonly grants: readonly Grant[];
  readonly via: 'session' | 'token' | 'system';
  readonly totpEnabled: boolean;
  /** An administrator without TOTP: only the sign-in and "my account" routes until enrolled. */
  readonly mustEnrollTotp: boolean;
  /** A temporary password (new user, reset): only reading the session, changing it and signing out. */
  readonly mustChangePassword: boolean;
}

/**
 * Builds the actor from role assignments and each role's expanded subtree.
 * `tokenPermissions` (an API token's list) narrows every grant.
 */
export function makeActor(
  user: { id: number; username: string; displayName: string; totpEnabled: boolean; mustChangePassword?: boolean },
  roles: readonly (ActorRole & { scope: readonly number[] | 'all' })[],
  via: Actor['via'] = 'session',
  tokenPermissions: readonly string[] | null = null,
): Actor {
  const grants: Grant[] = roles.map((r) => {
    const perms = [...rolePermissions[r.role]].filter((p) => tokenPermissions === null || tokenPermissions.includes(p));
    return { permissions: new Set(perms), scope: r.scope };
  });
  const permissions = new Set(grants.flatMap((g) => [...g.permissions]));
  let scope: number[] | 'all' = [];
  if (grants.some((g) => g.scope === 'all')) scope = 'all';
  else scope = [...new Set(grants.flatMap((g) => g.scope as number[]))].sort((a, b) => a - b);
  const isAdmin = roles.some((r) => r.role === 'admin');
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: roles.map(({ role, unitId, unitCode, unitName }) => ({ role, unitId, unitCode, unitName })),
    permissions,
    scope,
    grants,
    via,
    totpEnabled: user.totpEnabled,
    mustEnrollTotp: isAdmin && !user.totpEnabled && via === 'session',
    mustChangePassword: user.mustChangePassword ?? false,
  };
}

/**
 * May the actor use `permission`, in `unitId` when given? True only when one role grants the
 * permission and covers the unit.
 * @example can(actor, 'monitoring.enter', thuLumId)
 */
export function can(actor: Actor | null | undefined, permission: Permission | string, unitId?: number | null): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => g.permissions.has(permission) && (unitId == null || g.scope === 'all' || g.scope.includes(unitId)));
}

/** Is the unit in the actor's scope at all (whatever the permission)? */
export function inScope(actor: Actor | null | undefined, unitId: number): boolean {
  if (!actor) return false;
  return actor.scope === 'all' || actor.scope.includes(unitId);
}

// ---- sessions ----------------------------------------------------------------------------

export type SessionState = 'active' | 'idle-expired' | 'expired';

/** Idle expiry after 30 minutes without a request; absolute expiry 12 hours after sign-in. */
export function sessionState(s: { createdAt: Date; lastSeenAt: Date }, now: Date): SessionState {
  if (now.getTime() - s.createdAt.getTime() >= limits.sessionAbsoluteMs) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= limits.sessionIdleMs) return 'idle-expired';
  return 'active';
}

// ---- sign-in throttling ------------------------------------------------------------------

export interface ThrottleState {
  readonly failures: number;
  readonly windowStart: Date;
  readonly lockedUntil: Date | null;
}

/** When the key is locked, until when; otherwise null. */
export function lockedUntil(s: ThrottleState | null, now: Date): Date | null {
  return s?.lockedUntil && s.lockedUntil.getTime() > now.getTime() ? s.lockedUntil : null;
}

/**
 * The state after one more failure: failures count within a 15-minute window; reaching the
 * limit locks the key for 15 minutes (the next attempt, even with the right password, is 429).
 */
export function afterFailure(s: ThrottleState | null, now: Date, limit: number): ThrottleState {
  const fresh = !s || now.getTime() - s.windowStart.getTime() >= limits.failureWindowMs || (s.lockedUntil !== null && s.lockedUntil.getTime() <= now.getTime());
  const failures = fresh ? 1 : s!.failures + 1;
  const windowStart = fresh ? now : s!.windowStart;
  return { failures, windowStart, lockedUntil: failures >= limit ? new Date(now.getTime() + limits.lockoutMs) : null };
}

// ---- passwords ---------------------------------------------------------------------------

/** Problems with a new password (empty when acceptable). */
export function passwordProblems(password: string, username: string): Text[] {
  const out: Text[] = [];
  if ([...password].length < limits.passwordMinLength) {
    out.push(text(`Mật khẩu cần ít nhất ${limits.passwordMinLength} ký tự`, `The password needs at least ${limits.passwordMinLength} characters`));
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    out.push(text('Mật khẩu không được trùng tên đăng nhập', 'The password must not be the username'));
  }
  return out;
}

// ---- unit locators -----------------------------------------------------------------------

/** A unit reference found in a request: a code (current unit) or an id (param ends in "Id"). */
export type UnitRef = { readonly code: string } | { readonly id: number };

/** Reads the unit a request concerns from where the route's access declaration says it is. */
export function unitRefFrom(
  locator: { param: string } | { query: string } | { body: string },
  req: { params?: unknown; query?: unknown; body?: unknown },
): UnitRef | null {
  let name: string;
  let value: unknown;
  if ('param' in locator) {
    name = locator.param;
    value = (req.params as Record<string, unknown> | undefined)?.[name];
  } else if ('query' in locator) {
    name = locator.query;
    value = (req.query as Record<string, unknown> | undefined)?.[name];
  } else {
    name = locator.body;
    const b = req.body;
    value = b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>)[name] : undefined;
  }
  if (value === undefined || value === null || value === '') return null;
  if (/Id$/.test(name)) {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? { id: n } : { id: -1 };
  }
  return { code: String(value) };
}
