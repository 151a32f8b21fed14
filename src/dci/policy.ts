// Who may ask the DCI registry API what. A caller (an API token, or a session) needs
// registry.read (the route's access declaration); row-level security keeps every search within
// the units of the caller's roles; a person's ID number and health fields leave in full only
// where the caller holds registry.person.read_full in that person's commune, otherwise masked as
// the registry's own pages mask them (src/registry/presenters.ts). A token narrowed to
// registry.read therefore always gets masked records. As on the registry's own search page
// (src/registry/masking.test.ts), a personal ID is matched, and a search sorted by it, only in
// the communes where the caller may read IDs in full: no masked caller can use the API as an
// oracle on ID numbers.
import { can, type Actor } from '../access/model.ts';
import { assertCan } from '../access/scope.ts';
import { usesPersonalId, type DciDisclosure, type Filter, type Plan } from './model.ts';

export const DCI_PERMISSION = 'registry.read';
const FULL_PERMISSION = 'registry.person.read_full';

/** Throws (401/403) unless the actor may search the registry through the API. */
export function assertMayQuery(actor: Actor | null): asserts actor is Actor {
  assertCan(actor, DCI_PERMISSION);
}

/** What the actor may see of a person of this commune. */
export function disclosureFor(actor: Actor, unitId: number): DciDisclosure {
  const full = can(actor, FULL_PERMISSION, unitId);
  return { personalId: full, health: full };
}

/** The communes where the actor may read persons in full: 'all', or unit ids (maybe none). */
function fullScope(actor: Actor): 'all' | number[] {
  const grants = actor.grants.filter((g) => g.permissions.has(FULL_PERMISSION));
  if (grants.some((g) => g.scope === 'all')) return 'all';
  return [...new Set(grants.flatMap((g) => g.scope as number[]))];
}

/**
 * The plan as this actor may run it: a filter on the personal ID, or a sort by it, is narrowed
 * to the communes of registry.person.read_full; without that permission anywhere it is refused.
 */
export function scopePlan(
  actor: Actor,
  plan: Plan,
): { ok: true; plan: Plan } | { ok: false; reason: 'rjct.filter.invalid' | 'rjct.sort.invalid'; message: string } {
  const byId = usesPersonalId(plan.filter);
  const sortById = plan.sort.some((s) => s.field === 'personal_id');
  if (!byId && !sortById) return { ok: true, plan };
  const scope = fullScope(actor);
  if (scope !== 'all' && scope.length === 0)
    return byId
      ? { ok: false, reason: 'rjct.filter.invalid', message: `Searching by personal ID needs ${FULL_PERMISSION} (this caller sees masked IDs)` }
      : { ok: false, reason: 'rjct.sort.invalid', message: `Sorting by personal ID needs ${FULL_PERMISSION} (this caller sees masked IDs)` };
  if (scope === 'all') return { ok: true, plan };
  const filter: Filter = { kind: 'and', parts: [plan.filter, { kind: 'units', ids: scope }] };
  return { ok: true, plan: { ...plan, filter } };
}
