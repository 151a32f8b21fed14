// SQL of posted lists (issue 14 item 3), this feature's tables only. The officer's reads and
// writes run in the actor's scoped transaction (row-level security, migration 330). The public
// page and its comment form have no actor: they run on the owner's connection through the
// functions marked "public", which read a list that is on view (only its public columns) and
// insert one comment.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Commune } from '../registry/store.ts';
import type { CommentState, PostedEntry, PostedListKind, PostedListState } from './posted.ts';

type Q = Kysely<DB> | Transaction<DB>;

const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export interface PostedListRow {
  readonly id: number;
  readonly unit_id: number;
  readonly commune_code: string;
  readonly commune_name: string;
  readonly kind: PostedListKind;
  readonly title: string;
  readonly posted_on: string;
  readonly posted_until: string;
  readonly posting_rule: string;
  readonly state: PostedListState;
  readonly decision_number: string | null;
  readonly decided_on: string | null;
  readonly decision_note: string | null;
  readonly posted_by: string;
  readonly entries: number;
  readonly comments: number;
  readonly comments_new: number;
}

export interface EntryRow extends PostedEntry {
  readonly position: number;
  readonly applicationId: number | null;
}

export interface CommentRow {
  readonly id: number;
  readonly list_id: number;
  readonly author: string;
  readonly contact: string;
  readonly body: string;
  readonly received_on: string;
  readonly state: CommentState;
  readonly answer: string | null;
  readonly considered_by: string | null;
}

export async function insertList(
  q: Q,
  commune: Commune,
  l: { kind: PostedListKind; title: string; postedOn: string; postedUntil: string; rule: string; by: string },
  entries: readonly (PostedEntry & { applicationId?: number | null })[],
): Promise<number> {
  const { id } = await q
    .insertInto('posted_lists')
    .values({
      province_code: commune.provinceCode,
      unit_id: commune.id,
      kind: l.kind,
      title: l.title,
      posted_on: l.postedOn,
      posted_until: l.postedUntil,
      posting_rule: l.rule,
      posted_by: l.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (entries.length)
    await q
      .insertInto('posted_list_entries')
      .values(
        entries.map((e, i) => ({
          list_id: id,
          unit_id: commune.id,
          position: i + 1,
          full_name: e.fullName,
          hamlet: e.hamlet,
          group_label: e.group,
          application_id: e.applicationId ?? null,
        })),
      )
      .execute();
  return id;
}

function select(q: Q) {
  return q
    .selectFrom('posted_lists as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .select((eb) => [
      'l.id',
      'l.unit_id',
      'u.code as commune_code',
      'u.name as commune_name',
      'l.kind',
      'l.title',
      'l.posted_on',
      'l.posted_until',
      'l.posting_rule',
      'l.state',
      'l.decision_number',
      'l.decided_on',
      'l.decision_note',
      'l.posted_by',
      eb.selectFrom('posted_list_entries as e').select(eb.fn.countAll().as('n')).whereRef('e.list_id', '=', 'l.id').as('entries'),
      eb.selectFrom('posted_list_comments as c').select(eb.fn.countAll().as('n')).whereRef('c.list_id', '=', 'l.id').as('comments'),
      eb
        .selectFrom('posted_list_comments as c')
        .select(eb.fn.countAll().as('n'))
        .whereRef('c.list_id', '=', 'l.id')
        .where('c.state', '=', 'new')
        .as('comments_new'),
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
const row = (r: Raw): PostedListRow => ({
  ...(r as unknown as PostedListRow),
  posted_on: day(r.posted_on)!,
  posted_until: day(r.posted_until)!,
  decided_on: day(r.decided_on),
  entries: Number(r.entries ?? 0),
  comments: Number(r.comments ?? 0),
  comments_new: Number(r.comments_new ?? 0),
});

/** One list in the scope (locked for a write when `lock`). Public callers check that it is on view. */
export async function listById(q: Q, id: number, lock = false): Promise<PostedListRow | null> {
  let s = select(q).where('l.id', '=', id);
  if (lock) s = s.forUpdate('l');
  const r = await s.executeTakeFirst();
  return r ? row(r) : null;
}

/** The lists of some units (newest first). */
export async function listsOf(q: Q, unitIds: readonly number[]): Promise<PostedListRow[]> {
  if (!unitIds.length) return [];
  const r = await select(q)
    .where('l.unit_id', 'in', [...unitIds])
    .orderBy('l.posted_on', 'desc')
    .orderBy('l.id', 'desc')
    .limit(500)
    .execute();
  return r.map(row);
}

/** Public: the lists of a commune on view on a day (the public page's index). */
export async function listsOnView(q: Q, unitId: number, today: string): Promise<PostedListRow[]> {
  const r = await select(q)
    .where('l.unit_id', '=', unitId)
    .where('l.posted_on', '<=', today)
    .where('l.posted_until', '>=', today)
    .orderBy('l.posted_on', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
  return r.map(row);
}

/** The entries of a list in their order: only the public columns are read. */
export async function entriesOf(q: Q, listId: number): Promise<EntryRow[]> {
  const r = await q
    .selectFrom('posted_list_entries')
    .select(['position', 'full_name', 'hamlet', 'group_label', 'application_id'])
    .where('list_id', '=', listId)
    .orderBy('position')
    .execute();
  return r.map((e) => ({ position: e.position, fullName: e.full_name, hamlet: e.hamlet, group: e.group_label, applicationId: e.application_id }));
}

/** Public: one comment on a list. */
export async function insertComment(q: Q, list: { id: number; unit_id: number }, c: { author: string; contact: string; body: string; receivedOn: string }) {
  const { id } = await q
    .insertInto('posted_list_comments')
    .values({ list_id: list.id, unit_id: list.unit_id, author: c.author, contact: c.contact, body: c.body, received_on: c.receivedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function commentsOf(q: Q, listId: number): Promise<CommentRow[]> {
  const r = await q
    .selectFrom('posted_list_comments')
    .select(['id', 'list_id', 'author', 'contact', 'body', 'received_on', 'state', 'answer', 'considered_by'])
    .where('list_id', '=', listId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return r.map((c) => ({ ...(c as unknown as CommentRow), received_on: day(c.received_on)! }));
}

export async function commentById(q: Q, listId: number, id: number, lock = false): Promise<CommentRow | null> {
  let s = q
    .selectFrom('posted_list_comments')
    .select(['id', 'list_id', 'author', 'contact', 'body', 'received_on', 'state', 'answer', 'considered_by'])
    .where('list_id', '=', listId)
    .where('id', '=', id);
  if (lock) s = s.forUpdate();
  const c = await s.executeTakeFirst();
  return c ? { ...(c as unknown as CommentRow), received_on: day(c.received_on)! } : null;
}

export async function considerComment(q: Q, id: number, answer: string, by: string) {
  await q.updateTable('posted_list_comments').set({ state: 'considered', answer, considered_by: by, considered_at: new Date() }).where('id', '=', id).execute();
}

export async function decideList(q: Q, id: number, d: { decisionNumber: string; decidedOn: string; note: string }) {
  await q
    .updateTable('posted_lists')
    .set({ state: 'decided', decision_number: d.decisionNumber, decided_on: d.decidedOn, decision_note: d.note || null })
    .where('id', '=', id)
    .execute();
}

/** The comments of a commune not yet considered, with the oldest day (the home work list). */
export async function newComments(q: Q, unitId: number): Promise<{ count: number; oldest: string | null }> {
  const r = await q
    .selectFrom('posted_list_comments')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('received_on').as('oldest')])
    .where('unit_id', '=', unitId)
    .where('state', '=', 'new')
    .executeTakeFirst();
  return { count: Number(r?.n ?? 0), oldest: day(r?.oldest) };
}

/** Applications of the commune by id (to fill a list of proposed beneficiaries from them). */
export async function applicationsByIds(q: Q, unitId: number, ids: readonly number[]) {
  if (!ids.length) return [];
  return q
    .selectFrom('citizen_applications')
    .select(['id', 'applicant_name', 'procedure', 'state'])
    .where('unit_id', '=', unitId)
    .where('id', 'in', [...ids])
    .execute();
}
