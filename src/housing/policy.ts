// Who may do what with housing cases: the one place that decides it. A case belongs to a registry
// household, so it takes the registry's permissions (src/access/permissions.ts): registry.read to
// see cases and the province summary, registry.write to survey, move stages and record funding.
// Row-level security (migration 220) keeps every read and write inside the actor's communes.
import type { Actor } from '../access/model.ts';
import { assertCan } from '../access/scope.ts';

/** May the actor write housing cases of this commune (null: in some commune)? (404 outside the scope.) */
export function assertCanWriteCase(actor: Actor | null | undefined, unitId: number | null): asserts actor is Actor {
  assertCan(actor, 'registry.write', unitId);
}

/** May the actor read housing cases of this unit? (404 outside the scope.) */
export function assertCanReadCase(actor: Actor | null | undefined, unitId: number): asserts actor is Actor {
  assertCan(actor, 'registry.read', unitId);
}
