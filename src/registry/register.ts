// The registry's command that registers a new household with its members (version 1 of each,
// with the reason): validation, the commune's write policy, the duplicate-code check, the write
// and its audit entry, all in the caller's scoped transaction. Used by the registry's own route
// and by features that turn a reviewed record into a registry entry (a relief list's people who
// were not in the registry: src/housing/relief-commands.ts). A refusal throws before any write.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/index.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { auditActor } from '../audit/actor.ts';
import { validateHousehold, validateMembers, validatePerson, type HouseholdInput, type PersonInput } from './model.ts';
import { assertCanWriteRegistry } from './policy.ts';
import * as store from './store.ts';

export interface NewHousehold {
  readonly household: HouseholdInput;
  readonly members: readonly PersonInput[];
  readonly reason: string;
}

export async function registerNewHousehold(
  tx: Transaction<DB>,
  w: { actor: Actor; ip?: string | null; today: string },
  communeCode: string,
  b: NewHousehold,
  path = '/body',
): Promise<{ householdId: number; personIds: number[] }> {
  const errors = [
    ...validateHousehold(b.household, `${path}/household`),
    ...validateMembers(b.members, path),
    ...b.members.flatMap((m, i) => validatePerson(m, w.today, `${path}/members/${i}`)),
  ];
  if (errors.length) throw AppError.validation(errors);
  const c = await store.communeByCode(tx, communeCode);
  if (!c) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code: communeCode });
  assertCanWriteRegistry(w.actor, { unit_id: c.id });
  if (b.household.villageId !== null && !(await store.isVillageOf(tx, b.household.villageId, c.id))) {
    throw AppError.validation([{ path: `${path}/household/villageId`, message: text('Xã không có bản/thôn này', 'No such village in this commune') }]);
  }
  if (await store.householdByCode(tx, c.id, b.household.code))
    throw AppError.conflict(text('Mã hộ {code} đã có trong xã', 'Household code {code} already exists'), { code: b.household.code });
  const out = await store.registerHousehold(tx, c, b.household, b.members, { by: w.actor.username, reason: b.reason });
  await audit(tx, {
    actor: auditActor(w.actor),
    action: 'household.create',
    entity: 'household',
    entityId: out.householdId,
    unitId: c.id,
    after: { code: b.household.code, members: out.personIds.length, reason: b.reason },
    ip: w.ip ?? null,
  });
  return { householdId: out.householdId, personIds: [...out.personIds] };
}
