// How monitoring reaches src/access: the request's actor, the scoped transaction (row-level
// security), scope checks, and the audit appender. One small module, so that the routes do
// not depend on access internals.
import type { Transaction } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import { actorOf as accessActorOf, withActor, can, audit, type Actor } from '../access/index.ts';
import type { AuditFn, Q } from './store.ts';
import { auditActor } from '../audit/actor.ts';

export type { Actor };

export function actorOf(req: FastifyRequest): Actor | null {
  return accessActorOf(req);
}

/** May the actor use the permission in this unit (no actor: only when access is not enforced)? */
export function allowed(actor: Actor | null, permission: string, unitId: number): boolean {
  return actor === null ? true : can(actor, permission, unitId);
}

/** Runs fn in one transaction under row-level security for the request's actor. */
export async function scoped<T>(db: Db, req: FastifyRequest, fn: (tx: Q) => Promise<T>): Promise<T> {
  const actor = actorOf(req);
  // Without an access hook (no actor at all on the request) run unscoped; the access layer
  // answers 401 before any handler when it is installed.
  if (actor === null && !('actor' in req)) return db.k.transaction().execute((tx) => fn(tx));
  return withActor(db, actor, (tx) => fn(tx));
}

/** The audit appender for this request's actor (same transaction as the change). */
export function auditFor(req: FastifyRequest): AuditFn {
  const actor = actorOf(req);
  return (tx, e) =>
    audit(tx as Transaction<DB>, {
      actor: auditActor(actor),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      unitId: e.unitId,
      before: e.before,
      after: e.after,
      ip: req.ip,
    }).then(() => undefined);
}
