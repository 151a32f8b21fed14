// Multi-step writes of emergency relief, each in the caller's scoped transaction with its audit
// entry: record an event, add a registry household to its list (the entitlement read from law
// data at the event date: src/law/relief.ts), record the date support was given (never before
// the event, never in the future). A person outside the registry can be listed and, after the
// officer's review, registered through the registry's own command; each line is handed out in
// cash, by bank transfer or in kind; a decision (number, date, signer) approves the list, after
// which the list is frozen and support can be recorded. A refused input throws before anything is written.
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
import type { ReliefDistribution } from './model.ts';
import { registerNewHousehold } from '../registry/register.ts';

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

export interface EntryInput {
  readonly householdId?: number;
  /** A person not in the registry: listed now, registered after the officer's review (registerOutside). */
  readonly outside?: { readonly fullName: string; readonly personalId?: string | null; readonly villageId?: number | null; readonly household?: string | null };
  readonly supportType: ReliefSupportType;
  readonly persons?: number;
  readonly months?: number;
  readonly distribution?: ReliefDistribution;
  readonly item?: string;
  readonly quantity?: number;
  readonly quantityUnit?: string;
  readonly account?: string;
}

const bad = (path: string, vi: string, en: string) => AppError.validation([{ path, message: text(vi, en) }]);
const approvedAlready = () =>
  AppError.conflict(text('Danh sách đã có quyết định phê duyệt: không sửa được', 'The list is approved by a decision: it can no longer change'));

/** The distribution columns of a line, checked: in kind needs item, quantity and unit; a transfer needs the account. */
function distributionOf(v: EntryInput, riceKg: number | null) {
  const distribution = v.distribution ?? 'cash';
  if (distribution === 'in_kind') {
    const item = v.item?.trim() || (riceKg !== null ? 'Gạo' : '');
    const quantity = v.quantity ?? (riceKg !== null && !v.item ? riceKg : undefined);
    const unit = v.quantityUnit?.trim() || (riceKg !== null && !v.item ? 'kg' : '');
    if (!item) throw bad('/body/item', 'Cần tên hiện vật (ví dụ: gạo)', 'The item is required (e.g. rice)');
    if (quantity === undefined || !(quantity > 0)) throw bad('/body/quantity', 'Số lượng phải lớn hơn 0', 'The quantity must be more than 0');
    if (!unit) throw bad('/body/quantityUnit', 'Cần đơn vị tính (ví dụ: kg)', 'The unit is required (e.g. kg)');
    return { distribution, item, quantity, quantityUnit: unit, account: null };
  }
  if (distribution === 'transfer') {
    const account = v.account?.replace(/\s+/g, '') ?? '';
    if (!/^[0-9]{6,20}$/.test(account)) throw bad('/body/account', 'Số tài khoản gồm 6 đến 20 chữ số', 'The account number has 6 to 20 digits');
    return { distribution, item: null, quantity: null, quantityUnit: null, account };
  }
  return { distribution, item: null, quantity: null, quantityUnit: null, account: null };
}

export async function addEntry(tx: Transaction<DB>, w: Who, eventId: number, v: EntryInput) {
  const ev = await relief.getEvent(tx, eventId);
  if (!ev) throw AppError.notFound(text('Không tìm thấy sự kiện', 'Event not found'));
  if ((v.householdId === undefined) === (v.outside === undefined))
    throw bad(
      '/body/householdId',
      'Chọn một hộ trong sổ hoặc ghi người ngoài sổ (một trong hai)',
      'Give a registry household or a person outside the registry (one of them)',
    );
  let unitId: number;
  let provinceCode: string;
  let hh: Awaited<ReturnType<typeof store.householdRef>> = null;
  let outside: relief.NewEntry['outside'] = null;
  if (v.householdId !== undefined) {
    hh = await store.householdRef(tx, v.householdId);
    if (!hh) throw bad('/body/householdId', 'Không có hộ này trong sổ (hoặc ngoài phạm vi của bạn)', 'No such household (or outside your scope)');
    unitId = hh.unit_id;
    provinceCode = hh.province_code;
  } else {
    const o = v.outside!;
    const name = o.fullName.trim().replace(/\s+/g, ' ');
    if (name.length < 2) throw bad('/body/outside/fullName', 'Cần họ và tên', 'The full name is required');
    const pid = o.personalId?.trim() || null;
    if (pid !== null && !/^[0-9]{12}$/.test(pid)) throw bad('/body/outside/personalId', 'Số định danh cá nhân gồm 12 chữ số', 'The personal ID has 12 digits');
    if (o.villageId != null) {
      const vc = await relief.villageCommune(tx, o.villageId);
      if (!vc) throw bad('/body/outside/villageId', 'Không có bản/thôn này', 'No such village');
      unitId = vc.commune_id;
    } else {
      if (!(await relief.communeCode(tx, ev.unit_id)))
        throw bad(
          '/body/outside/villageId',
          'Cần bản/thôn của người này (sự kiện ghi ở cấp trên xã)',
          "The person's village is required (the event is above a commune)",
        );
      unitId = ev.unit_id;
    }
    provinceCode = ev.province_code;
    outside = { name, personalId: pid, villageId: o.villageId ?? null, household: o.household?.trim() || null };
  }
  assertCanWriteCase(w.actor, unitId);
  if (await relief.decisionOf(tx, eventId)) throw approvedAlready();
  const persons = v.persons ?? 1;
  if (!Number.isInteger(persons) || persons < 0) throw bad('/body/persons', 'Số người không hợp lệ', 'Invalid number of persons');
  const e = reliefEntitlement({ type: v.supportType, date: ev.date, persons, ...(v.months ? { months: v.months } : {}), province: provinceCode });
  const d = distributionOf(v, e.riceKg);
  if (d.distribution === 'transfer' && e.amount === null)
    throw bad('/body/distribution', 'Dòng này không có số tiền nên không chuyển khoản được', 'This line has no amount, so it cannot be transferred');
  const basis = e.basis.map(cite).join('; ') || null;
  const id = await relief.insertEntry(
    tx,
    {
      eventId,
      unitId,
      householdId: hh?.id ?? null,
      outside,
      supportType: v.supportType,
      persons,
      amount: e.amount,
      riceKg: e.riceKg,
      status: e.status,
      basis,
      ...d,
    },
    w.actor.username,
  );
  if (id === null)
    throw AppError.conflict(text('Hộ {code} đã có trong danh sách với loại hỗ trợ này', 'Household {code} is already listed for this support'), {
      code: hh?.code ?? '',
    });
  await audit(tx, {
    actor: who(w),
    action: 'relief_entry.create',
    entity: 'relief_entry',
    entityId: id,
    unitId,
    ip: w.ip ?? null,
    after: {
      eventId,
      householdId: hh?.id ?? null,
      outside: outside ? { name: outside.name, villageId: outside.villageId, household: outside.household } : null,
      supportType: v.supportType,
      persons,
      amount: e.amount,
      riceKg: e.riceKg,
      status: e.status,
      distribution: d.distribution,
      item: d.item,
      quantity: d.quantity,
      quantityUnit: d.quantityUnit,
    },
  });
  return { id, amount: e.amount, riceKg: e.riceKg, status: e.status };
}

/** What the officer's review adds to a listed person outside the registry so the registry can take them in. */
export interface OutsideReview {
  readonly householdCode: string;
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F';
  readonly ethnicCode: string;
  readonly address: string;
  readonly area: 'urban' | 'rural';
}

/**
 * The officer has reviewed a listed person outside the registry: the registry's own command
 * (src/registry/register.ts, with its validation, policy and audit) registers a household with
 * this person as its head, and the line points at it from now on. Nothing is written on a refusal.
 */
export async function registerOutside(tx: Transaction<DB>, w: Who, entryId: number, r: OutsideReview) {
  const e = await relief.getEntry(tx, entryId);
  if (!e) throw AppError.notFound(text('Không tìm thấy dòng danh sách', 'Entry not found'));
  assertCanWriteCase(w.actor, e.unit_id);
  if (e.household_id !== null || e.outside_name === null)
    throw AppError.conflict(text('Dòng này đã là hộ trong sổ', 'This line is already a registry household'));
  const ev = (await relief.getEvent(tx, e.event_id))!;
  const commune = await relief.communeCode(tx, e.unit_id);
  if (!commune) throw AppError.conflict(text('Dòng này không thuộc một xã', 'This line is not in a commune'));
  const out = await registerNewHousehold(tx, { actor: w.actor, ip: w.ip ?? null, today: w.today }, commune, {
    household: {
      code: r.householdCode.trim(),
      villageId: e.outside_village_id,
      address: r.address.trim(),
      area: r.area,
      incomePerMonth: null,
      deprivations: {},
      disadvantagedArea: false,
      merit: false,
    },
    members: [
      {
        personalId: e.outside_personal_id,
        fullName: e.outside_name,
        dateOfBirth: r.dateOfBirth,
        sex: r.sex,
        ethnicCode: r.ethnicCode,
        relation: 'head',
        disability: 'none',
        pension: false,
        socialInsurance: 'none',
        healthInsurance: false,
        schooling: 'none',
        conditions: [],
        merit: false,
      },
    ],
    reason: `Bổ sung sau rà soát danh sách cứu trợ: ${ev.name}`,
  });
  await relief.linkRegistered(tx, entryId, out.householdId, w.today);
  await audit(tx, {
    actor: who(w),
    action: 'relief_entry.registered',
    entity: 'relief_entry',
    entityId: entryId,
    unitId: e.unit_id,
    ip: w.ip ?? null,
    after: { householdId: out.householdId, householdCode: r.householdCode.trim() },
  });
  return { householdId: out.householdId };
}

/** The decision that approves an event's list: number, date (not before the event, not in the future), signer; once. */
export async function approveList(tx: Transaction<DB>, w: Who, eventId: number, v: { number: string; date: string; signer: string }) {
  const ev = await relief.getEvent(tx, eventId);
  if (!ev) throw AppError.notFound(text('Không tìm thấy sự kiện', 'Event not found'));
  assertCanWriteCase(w.actor, ev.unit_id);
  const number = v.number.trim();
  const signer = v.signer.trim().replace(/\s+/g, ' ');
  if (!number) throw bad('/body/number', 'Cần số quyết định', 'The decision number is required');
  if (signer.length < 2) throw bad('/body/signer', 'Cần người ký', 'The signer is required');
  if (v.date > w.today) throw bad('/body/date', 'Ngày quyết định ở tương lai', 'The decision date is in the future');
  if (v.date < ev.date) throw bad('/body/date', 'Ngày quyết định trước ngày xảy ra sự kiện', 'The decision is dated before the event');
  const items = await relief.entriesOf(tx, eventId);
  if (items.length === 0) throw AppError.conflict(text('Danh sách chưa có dòng nào', 'The list has no lines'));
  const amount = items.reduce((a, i) => a + (i.amount ?? 0), 0);
  const id = await relief.insertDecision(tx, { eventId, unitId: ev.unit_id, number, date: v.date, signer, lines: items.length, amount }, w.actor.username);
  if (id === null) throw approvedAlready();
  await audit(tx, {
    actor: who(w),
    action: 'relief_list.approve',
    entity: 'relief_event',
    entityId: eventId,
    unitId: ev.unit_id,
    ip: w.ip ?? null,
    after: { number, date: v.date, signer, lines: items.length, amount },
  });
  return { id, lines: items.length, amount };
}

export async function markSupported(tx: Transaction<DB>, w: Who, entryId: number, date: string) {
  const e = await relief.getEntry(tx, entryId);
  if (!e) throw AppError.notFound(text('Không tìm thấy dòng danh sách', 'Entry not found'));
  assertCanWriteCase(w.actor, e.unit_id);
  const ev = (await relief.getEvent(tx, e.event_id))!;
  if (date > w.today) throw AppError.validation([{ path: '/body/date', message: text('Ngày ở tương lai', 'The date is in the future') }]);
  if (date < ev.date)
    throw AppError.validation([{ path: '/body/date', message: text('Ngày trao hỗ trợ trước ngày xảy ra sự kiện', 'Support dated before the event') }]);
  if (!(await relief.decisionOf(tx, e.event_id)))
    throw AppError.conflict(text('Danh sách chưa có quyết định phê duyệt', 'The list is not yet approved by a decision'));
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
