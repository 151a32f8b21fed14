// Plans over HTTP: list and read plans, save a reviewed plan (with its corrections), the
// cascade check against the parent, which units have issued their implementing plan, the
// drafted child plan as .docx, and assignment status per period (overdue list).
import {
  AssignmentList,
  AssignmentParams,
  AssignmentStatusBody,
  AssignmentsQuery,
  CascadeQuery,
  CascadeView,
  CoverageView,
  DraftQuery,
  Id,
  NoContent,
  PlanCreated,
  PlanDetail,
  presentPlanParts,
  PlanIn,
  PlanList,
  PlanReimported,
  UnitQuery,
} from './schemas.ts';
import { reimportPlan } from './reimport.ts';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { withActor, audit } from '../access/index.ts';
import { assertCanEditPlan, canEditPlan } from './policy.ts';
import {
  assignmentsOf,
  coverageOf,
  getPlanRow,
  insertPlan,
  insertTarget,
  latestValues,
  lockPlan,
  planParts,
  plansAround,
  recordCorrection,
  setAssignmentStatus,
} from './store.ts';
import { compareCascade, type Comparator, type Direction } from './cascade.ts';
import { draftChildPlan } from './draft.ts';
import { planToDocx } from './docx.ts';
import { deadlineIn, effectiveStatus, type PlanInput, type TaskStatus } from './model.ts';
import { indicatorByCode } from '../indicators/catalogue.ts';
import { planExtractRoutes } from './extract-route.ts';
import { viOrder } from '../db/collation.ts';

/** The unit of a `{ query: 'unit' }` route: an administrator's unknown code is a 404 too. */
function locatedUnit<U>(u: U | null): U {
  if (!u) throw AppError.notFound(text('Không tìm thấy đơn vị', 'Unit not found'));
  return u;
}

/** Every target of a saved or re-imported plan names an indicator of the catalogue (400 with each path). */
function assertKnownIndicators(targets: readonly { indicatorCode: string }[]): void {
  const unknown = targets.map((t, i) => ({ t, i })).filter(({ t }) => !indicatorByCode(t.indicatorCode));
  if (unknown.length)
    throw AppError.validation(
      unknown.map(({ t, i }) => ({
        path: `/body/targets/${i}/indicatorCode`,
        message: text(`Không có chỉ tiêu mã "${t.indicatorCode}" trong danh mục`, `No indicator "${t.indicatorCode}" in the catalogue`),
      })),
    );
}

export const planRoutes: FeatureRoutes = async (app, ctx) => {
  const { db } = ctx;
  await planExtractRoutes(app, ctx);
  app.get(
    '/api/plans',
    {
      config: { access: { permission: 'plans.read', unit: { query: 'unit' } } },
      schema: {
        tags: ['plans'],
        summary: 'Plans of a unit and the units under it, and the plans above it',
        querystring: UnitQuery,
        response: { 200: PlanList },
      },
    },
    async (req) => {
      const unit = locatedUnit(req.accessUnit);
      return withActor(db, req.actor, async (tx) => {
        const rows = await plansAround(tx, unit.id);
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            number: r.number,
            title: r.title,
            issuedOn: r.issued_on,
            unit: { code: r.unit_code, name: r.unit_name },
            status: r.status,
            targets: r.targets,
            relation: r.relation,
          })),
        };
      });
    },
  );

  app.get(
    '/api/plans/:id',
    {
      config: { access: { permission: 'plans.read', unit: 'record' } },
      schema: { tags: ['plans'], summary: 'A plan with its sections, targets, tasks, assignments and recipients', params: Id, response: { 200: PlanDetail } },
    },
    async (req) => {
      return withActor(db, req.actor, async (tx) => {
        const p = await getPlanRow(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy kế hoạch', 'Plan not found'));
        const parts = await planParts(tx, p.id);
        const unit = await tx.selectFrom('units').select(['code', 'name']).where('id', '=', p.unit_id).executeTakeFirstOrThrow();
        // The review record names each indicator in the reader's language.
        const named = (v: unknown) => {
          if (!v || typeof v !== 'object') return v ?? null;
          const code = (v as { indicatorCode?: string }).indicatorCode;
          return { ...(v as object), indicatorName: (code && indicatorByCode(code)?.name[req.locale]) ?? code ?? null };
        };
        return { ...planOut(p), unit, ...presentPlanParts(parts, named), canEdit: canEditPlan(req.actor, p) };
      });
    },
  );

  app.post(
    '/api/plans',
    {
      config: { access: { permission: 'plans.write', unit: { body: 'unitCode' } } },
      schema: {
        tags: ['plans'],
        summary: 'Save a reviewed plan (targets confirmed, corrected or added; every correction is kept)',
        body: PlanIn,
        response: { 201: PlanCreated },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const unit = locatedUnit(req.accessUnit);
      assertKnownIndicators(b.targets);
      const id = await withActor(db, req.actor, async (tx) => {
        const picked = b.implements.map((l, i) => ({ l, i })).filter(({ l }) => l.planId);
        const seen = picked.length
          ? new Set(
              (
                await tx
                  .selectFrom('plans')
                  .select('id')
                  .where(
                    'id',
                    'in',
                    picked.map(({ l }) => l.planId!),
                  )
                  .execute()
              ).map((r) => r.id),
            )
          : new Set<number>();
        const bad = picked.filter(({ l }) => !seen.has(l.planId!));
        if (bad.length)
          throw AppError.validation(
            bad.map(({ i }) => ({ path: `/body/implements/${i}/planId`, message: text('Không tìm thấy kế hoạch cấp trên này', 'No such parent plan') })),
          );
        const input: PlanInput = { ...b, targets: [] };
        const planId = await insertPlan(tx, input, {
          unitId: unit.id,
          sourceText: b.sourceText,
          sourceFile: b.sourceFile,
          createdBy: req.actor!.userId,
          status: 'confirmed',
        });
        for (const t of b.targets) {
          const origin = t.review === 'added' || t.review === 'corrected' ? t.review : 'extracted';
          const tid = await insertTarget(tx, planId, unit.id, t, origin, true);
          if (origin !== 'extracted') {
            await recordCorrection(tx, {
              planId,
              targetId: tid,
              action: t.review === 'added' ? 'add' : 'correct',
              before: t.extracted ?? null,
              after: t,
              by: req.actor!.userId,
            });
          }
        }
        for (const r of b.removedTargets ?? [])
          await recordCorrection(tx, { planId, targetId: null, action: 'remove', before: r, after: null, by: req.actor!.userId });
        await audit(tx, {
          actor: req.actor,
          action: 'plan.create',
          entity: 'plan',
          entityId: planId,
          unitId: unit.id,
          after: { number: b.number, title: b.title, targets: b.targets.length },
          ip: req.ip,
        });
        return planId;
      });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/plans/:id/versions',
    {
      config: { access: { permission: 'plans.write', unit: 'record' } },
      schema: {
        tags: ['plans'],
        summary:
          'Re-import: apply the same document read again and reviewed (body as POST /api/plans) to the saved plan as its next version; unchanged targets keep their review history and hand corrections',
        params: Id,
        body: PlanIn,
        response: { 200: PlanReimported },
      },
    },
    async (req) => {
      const b = req.body;
      assertKnownIndicators(b.targets);
      return withActor(db, req.actor, async (tx) => {
        const p = await lockPlan(tx, req.params.id); // read once, locked; reimportPlan takes it
        if (!p) throw AppError.notFound(text('Không tìm thấy kế hoạch', 'Plan not found'));
        if (p.unit_code !== b.unitCode)
          throw AppError.validation([
            {
              path: '/body/unitCode',
              message: text('Văn bản nhập lại phải thuộc đơn vị của kế hoạch đã lưu', "The document imported again must be for the saved plan's unit"),
            },
          ]);
        return reimportPlan(tx, { plan: p, input: b, sourceText: b.sourceText, sourceFile: b.sourceFile, actor: req.actor, ip: req.ip });
      });
    },
  );

  app.get(
    '/api/plans/:id/cascade',
    {
      config: { access: { permission: 'plans.read', unit: 'record' } },
      schema: {
        tags: ['plans'],
        summary: 'The plan beside its parent: weaker, missing, year and comparator flags',
        params: Id,
        querystring: CascadeQuery,
        response: { 200: CascadeView },
      },
    },
    async (req) => {
      return withActor(db, req.actor, async (tx) => {
        const p = await getPlanRow(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy kế hoạch', 'Plan not found'));
        const parentId =
          req.query.parent ??
          (await tx.selectFrom('plan_links').select('parent_plan_id').where('plan_id', '=', p.id).where('parent_plan_id', 'is not', null).executeTakeFirst())
            ?.parent_plan_id;
        if (!parentId)
          throw AppError.notFound(
            text('Kế hoạch này chưa được liên kết với văn bản cấp trên trong hệ thống', 'This plan is not linked to a parent plan in ansinh'),
          );
        const parent = await getPlanRow(tx, parentId);
        if (!parent) throw AppError.notFound(text('Không tìm thấy kế hoạch cấp trên', 'Parent plan not found'));
        const load = (id: number) =>
          tx.selectFrom('plan_targets').select(['id', 'indicator_code', 'comparator', 'value', 'year', 'source_text']).where('plan_id', '=', id).execute();
        const [pt, ct] = await Promise.all([load(parent.id), load(p.id)]);
        const conv = (r: Awaited<ReturnType<typeof load>>[number]) => ({
          id: r.id,
          indicatorCode: r.indicator_code,
          comparator: r.comparator as Comparator,
          value: Number(r.value),
          year: r.year,
          sourceText: r.source_text ?? undefined,
        });
        const rows = compareCascade(pt.map(conv), ct.map(conv), (c) => (indicatorByCode(c)?.direction ?? 'higher_better') as Direction);
        const loc = req.locale;
        return {
          plan: planOut(p),
          parent: planOut(parent),
          rows: rows.map((r) => ({
            indicatorCode: r.indicatorCode,
            indicatorName: indicatorByCode(r.indicatorCode)?.name[loc] ?? r.indicatorCode,
            parent: r.parent,
            child: r.child,
            flags: [...r.flags],
            notes: r.notes.map((n) => n[loc]),
          })),
          summary: {
            weaker: rows.filter((r) => r.flags.includes('weaker')).length,
            missing: rows.filter((r) => r.flags.includes('missing')).length,
            yearMismatch: rows.filter((r) => r.flags.includes('year_mismatch')).length,
            comparatorChanged: rows.filter((r) => r.flags.includes('comparator_changed')).length,
          },
        };
      });
    },
  );

  app.get(
    '/api/plans/:id/coverage',
    {
      config: { access: { permission: 'plans.read', unit: 'record' } },
      schema: { tags: ['plans'], summary: 'Which units under the plan have issued their implementing plan', params: Id, response: { 200: CoverageView } },
    },
    async (req) => {
      return withActor(db, req.actor, async (tx) => {
        const p = await getPlanRow(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy kế hoạch', 'Plan not found'));
        const rows = await coverageOf(tx, p);
        const items = rows.map((x) => ({ unit: { code: x.code, name: x.name }, planId: x.plan_id, number: x.number, issued: x.plan_id !== null }));
        return { total: items.length, issued: items.filter((i) => i.issued).length, items };
      });
    },
  );

  app.get(
    '/api/plans/:id/draft.docx',
    {
      config: { access: { permission: 'plans.write', unit: { query: 'unit' } } },
      schema: {
        tags: ['plans'],
        summary: 'Draft the implementing plan of a unit from this plan, as a Word file (Decree 30/2020 format)',
        params: Id,
        querystring: DraftQuery,
      },
    },
    async (req, reply) => {
      const unit = locatedUnit(req.accessUnit);
      const buf = await withActor(db, req.actor, async (tx) => {
        const p = await getPlanRow(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy kế hoạch', 'Plan not found'));
        const targets = await tx
          .selectFrom('plan_targets')
          .select(['indicator_code', 'comparator', 'value', 'unit', 'year'])
          .where('plan_id', '=', p.id)
          .orderBy('source_offset')
          .orderBy('id')
          .execute();
        const u = await tx.selectFrom('units').select(['name', 'parent_id', 'level']).where('id', '=', unit.id).executeTakeFirstOrThrow();
        const [parentTasks, parentAssignments] = await Promise.all([
          tx.selectFrom('plan_tasks').select(['numbering', 'title']).where('plan_id', '=', p.id).orderBy('ord').execute(),
          tx.selectFrom('plan_assignments').select(['agency', 'role', 'what']).where('plan_id', '=', p.id).orderBy('ord').execute(),
        ]);
        const parentUnit = u.parent_id ? await tx.selectFrom('units').select('name').where('id', '=', u.parent_id).executeTakeFirst() : undefined;
        const latest = await latestValues(tx, unit.id);
        const d = draftChildPlan({
          parent: { kind: p.kind as 'plan', number: p.number, issuedOn: p.issued_on, issuer: p.issuer, title: p.title },
          parentTargets: targets.map((t) => ({
            indicatorCode: t.indicator_code,
            indicatorName: indicatorByCode(t.indicator_code)?.name.vi ?? t.indicator_code,
            comparator: t.comparator as Comparator,
            value: Number(t.value),
            unit: t.unit,
            year: t.year,
          })),
          unit: {
            name: u.name,
            parentName: parentUnit?.name ?? null,
            ...(u.level === 'village' ? {} : { level: u.level as 'province' | 'district' | 'commune' }),
          },
          parentTasks,
          parentAssignments,
          latest,
          issuedOn: req.query.date ?? new Date().toISOString().slice(0, 10),
          place: u.name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)\s+/, ''),
        });
        return planToDocx(d);
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="du-thao-ke-hoach-${unit.code}.docx"`)
        .send(buf);
    },
  );

  app.put(
    '/api/plans/:id/assignments/:assignmentId/status',
    {
      config: { access: { permission: 'plans.write', unit: 'record' } },
      schema: {
        tags: ['plans'],
        summary: 'Set the status of an assignment for a reporting period',
        params: AssignmentParams,
        body: AssignmentStatusBody,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await withActor(db, req.actor, async (tx) => {
        const p = await getPlanRow(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy kế hoạch', 'Plan not found'));
        assertCanEditPlan(req.actor, p); // the issuing unit or above (policy.ts)
        const a = await tx
          .selectFrom('plan_assignments')
          .select(['id'])
          .where('id', '=', req.params.assignmentId)
          .where('plan_id', '=', p.id)
          .executeTakeFirst();
        if (!a) throw AppError.notFound(text('Không tìm thấy nhiệm vụ được giao', 'Assignment not found'));
        await setAssignmentStatus(tx, a.id, req.body.period, req.body.status, req.body.note ?? null, req.actor!.userId);
        await audit(tx, {
          actor: req.actor,
          action: 'plan.assignment.status',
          entity: 'plan_assignment',
          entityId: a.id,
          unitId: p.unit_id,
          after: req.body,
          ip: req.ip,
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/plans/assignments',
    {
      config: { access: { permission: 'plans.read', unit: { query: 'unit' } } },
      schema: {
        tags: ['plans'],
        summary: 'Assignments of the plans of a unit with their status and deadline in a year (overdue first)',
        querystring: AssignmentsQuery,
        response: { 200: AssignmentList },
      },
    },
    async (req) => {
      const unit = locatedUnit(req.accessUnit);
      const today = req.query.today ?? new Date().toISOString().slice(0, 10);
      return withActor(db, req.actor, async (tx) => {
        const items = await assignmentsOf(tx, unit.id, req.query.year, today);
        return { year: req.query.year, overdue: items.filter((i) => i.status === 'overdue').length, items };
      });
    },
  );
};

function planOut(p: NonNullable<Awaited<ReturnType<typeof getPlanRow>>>) {
  return {
    id: p.id,
    kind: p.kind,
    number: p.number,
    issuer: p.issuer,
    place: p.place,
    issuedOn: p.issued_on,
    issuedOnText: p.issued_on_text,
    title: p.title,
    signer: p.signer,
    signerTitle: p.signer_title,
    status: p.status,
    sourceFile: p.source_file,
    version: p.version,
  };
}
