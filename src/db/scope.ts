// The row-level-security scope of a transaction: the application role with the unit scope
// (`ansinh.scope`, read by `ansinh_scope()`) and the user (`ansinh.user_id`) set for the rest of
// it. Who holds which scope is access's (src/access/model.ts); src/access/scope.ts `withActor`
// is the request API. Lower features (audit) run their reads under it from here.
import { sql, type Transaction } from 'kysely';
import type { Db } from './connection.ts';
import type { DB } from './schema.ts';

/** Whoever a scope is for: a signed-in actor (src/access/model.ts Actor) has both fields. */
export interface ScopeHolder {
  readonly userId: number;
  readonly scope: readonly number[] | 'all';
}

/** The scope as the `ansinh.scope` setting: 'all' or a PostgreSQL int[] literal; '{}' for nobody. */
export function scopeSetting(holder: ScopeHolder | null): string {
  if (!holder) return '{}';
  if (holder.scope === 'all') return 'all';
  return `{${holder.scope.join(',')}}`;
}

/** An actor's unit scope kept for work done later on their behalf (a job they queued). */
export interface Scope {
  readonly setting: string;
  readonly userId: number | null;
}
export const scopeOf = (holder: ScopeHolder | null): Scope => ({ setting: scopeSetting(holder), userId: holder?.userId ?? null });

/** The rest of the transaction runs as the application role under the scope (row-level security). */
async function enterScope(tx: Transaction<DB>, s: Scope): Promise<void> {
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
  await sql`select set_config('role', 'ansinh_app', true), set_config('ansinh.scope', ${s.setting}, true), set_config('ansinh.user_id', ${String(s.userId ?? '')}, true)`.execute(
    tx,
  );
}

/**
 * Runs fn in one transaction as the application role with the holder's unit scope set, so that
 * row-level security limits every query to the holder's units. Null sees no unit-scoped row.
 */
export async function withScope<T>(db: Db, holder: ScopeHolder | null, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.k.transaction().execute(async (tx) => {
    await enterScope(tx, scopeOf(holder));
    return fn(tx);
  });
}

/**
 * Runs fn inside a transaction of the job runner under a kept scope, as withScope does for a
 * request, then gives the transaction back to the runner's own role.
 */
export async function underScope<T>(tx: Transaction<DB>, s: Scope, fn: () => Promise<T>): Promise<T> {
  await enterScope(tx, s);
  const out = await fn();
  await sql`reset role`.execute(tx);
  await sql`select set_config('ansinh.scope', '', true), set_config('ansinh.user_id', '', true)`.execute(tx);
  return out;
}
