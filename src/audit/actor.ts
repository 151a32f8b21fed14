// Who an audit entry names: the user's id and name, nothing else of the actor (its roles, grants
// and scope stay out of the log). The one definition; every write path names its actor with it.

/** The user an entry names (src/access/model.ts Actor has both fields). */
export interface AuditActor {
  readonly userId: number;
  readonly username: string;
}

type Named = AuditActor;
/** Whatever carries the actor: a request (`req.actor`) or a command's `Who` ({ actor, ip }). */
type Carrier = { readonly actor: Named | null };
type Kept = { readonly userId: number | null; readonly username: string | null };

/**
 * The actor of an audit entry, from an actor or from what carries one (a request, a command's
 * input); null for nobody (the system, an anonymous caller).
 * @example await audit(tx, { actor: auditActor(req), action: 'plan.update', ... })
 */
export function auditActor(of: Named | { readonly actor: Named }): AuditActor;
export function auditActor(of: Named | Carrier | null | undefined): AuditActor | null;
/** A kept owner (a job's asker or confirmer) whose id or name may be unknown. */
export function auditActor(of: Kept | null | undefined): Kept | null;
export function auditActor(of: Kept | Carrier | null | undefined): Kept | null {
  const a = of && 'actor' in of ? of.actor : of;
  return a ? { userId: a.userId, username: a.username } : null;
}
