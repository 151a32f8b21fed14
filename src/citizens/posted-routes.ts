// HTTP routes of posted lists (issue 14 item 3): the public page of a commune's lists on view
// and its comment form (no login, rate-limited per visitor by src/server.ts), and the officer's
// routes to post a list, read it with its comments, answer a comment and record the decision.
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { withActor } from '../access/index.ts';
import { isOnView } from './posted.ts';
import { answerComment, commentOnList, decidePostedList, postList, type Officer } from './posted-commands.ts';
import { assertCanRead } from './policy.ts';
import * as store from './posted-store.ts';
import { communeByCode } from './store.ts';
import { UnitCode } from './schemas.ts';
import {
  AnswerBody,
  Answered,
  CommentBody,
  CommentParams,
  CommentReceived,
  CommuneQuery,
  DecideListBody,
  ListDecided,
  OfficerList,
  OfficerLists,
  PostListBody,
  Posted,
  PostedListId,
  PublicList,
  PublicLists,
  presentComment,
  presentOfficer,
  presentPublic,
  presentPublicEntries,
} from './posted-schemas.ts';

const publicRead = {
  public: true as const,
  reason: 'lists must be posted publicly before a decision (Decree 20/2021 Art. 8; Decision 24/2021/QĐ-TTg Art. 4): only name, hamlet and group are shown',
};

export const postedRoutes =
  (today: () => string): FeatureRoutes =>
  (app, { db }) => {
    const w = (req: { actor: Officer['actor'] | null; ip: string }): Officer => ({ actor: req.actor!, ip: req.ip, today: today() });
    const notFound = () => AppError.notFound(text('Không tìm thấy danh sách niêm yết', 'Posted list not found'));

    app.get(
      '/api/public/posted-lists',
      {
        config: { access: publicRead },
        schema: {
          tags: ['citizens'],
          summary: "A commune's lists on view today, with their posting period and its legal basis",
          querystring: CommuneQuery,
          response: { 200: PublicLists },
        },
      },
      async (req) => {
        const c = await communeByCode(db.k, req.query.commune);
        if (!c) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code: req.query.commune });
        return { commune: c.name, today: today(), items: (await store.listsOnView(db.k, c.id, today())).map(presentPublic) };
      },
    );

    app.get(
      '/api/public/posted-lists/:id',
      {
        config: { access: publicRead },
        schema: {
          tags: ['citizens'],
          summary: 'A list on view: name, hamlet and group of each entry (no ID, no HIV information)',
          params: PostedListId,
          response: { 200: PublicList },
        },
      },
      async (req) => {
        const l = await store.listById(db.k, req.params.id);
        if (!l || !isOnView(l, today())) throw notFound();
        return { list: presentPublic(l), entries: presentPublicEntries(await store.entriesOf(db.k, l.id)) };
      },
    );

    app.post(
      '/api/public/posted-lists/:id/comments',
      {
        config: {
          access: { public: true, reason: 'citizens comment on a posted list during its period (Decree 20/2021 Art. 8); the officer considers each comment' },
        },
        schema: {
          tags: ['citizens'],
          summary: 'Send a comment on a list on view (validated; HTML refused); it reaches the commune officer',
          params: PostedListId,
          body: CommentBody,
          response: { 201: CommentReceived },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await db.k.transaction().execute((tx) => commentOnList(tx, { ip: req.ip, today: today() }, req.params.id, req.body))),
    );

    app.post(
      '/api/citizens/units/:code/posted-lists',
      {
        config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
        schema: {
          tags: ['citizens'],
          summary: 'Post a list publicly for its legal period (2 working days for an assistance review, 3 for the poverty review)',
          params: UnitCode,
          body: PostListBody,
          response: { 201: Posted },
        },
      },
      async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => postList(tx, w(req), req.params.code, req.body))),
    );

    app.get(
      '/api/citizens/units/:code/posted-lists',
      {
        config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
        schema: {
          tags: ['citizens'],
          summary: "The commune's posted lists with their comment counts and decisions",
          params: UnitCode,
          response: { 200: OfficerLists },
        },
      },
      async (req) =>
        withActor(db, req.actor, async (tx) => {
          const c = await communeByCode(tx, req.params.code);
          if (!c) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code: req.params.code });
          assertCanRead(req.actor, c.id);
          return { items: (await store.listsOf(tx, [c.id])).map((l) => presentOfficer(l, today())) };
        }),
    );

    app.get(
      '/api/citizens/posted-lists/:id',
      {
        config: { access: { permission: 'registry.read', unit: 'record' } },
        schema: {
          tags: ['citizens'],
          summary: 'A posted list with its entries, the comments received and their answers, and its decision',
          params: PostedListId,
          response: { 200: OfficerList },
        },
      },
      async (req) =>
        withActor(db, req.actor, async (tx) => {
          const l = await store.listById(tx, req.params.id);
          if (!l) throw notFound();
          assertCanRead(req.actor, l.unit_id);
          return {
            list: presentOfficer(l, today()),
            entries: await store.entriesOf(tx, l.id),
            comments: (await store.commentsOf(tx, l.id)).map(presentComment),
          };
        }),
    );

    app.post(
      '/api/citizens/posted-lists/:id/comments/:commentId/answer',
      {
        config: { access: { permission: 'registry.write', unit: 'record' } },
        schema: { tags: ['citizens'], summary: 'Record how a comment was considered', params: CommentParams, body: AnswerBody, response: { 200: Answered } },
      },
      async (req) => withActor(db, req.actor, (tx) => answerComment(tx, w(req), req.params.id, req.params.commentId, req.body)),
    );

    app.post(
      '/api/citizens/posted-lists/:id/decide',
      {
        config: { access: { permission: 'benefits.decide', unit: 'record' } },
        schema: {
          tags: ['citizens'],
          summary: "The chair's decision after the posting period, every comment considered; the comments stay with it",
          params: PostedListId,
          body: DecideListBody,
          response: { 200: ListDecided },
        },
      },
      async (req) => withActor(db, req.actor, (tx) => decidePostedList(tx, w(req), req.params.id, req.body)),
    );
  };
