// Multi-step writes of emergency relief, each in the caller's scoped transaction with its audit
// entry: record an event, add a registry household to its list (the entitlement read from law
// data at the event date: src/law/relief.ts), record the date support was given (never before
// the event, never in the future). A refused input throws before anything is written.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { cite } from '../law/parameters.ts';
import { reliefEntitlement, type ReliefEventKind, type ReliefSupportType } from '../law/relief.ts';
import type { Who } from './commands.ts';
import { assertCanWriteCase } from './policy.ts';
import * as store from './store.ts';
import * as relief from './relief-store.ts';

import { auditActor as who } from '../audit/actor.ts';

export async function createEvent(
  tx: Transaction<DB>,
  w: Who,
  u: { id: number; province_code: string },
  v: { kind: ReliefEventKind; name: string; date: string },
) {
  assertCanWriteCase(w.actor, u.id);
  if (v.date > w.today) throw AppError.validation([{ path: '/body/date', message: text('Ngày xảy ra ở tương lai', 'The event date is in the future') }]);
  if (!v.name.trim()) throw AppError.validation([{ path: '/body/name', message: text('Cần tên sự kiện', 'The event name is required') }]);
  const id = await relief.insertEvent(tx, u, { ...v, name: v.name.trim() }, w.actor.username);
  await audit(tx, { actor: who(w), action: 'relief_event.create', entity: 'relief_event', entityId: id, unitId: u.id, ip: w.ip ?? null, after: v });
  return { id };
}

export async function addEntry(
  tx: Transaction<DB>,
  w: Who,
  eventId: number,
  v: { householdId: number; supportType: ReliefSupportType; persons?: number; months?: number },
) {
  const ev = await relief.getEvent(tx, eventId);
  if (!ev) throw AppError.notFound(text('Không tìm thấy sự kiện', 'Event not found'));
  const hh = await store.householdRef(tx, v.householdId);
  if (!hh)
    throw AppError.validation([
      { path: '/body/householdId', message: text('Không có hộ này trong sổ (hoặc ngoài phạm vi của bạn)', 'No such household (or outside your scope)') },
    ]);
  assertCanWriteCase(w.actor, hh.unit_id);
  const persons = v.persons ?? 1;
  if (!Number.isInteger(persons) || persons < 0)
    throw AppError.validation([{ path: '/body/persons', message: text('Số người không hợp lệ', 'Invalid number of persons') }]);
  const e = reliefEntitlement({ type: v.supportType, date: ev.date, persons, ...(v.months ? { months: v.months } : {}), province: hh.province_code });
  const basis = e.basis.map(cite).join('; ') || null;
  const id = await relief.insertEntry(
    tx,
    { eventId, unitId: hh.unit_id, householdId: hh.id, supportType: v.supportType, persons, amount: e.amount, riceKg: e.riceKg, status: e.status, basis },
    w.actor.username,
  );
  if (id === null)
    throw AppError.conflict(text('Hộ {code} đã có trong danh sách với loại hỗ trợ này', 'Household {code} is already listed for this support'), {
      code: hh.code,
    });
  await audit(tx, {
    actor: who(w),
    action: 'relief_entry.create',
    entity: 'relief_entry',
    entityId: id,
    unitId: hh.unit_id,
    ip: w.ip ?? null,
    after: { eventId, householdId: hh.id, supportType: v.supportType, persons, amount: e.amount, riceKg: e.riceKg, status: e.status },
  });
  return { id, amount: e.amount, riceKg: e.riceKg, status: e.status };
}

export async function markSupported(tx: Transaction<DB>, w: Who, entryId: number, date: string) {
  const e = await relief.getEntry(tx, entryId);
  if (!e) throw AppError.notFound(text('Không tìm thấy dòng danh sách', 'Entry not found'));
  assertCanWriteCase(w.actor, e.unit_id);
  const ev = (await relief.getEvent(tx, e.event_id))!;
  if (date > w.today) throw AppError.validation([{ path: '/body/date', message: text('Ngày ở tương lai', 'The date is in the future') }]);
  if (date < ev.date)
    throw AppError.validation([{ path: '/body/date', message: text('Ngày trao hỗ trợ trước ngày xảy ra sự kiện', 'Support dated before the event') }]);
  if (e.supported_on) throw AppError.conflict(text('Dòng này đã ghi nhận trao hỗ trợ', 'Support already recorded for this entry'));
  await relief.markSupported(tx, entryId, date);
  await audit(tx, {
    actor: who(w),
    action: 'relief_entry.supported',
    entity: 'relief_entry',
    entityId: entryId,
    unitId: e.unit_id,
    ip: w.ip ?? null,
    after: { date, amount: e.amount, riceKg: e.rice_kg },
  });
  return { days: Math.round((Date.parse(date) - Date.parse(ev.date)) / 86_400_000) };
}
