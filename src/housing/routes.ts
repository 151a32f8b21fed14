// HTTP routes of housing cases (issue 13 item 1): thin, each a schema (src/housing/schemas.ts),
// the policy and a command or a scoped read. A commune (or a province: all its communes in the
// reader's scope) lists its cases by stage, late ones against the programme deadline, and sees
// the summary by stage and commune with the money by source; a survey list is imported from a
// .csv/.xlsx file with a row-level report (dryRun=true to check without writing).
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { MAX_IMPORT_FILE_BYTES, readUploadedTable } from '../kernel/table.ts';
import { withActor } from '../access/scope.ts';
import { descendantIds, findUnitByCode } from '../units/store.ts';
import { addFunding, createCase, importSurvey, moveCaseStage, type Who } from './commands.ts';
import { assertCanReadCase, assertCanWriteCase } from './policy.ts';
import {
  CaseDetail,
  CaseDocumentParams,
  CaseDocumentUploadDoc,
  CaseDocumentUploaded,
  CaseId,
  CaseList,
  CaseQuery,
  Code,
  Created,
  FundingBody,
  HouseholdCodeParams,
  HouseholdLookup,
  ImportQuery,
  ImportReport,
  Moved,
  NewCaseBody,
  StageBody,
  Summary,
  presentCase,
  presentFunding,
  presentStage,
  presentSummary,
} from './schemas.ts';
import * as store from './store.ts';
import { reliefRoutes } from './relief-routes.ts';
import { MAX_DOCUMENT_BYTES, uploadCaseDocument } from './documents.ts';
import { megabytes, readUpload, notMultipart } from '../kernel/upload.ts';

const PAGE = 50;

async function unitOf(tx: Transaction<DB>, code: string) {
  const u = await findUnitByCode(tx, code);
  if (!u) throw AppError.notFound(text('Không tìm thấy đơn vị {code}', 'No unit {code}'), { code });
  return u;
}

export const housingRoutes: FeatureRoutes = async (app, deps) => {
  const { db } = deps;
  await reliefRoutes(app, deps);
  const today = () => app.now().toISOString().slice(0, 10);
  // Write routes are signed in (access config): the actor is there.
  const w = (req: FastifyRequest): Who => ({ actor: req.actor!, ip: req.ip, today: today() });

  app.get(
    '/api/housing/units/:code/cases',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['housing'],
        summary: 'Housing cases of a commune, or of every commune of a province in the scope (by stage; late=true: not handed over past the deadline)',
        params: Code,
        querystring: CaseQuery,
        response: { 200: CaseList },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const u = await unitOf(tx, req.params.code);
        assertCanReadCase(req.actor, u.id);
        const page = req.query.page ?? 1;
        const r = await store.listCases(tx, {
          unitIds: await descendantIds(tx, u.id),
          stage: req.query.stage ?? null,
          lateOn: req.query.late ? today() : null,
          limit: PAGE,
          offset: (page - 1) * PAGE,
        });
        return { items: r.items.map((c) => presentCase(c, today())), total: r.total, page };
      }),
  );

  app.get(
    '/api/housing/units/:code/summary',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['housing'],
        summary: 'Houses by stage and by commune, late cases, and money by funding source',
        params: Code,
        response: { 200: Summary },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const u = await unitOf(tx, req.params.code);
        assertCanReadCase(req.actor, u.id);
        const ids = await descendantIds(tx, u.id);
        return presentSummary(await store.summary(tx, ids, today()), await store.moneyBySource(tx, ids));
      }),
  );

  app.get(
    '/api/housing/units/:code/households/:householdCode',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['housing'],
        summary: 'A registry household of the unit (or of its communes) by its code, for the forms that open a case or list a household for relief',
        params: HouseholdCodeParams,
        response: { 200: HouseholdLookup },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const u = await unitOf(tx, req.params.code);
        assertCanReadCase(req.actor, u.id);
        const h = await store.householdLookup(tx, await descendantIds(tx, u.id), req.params.householdCode.trim());
        if (!h) throw AppError.notFound(text('Không có hộ {hh} trong sổ của đơn vị', 'No household {hh} in the unit'), { hh: req.params.householdCode });
        return { id: h.id, code: h.code, headName: h.head_name, unitName: h.unit_name };
      }),
  );

  app.get(
    '/api/housing/cases/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: { tags: ['housing'], summary: 'A housing case with its dated stages and its funding', params: CaseId, response: { 200: CaseDetail } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const c = await store.getCase(tx, req.params.id);
        if (!c) throw AppError.notFound(text('Không tìm thấy hồ sơ nhà ở', 'Housing case not found'));
        assertCanReadCase(req.actor, c.unit_id);
        return {
          case: presentCase(c, today()),
          stages: (await store.stagesOf(tx, c.id)).map(presentStage),
          funding: (await store.fundingOf(tx, c.id)).map(presentFunding),
          documents: (await store.documentsOf(tx, c.id)).map((d) => ({
            id: d.id,
            stage: d.stage,
            fileName: d.file_name,
            contentType: d.content_type,
            size: d.size,
            uploadedBy: d.uploaded_by,
            uploadedAt: d.uploaded_at,
          })),
        };
      }),
  );

  app.post(
    '/api/housing/cases',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['housing'],
        summary: "Open a housing case from a survey (stage 'surveyed'; level from law data)",
        body: NewCaseBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      assertCanWriteCase(req.actor, null);
      const r = await withActor(db, req.actor, (tx) => createCase(tx, w(req), req.body));
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/housing/cases/:id/stages',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['housing'],
        summary: 'Move a case to a later stage with its date and who confirmed it (never backwards; approval needs the decision number)',
        params: CaseId,
        body: StageBody,
        response: { 200: Moved },
      },
    },
    async (req) => withActor(db, req.actor, (tx) => moveCaseStage(tx, w(req), req.params.id, req.body)),
  );

  app.post(
    '/api/housing/cases/:id/funding',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['housing'],
        summary: 'Record money for a case from one source (positive VND, not in the future; audited)',
        params: CaseId,
        body: FundingBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => addFunding(tx, w(req), req.params.id, req.body))),
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.post(
      '/api/housing/units/:code/imports',
      {
        config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
        schema: {
          tags: ['housing'],
          summary: `Import a commune's survey list (multipart field "file": .csv or .xlsx, at most ${megabytes(MAX_IMPORT_FILE_BYTES)}) with a row-level report; nothing is written while a row is in error`,
          params: Code,
          querystring: ImportQuery,
          response: { 200: ImportReport },
        },
      },
      async (req) => {
        const { file, table } = await readUploadedTable(req);
        return withActor(db, req.actor, async (tx) => {
          const u = await unitOf(tx, req.params.code);
          return importSurvey(tx, w(req), u, table, req.query.dryRun ?? false);
        });
      },
    );
  });

  app.get(
    '/api/housing/cases/:id/documents/:documentId',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: { tags: ['housing'], summary: 'A photo or document of a housing case, as uploaded', params: CaseDocumentParams },
    },
    async (req, reply) => {
      const d = await withActor(db, req.actor, async (tx) => {
        const c = await store.getCase(tx, req.params.id);
        if (!c) return null;
        assertCanReadCase(req.actor, c.unit_id);
        return store.documentContent(tx, c.id, req.params.documentId);
      });
      if (!d) throw AppError.notFound(text('Không tìm thấy tệp', 'Document not found'));
      return reply
        .type(d.content_type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(d.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(d.content);
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.post(
      '/api/housing/cases/:id/documents',
      {
        config: { access: { permission: 'registry.write', unit: 'record' } },
        schema: {
          tags: ['housing'],
          summary: 'Upload a photo or document of a stage of the case (multipart: "stage" and "file"; PDF, JPEG or PNG by its bytes, at most 5 MB)',
          params: CaseId,
          body: { content: { 'multipart/form-data': { schema: CaseDocumentUploadDoc } } },
          response: { 201: CaseDocumentUploaded },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw notMultipart('file');
        const { file, fields } = await readUpload(req, 'file', MAX_DOCUMENT_BYTES);
        return reply.status(201).send(await withActor(db, req.actor, (tx) => uploadCaseDocument(tx, w(req), req.params.id, fields.stage, file)));
      },
    );
  });
};
