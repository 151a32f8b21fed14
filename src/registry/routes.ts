// HTTP routes of the registry: search and record pages (sensitive fields masked unless the
// actor holds registry.person.read_full and asks; every full read audited), registration and
// changes with a reason, classification with reasons, import (dry run / confirm, report
// download), the annual review job, life-event proposals, integrity queues, indicators, and the
// public list of poor and near-poor households (names and villages only).
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { FeatureRoutes } from '../kernel/http.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { megabytes } from '../kernel/upload.ts';
import { Nullable } from '../kernel/validate.ts';
import {
  Code,
  Id,
  IsoDate,
  Reason,
  PersonBody,
  HouseholdBody,
  PersonView,
  FlagReviewed,
  HouseholdDetail,
  IntegrityQueue,
  IntegrityScan,
  ProposalList,
  EthnicGroupList,
  ImportUpload,
  PersonSearchQuery,
  PersonPage,
  HouseholdQuery,
  NewHouseholdBody,
  HouseholdCreated,
  PersonPatchBody,
  PersonPatched,
  ImportReportQuery,
  ReviewBody,
  JobList,
  ProposalQuery,
  DetectBody,
  Detected,
  IntegrityQuery,
  ScanBody,
  FlagReviewBody,
  RegistryIndicatorsQuery,
  RegistryIndicatorList,
  PublicListQuery,
  PublicPoorList,
} from './schemas.ts';
import { text } from '../kernel/i18n.ts';
import { assertCan, withActor } from '../access/scope.ts';
import { can } from '../access/model.ts';
import { audit, auditRead } from '../audit/store.ts';
import { classifyHousehold, POVERTY_CLASS_TEXT } from '../law/poverty.ts';
import { cite } from '../law/parameters.ts';
import { cancelJob, confirmJob, enqueueJob, getJob, jobsOfUnit, jobWorker, runJob, type Job } from '../jobs/runner.ts';
import { JobView, jobView as view } from '../jobs/schemas.ts';
import { jobInScope } from '../jobs/scoped.ts';
import { ethnicGroups } from './ethnic.ts';
import { validateHousehold, validateMembers, validatePerson, type HouseholdInput, type PersonInput } from './model.ts';
import { flagView, versionView, noStore, presentPerson, proposalView } from './presenters.ts';
import * as store from './store.ts';
import { disclosure, SENSITIVE, wantsFull } from './full-read.ts';
import { householdFacts } from './law.ts';
import { MAX_IMPORT_FILE_BYTES, reportCsv, reportXlsx, type ImportReport } from './import.ts';
import { readUploadedTable } from '../kernel/table.ts';
import { startImport } from './import-job.ts';
import { registerNewHousehold, type NewHousehold } from './register.ts';
import { detectLifeEvents, listProposals } from './events.ts';
import { integrityKinds, listFlags, reviewFlag, scanIntegrity } from './integrity.ts';
import { assertCanReviewFlag, assertCanWriteRegistry } from './policy.ts';
import { registryIndicators } from './indicators.ts';
import { viOrder } from '../db/collation.ts';
import { auditActor } from '../audit/actor.ts';

async function communeOf(tx: Transaction<DB>, code: string): Promise<store.Commune> {
  const c = await store.communeByCode(tx, code);
  if (!c) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code });
  return c;
}

export const registryRoutes: FeatureRoutes = async (app, { db }) => {
  app.get(
    '/api/registry/ethnic-groups',
    {
      config: { access: { public: true, reason: 'the official list of 54 ethnic groups is public reference data' } },
      schema: { tags: ['registry'], summary: 'The 54 ethnic groups with their codes', response: { 200: EthnicGroupList } },
    },
    async () => ({ items: ethnicGroups.map((g) => ({ code: g.code, name: g.name })) }),
  );

  app.get(
    '/api/registry/units/:code/persons',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary:
          'Search persons (accent-insensitive name, household code, or an exact 12-digit personal ID for those who may read IDs in full, audited); sensitive fields masked unless full=true',
        params: Code,
        querystring: PersonSearchQuery,
        response: { 200: PersonPage },
      },
    },
    async (req, reply) =>
      withActor(db, req.actor, async (tx) => {
        const c = await communeOf(tx, req.params.code);
        const q = req.query;
        const mayReadFull = can(req.actor, 'registry.person.read_full', c.id);
        if (q.ethnicCode && !mayReadFull)
          throw AppError.forbidden(text('Lọc theo dân tộc cần quyền xem đầy đủ thông tin nhạy cảm', 'Filtering by ethnicity needs the full-read permission'));
        if (q.full) assertCan(req.actor, 'registry.person.read_full', c.id, { outside: 'forbidden' });
        // A number finds a person by ID only when it is a whole ID and the caller may read IDs in
        // full; otherwise it is never compared with IDs (no prefix oracle on masked IDs).
        const byPersonalId = mayReadFull && /^[0-9]{12}$/.test(q.q?.trim() ?? '');
        const page = q.page ?? 1;
        const r = await store.searchPersons(tx, {
          unitId: c.id,
          villageId: q.villageId,
          q: q.q,
          ethnicCode: q.ethnicCode,
          householdClass: q.class,
          year: q.year,
          byPersonalId,
          page,
          pageSize: 50,
        });
        // Each page that shows or matches on sensitive fields is a full read of the persons on it.
        const fields = new Set<string>(q.full ? SENSITIVE : []);
        if (byPersonalId) fields.add('personal_id');
        if (q.ethnicCode) fields.add('ethnic_code');
        if (fields.size) {
          await auditRead(tx, {
            actor: auditActor(req),
            entity: 'person_search',
            entityId: c.id,
            unitId: c.id,
            fields: SENSITIVE.filter((f) => fields.has(f)),
            personIds: r.items.map((p) => p.id),
            detail: { page, byPersonalId, ethnicCode: q.ethnicCode ?? null },
            ip: req.ip,
          });
          noStore(reply);
        }
        return { items: r.items.map((p) => presentPerson(p, disclosure(q.full === true))), total: r.total, page, pageSize: 50 };
      }),
  );

  app.get(
    '/api/registry/households/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['registry'],
        summary: 'A household: members, poverty facts, classification with reasons (recomputed from the classified version), history',
        params: Id,
        querystring: HouseholdQuery,
        response: { 200: HouseholdDetail },
      },
    },
    async (req, reply) =>
      withActor(db, req.actor, async (tx) => {
        const h = await store.getHousehold(tx, req.params.id);
        if (!h) throw AppError.notFound(text('Không tìm thấy hộ gia đình', 'Household not found'));
        const full = disclosure(
          await wantsFull(
            tx,
            req,
            req.query.full,
            'household',
            h.id,
            h.unit_id,
            h.members.map((m) => m.id),
          ),
        );
        if (full.personalId) noStore(reply);
        const year = req.query.year ?? 2026;
        const c = classifyHousehold(householdFacts(h), year);
        return {
          household: {
            id: h.id,
            code: h.code,
            villageName: h.village_name,
            address: h.address,
            area: h.area,
            incomePerMonth: h.income_per_month,
            deprivations: h.deprivations,
            disadvantagedArea: h.disadvantaged_area,
            merit: h.merit,
            version: h.version,
          },
          members: h.members.map((m) => presentPerson(m, full)),
          classification: {
            year,
            class: c.class,
            label: POVERTY_CLASS_TEXT[c.class],
            reasons: c.reasons.map((r) => ({ text: r.text, basis: r.basis ? cite(r.basis) : null })),
            threshold: c.threshold,
            income: c.income,
            deprivations: [...c.deprivations],
          },
          history: (await store.householdHistory(tx, h.id)).map(versionView),
        };
      }),
  );

  app.post(
    '/api/registry/units/:code/households',
    {
      config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'Register a household with its members (version 1 of each, with the reason)',
        params: Code,
        body: NewHouseholdBody,
        response: { 201: HouseholdCreated },
      },
    },
    async (req, reply) => {
      const today = app.now().toISOString().slice(0, 10);
      const r = await withActor(db, req.actor, (tx) =>
        registerNewHousehold(tx, { actor: req.actor!, ip: req.ip, today }, req.params.code, req.body as NewHousehold),
      );
      return reply.status(201).send(r);
    },
  );

  app.patch(
    '/api/registry/persons/:id',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['registry'],
        summary: 'Change a person: a new dated version with the reason',
        params: Id,
        body: PersonPatchBody,
        response: { 200: PersonPatched },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const p = await store.getPerson(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
        assertCanWriteRegistry(req.actor, p, 'not-found'); // in the person's commune (policy.ts); another commune's person stays unseen
        const merged = {
          personalId: p.personal_id,
          fullName: p.full_name,
          dateOfBirth: p.date_of_birth,
          sex: p.sex,
          ethnicCode: p.ethnic_code,
          relation: p.relation,
          disability: p.disability,
          pension: p.pension,
          socialInsurance: p.social_insurance,
          healthInsurance: p.health_insurance,
          schooling: p.schooling,
          conditions: p.conditions,
          merit: p.merit,
          deathDate: p.death_date,
          ...req.body.changes,
        } as PersonInput;
        const errors = validatePerson(merged, app.now().toISOString().slice(0, 10), '/body/changes');
        if (errors.length) throw AppError.validation(errors);
        const version = await store.updatePerson(tx, p.id, req.body.changes as Partial<PersonInput>, { by: req.actor!.username, reason: req.body.reason });
        await audit(tx, {
          actor: auditActor(req),
          action: 'person.update',
          entity: 'person',
          entityId: p.id,
          unitId: p.unit_id,
          after: { fields: Object.keys(req.body.changes), version, reason: req.body.reason },
          ip: req.ip,
        });
        return { version };
      }),
  );

  const worker = () => jobWorker(db);

  // The import upload takes multipart/form-data (encapsulated: the rest of the API takes JSON).
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.post(
      '/api/registry/units/:code/imports',
      {
        config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
        schema: {
          tags: ['registry'],
          summary: `Upload households and persons (multipart field "file": .csv or .xlsx, at most ${megabytes(MAX_IMPORT_FILE_BYTES)}): an import job checks the rows in chunks and waits for confirmation with a row-level report`,
          params: Code,
          body: { content: { 'multipart/form-data': { schema: ImportUpload } } },
          response: { 202: JobView },
        },
      },
      async (req, reply) => {
        const { file, table } = await readUploadedTable(req);
        const id = await withActor(db, req.actor, async (tx) => {
          const c = await communeOf(tx, req.params.code);
          try {
            return await startImport(tx, c, file, {
              by: req.actor!.username,
              owner: { ...auditActor(req)!, ip: req.ip },
              today: app.now().toISOString().slice(0, 10),
              table,
            });
          } catch (e) {
            if (e instanceof AppError) throw e;
            throw AppError.validation([
              { path: '/body/file', message: text(`Không đọc được tệp: ${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`) },
            ]);
          }
        });
        worker().kick();
        return reply.status(202).send(view((await getJob(db.k, id))!));
      },
    );
  });

  /** An import job the caller may act on: found in scope (404) and writable there (403). */
  async function importJobToWrite(req: FastifyRequest, id: number): Promise<Job> {
    const j = await jobInScope(db, req.actor, id, 'registry_import');
    if (j.unitId !== null) assertCanWriteRegistry(req.actor, { unitId: j.unitId }); // in the import's commune (policy.ts)
    return j;
  }

  app.get(
    '/api/registry/imports/:id/report',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['registry'],
        summary: 'The row-level report of an import job as a file: every row with its result and, when rejected, its reasons (?format=csv|xlsx)',
        params: Id,
        querystring: ImportReportQuery,
      },
    },
    async (req, reply) => {
      const j = await importJobToWrite(req, req.params.id);
      if (!j.result || !['ready', 'done'].includes(j.state))
        throw AppError.conflict(text('Công việc nhập chưa kiểm tra xong các dòng', 'The import has not finished checking its rows'));
      const r = j.result as ImportReport;
      if (req.query.format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="ket-qua-nhap-${j.id}.xlsx"`)
          .send(await reportXlsx(r));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ket-qua-nhap-${j.id}.csv"`).send(reportCsv(r));
    },
  );

  app.post(
    '/api/registry/imports/:id/confirm',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['registry'],
        summary: 'Confirm a checked import: its valid rows are applied in one transaction',
        params: Id,
        response: { 200: JobView },
      },
    },
    async (req) => {
      const j = await importJobToWrite(req, req.params.id);
      if (!(await confirmJob(db.k, j.id, { ...auditActor(req)!, ip: req.ip })))
        throw AppError.conflict(text('Công việc nhập không ở trạng thái chờ xác nhận', 'The import is not waiting for confirmation'));
      // The apply writes the 'registry.import' audit entry as the confirmer, in its own transaction.
      let done = await runJob(db, j.id);
      if (done.state === 'confirmed') {
        // The worker picked it up first: wait for it.
        await worker().idle();
        done = (await getJob(db.k, j.id))!;
      }
      return view(done);
    },
  );

  app.post(
    '/api/registry/imports/:id/cancel',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: { tags: ['registry'], summary: 'Cancel an import that has not been applied: nothing is written', params: Id, response: { 200: JobView } },
    },
    async (req) => {
      const j = await importJobToWrite(req, req.params.id);
      const ok = await withActor(db, req.actor, (tx) => cancelJob(tx, j.id));
      if (!ok) throw AppError.conflict(text('Không hủy được: công việc đã xong hoặc đã hủy', 'Cannot cancel: the job is finished or cancelled'));
      return view((await getJob(db.k, j.id))!);
    },
  );

  app.post(
    '/api/registry/units/:code/review',
    {
      config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'Start the annual poverty review of the commune as a job (chunked, resumable); follow it at /api/jobs/{id}',
        params: Code,
        body: ReviewBody,
        response: { 202: JobView },
      },
    },
    async (req, reply) => {
      const id = await withActor(db, req.actor, async (tx) => {
        const c = await communeOf(tx, req.params.code);
        return enqueueJob(tx, 'annual_review', { year: req.body.year, unitId: c.id }, { unitId: c.id, owner: { ...auditActor(req)!, ip: req.ip } });
      });
      worker().kick();
      return reply.status(202).send(view((await getJob(db.k, id))!));
    },
  );

  app.get(
    '/api/registry/units/:code/jobs',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'The long jobs of a commune, newest first, with their progress (import results without their rows)',
        params: Code,
        response: { 200: JobList },
      },
    },
    async (req) => withActor(db, req.actor, async (tx) => ({ items: (await jobsOfUnit(tx, (await communeOf(tx, req.params.code)).id)).map((j) => view(j)) })),
  );

  app.get(
    '/api/registry/units/:code/proposals',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'Life-event proposals (death, move, turning 75/80, a child turning 4/16)',
        params: Code,
        querystring: ProposalQuery,
        response: { 200: ProposalList },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => ({
        items: (await listProposals(tx, (await communeOf(tx, req.params.code)).id, req.query.state ?? null)).map(proposalView),
      })),
  );

  app.post(
    '/api/registry/units/:code/proposals/detect',
    {
      config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'Detect life events in a date window and file proposals',
        params: Code,
        body: DetectBody,
        response: { 200: Detected },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => ({ created: await detectLifeEvents(tx, (await communeOf(tx, req.params.code)).id, req.body.from, req.body.to) })),
  );

  app.get(
    '/api/registry/units/:code/integrity',
    {
      config: { access: { permission: 'integrity.review', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'Integrity review queues with reasons',
        params: Code,
        querystring: IntegrityQuery,
        response: { 200: IntegrityQueue },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => ({
        kinds: integrityKinds,
        items: (await listFlags(tx, (await communeOf(tx, req.params.code)).id, { kind: req.query.kind, state: req.query.state })).map(flagView),
      })),
  );

  app.post(
    '/api/registry/units/:code/integrity/scan',
    {
      config: { access: { permission: 'integrity.review', unit: { param: 'code' } } },
      schema: { tags: ['registry'], summary: 'Run the integrity checks for the commune', params: Code, body: ScanBody, response: { 200: IntegrityScan } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) =>
        scanIntegrity(tx, [(await communeOf(tx, req.params.code)).id], req.body?.asOf ?? app.now().toISOString().slice(0, 10)),
      ),
  );

  app.post(
    '/api/registry/integrity/:id/review',
    {
      config: { access: { permission: 'integrity.review', unit: 'record' } },
      schema: { tags: ['registry'], summary: 'Confirm or dismiss a flag with a note', params: Id, body: FlagReviewBody, response: { 200: FlagReviewed } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const r = await reviewFlag(tx, req.params.id, req.body.state, req.body.note, req.actor!.username);
        if (!r) throw AppError.notFound(text('Không tìm thấy cảnh báo', 'Flag not found'));
        assertCanReviewFlag(req.actor, r); // in the flag's commune (policy.ts); a refusal rolls the review back
        await audit(tx, {
          actor: auditActor(req),
          action: `integrity.${req.body.state}`,
          entity: 'integrity_flag',
          entityId: r.id,
          unitId: r.unit_id,
          after: req.body,
          ip: req.ip,
        });
        return { id: r.id, unitId: r.unit_id };
      }),
  );

  app.get(
    '/api/registry/units/:code/indicators',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['registry'],
        summary: 'Registry-computed indicators (numerator, denominator) for a year and payment month',
        params: Code,
        querystring: RegistryIndicatorsQuery,
        response: { 200: RegistryIndicatorList },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => ({
        items: await registryIndicators(tx, (await communeOf(tx, req.params.code)).id, req.query.year, req.query.month),
      })),
  );

  app.get(
    '/api/public/units/:code/poor-households',
    {
      config: {
        access: {
          public: true,
          reason: 'communes post the list of poor and near-poor households publicly for comment (annual review procedure); names and villages only',
        },
      },
      schema: {
        tags: ['registry'],
        summary: 'Public list of poor and near-poor households of a commune for a year: head name and village only',
        params: Code,
        querystring: PublicListQuery,
        response: { 200: PublicPoorList },
      },
    },
    async (req) => {
      const c = await store.communeByCode(db.k, req.params.code);
      if (!c) throw AppError.notFound(text('Không tìm thấy xã {code}', 'No commune {code}'), { code: req.params.code });
      const { sql } = await import('kysely');
      const r = await sql<{ head_name: string; village: string | null; class: string }>`select p.full_name as head_name, v.name as village, hc.class
      from household_classifications hc join households h on h.id = hc.household_id join persons p on p.id = h.head_person_id left join units v on v.id = h.village_id
      where hc.unit_id = ${c.id} and hc.year = ${req.query.year} and hc.class in ('poor', 'near_poor') order by ${viOrder('v.name')} nulls last, hc.class, ${viOrder('p.full_name')}`.execute(
        db.k,
      );
      return { commune: c.name, year: req.query.year, items: r.rows.map((x) => ({ headName: x.head_name, village: x.village, class: x.class })) };
    },
  );
};
