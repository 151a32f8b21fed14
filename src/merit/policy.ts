// Who may do what with merit profiles: the one place that decides it. Profiles are registry
// personal data, so they take the registry's permissions (src/access/permissions.ts):
// registry.read to see them (masked), registry.write to record or change them, and
// registry.person.read_full to see health facts and the amounts that would tell them (audited).
// Row-level security (migration 200) keeps every read and write inside the actor's communes.
import type { Actor } from '../access/model.ts';
import { assertCan } from '../access/scope.ts';

/** May the actor record or change profiles of persons of this commune (null: in some commune)? (404 outside the scope.) */
export function assertCanWriteProfile(actor: Actor | null | undefined, unitId: number | null): asserts actor is Actor {
  assertCan(actor, 'registry.write', unitId);
}

/** May the actor read profiles of this commune? (404 outside the scope.) */
export function assertCanReadProfile(actor: Actor | null | undefined, unitId: number): asserts actor is Actor {
  assertCan(actor, 'registry.read', unitId);
}

/** May the actor read health facts in full? (403 outside: the record was already visible.) */
export function assertCanReadProfileFull(actor: Actor | null | undefined, unitId: number): asserts actor is Actor {
  assertCan(actor, 'registry.person.read_full', unitId, { outside: 'forbidden' });
}

/** May the actor import profiles into this commune? The CLI acts as the system (null) and passes, like the registry's import. */
export function assertCanImportProfiles(actor: Actor | null, unitId: number): void {
  if (actor !== null) assertCan(actor, 'registry.write', unitId);
}
