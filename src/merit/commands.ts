// Multi-step writes of merit profiles, each one input, one transaction (the caller's scoped
// transaction) and its audit entry: record a profile (checks the person is in the registry and the
// facts its category needs, then the profile, its first version and the audit entry), and change
// one (a new version with the reason). A refused input throws before anything is written.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/model.ts';
import { AppError, type FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { meritFactErrors } from '../law/evaluate.ts';
import type { MeritFacts } from '../law/schema.ts';
import { assertCanWriteProfile } from './policy.ts';
import * as store from './store.ts';
import { updatePerson } from '../registry/store.ts';
import type { NewProfileBody, ProfilePatchBody } from './schemas.ts';

interface Who {
  readonly actor: Actor;
  readonly ip?: string | null;
  readonly today: string;
}

import { auditActor as who } from '../audit/actor.ts';

/** What every write checks beyond the schema, with the field paths of the body. */
export function valueErrors(
  v: store.MeritProfileValues,
  today: string,
  at: { facts: (path: string) => string; decisionDate: string; endMonth: string },
): FieldError[] {
  const errors = meritFactErrors({ category: v.category, facts: v.facts }, '').map((e) => ({ ...e, path: at.facts(e.path) }));
  if (v.decisionDate > today)
    errors.push({ path: at.decisionDate, message: text('Ngày quyết định công nhận ở tương lai', 'The recognition decision is dated in the future') });
  if (v.endMonth && v.endMonth < v.startMonth)
    errors.push({ path: at.endMonth, message: text('Tháng thôi hưởng trước tháng bắt đầu hưởng', 'The end month is before the start month') });
  return errors;
}

/**
 * Records a merit profile of a registry person.
 * @example await withActor(db, actor, (tx) => createMeritProfile(tx, { actor, today: '2026-12-03' }, body))
 */
export async function createMeritProfile(tx: Transaction<DB>, w: Who, body: NewProfileBody): Promise<{ id: number; version: number }> {
  const person = await store.personRef(tx, body.personId);
  // Outside the actor's scope the person is invisible (row-level security): the same answer as absent.
  if (!person)
    throw AppError.validation([
      {
        path: '/body/personId',
        message: text('Không có nhân khẩu này trong sổ hộ tịch an sinh (hoặc ngoài phạm vi của bạn)', 'No such person in the registry (or outside your scope)'),
      },
    ]);
  assertCanWriteProfile(w.actor, person.unit_id);
  const v: store.MeritProfileValues = {
    category: body.category,
    facts: (body.facts ?? {}) as MeritFacts,
    decisionNumber: body.decision.number.trim(),
    decisionDate: body.decision.date,
    decisionBody: body.decision.body.trim(),
    startMonth: body.startMonth,
    endMonth: body.endMonth ?? null,
  };
  const errors = valueErrors(v, w.today, { facts: (f) => `/body${f}`, decisionDate: '/body/decision/date', endMonth: '/body/endMonth' });
  if (!v.decisionNumber) errors.push({ path: '/body/decision/number', message: text('Cần số quyết định công nhận', 'The decision number is required') });
  if (!v.decisionBody) errors.push({ path: '/body/decision/body', message: text('Cần cơ quan ra quyết định', 'The issuing body is required') });
  if (errors.length) throw AppError.validation(errors);
  const id = await store.insertProfile(tx, person, v, w.actor.username, body.reason);
  // The registry's flag (persons.merit) follows: a person with a profile is a person with meritorious service.
  if (!(await store.isMeritPerson(tx, person.id)))
    await updatePerson(tx, person.id, { merit: true }, { by: w.actor.username, reason: `Hồ sơ người có công ${v.decisionNumber}: ${body.reason}` });
  await audit(tx, {
    actor: who(w.actor),
    action: 'merit_profile.create',
    entity: 'merit_profile',
    entityId: id,
    unitId: person.unit_id,
    ip: w.ip ?? null,
    after: { personId: person.id, category: v.category, decision: v.decisionNumber, startMonth: v.startMonth, version: 1, reason: body.reason },
  });
  return { id, version: 1 };
}

/** Changes a profile: a new version with the reason, audited (the changed field names, not their health values). */
export async function changeMeritProfile(tx: Transaction<DB>, w: Who, id: number, body: ProfilePatchBody): Promise<{ version: number }> {
  const p = await store.getProfile(tx, id);
  if (!p) throw AppError.notFound(text('Không tìm thấy hồ sơ người có công', 'Merit profile not found'));
  assertCanWriteProfile(w.actor, p.unit_id);
  const c = body.changes;
  const v: store.MeritProfileValues = {
    category: c.category ?? p.category,
    facts: (c.facts ?? p.facts) as MeritFacts,
    decisionNumber: c.decision?.number.trim() ?? p.decision_number,
    decisionDate: c.decision?.date ?? p.decision_date,
    decisionBody: c.decision?.body.trim() ?? p.decision_body,
    startMonth: c.startMonth ?? p.start_month,
    endMonth: c.endMonth === undefined ? p.end_month : c.endMonth,
  };
  const errors = valueErrors(v, w.today, {
    facts: (f) => (c.facts ? `/body/changes${f}` : '/body/changes/category'),
    decisionDate: '/body/changes/decision/date',
    endMonth: '/body/changes/endMonth',
  });
  if (errors.length) throw AppError.validation(errors);
  const version = await store.updateProfile(tx, id, v, w.actor.username, body.reason);
  await audit(tx, {
    actor: who(w.actor),
    action: 'merit_profile.update',
    entity: 'merit_profile',
    entityId: id,
    unitId: p.unit_id,
    ip: w.ip ?? null,
    after: { fields: Object.keys(c), version, reason: body.reason },
  });
  return { version };
}

/**
 * Records that a person of the commune received convalescence in a year (at home or at a centre):
 * a person with a living profile in the commune, a year not in the future; audited.
 */
export async function recordConvalescence(
  tx: Transaction<DB>,
  w: Who,
  unitId: number,
  body: { personId: number; year: number; kind: 'home' | 'centre' },
): Promise<{ personId: number; year: number; kind: 'home' | 'centre' }> {
  assertCanWriteProfile(w.actor, unitId);
  const person = await store.personRef(tx, body.personId);
  const errors: FieldError[] = [];
  if (!person || person.unit_id !== unitId || (await store.profilesOfPerson(tx, person.id)).length === 0)
    errors.push({ path: '/body/personId', message: text('Không có người có công này trong danh sách của xã', 'No such merit person in the commune') });
  if (body.year > Number(w.today.slice(0, 4)))
    errors.push({ path: '/body/year', message: text('Năm điều dưỡng không được sau năm hiện tại', 'The year cannot be in the future') });
  if (errors.length || !person) throw AppError.validation(errors);
  await store.upsertConvalescence(tx, person, body.year, body.kind, w.actor.username);
  await audit(tx, {
    actor: who(w.actor),
    action: 'merit_convalescence.record',
    entity: 'merit_convalescence',
    entityId: person.id,
    unitId,
    ip: w.ip ?? null,
    after: { personId: person.id, year: body.year, kind: body.kind },
  });
  return body;
}
