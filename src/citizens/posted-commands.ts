// Multi-step writes of posted lists (issue 14 item 3), each one input, one transaction and its
// audit entry: post a list (its legal period from the rule of its kind; entries checked against
// what the law lets a notice show; proposed beneficiaries may be filled from the commune's
// applications), a citizen's comment from the public page (only while the list is on view;
// markup refused), the officer's answer to a comment, and the decision that closes the list
// (after the period, every comment answered: the comments stay with the decision).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { assertCan, type Actor } from '../access/index.ts';
import { audit } from '../audit/store.ts';
import { auditActor as who } from '../audit/actor.ts';
import { AppError, type FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { commentProblems, entryProblems, isOnView, MARKUP, postingPeriod, type PostedEntry, type PostedListKind } from './posted.ts';
import { assertCanHandleComplaint } from './policy.ts';
import * as store from './posted-store.ts';
import { communeByCode } from './store.ts';

export interface Officer {
  readonly actor: Actor;
  readonly ip?: string | null;
  readonly today: string;
}

const notFound = () => AppError.notFound(text('Không tìm thấy danh sách niêm yết', 'Posted list not found'));

export interface NewPostedList {
  readonly kind: PostedListKind;
  readonly title: string;
  readonly postedOn: string;
  readonly entries?: readonly PostedEntry[];
  /** Proposed beneficiaries: the commune's applications waiting for a decision, with the hamlet and group to show. */
  readonly applications?: readonly { readonly id: number; readonly hamlet: string; readonly group: string }[];
}

export async function postList(tx: Transaction<DB>, w: Officer, communeCode: string, v: NewPostedList) {
  const commune = await communeByCode(tx, communeCode);
  if (!commune) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code: communeCode });
  assertCanHandleComplaint(w.actor, commune.id);
  const e: FieldError[] = [];
  if (MARKUP.test(v.title)) e.push({ path: '/body/title', message: text('Tiêu đề không được chứa mã HTML', 'The title may not contain HTML') });
  if (v.postedOn < w.today) e.push({ path: '/body/postedOn', message: text('Ngày niêm yết đã qua', 'The posting day has passed') });
  const fromApps: (PostedEntry & { applicationId: number })[] = [];
  if (v.applications?.length) {
    if (v.kind !== 'assistance-review')
      e.push({
        path: '/body/applications',
        message: text('Chỉ danh sách xét duyệt trợ cấp lấy từ hồ sơ', 'Only an assistance review list is filled from applications'),
      });
    const found = new Map(
      (
        await store.applicationsByIds(
          tx,
          commune.id,
          v.applications.map((a) => a.id),
        )
      ).map((a) => [a.id, a]),
    );
    v.applications.forEach((a, i) => {
      const app = found.get(a.id);
      if (!app || app.state !== 'received')
        e.push({
          path: `/body/applications/${i}/id`,
          message: text('Không có hồ sơ đang chờ quyết định này ở xã', 'No application of the commune waiting for a decision'),
        });
      else fromApps.push({ fullName: app.applicant_name, hamlet: a.hamlet.trim(), group: a.group.trim(), applicationId: a.id });
    });
  }
  const entries = [
    ...(v.entries ?? []).map((x) => ({ fullName: x.fullName.trim(), hamlet: x.hamlet.trim(), group: x.group.trim(), applicationId: null })),
    ...fromApps,
  ];
  e.push(...entryProblems(v.kind, entries));
  if (e.length) throw AppError.validation(e);
  const period = postingPeriod(v.kind, v.postedOn);
  const id = await store.insertList(
    tx,
    commune,
    { kind: v.kind, title: v.title.trim(), postedOn: v.postedOn, postedUntil: period.due, rule: period.code, by: w.actor.username },
    entries,
  );
  await audit(tx, {
    actor: who(w.actor),
    action: 'posted_list.post',
    entity: 'posted_list',
    entityId: id,
    unitId: commune.id,
    ip: w.ip ?? null,
    after: { kind: v.kind, postedOn: v.postedOn, postedUntil: period.due, rule: period.code, entries: entries.length },
  });
  return { id, postedUntil: period.due, basis: period.basis, explanation: period.explanation };
}

/** A citizen's comment on a list on view (no actor: the owner's transaction through the store's narrow insert). */
export async function commentOnList(
  tx: Transaction<DB>,
  w: { ip?: string | null; today: string },
  listId: number,
  c: { author: string; contact?: string; body: string },
) {
  const list = await store.listById(tx, listId);
  if (!list || !isOnView(list, w.today)) throw notFound();
  const e = commentProblems(c);
  if (e.length) throw AppError.validation(e);
  const id = await store.insertComment(tx, list, { author: c.author.trim(), contact: c.contact?.trim() ?? '', body: c.body.trim(), receivedOn: w.today });
  // The audit keeps that a comment came and from where, not its text (it stays with the list).
  await audit(tx, {
    actor: null,
    action: 'posted_list.comment',
    entity: 'posted_list',
    entityId: list.id,
    unitId: list.unit_id,
    ip: w.ip ?? null,
    after: { comment: id },
  });
  return { receivedOn: w.today };
}

export async function answerComment(tx: Transaction<DB>, w: Officer, listId: number, commentId: number, b: { answer: string }) {
  const list = await store.listById(tx, listId);
  if (!list) throw notFound();
  assertCanHandleComplaint(w.actor, list.unit_id);
  const c = await store.commentById(tx, listId, commentId, true);
  if (!c) throw AppError.notFound(text('Không tìm thấy ý kiến', 'Comment not found'));
  if (c.state !== 'new') throw AppError.conflict(text('Ý kiến đã được xem xét', 'The comment is already considered'));
  if (MARKUP.test(b.answer))
    throw AppError.validation([
      { path: '/body/answer', message: text('Nội dung không được chứa mã HTML hay mã lệnh', 'The text may not contain HTML or script') },
    ]);
  if (b.answer.trim().length < 5)
    throw AppError.validation([{ path: '/body/answer', message: text('Ghi kết quả xem xét ý kiến', 'Write how the comment was considered') }]);
  await store.considerComment(tx, commentId, b.answer.trim(), w.actor.username);
  await audit(tx, {
    actor: who(w.actor),
    action: 'posted_list.consider',
    entity: 'posted_list',
    entityId: listId,
    unitId: list.unit_id,
    ip: w.ip ?? null,
    after: { comment: commentId },
  });
  return { state: 'considered' as const };
}

/**
 * The decision on a posted list: recorded by the commune chair (benefits.decide) once the posting
 * period has run and every comment has its answer; the comments stay with the list and its decision.
 */
export async function decidePostedList(tx: Transaction<DB>, w: Officer, listId: number, b: { decisionNumber: string; decidedOn: string; note?: string }) {
  const list = await store.listById(tx, listId, true);
  if (!list) throw notFound();
  assertCan(w.actor, 'benefits.decide', list.unit_id, { outside: 'forbidden' });
  if (list.state === 'decided') throw AppError.conflict(text('Danh sách đã có quyết định', 'The list is already decided'));
  const e: FieldError[] = [];
  const until = `${list.posted_until.slice(8, 10)}/${list.posted_until.slice(5, 7)}/${list.posted_until.slice(0, 4)}`;
  if (b.decidedOn <= list.posted_until)
    e.push({
      path: '/body/decidedOn',
      message: text(`Chỉ quyết định sau khi hết thời gian niêm yết (đến hết ${until})`, `Decide only after the posting period (to the end of ${until})`),
    });
  if (b.decidedOn > w.today) e.push({ path: '/body/decidedOn', message: text('Ngày quyết định ở tương lai', 'The decision date is in the future') });
  if (list.comments_new > 0)
    e.push({ path: '/body', message: text(`Còn ${list.comments_new} ý kiến chưa xem xét`, `${list.comments_new} comment(s) not yet considered`) });
  for (const f of ['decisionNumber', 'note'] as const)
    if (b[f] && MARKUP.test(b[f])) e.push({ path: `/body/${f}`, message: text('Nội dung không được chứa mã HTML', 'The text may not contain HTML') });
  if (e.length) throw AppError.validation(e);
  await store.decideList(tx, listId, { decisionNumber: b.decisionNumber.trim(), decidedOn: b.decidedOn, note: b.note?.trim() ?? '' });
  await audit(tx, {
    actor: who(w.actor),
    action: 'posted_list.decide',
    entity: 'posted_list',
    entityId: listId,
    unitId: list.unit_id,
    ip: w.ip ?? null,
    after: { decisionNumber: b.decisionNumber.trim(), decidedOn: b.decidedOn, comments: list.comments },
  });
  return { state: 'decided' as const, comments: list.comments };
}
