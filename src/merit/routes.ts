// HTTP routes of merit profiles: thin, each a schema (src/merit/schemas.ts), the policy and a
// command or a scoped read. A person's profiles come with the month's allowance and its reasons
// (src/law/merit.ts); health facts and the amounts that would tell them are masked unless the
// reader holds registry.person.read_full and asks (full=true, audited).
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { withActor } from '../access/scope.ts';
import { audit, auditRead } from '../audit/store.ts';
import { meritMonth } from '../law/merit.ts';
import { toMeritFacts } from '../law/evaluate.ts';
import { noStore } from '../registry/presenters.ts';
import { megabytes } from '../kernel/upload.ts';
import { MAX_IMPORT_FILE_BYTES, readUploadedTable } from '../kernel/table.ts';
import { communeByCode } from '../registry/store.ts';
import { importMeritProfiles } from './import.ts';
import { changeMeritProfile, createMeritProfile, recordConvalescence } from './commands.ts';
import { meritList, meritListCsv, meritListXlsx } from './lists.ts';
import { assertCanReadProfile, assertCanReadProfileFull, assertCanWriteProfile } from './policy.ts';
import {
  ConvalescenceBody,
  ConvalescenceRecorded,
  ListExportQuery,
  ListParams,
  ListQuery,
  MeritListView,
  HEALTH_FACTS,
  ImportQuery,
  MeritImportReport,
  UnitCode,
  MeritProfileDetail,
  MeritProfileList,
  NewProfileBody,
  PersonId,
  ProfileCreated,
  ProfileId,
  ProfilePatchBody,
  ProfilePatched,
  ProfileQuery,
  presentProfile,
  presentProfileList,
  presentProfileVersion,
} from './schemas.ts';
import * as store from './store.ts';

import { auditActor as who } from '../audit/actor.ts';
const SENSITIVE_FACTS = [...HEALTH_FACTS, 'allowance'];

/** The month's allowance of every profile of one person (the person's death month ends them). */
function allowancesOf(rows: readonly store.MeritProfileRow[], person: store.PersonRef, month: string) {
  return meritMonth(
    rows.map((r) =>
      toMeritFacts({ id: String(r.id), category: r.category, facts: r.facts, startMonth: r.start_month, endMonth: r.end_month }, person.death_date),
    ),
    month,
  );
}

async function full(
  tx: Transaction<DB>,
  req: FastifyRequest,
  asked: boolean | undefined,
  entity: 'merit_profile' | 'person',
  id: number,
  unitId: number,
  personId: number,
): Promise<boolean> {
  if (!asked) return false;
  assertCanReadProfileFull(req.actor, unitId);
  await auditRead(tx, {
    actor: who(req),
    entity,
    entityId: id,
    unitId,
    fields: entity === 'person' ? ['merit_profiles', ...SENSITIVE_FACTS] : SENSITIVE_FACTS,
    personIds: [personId],
    ip: req.ip,
  });
  return true;
}

export const meritRoutes: FeatureRoutes = async (app, { db }) => {
  const today = () => app.now().toISOString().slice(0, 10);

  app.get(
    '/api/merit/persons/:id/profiles',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['merit'],
        summary: "A registry person's merit profiles with the month's allowance and its reasons (full=true for health facts, audited)",
        params: PersonId,
        querystring: ProfileQuery,
        response: { 200: MeritProfileList },
      },
    },
    async (req, reply) =>
      withActor(db, req.actor, async (tx) => {
        const person = await store.personRef(tx, req.params.id);
        if (!person) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
        assertCanReadProfile(req.actor, person.unit_id);
        const f = await full(tx, req, req.query.full, 'person', person.id, person.unit_id, person.id);
        if (f) noStore(reply);
        const rows = await store.profilesOfPerson(tx, person.id);
        return presentProfileList(rows, allowancesOf(rows, person, req.query.month ?? today().slice(0, 7)), f);
      }),
  );

  app.get(
    '/api/merit/profiles/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['merit'],
        summary: "A merit profile with its history and the month's allowance (full=true for health facts, audited)",
        params: ProfileId,
        querystring: ProfileQuery,
        response: { 200: MeritProfileDetail },
      },
    },
    async (req, reply) =>
      withActor(db, req.actor, async (tx) => {
        const p = await store.getProfile(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy hồ sơ người có công', 'Merit profile not found'));
        assertCanReadProfile(req.actor, p.unit_id);
        const f = await full(tx, req, req.query.full, 'merit_profile', p.id, p.unit_id, p.person_id);
        if (f) noStore(reply);
        const person = (await store.personRef(tx, p.person_id))!;
        const month = allowancesOf([p], person, req.query.month ?? today().slice(0, 7));
        return {
          profile: presentProfile(p, month.allowances[0] ?? null, f),
          history: (await store.profileHistory(tx, p.id)).map((v) => presentProfileVersion(v, f)),
        };
      }),
  );

  app.post(
    '/api/merit/profiles',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['merit'],
        summary: 'Record a merit profile of a registry person: category, facts, recognition decision, start month (version 1, with the reason)',
        body: NewProfileBody,
        response: { 201: ProfileCreated },
      },
    },
    async (req, reply) => {
      // The permission first (403 without it); the commune is checked on the person, in the command.
      assertCanWriteProfile(req.actor, null);
      const r = await withActor(db, req.actor, (tx) => createMeritProfile(tx, { actor: req.actor!, ip: req.ip, today: today() }, req.body));
      return reply.status(201).send(r);
    },
  );

  app.patch(
    '/api/merit/profiles/:id',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['merit'],
        summary: 'Change a merit profile: a new dated version with the reason',
        params: ProfileId,
        body: ProfilePatchBody,
        response: { 200: ProfilePatched },
      },
    },
    async (req) => withActor(db, req.actor, (tx) => changeMeritProfile(tx, { actor: req.actor!, ip: req.ip, today: today() }, req.params.id, req.body)),
  );

  /** The commune in the actor's scope (404 outside it). */
  const communeInScope = async (tx: Transaction<DB>, req: FastifyRequest, code: string) => {
    const u = await communeByCode(tx, code);
    if (!u) throw AppError.notFound(text('Không tìm thấy xã', 'Commune not found'));
    assertCanReadProfile(req.actor, u.id);
    return u;
  };

  app.get(
    '/api/merit/units/:code/lists/:list',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['merit'],
        summary:
          "A commune's yearly list: convalescence due this year, the Tết gift of the President's decision, or state-paid health insurance, each person with the reasons",
        params: ListParams,
        querystring: ListQuery,
        response: { 200: MeritListView },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const u = await communeInScope(tx, req, req.params.code);
        return meritList(tx, u.id, req.params.list, req.query.year ?? Number(today().slice(0, 4)), today());
      }),
  );

  app.get(
    '/api/merit/units/:code/lists/:list/export',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['merit'],
        summary: 'The yearly list as XLSX (default) or CSV, for the signature list (names: audited as an export)',
        params: ListParams,
        querystring: ListExportQuery,
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? Number(today().slice(0, 4));
      const { r, u } = await withActor(db, req.actor, async (tx) => {
        const u = await communeInScope(tx, req, req.params.code);
        const r = await meritList(tx, u.id, req.params.list, year, today());
        await audit(tx, {
          actor: who(req),
          action: 'merit_list.export',
          entity: 'merit_list',
          entityId: req.params.list,
          unitId: u.id,
          ip: req.ip,
          after: { list: req.params.list, year, format: req.query.format ?? 'xlsx', personIds: r.rows.map((x) => x.personId) },
        });
        return { r, u };
      });
      noStore(reply);
      const name = `nguoi-co-cong-${req.params.list}-${year}-${u.code}`;
      if (req.query.format === 'csv')
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(meritListCsv(r));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await meritListXlsx(r, u.name));
    },
  );

  app.post(
    '/api/merit/units/:code/convalescences',
    {
      config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
      schema: {
        tags: ['merit'],
        summary: 'Record that a person received convalescence in a year (at home or at a centre); the list then counts the next one from it',
        params: UnitCode,
        body: ConvalescenceBody,
        response: { 200: ConvalescenceRecorded },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const u = await communeByCode(tx, req.params.code);
        if (!u) throw AppError.notFound(text('Không tìm thấy xã', 'Commune not found'));
        return recordConvalescence(tx, { actor: req.actor!, ip: req.ip, today: today() }, u.id, req.body);
      }),
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.post(
      '/api/merit/units/:code/imports',
      {
        config: { access: { permission: 'registry.write', unit: { param: 'code' } } },
        schema: {
          tags: ['merit'],
          summary: `Import a commune's merit profiles (multipart field "file": .csv or .xlsx, at most ${megabytes(MAX_IMPORT_FILE_BYTES)}) with a row-level report; all or nothing, the same file again changes nothing`,
          params: UnitCode,
          querystring: ImportQuery,
          response: { 200: MeritImportReport },
        },
      },
      async (req) => {
        const { file, table } = await readUploadedTable(req);
        return withActor(db, req.actor, async (tx) => {
          const u = await communeByCode(tx, req.params.code);
          if (!u) throw AppError.notFound(text('Không tìm thấy xã', 'Commune not found'));
          return importMeritProfiles(
            tx,
            { actor: req.actor!, by: req.actor!.username, ip: req.ip, today: today() },
            u,
            table,
            file.name,
            req.query.dryRun ?? false,
          );
        });
      },
    );
  });
};
