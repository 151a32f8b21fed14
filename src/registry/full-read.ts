// A full read of a person's record: granted when asked for and permitted in the record's unit,
// and audited; the disclosure a page applies to all it shows (the record, its versions, its
// decisions). Used by the registry's pages and by payments' person page (src/payments/routes.ts).
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { assertCan } from '../access/scope.ts';
import { auditRead } from '../audit/store.ts';
import type { FullReadEntity } from '../audit/actions.ts';
import { auditActor } from '../audit/actor.ts';
import { MASKED, SENSITIVE_PERSON_FIELDS, type Disclosure } from './presenters.ts';

export const SENSITIVE: readonly string[] = SENSITIVE_PERSON_FIELDS;
/** The disclosure of a person view: all of it when the full read was granted, else masked. */
export const disclosure = (full: boolean): Disclosure => (full ? { personalId: true, health: true, accounts: false } : MASKED);

/** A full read is granted when asked for and permitted in the record's unit; it is audited. */
export async function wantsFull(
  tx: Transaction<DB>,
  req: FastifyRequest,
  full: boolean | undefined,
  entity: FullReadEntity,
  id: number,
  unitId: number,
  personIds: readonly number[],
): Promise<boolean> {
  if (!full) return false;
  assertCan(req.actor, 'registry.person.read_full', unitId, { outside: 'forbidden' });
  await auditRead(tx, { actor: auditActor(req), entity, entityId: id, unitId, fields: SENSITIVE, personIds, ip: req.ip });
  return true;
}
