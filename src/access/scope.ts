// The request API features use: the actor of a request, permission checks that answer 403 or
// 404, and withActor(), the scoped transaction under row-level security.
import type { Transaction } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { can, type Actor } from './model.ts';
import { scopeOf, underScope, withScope, type Scope } from '../db/scope.ts';
import type { Permission } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (session cookie or API token), or null. Set by src/access/hooks.ts. */
    actor: Actor | null;
  }
}

/** The actor of a request, or null when nobody is signed in. */
export function actorOf(req: FastifyRequest): Actor | null {
  return req.actor ?? null;
}

export const notSignedIn = () =>
  new AppError(
    { id: 'unauthenticated', status: 401, title: { vi: 'Cần đăng nhập', en: 'Sign-in required' } },
    text('Vui lòng đăng nhập để tiếp tục', 'Please sign in to continue'),
  );

/**
 * Throws unless the actor may use `permission` (in `unitId` when given): 401 without an actor,
 * 403 without the permission. Outside the unit scope: 404 by default, so that a record of
 * another unit is indistinguishable from one that does not exist; `{ outside: 'forbidden' }`
 * for actions (403).
 * @example assertCan(req.actor, 'registry.read', household.unitId) // 404 when out of scope
 */
export function assertCan(
  actor: Actor | null | undefined,
  permission: Permission | string,
  unitId?: number | null,
  opts: { outside?: 'not-found' | 'forbidden' } = {},
): asserts actor is Actor {
  if (!actor) throw notSignedIn();
  if (!can(actor, permission))
    throw AppError.forbidden(text('Tài khoản của bạn không có quyền thực hiện thao tác này', 'Your account does not have this permission'));
  if (unitId != null && !can(actor, permission, unitId)) {
    if (opts.outside === 'forbidden')
      throw AppError.forbidden(text('Đơn vị này nằm ngoài phạm vi được phân quyền của bạn', 'This unit is outside your assigned scope'));
    throw AppError.notFound(text('Không tìm thấy', 'Not found'));
  }
}

/**
 * The rule of the features' policy files (src/<feature>/policy.ts): a permission counts in the
 * record's own unit or above, not anywhere in the actor's roles. No actor is the system (the CLI,
 * jobs), which passes.
 */
export function canInUnit(actor: Actor | null, permission: Permission, unitId: number): boolean {
  return actor === null || can(actor, permission, unitId);
}

/** canInUnit, or the refusal of assertCan (403 without the permission; outside the unit 403, or 404 where the record is to stay unseen). */
export function assertCanInUnit(actor: Actor | null, permission: Permission, unitId: number, outside: 'forbidden' | 'not-found' = 'forbidden'): void {
  if (actor !== null) assertCan(actor, permission, unitId, { outside });
}

/**
 * Runs fn in one transaction as the application role with the actor's unit scope set, so that
 * row-level security limits every query (counts, searches, exports) to the actor's units.
 * A null actor sees no unit-scoped row. Audit entries written with audit(tx, ...) commit with it.
 * (The mechanism is src/db/scope.ts `withScope`; `scopeOf` and `underScope` keep a scope for a job.)
 */
export const withActor: <T>(db: Db, actor: Actor | null, fn: (tx: Transaction<DB>) => Promise<T>) => Promise<T> = withScope;
export { scopeOf, underScope, type Scope };
