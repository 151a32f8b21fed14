// Who may do what with funds: the one place that decides it. Funds are money paid out like the
// payment lists, so they take the payments permissions (src/access/permissions.ts): payments.read
// to see a fund's books, payments.prepare to record receipts, allocations, spending and import
// bank statements. Row-level security (migration 230) keeps every read and write inside the
// actor's units. The public ledger needs no permission (src/funds/routes.ts, rate-limited).
import type { Actor } from '../access/model.ts';
import { assertCan, assertCanInUnit } from '../access/scope.ts';

/** May the actor change the books of a fund of this unit (null: in some unit)? */
export function assertCanWriteFund(actor: Actor | null | undefined, unitId: number | null): void {
  if (unitId === null) assertCan(actor, 'payments.prepare');
  else {
    assertCan(actor, 'payments.prepare');
    assertCanInUnit(actor ?? null, 'payments.prepare', unitId, 'not-found');
  }
}

/** May the actor read the books of a fund of this unit? (404 outside the scope.) */
export function assertCanReadFund(actor: Actor | null | undefined, unitId: number): void {
  assertCan(actor, 'payments.read', unitId);
}
