// HTTP contract of posted lists (issue 14 item 3): the public page (only the name, hamlet and
// group of each entry, the period and its legal basis), the public comment form, and the
// officer's lists with their comments and decision. The web imports these types (type-only).
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { enumOf } from '../kernel/schemas.ts';
import { DEADLINE_RULES, type DeadlineCode } from '../law/deadlines.ts';
import { COMMENT_STATES, POSTED_KIND_TEXT, POSTED_LIST_KINDS, POSTED_LIST_STATES } from './posted.ts';
import type { CommentRow, EntryRow, PostedListRow } from './posted-store.ts';

const TextView = Type.Object({ vi: Type.String(), en: Type.String() });
const Name = Type.String({ minLength: 2, maxLength: 120 });
const Short = Type.String({ maxLength: 120 });

export const PostedListId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const CommentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), commentId: Type.Integer({ minimum: 1 }) });
export const CommuneQuery = Type.Object(
  { commune: Type.String({ pattern: '^[0-9]{5}$', description: 'the commune code, e.g. 03439' }) },
  { additionalProperties: false },
);

export const PostListBody = Type.Object(
  {
    kind: enumOf(POSTED_LIST_KINDS),
    title: Type.String({ minLength: 5, maxLength: 200 }),
    postedOn: Type.String({ format: 'date' }),
    entries: Type.Optional(Type.Array(Type.Object({ fullName: Name, hamlet: Short, group: Short }, { additionalProperties: false }), { maxItems: 2000 })),
    applications: Type.Optional(
      Type.Array(Type.Object({ id: Type.Integer({ minimum: 1 }), hamlet: Short, group: Short }, { additionalProperties: false }), {
        maxItems: 500,
        description: 'proposed beneficiaries: applications waiting for a decision, their names read from the application',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PostListBody = Static<typeof PostListBody>;
export const Posted = Type.Object({ id: Type.Integer(), postedUntil: Type.String(), basis: Type.String(), explanation: TextView });

export const CommentBody = Type.Object(
  {
    author: Type.String({ minLength: 1, maxLength: 120 }),
    contact: Type.Optional(Type.String({ maxLength: 120, description: 'a phone number or address for the answer (not shown publicly)' })),
    body: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type CommentBody = Static<typeof CommentBody>;
export const CommentReceived = Type.Object({ receivedOn: Type.String() });
export const AnswerBody = Type.Object({ answer: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const Answered = Type.Object({ state: Type.Literal('considered') });
export const DecideListBody = Type.Object(
  {
    decisionNumber: Type.String({ minLength: 1, maxLength: 60 }),
    decidedOn: Type.String({ format: 'date' }),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export const ListDecided = Type.Object({ state: Type.Literal('decided'), comments: Type.Integer() });

const Period = Type.Object({
  postedOn: Type.String(),
  postedUntil: Type.String(),
  basis: Type.String(),
  workingDays: Type.Integer(),
  verified: Type.Boolean({ description: 'the period was read in the legal text itself' }),
});
const PublicEntry = Type.Object({ position: Type.Integer(), fullName: Type.String(), hamlet: Type.String(), group: Type.String() });

const PublicSummary = Type.Object({
  id: Type.Integer(),
  kind: enumOf(POSTED_LIST_KINDS),
  kindName: TextView,
  title: Type.String(),
  commune: Type.String(),
  period: Period,
  entries: Type.Integer(),
});
export const PublicLists = Type.Object({ commune: Type.String(), today: Type.String(), items: Type.Array(PublicSummary) });
export type PublicLists = Static<typeof PublicLists>;
export const PublicList = Type.Object({ list: PublicSummary, entries: Type.Array(PublicEntry) });
export type PublicList = Static<typeof PublicList>;

const OfficerSummary = Type.Object({
  ...PublicSummary.properties,
  state: enumOf(POSTED_LIST_STATES),
  onView: Type.Boolean(),
  comments: Type.Integer(),
  commentsNew: Type.Integer(),
  decision: Nullable(Type.Object({ number: Type.String(), decidedOn: Type.String(), note: Nullable(Type.String()) })),
  postedBy: Type.String(),
});
export const OfficerLists = Type.Object({ items: Type.Array(OfficerSummary) });
export type OfficerLists = Static<typeof OfficerLists>;
const Comment = Type.Object({
  id: Type.Integer(),
  author: Type.String(),
  contact: Type.String(),
  body: Type.String(),
  receivedOn: Type.String(),
  state: enumOf(COMMENT_STATES),
  answer: Nullable(Type.String()),
  consideredBy: Nullable(Type.String()),
});
export const OfficerList = Type.Object({
  list: OfficerSummary,
  entries: Type.Array(Type.Object({ ...PublicEntry.properties, applicationId: Nullable(Type.Integer()) })),
  comments: Type.Array(Comment),
});
export type OfficerList = Static<typeof OfficerList>;

function period(l: PostedListRow): Static<typeof Period> {
  const r = DEADLINE_RULES[l.posting_rule as DeadlineCode];
  return { postedOn: l.posted_on, postedUntil: l.posted_until, basis: r?.basis ?? l.posting_rule, workingDays: r?.days ?? 0, verified: r?.verified ?? false };
}

/** The public view: whitelisted, no posting officer, no comment count. */
export const presentPublic = (l: PostedListRow): Static<typeof PublicSummary> => ({
  id: l.id,
  kind: l.kind,
  kindName: POSTED_KIND_TEXT[l.kind],
  title: l.title,
  commune: l.commune_name,
  period: period(l),
  entries: l.entries,
});
export const presentPublicEntries = (es: readonly EntryRow[]) =>
  es.map((e) => ({ position: e.position, fullName: e.fullName, hamlet: e.hamlet, group: e.group }));

export const presentOfficer = (l: PostedListRow, today: string): Static<typeof OfficerSummary> => ({
  ...presentPublic(l),
  state: l.state,
  onView: l.posted_on <= today && today <= l.posted_until,
  comments: l.comments,
  commentsNew: l.comments_new,
  decision: l.state === 'decided' ? { number: l.decision_number!, decidedOn: l.decided_on!, note: l.decision_note } : null,
  postedBy: l.posted_by,
});
export const presentComment = (c: CommentRow): Static<typeof Comment> => ({
  id: c.id,
  author: c.author,
  contact: c.contact,
  body: c.body,
  receivedOn: c.received_on,
  state: c.state,
  answer: c.answer,
  consideredBy: c.considered_by,
});
