// HTTP routes of complaints, denunciations and petitions (issue 14 item 4): thin, each a schema
// (schemas.ts), the policy and a command (complaint-commands.ts) or a scoped read. The list of a
// commune (or of every commune of a province in the scope) sorts open cases by the days left to
// the deadline of their current step, late first, with the counts a report needs.
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { withActor } from '../access/index.ts';
import { descendantIds, findUnitByCode } from '../units/store.ts';
import {
  acceptComplaint,
  assignComplaint,
  assignee,
  extendComplaint,
  receiveComplaint,
  receivePublicComplaint,
  settleComplaint,
  type Officer,
} from './complaint-commands.ts';
import { assertCanRead } from './policy.ts';
import * as store from './store.ts';
import {
  AcceptBody,
  Accepted,
  AssignBody,
  Assigned,
  ComplaintQuery,
  PublicComplaintBody,
  ComplaintBody,
  ComplaintId,
  ComplaintList,
  ComplaintReceived,
  ExtendBody,
  Extended,
  SettleBody,
  Settled,
  UnitCode,
  presentComplaint,
} from './schemas.ts';

export const complaintRoutes =
  (today: () => string): FeatureRoutes =>
  (app, { db }) => {
    const w = (req: { actor: Officer['actor'] | null; ip: string }): Officer => ({ actor: req.actor!, ip: req.ip, today: today() });
    const write = { permission: 'registry.write', unit: 'record' } as const;

    app.post(
      '/api/citizens/complaints',
      {
        config: { access: { permission: 'registry.write', unit: { body: 'communeCode' } } },
        schema: {
          tags: ['citizens'],
          summary: 'Receive a complaint, denunciation or petition (counter, letter); the accepting deadline from the law',
          body: ComplaintBody,
          response: { 201: ComplaintReceived },
        },
      },
      async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => receiveComplaint(tx, w(req), req.body))),
    );

    app.post(
      '/api/public/complaints',
      {
        config: {
          access: { public: true, reason: 'a citizen sends a complaint, denunciation or petition online without an account (Law on Complaints 2011 Art. 8)' },
        },
        schema: {
          tags: ['citizens'],
          summary: 'Send a complaint, denunciation or petition from the public page (validated; HTML refused); answers the tracking code',
          body: PublicComplaintBody,
          response: { 201: ComplaintReceived },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await db.k.transaction().execute((tx) => receivePublicComplaint(tx, { ip: req.ip, today: today() }, req.body))),
    );

    app.post(
      '/api/citizens/complaints/:id/assign',
      {
        config: { access: write },
        schema: {
          tags: ['citizens'],
          summary: 'Assign the case to an officer of its commune (registry.write there)',
          params: ComplaintId,
          body: AssignBody,
          response: { 200: Assigned },
        },
      },
      async (req) => {
        const target = await assignee(db.k, req.body.username);
        return withActor(db, req.actor, (tx) => assignComplaint(tx, w(req), req.params.id, target));
      },
    );

    app.post(
      '/api/citizens/complaints/:id/accept',
      {
        config: { access: write },
        schema: {
          tags: ['citizens'],
          summary:
            'Accept (thụ lý): the settling deadline by kind, round, remote area and complexity (Law on Complaints 2011 Art. 28, 37; Law on Denunciations 2018 Art. 30)',
          params: ComplaintId,
          body: AcceptBody,
          response: { 200: Accepted },
        },
      },
      async (req) => withActor(db, req.actor, (tx) => acceptComplaint(tx, w(req), req.params.id, req.body)),
    );

    app.post(
      '/api/citizens/complaints/:id/extend',
      {
        config: { access: write },
        schema: {
          tags: ['citizens'],
          summary: 'Extend the settlement of a denunciation by 30 days (at most twice, Law on Denunciations 2018 Art. 30)',
          params: ComplaintId,
          body: ExtendBody,
          response: { 200: Extended },
        },
      },
      async (req) => withActor(db, req.actor, (tx) => extendComplaint(tx, w(req), req.params.id, req.body)),
    );

    app.post(
      '/api/citizens/complaints/:id/settle',
      {
        config: { access: write },
        schema: {
          tags: ['citizens'],
          summary: 'Settle with the outcome in writing; on time or late against the deadline',
          params: ComplaintId,
          body: SettleBody,
          response: { 200: Settled },
        },
      },
      async (req) => withActor(db, req.actor, (tx) => settleComplaint(tx, w(req), req.params.id, req.body)),
    );

    app.get(
      '/api/citizens/units/:code/complaints',
      {
        config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
        schema: {
          tags: ['citizens'],
          summary:
            'Complaints, denunciations and petitions of a unit by days left to the deadline (late first), with received / settled on time / late counts; all=true: settled ones too',
          params: UnitCode,
          querystring: ComplaintQuery,
          response: { 200: ComplaintList },
        },
      },
      async (req) =>
        withActor(db, req.actor, async (tx) => {
          const u = await findUnitByCode(tx, req.params.code);
          if (!u) throw AppError.notFound(text('Không tìm thấy đơn vị {code}', 'No unit {code}'), { code: req.params.code });
          assertCanRead(req.actor, u.id);
          const rows = await store.complaintsOf(tx, await descendantIds(tx, u.id), false, { from: req.query.from, to: req.query.to });
          const all = rows.map((c) => presentComplaint(c, today()));
          const report = {
            received: all.length,
            settled: all.filter((c) => c.state === 'settled').length,
            settledOnTime: all.filter((c) => c.onTime === true).length,
            settledLate: all.filter((c) => c.onTime === false).length,
            openLate: all.filter((c) => c.state !== 'settled' && c.late).length,
          };
          const items = (req.query.all ? all : all.filter((c) => c.state !== 'settled')).sort(
            (a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id,
          );
          return { items, today: today(), report };
        }),
    );
  };
