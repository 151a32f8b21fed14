// Public procedure pages (issue 14 item 1): no login, rate-limited per visitor like every public
// route (src/server.ts), answers generated from the law data; the eligibility check stores nothing.
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { monthOf } from '../law/months.ts';
import { PROCEDURES, procedureByCode } from './procedures.ts';
import { checkEligibility } from './check.ts';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { withActor } from '../access/index.ts';
import { decideApplication, fileApplication } from './commands.ts';
import { formatTrackingCode, normaliseTrackingCode, stepsOf } from './model.ts';
import { multipartLimits, readApplicationForm } from './parts.ts';
import { assertCanRead } from './policy.ts';
import * as store from './store.ts';
import { complaintRoutes } from './complaint-routes.ts';
import { postedRoutes } from './posted-routes.ts';
import { satisfactionRoutes } from './satisfaction-routes.ts';
import {
  ApplicationDetail,
  ApplicationFormDoc,
  ApplicationId,
  ApplicationStatus,
  ApplicationWorkList,
  AtQuery,
  CheckAnswer,
  CheckBody,
  Decided,
  DecideBody,
  DocumentParams,
  Filed,
  ProcedureCode,
  ProcedureDetail,
  ProcedureList,
  TrackingParam,
  UnitCode,
  WorkQuery,
  presentDetail,
  presentProcedure,
  presentStatus,
  presentWorkItem,
  type ApplicationForm,
} from './schemas.ts';

const publicAccess = {
  public: true as const,
  reason: 'procedures, their conditions and deadlines must be public (Decree 20/2021; Law on Access to Information)',
};

export const citizenRoutes: FeatureRoutes = async (app, deps) => {
  const { db } = deps;
  // The day in Vietnam (UTC+7): deadlines count Vietnamese working days.
  const today = () => new Date(app.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  await complaintRoutes(today)(app, deps);
  await postedRoutes(today)(app, deps);
  await satisfactionRoutes(today)(app, deps);
  app.get(
    '/api/public/procedures',
    {
      config: { access: publicAccess },
      schema: { tags: ['citizens'], summary: 'The procedures ansinh supports, from the law data', response: { 200: ProcedureList } },
    },
    async () => ({
      items: PROCEDURES.map((p) => ({ code: p.code, name: p.name, summary: p.summary, decides: p.decides, checkable: p.checkable })),
    }),
  );

  app.get(
    '/api/public/procedures/:code',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['citizens'],
        summary: 'A procedure: who qualifies, documents, deadlines, amounts in force, who decides, legal basis',
        params: ProcedureCode,
        querystring: AtQuery,
        response: { 200: ProcedureDetail },
      },
    },
    async (req) => {
      const p = procedureByCode(req.params.code);
      if (!p) throw AppError.notFound(text('Không có thủ tục {code}', 'No procedure {code}'), { code: req.params.code });
      return presentProcedure(p, req.query.at ?? today());
    },
  );

  app.post(
    '/api/public/check',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['citizens'],
        summary: '"Tôi có thuộc diện được hưởng không?": runs the same rules as the registry on the answers; stores nothing',
        body: CheckBody,
        response: { 200: CheckAnswer },
      },
    },
    async (req) => {
      const month = req.body.month ?? monthOf(today());
      const born = `${req.body.birthYear}-${String(req.body.birthMonth ?? 1).padStart(2, '0')}`;
      if (born > month)
        throw AppError.validation([{ path: '/body/birthYear', message: text('Năm sinh sau tháng được hỏi', 'The birth year is after the month asked about') }]);
      return checkEligibility(req.body, month);
    },
  );

  // ---- applications (issue 14 item 2) -----------------------------------------------------

  const filedAnswer = (r: { trackingCode: string; receivedOn: string }, procedure: ApplicationForm['procedure']) => ({
    trackingCode: formatTrackingCode(r.trackingCode),
    receivedOn: r.receivedOn,
    statusUrl: `/ho-so/${formatTrackingCode(r.trackingCode)}`,
    steps: stepsOf({ procedure, receivedOn: r.receivedOn, state: 'received', decidedOn: null }, r.receivedOn),
  });

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: multipartLimits });
    scope.post(
      '/api/public/applications',
      {
        config: {
          access: { public: true, reason: 'a citizen files an application online without an account (Decree 20/2021 Art. 7; online public services)' },
        },
        schema: {
          tags: ['citizens'],
          summary: 'File an application online with its documents (multipart; PDF, JPEG, PNG, at most 5 files of 5 MB); answers the tracking code',
          body: { content: { 'multipart/form-data': { schema: ApplicationFormDoc } } },
          response: { 201: Filed },
        },
      },
      async (req, reply) => {
        const { form, files } = await readApplicationForm(req);
        // No actor: the owner's transaction, through the store's narrow insert (src/citizens/store.ts).
        const r = await db.k.transaction().execute((tx) => fileApplication(tx, { actor: null, ip: req.ip, today: today() }, 'online', form, files));
        return reply.status(201).send(filedAnswer(r, form.procedure));
      },
    );
    scope.post(
      '/api/citizens/applications',
      {
        config: { access: { permission: 'registry.write', unit: 'record' } },
        schema: {
          tags: ['citizens'],
          summary: "File an application at the commune's counter on a citizen's behalf (multipart, as the public form)",
          body: { content: { 'multipart/form-data': { schema: ApplicationFormDoc } } },
          response: { 201: Filed },
        },
      },
      async (req, reply) => {
        const { form, files } = await readApplicationForm(req);
        const r = await withActor(db, req.actor, (tx) => fileApplication(tx, { actor: req.actor, ip: req.ip, today: today() }, 'counter', form, files));
        return reply.status(201).send(filedAnswer(r, form.procedure));
      },
    );
  });

  app.get(
    '/api/public/applications/:code',
    {
      config: {
        access: {
          public: true,
          reason: 'the applicant follows their file by its tracking code (60 random bits); only the steps, deadlines and decision are shown, the name masked',
        },
      },
      schema: {
        tags: ['citizens'],
        summary: 'The status of an application by its tracking code: each step with its legal deadline (working days), the decision',
        params: TrackingParam,
        response: { 200: ApplicationStatus },
      },
    },
    async (req) => {
      const code = normaliseTrackingCode(req.params.code);
      const a = code ? await store.applicationByCode(db.k, code) : null;
      if (!a) throw AppError.notFound(text('Không tìm thấy hồ sơ với mã này', 'No application with this code'));
      return presentStatus(a, today());
    },
  );

  app.get(
    '/api/citizens/units/:code/applications',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['citizens'],
        summary: "The commune's applications waiting for a decision, by working days left to the legal deadline (late first); all=true: decided ones too",
        params: UnitCode,
        querystring: WorkQuery,
        response: { 200: ApplicationWorkList },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const c = await store.communeByCode(tx, req.params.code);
        if (!c) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code: req.params.code });
        assertCanRead(req.actor, c.id);
        const items = (await store.applicationsOf(tx, c.id, !req.query.all)).map((a) => presentWorkItem(a, today()));
        items.sort((x, y) => (x.daysLeft ?? Infinity) - (y.daysLeft ?? Infinity) || x.receivedOn.localeCompare(y.receivedOn) || x.id - y.id);
        return { items, today: today(), late: items.filter((i) => i.state === 'received' && i.late).length };
      }),
  );

  app.get(
    '/api/citizens/applications/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['citizens'],
        summary: 'An application with its steps, documents and decision',
        params: ApplicationId,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const a = await store.applicationById(tx, req.params.id);
        if (!a) throw AppError.notFound(text('Không tìm thấy hồ sơ', 'Application not found'));
        assertCanRead(req.actor, a.unit_id);
        return presentDetail(a, await store.documentsOf(tx, a.id), today());
      }),
  );

  app.get(
    '/api/citizens/applications/:id/documents/:documentId',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: { tags: ['citizens'], summary: 'A document of an application, as uploaded', params: DocumentParams },
    },
    async (req, reply) => {
      const d = await withActor(db, req.actor, async (tx) => {
        const a = await store.applicationById(tx, req.params.id);
        if (!a) return null;
        assertCanRead(req.actor, a.unit_id);
        return store.documentContent(tx, a.id, req.params.documentId);
      });
      if (!d) throw AppError.notFound(text('Không tìm thấy tệp', 'Document not found'));
      return reply
        .type(d.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(d.content);
    },
  );

  app.post(
    '/api/citizens/applications/:id/decide',
    {
      config: { access: { permission: 'benefits.decide', unit: 'record' } },
      schema: {
        tags: ['citizens'],
        summary:
          "The commune chair's decision: grant (monthly social assistance: the registry's benefit decision the payroll reads) or refusal with written reasons",
        params: ApplicationId,
        body: DecideBody,
        response: { 200: Decided },
      },
    },
    async (req) => withActor(db, req.actor, (tx) => decideApplication(tx, { actor: req.actor!, ip: req.ip, today: today() }, req.params.id, req.body)),
  );
};
