// SQL for plans: save a plan with everything it contains in one transaction, read plans,
// record review corrections, and set assignment status per period.
import { sql, type Kysely, type Transaction } from 'kysely';
import { now as sqlNow } from '../db/functions.ts';
import type { DB } from '../db/schema.ts';
import {
  deadlineIn,
  effectiveStatus,
  type CORRECTION_ACTIONS,
  type PlanInput,
  type PlanStatus,
  type TARGET_ORIGINS,
  type TargetInput,
  type TaskStatus,
} from './model.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { Executor as Q } from '../db/executor.ts';
import { viOrder } from '../db/collation.ts';
import { indicatorByCode } from '../indicators/catalogue.ts';

export interface SavePlanOptions {
  readonly unitId: number;
  readonly sourceText: string | null;
  readonly sourceFile: string | null;
  readonly createdBy: number | null;
  readonly status: PlanStatus;
}

/**
 * The unit's plan that is the same document (same number, issuer and date), if one is saved: a
 * document is saved once, or its targets would count twice in the dashboard and the report.
 */
export async function samePlan(
  tx: Q,
  unitId: number,
  p: Pick<PlanInput, 'number' | 'issuer' | 'issuedOn'>,
): Promise<{ id: number; number: string; title: string; version: number } | null> {
  if (!p.number) return null;
  const row = await tx
    .selectFrom('plans')
    .select(['id', 'number', 'title', 'version'])
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`lower(number) = lower(${p.number})`)
    .where(sql<boolean>`coalesce(lower(issuer), '') = coalesce(lower(${p.issuer ?? null}::text), '')`)
    .where(sql<boolean>`issued_on is not distinct from ${p.issuedOn ?? null}::date`)
    .orderBy('id')
    .executeTakeFirst();
  return row ? { id: row.id, number: row.number!, title: row.title, version: row.version } : null;
}

/** Saves a plan and its parts; the caller provides the transaction. Returns the new plan id. A plan already saved for the unit (samePlan) is refused with 409. */
export async function insertPlan(tx: Q, p: PlanInput, o: SavePlanOptions): Promise<number> {
  const same = await samePlan(tx, o.unitId, p);
  if (same) {
    throw AppError.conflict(
      text(
        'Kế hoạch số {number} của đơn vị đã có trong An sinh (kế hoạch #{id}); mỗi văn bản chỉ lưu một lần',
        'Plan {number} is already saved for this unit (plan #{id}); a document is saved once',
      ),
      { number: same.number, id: same.id },
    );
  }
  const { id } = await tx
    .insertInto('plans')
    .values({
      unit_id: o.unitId,
      kind: p.kind,
      number: p.number,
      issuer: p.issuer,
      place: p.place,
      issued_on: p.issuedOn,
      issued_on_text: p.issuedOnText,
      title: p.title,
      signer: p.signer,
      signer_title: p.signerTitle,
      status: o.status,
      source_text: o.sourceText,
      source_file: o.sourceFile,
      created_by: o.createdBy,
      ...(o.status === 'confirmed' ? { confirmed_by: o.createdBy, confirmed_at: new Date() } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Link to parents already in ansinh by document number.
  for (const l of dedupe(p.implements, (x) => x.reference)) {
    // A parent picked by id must be a plan the actor can see (row-level security); else by number.
    const parent = l.planId
      ? await tx.selectFrom('plans').select('id').where('id', '=', l.planId).executeTakeFirst()
      : l.number
        ? await tx.selectFrom('plans').select('id').where('number', '=', l.number).where('id', '<>', id).orderBy('id', 'desc').executeTakeFirst()
        : undefined;
    await tx
      .insertInto('plan_links')
      .values({ plan_id: id, parent_plan_id: parent?.id ?? null, parent_reference: l.reference, parent_number: l.number })
      .execute();
  }
  await insertSections(tx, id, p.sections);
  for (const t of p.targets) await insertTarget(tx, id, o.unitId, t, 'extracted', o.status === 'confirmed');
  await insertTasks(tx, id, p.tasks);
  if (p.assignments.length)
    await tx
      .insertInto('plan_assignments')
      .values(
        p.assignments.map((a, i) => ({
          plan_id: id,
          ord: i,
          agency: a.agency,
          role: a.role,
          what: a.what,
          due_date: a.dueDate,
          recurrence: a.recurrence?.kind ?? null,
          recurrence_day: a.recurrence?.day ?? null,
          recurrence_month: a.recurrence?.month ?? null,
          source_text: a.sourceText,
        })),
      )
      .execute();
  if (p.recipients.length)
    await tx
      .insertInto('plan_recipients')
      .values(p.recipients.map((r, i) => ({ plan_id: id, ord: i, name: r })))
      .execute();
  // Children that cited this plan's number before it was imported now get linked to it.
  if (p.number)
    await tx
      .updateTable('plan_links')
      .set({ parent_plan_id: id })
      .where('parent_number', '=', p.number)
      .where('parent_plan_id', 'is', null)
      .where('plan_id', '<>', id)
      .execute();
  return id;
}

function dedupe<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

export async function insertTarget(
  tx: Q,
  planId: number,
  unitId: number,
  t: TargetInput,
  origin: (typeof TARGET_ORIGINS)[number],
  confirmed: boolean,
): Promise<number> {
  const r = await tx
    .insertInto('plan_targets')
    .values({
      plan_id: planId,
      unit_id: unitId,
      indicator_code: t.indicatorCode,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      year: t.year,
      baseline_year: t.baselineYear ?? null,
      baseline_value: t.baselineValue ?? null,
      source_text: t.sourceText,
      source_offset: t.sourceOffset ?? null,
      unit_group: t.group ?? null,
      origin,
      confirmed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function getPlanRow(q: Q, id: number) {
  return q.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function planParts(q: Q, id: number) {
  const [sections, targets, tasks, assignments, recipients, links, corrections] = await Promise.all([
    q.selectFrom('plan_sections').selectAll().where('plan_id', '=', id).orderBy('ord').execute(),
    q
      .selectFrom('plan_targets as t')
      .leftJoin('indicators as i', 'i.code', 't.indicator_code')
      .select([
        't.id',
        't.indicator_code',
        't.comparator',
        't.value',
        't.unit',
        't.year',
        't.baseline_year',
        't.baseline_value',
        't.source_text',
        't.source_offset',
        't.unit_group',
        't.parent_target_id',
        't.origin',
        't.confirmed',
        'i.name_vi',
        'i.name_en',
        'i.direction',
      ])
      .where('t.plan_id', '=', id)
      .orderBy('t.source_offset')
      .orderBy('t.id')
      .execute(),
    q.selectFrom('plan_tasks').selectAll().where('plan_id', '=', id).orderBy('ord').execute(),
    q.selectFrom('plan_assignments').selectAll().where('plan_id', '=', id).orderBy('ord').execute(),
    q.selectFrom('plan_recipients').select(['name']).where('plan_id', '=', id).orderBy('ord').execute(),
    q
      .selectFrom('plan_links as l')
      .leftJoin('plans as p', 'p.id', 'l.parent_plan_id')
      .select(['l.parent_reference', 'l.parent_number', 'l.parent_plan_id', 'p.title as parent_title'])
      .where('l.plan_id', '=', id)
      .orderBy('l.id')
      .execute(),
    // The review record: what the officer corrected, added or removed, by whom and when.
    q
      .selectFrom('plan_target_corrections as c')
      .leftJoin('users as u', 'u.id', 'c.corrected_by')
      .select(['c.id', 'c.target_id', 'c.action', 'c.before', 'c.after', 'c.corrected_at', 'u.username', 'u.display_name'])
      .where('c.plan_id', '=', id)
      .orderBy('c.id')
      .execute(),
  ]);
  return { sections, targets, tasks, assignments, recipients, links, corrections };
}

/** A plan's sections in document order (saving a plan, and a re-import that replaces them). */
export async function insertSections(tx: Q, planId: number, sections: PlanInput['sections']): Promise<void> {
  if (sections.length)
    await tx
      .insertInto('plan_sections')
      .values(
        sections.map((s, i) => ({
          plan_id: planId,
          ord: i,
          numbering: s.numbering,
          title: s.title,
          level: s.level,
          start_offset: s.start ?? null,
          end_offset: s.end ?? null,
        })),
      )
      .execute();
}

/** A plan's tasks in document order (saving a plan, and a re-import that replaces them). */
export async function insertTasks(tx: Q, planId: number, tasks: PlanInput['tasks']): Promise<void> {
  if (tasks.length)
    await tx
      .insertInto('plan_tasks')
      .values(tasks.map((t, i) => ({ plan_id: planId, ord: i, numbering: t.numbering, title: t.title, body: t.body })))
      .execute();
}

export async function recordCorrection(
  tx: Q,
  c: { planId: number; targetId: number | null; action: (typeof CORRECTION_ACTIONS)[number]; before: unknown; after: unknown; by: number | null },
) {
  await tx
    .insertInto('plan_target_corrections')
    .values({
      plan_id: c.planId,
      target_id: c.targetId,
      action: c.action,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after),
      corrected_by: c.by,
    })
    .execute();
}

export async function setAssignmentStatus(tx: Q, assignmentId: number, period: string, status: TaskStatus, note: string | null, by: number | null) {
  await tx
    .insertInto('assignment_status')
    .values({ assignment_id: assignmentId, period, status, note, updated_by: by })
    .onConflict((oc) =>
      oc.columns(['assignment_id', 'period']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        note: eb.ref('excluded.note'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: sqlNow(),
      })),
    )
    .execute();
}

export interface AssignmentInYear {
  readonly id: number;
  readonly planId: number;
  readonly planNumber: string | null;
  readonly agency: string;
  readonly role: string;
  readonly what: string;
  /** yyyy-mm-dd, or null when the assignment has no deadline in the year. */
  readonly deadline: string | null;
  readonly status: TaskStatus;
  readonly note: string | null;
}

/** The assignments of a unit's plans with their status and deadline in a year, overdue first. */
export async function assignmentsOf(q: Q, unitId: number, year: number, today: string): Promise<AssignmentInYear[]> {
  const r = await sql<{
    id: number;
    plan_id: number;
    plan_number: string | null;
    agency: string;
    role: string;
    what: string;
    due_date: string | null;
    recurrence: string | null;
    recurrence_day: number | null;
    recurrence_month: number | null;
    status: string | null;
    note: string | null;
  }>`
    select a.id, a.plan_id, p.number as plan_number, a.agency, a.role, a.what, a.due_date, a.recurrence, a.recurrence_day, a.recurrence_month, s.status, s.note
    from plan_assignments a join plans p on p.id = a.plan_id
    left join assignment_status s on s.assignment_id = a.id and s.period = ${String(year)}
    where p.unit_id = ${unitId} order by p.id, a.ord`.execute(q);
  const items = r.rows.map((a): AssignmentInYear => {
    const deadline = deadlineIn(
      {
        dueDate: a.due_date,
        recurrence:
          a.recurrence === 'annual' && a.recurrence_day && a.recurrence_month ? { kind: 'annual', day: a.recurrence_day, month: a.recurrence_month } : null,
      },
      year,
    );
    return {
      id: a.id,
      planId: a.plan_id,
      planNumber: a.plan_number,
      agency: a.agency,
      role: a.role,
      what: a.what,
      deadline,
      status: effectiveStatus(a.status as TaskStatus | null, deadline, today),
      note: a.note,
    };
  });
  items.sort((x, y) => Number(y.status === 'overdue') - Number(x.status === 'overdue'));
  return items;
}

/** A plan locked for a change, with its unit's code: the one read of a re-import (reimport.ts). */
export async function lockPlan(q: Q, id: number) {
  return q
    .selectFrom('plans as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.unit_id', 'p.version', 'p.source_file', 'u.code as unit_code'])
    .where('p.id', '=', id)
    .forUpdate('p')
    .executeTakeFirst();
}

/** The plans of a unit and the units under it ('own', 'below'), and the plans above it ('above'). */
export async function plansAround(q: Q, unitId: number) {
  const unit = { id: unitId };
  const r = await sql<{
    id: number;
    kind: string;
    number: string | null;
    title: string;
    issued_on: string | null;
    unit_code: string;
    unit_name: string;
    status: string;
    targets: number;
    relation: string;
  }>`
          select * from (
            select p.id, p.kind, p.number, p.title, p.issued_on, u.code as unit_code, u.name as unit_name, p.status,
              (select count(*)::int from plan_targets t where t.plan_id = p.id) as targets,
              case when p.unit_id = ${unit.id} then 'own' when u.ancestors @> array[${unit.id}::int] then 'below' else 'above' end as relation
            from plans p join units u on u.id = p.unit_id
            where u.ancestors @> array[${unit.id}::int]
               or p.unit_id = any((select ancestors from units where id = ${unit.id})::int[])) x
          order by relation = 'above' desc, issued_on nulls last, id`.execute(q);
  return r.rows;
}

/** The units directly under a plan's unit (communes, districts) and the plan each issued to implement it. */
export async function coverageOf(q: Q, p: { id: number; unit_id: number }) {
  const r = await sql<{ code: string; name: string; plan_id: number | null; number: string | null }>`
          select u.code, u.name, c.id as plan_id, c.number
          from units u
          left join lateral (select cp.id, cp.number from plans cp join plan_links l on l.plan_id = cp.id
                             where cp.unit_id = u.id and l.parent_plan_id = ${p.id} order by cp.id limit 1) c on true
          where u.parent_id = ${p.unit_id} and u.valid_to is null and u.level in ('commune', 'district')
          order by (c.id is null) desc, ${viOrder('u.name')}`.execute(q);
  return r.rows;
}

/**
 * The unit's latest reported value per indicator (monitoring_totals: approved, rolled up), for
 * a draft plan. Still a read of monitoring's view: plans may not import monitoring (monitoring
 * imports plans' targets), so the reach stays here, named, until a shared read module exists.
 */
export async function latestValues(q: Q, unitId: number): Promise<Map<string, { value: number; period: string }>> {
  const m = new Map<string, { value: number; period: string }>();
  const r = await sql<{ indicator_code: string; period: string; value: number | null; numerator: number | null; denominator: number | null }>`
    select distinct on (indicator_code) indicator_code, period, value, numerator, denominator
    from monitoring_totals where unit_id = ${unitId} and disaggregation = '' and period ~ '^[0-9]{4}$'
    order by indicator_code, period desc`.execute(q);
  for (const x of r.rows) {
    const ind = indicatorByCode(x.indicator_code);
    const v = x.value ?? (x.numerator != null && x.denominator ? (x.numerator / x.denominator) * (ind?.factor ?? 100) : null);
    if (v != null) m.set(x.indicator_code, { value: Math.round(v * 10) / 10, period: x.period });
  }
  return m;
}
