// Multi-step writes of complaints, denunciations and petitions (issue 14 item 4), each one input,
// one transaction and its audit entry: receive (the accepting deadline from the law), accept
// (the settling deadline by kind, round, remoteness and complexity), extend a denunciation (at
// most twice, 30 days each: Law on Denunciations 2018 Art. 30 cl. 1) and settle (with the
// outcome in writing). Text is kept as typed; markup is refused, not stored.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { can, type Actor } from '../access/index.ts';
import { findUserByName, loadActor } from '../access/store.ts';
import { audit } from '../audit/store.ts';
import { AppError, type FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { acceptDeadline, extendedDeadline, MAX_EXTENSIONS, settleDeadline, type ComplaintChannel, type ComplaintKind } from './complaints.ts';
import { assertCanHandleComplaint } from './policy.ts';
import * as store from './store.ts';
import { formatTrackingCode, newTrackingCode } from './model.ts';

export interface Officer {
  readonly actor: Actor;
  readonly ip?: string | null;
  readonly today: string;
}

import { auditActor as who } from '../audit/actor.ts';
const notFound = () => AppError.notFound(text('Không tìm thấy đơn', 'Complaint not found'));
/** Markup (an HTML or script payload) in a free text: refused with its field. */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:/i;
const markupError = (path: string): FieldError => ({
  path,
  message: text('Nội dung không được chứa mã HTML hay mã lệnh', 'The text may not contain HTML or script'),
});

export interface NewComplaint {
  readonly communeCode: string;
  readonly kind: ComplaintKind;
  readonly round?: 1 | 2;
  readonly channel: ComplaintChannel;
  readonly complainant: string;
  readonly contact?: string;
  readonly subject: string;
  readonly concerns?: string;
  readonly receivedOn: string;
  /** A second complaint: the id of the settled first complaint it appeals (Law on Complaints 2011 Art. 33, 37). */
  readonly previousId?: number;
}

export async function receiveComplaint(
  tx: Transaction<DB>,
  w: Officer,
  v: NewComplaint,
): Promise<{ id: number; acceptDue: string | null; trackingCode: string }> {
  return intake(tx, w.actor, w, v);
}

/** A complaint, denunciation or petition sent from the public page (no login; rate-limited per visitor; received today). */
export async function receivePublicComplaint(
  tx: Transaction<DB>,
  w: { ip?: string | null; today: string },
  v: Omit<NewComplaint, 'channel' | 'receivedOn' | 'previousId'>,
): Promise<{ id: number; acceptDue: string | null; trackingCode: string }> {
  return intake(tx, null, w, { ...v, channel: 'online', receivedOn: w.today });
}

async function intake(
  tx: Transaction<DB>,
  actor: Actor | null,
  w: { ip?: string | null; today: string },
  v: NewComplaint,
): Promise<{ id: number; acceptDue: string | null; trackingCode: string }> {
  const commune = await store.communeByCode(tx, v.communeCode);
  if (!commune) throw AppError.validation([{ path: '/body/communeCode', message: text('Không có xã, phường này', 'No such commune or ward') }]);
  if (actor || v.channel !== 'online') assertCanHandleComplaint(actor, commune.id);
  const e: FieldError[] = [];
  let round = v.round ?? 1;
  if (v.previousId !== undefined) {
    const first = await store.complaintById(tx, v.previousId);
    if (!first || first.unit_id !== commune.id || first.kind !== 'complaint' || first.round !== 1 || first.state !== 'settled')
      e.push({
        path: '/body/previousId',
        message: text(
          'Khiếu nại lần hai phải gắn với một khiếu nại lần đầu đã giải quyết của xã (Luật Khiếu nại 2011, Điều 33)',
          'A second complaint follows a settled first complaint of the commune (Law on Complaints 2011, Art. 33)',
        ),
      });
    round = 2;
  }
  for (const f of ['complainant', 'contact', 'subject', 'concerns'] as const) if (v[f] && MARKUP.test(v[f])) e.push(markupError(`/body/${f}`));
  if (v.subject.trim().length < 10) e.push({ path: '/body/subject', message: text('Nội dung đơn quá ngắn', 'The content is too short') });
  if (v.receivedOn > w.today) e.push({ path: '/body/receivedOn', message: text('Ngày nhận ở tương lai', 'The date received is in the future') });
  if (v.kind !== 'complaint' && round !== 1)
    e.push({ path: '/body/round', message: text('Chỉ khiếu nại mới có lần hai', 'Only a complaint has a second round') });
  if (e.length) throw AppError.validation(e);
  const d = acceptDeadline(v.kind, v.receivedOn);
  const trackingCode = newTrackingCode();
  const id = await store.insertComplaint(tx, commune, {
    trackingCode,
    kind: v.kind,
    round,
    previousId: v.previousId ?? null,
    channel: v.channel,
    complainant: v.complainant.trim(),
    contact: v.contact?.trim() ?? '',
    subject: v.subject.trim(),
    concerns: v.concerns?.trim() || null,
    receivedOn: v.receivedOn,
    acceptDue: d?.due ?? null,
    acceptRule: d?.code ?? null,
    by: actor?.username ?? 'online',
  });
  await audit(tx, {
    actor: actor ? who(actor) : null,
    action: 'complaint.file',
    entity: 'complaint',
    entityId: id,
    unitId: commune.id,
    ip: w.ip ?? null,
    after: { kind: v.kind, round, previousId: v.previousId ?? null, channel: v.channel, receivedOn: v.receivedOn, acceptDue: d?.due ?? null },
  });
  return { id, acceptDue: d?.due ?? null, trackingCode: formatTrackingCode(trackingCode) };
}

async function openCase(tx: Transaction<DB>, w: Officer, id: number) {
  const c = await store.complaintById(tx, id, true);
  if (!c) throw notFound();
  assertCanHandleComplaint(w.actor, c.unit_id);
  return c;
}

export async function acceptComplaint(
  tx: Transaction<DB>,
  w: Officer,
  id: number,
  b: { acceptedOn: string; complex?: boolean; remote?: boolean },
): Promise<{ settleDue: string | null }> {
  const c = await openCase(tx, w, id);
  if (c.state !== 'received') throw AppError.conflict(text('Đơn đã được thụ lý', 'The complaint is already accepted'));
  if (b.acceptedOn < c.received_on || b.acceptedOn > w.today)
    throw AppError.validation([
      { path: '/body/acceptedOn', message: text('Ngày thụ lý phải từ ngày nhận đến hôm nay', 'The acceptance date is between receipt and today') },
    ]);
  const complex = b.complex ?? false;
  const remote = b.remote ?? false;
  const d = settleDeadline({ kind: c.kind, round: c.round, remote, complex }, b.acceptedOn);
  await store.updateComplaint(tx, id, {
    state: 'accepted',
    accepted_on: b.acceptedOn,
    complex,
    remote,
    settle_due: d?.due ?? null,
    settle_rule: d?.code ?? null,
  });
  await audit(tx, {
    actor: who(w.actor),
    action: 'complaint.accept',
    entity: 'complaint',
    entityId: id,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    before: { state: c.state },
    after: { state: 'accepted', acceptedOn: b.acceptedOn, complex, remote, settleDue: d?.due ?? null, rule: d?.code ?? null },
  });
  return { settleDue: d?.due ?? null };
}

export async function extendComplaint(tx: Transaction<DB>, w: Officer, id: number, b: { reason: string }): Promise<{ settleDue: string; extensions: number }> {
  const c = await openCase(tx, w, id);
  if (c.kind !== 'denunciation' || c.state !== 'accepted' || !c.settle_due)
    throw AppError.conflict(text('Chỉ gia hạn tố cáo đã thụ lý, chưa giải quyết', 'Only an accepted, unsettled denunciation is extended'));
  if (c.extensions >= MAX_EXTENSIONS)
    throw AppError.conflict(
      text(
        'Tố cáo chỉ được gia hạn tối đa hai lần (Luật Tố cáo 2018, Điều 30)',
        'A denunciation is extended at most twice (Law on Denunciations 2018, Art. 30)',
      ),
    );
  if (MARKUP.test(b.reason)) throw AppError.validation([markupError('/body/reason')]);
  if (b.reason.trim().length < 10)
    throw AppError.validation([{ path: '/body/reason', message: text('Nêu lý do gia hạn (vụ việc phức tạp)', 'State the reason (a complex case)') }]);
  const d = extendedDeadline(c.settle_due);
  await store.updateComplaint(tx, id, { settle_due: d.due, extensions: c.extensions + 1 });
  await audit(tx, {
    actor: who(w.actor),
    action: 'complaint.extend',
    entity: 'complaint',
    entityId: id,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    before: { settleDue: c.settle_due, extensions: c.extensions },
    after: { settleDue: d.due, extensions: c.extensions + 1, reason: b.reason.trim() },
  });
  return { settleDue: d.due, extensions: c.extensions + 1 };
}

export async function settleComplaint(
  tx: Transaction<DB>,
  w: Officer,
  id: number,
  b: { settledOn: string; outcome: string },
): Promise<{ onTime: boolean | null }> {
  const c = await openCase(tx, w, id);
  if (c.state === 'settled') throw AppError.conflict(text('Đơn đã giải quyết xong', 'The complaint is already settled'));
  const e: FieldError[] = [];
  if (c.state !== 'accepted' && c.kind !== 'petition')
    e.push({ path: '/body/settledOn', message: text('Cần thụ lý trước khi giải quyết', 'Accept the complaint before settling it') });
  if (b.settledOn < c.received_on || b.settledOn > w.today || (c.accepted_on && b.settledOn < c.accepted_on))
    e.push({
      path: '/body/settledOn',
      message: text('Ngày giải quyết phải từ ngày thụ lý đến hôm nay', 'The settlement date is between acceptance and today'),
    });
  if (MARKUP.test(b.outcome)) e.push(markupError('/body/outcome'));
  else if (b.outcome.trim().length < 10) e.push({ path: '/body/outcome', message: text('Ghi kết quả giải quyết bằng văn bản', 'Write the outcome') });
  if (e.length) throw AppError.validation(e);
  await store.updateComplaint(tx, id, {
    state: 'settled',
    settled_on: b.settledOn,
    outcome: b.outcome.trim(),
    ...(c.accepted_on ? {} : { accepted_on: b.settledOn }),
  });
  const onTime = c.settle_due ? b.settledOn <= c.settle_due : null;
  await audit(tx, {
    actor: who(w.actor),
    action: 'complaint.settle',
    entity: 'complaint',
    entityId: id,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    before: { state: c.state, settleDue: c.settle_due },
    after: { state: 'settled', settledOn: b.settledOn, onTime },
  });
  return { onTime };
}

/**
 * The officer a case may be assigned to, read on the owner's connection (the scoped role does not
 * read accounts): null when unknown or disabled.
 */
export async function assignee(q: Kysely<DB>, username: string): Promise<Actor | null> {
  const user = await findUserByName(q, username);
  return user && !user.disabled ? loadActor(q, user.id) : null;
}

/** Assigns a case to an officer who holds registry.write in its commune (the one who settles it). */
export async function assignComplaint(tx: Transaction<DB>, w: Officer, id: number, target: Actor | null): Promise<{ assignedTo: string }> {
  const c = await openCase(tx, w, id);
  if (c.state === 'settled') throw AppError.conflict(text('Đơn đã giải quyết xong', 'The complaint is already settled'));
  if (!target || !can(target, 'registry.write', c.unit_id))
    throw AppError.validation([
      {
        path: '/body/username',
        message: text('Người được giao phải là cán bộ có quyền xử lý đơn của xã', 'Assign to an officer who handles the commune’s complaints'),
      },
    ]);
  await store.updateComplaint(tx, id, { assigned_to: target.username, assigned_at: new Date() });
  await audit(tx, {
    actor: who(w.actor),
    action: 'complaint.assign',
    entity: 'complaint',
    entityId: id,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    before: { assignedTo: c.assigned_to },
    after: { assignedTo: target.username },
  });
  return { assignedTo: target.username };
}
