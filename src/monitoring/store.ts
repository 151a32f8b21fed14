// Monitoring SQL: reported values, submissions, forms, completeness and the roll-up of approved
// values into monitoring_aggregates (incremental on approval, or a full rebuild by one
// set-based query over units.ancestors). The workflow's writes (save a draft, submit, approve,
// return, reopen) are commands in ./report-commands.ts built from the statements here; the
// rules they apply are pure (./workflow.ts, ./validation.ts).
import { findUnitByCode } from '../units/store.ts';
import type { AuditAction, AuditEntity } from '../audit/actions.ts';
import { sql } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import type { DB } from '../db/schema.ts';
import {
  periodEnd,
  periodStart,
  parsePeriod,
  reportDeadline,
  shiftPeriod,
  derivedValue,
  disaggregationKeys,
  usesRatio,
  TOTAL,
  type IndicatorDef,
  type Aggregation,
  type Direction,
} from './model.ts';
import { validateForm, type FormValue, type Issue, type RegistryCell } from './validation.ts';
import { registryIndicators } from '../registry/indicators.ts';
import { housingIndicators } from '../housing/indicators.ts';
import { satisfactionIndicators } from '../citizens/indicators.ts';
import { isOnTime, completenessRates, type SubmissionStatus, type WorkflowAction } from './workflow.ts';
import { viOrder } from '../db/collation.ts';
import type { Executor as Q } from '../db/executor.ts';
import { now as sqlNow } from '../db/functions.ts';
export type { Q };

/** Appends an audit entry in the caller's transaction (src/access's `audit`, injected). */
export type AuditFn = (
  tx: Q,
  entry: { action: AuditAction; entity: AuditEntity; entityId: string; unitId: number; before?: unknown; after?: unknown },
) => Promise<void>;

export interface UnitRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentId: number | null;
  readonly ancestors: readonly number[];
  readonly validTo: string | null;
}

/** The unit with an official code: the current one, else the latest historical one (units' lookup). */
export async function findUnit(q: Q, code: string): Promise<UnitRef | null> {
  const u = await findUnitByCode(q, code);
  return u ? { id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parent_id, ancestors: u.ancestors, validTo: u.valid_to } : null;
}

export async function requireUnit(q: Q, code: string): Promise<UnitRef> {
  const u = await findUnit(q, code);
  if (!u) throw AppError.notFound({ vi: 'Không có đơn vị hành chính mã {code}', en: 'No administrative unit with code {code}' }, { code });
  return u;
}

export interface IndicatorInfo extends IndicatorDef {
  readonly source: string;
  /** The catalogue's area (poverty, health, ...): the yearly form groups its indicators by it. */
  readonly area: string;
}

/** Catalogue indicators as monitoring reads them; the denominator definition names the population. */
export async function indicatorDefs(q: Q, codes?: readonly string[]): Promise<Map<string, IndicatorInfo>> {
  if (codes && codes.length === 0) return new Map();
  const r = await sql<{
    code: string;
    name_vi: string;
    name_en: string;
    unit: string;
    kind: string;
    direction: Direction;
    aggregation: Aggregation;
    factor: number;
    disaggregations: string[] | null;
    source: string;
    area: string;
    denominator_vi: string | null;
  }>`
    select code, name_vi, name_en, unit, kind, direction, aggregation, factor, disaggregations, source, area, denominator_vi
    from indicators ${codes ? sql`where code = any(${codes as string[]})` : sql``} order by code`.execute(q);
  return new Map(
    r.rows.map((x) => [
      x.code,
      {
        code: x.code,
        name: { vi: x.name_vi, en: x.name_en },
        unit: x.unit,
        kind: x.kind,
        direction: x.direction,
        aggregation: x.aggregation,
        factor: x.factor,
        disaggregations: x.disaggregations ?? [],
        source: x.source,
        area: x.area,
        population: x.denominator_vi ? x.denominator_vi.trim().toLowerCase() : null,
      },
    ]),
  );
}

/** Structural ancestors (parent chain), the unit first. */
async function parentChain(q: Q, unit: UnitRef): Promise<number[]> {
  const r = await sql<{ id: number }>`with recursive c(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unit.id}
      union all select u.id, u.parent_id, c.depth + 1 from units u join c on u.id = c.parent_id where c.depth < 10)
    select id from c order by depth`.execute(q);
  return r.rows.map((x) => x.id);
}

/**
 * The indicators on a unit's form for a period: those targeted by the plans of the unit and of
 * the units above it (survey-only indicators only from the unit's own plans), those a unit
 * above requires, and any the unit has already entered for the period.
 */
export async function formIndicatorCodes(q: Q, unit: UnitRef, period: string): Promise<string[]> {
  const chain = await parentChain(q, unit);
  const r = await sql<{ code: string }>`
    select distinct t.indicator_code as code from plan_targets t join indicators i on i.code = t.indicator_code
      where t.unit_id = any(${chain}) and (t.unit_id = ${unit.id} or i.source <> 'survey')
    union select indicator_code from monitoring_requirements where unit_id = any(${chain})
    union select indicator_code from monitoring_values where unit_id = ${unit.id} and period = ${period}
    order by 1`.execute(q);
  return r.rows.map((x) => x.code);
}

export interface RegistrySource {
  /** The day the registry's figures stand at: the period's end, or today for the current period. */
  readonly asOf: string;
  readonly values: readonly ({ indicatorCode: string } & RegistryCell)[];
}

/**
 * The values the social registry computes for the unit and period (src/registry/indicators.ts),
 * for the catalogue indicators it covers, or null when the unit keeps no registry (no
 * household classified in the period's year and no living registered person). The poverty
 * review is yearly; the payroll figures are those of the period's last month, or of the current
 * month while the period runs. Rates keep numerator and denominator; counts are values.
 */
export async function registrySource(q: Q, unit: UnitRef, period: string, today = new Date()): Promise<RegistrySource | null> {
  const p = parsePeriod(period);
  if (!p) return null;
  const end = periodEnd(period);
  const todayIso = today.toISOString().slice(0, 10);
  if (periodStart(period) > todayIso) return null; // a period not begun: nothing to count yet
  const asOf = end < todayIso ? end : todayIso;
  const month = Number(asOf.slice(0, 4)) * 100 + Number(asOf.slice(5, 7));
  // The housing cases' stage counts (src/housing/indicators.ts) join the registry's figures.
  // The satisfaction survey's index (src/citizens/indicators.ts) too.
  const raw = [
    ...(await registryIndicators(q, unit.id, p.year, month)),
    ...(await housingIndicators(q, unit.id, asOf)),
    ...(await satisfactionIndicators(q, unit.id, asOf)),
  ];
  const households = raw.find((r) => r.code === 'poor_household_rate')?.denominator ?? 0;
  const persons = raw.find((r) => r.code === 'health_insurance_coverage_registry')?.denominator ?? 0;
  if (households === 0 && persons === 0) return null;
  const defs = await indicatorDefs(
    q,
    raw.map((r) => r.code),
  );
  const values: ({ indicatorCode: string } & RegistryCell)[] = [];
  for (const r of raw) {
    const ind = defs.get(r.code);
    if (!ind) continue;
    if (usesRatio(ind)) {
      if (!r.denominator) continue; // nothing to divide by: no figure rather than 0 %
      values.push({ indicatorCode: r.code, numerator: r.numerator, denominator: r.denominator, value: null });
    } else values.push({ indicatorCode: r.code, numerator: null, denominator: null, value: r.numerator });
  }
  return { asOf, values };
}

/** The form's indicators: those of formIndicatorCodes and those the unit's registry computes. */
export async function formCodes(q: Q, unit: UnitRef, period: string, registry: RegistrySource | null): Promise<string[]> {
  const codes = await formIndicatorCodes(q, unit, period);
  return [...new Set([...codes, ...(registry?.values.map((v) => v.indicatorCode) ?? [])])].sort();
}

export const registryMap = (r: RegistrySource | null) => new Map((r?.values ?? []).map((v) => [v.indicatorCode, v]));

/** The reporting deadline: the earliest annual report rule in the plans of the unit and those above; default 01/12. */
export async function deadlineFor(q: Q, unit: UnitRef, period: string): Promise<{ date: string; source: string | null }> {
  const chain = await parentChain(q, unit);
  const r = await sql<{ day: number; month: number; number: string | null }>`
    select a.recurrence_day as day, a.recurrence_month as month, p.number from plan_assignments a join plans p on p.id = a.plan_id
    where p.unit_id = any(${chain}) and a.recurrence = 'annual' and a.recurrence_day is not null and a.recurrence_month is not null`.execute(q);
  let best: { date: string; source: string | null } = { date: reportDeadline(period), source: null };
  if (parsePeriod(period)?.type !== 'yearly') return best;
  for (const x of r.rows) {
    const d = reportDeadline(period, { day: x.day, month: x.month });
    if (best.source === null || d < best.date) best = { date: d, source: x.number };
  }
  return best;
}

export interface SubmissionRow {
  readonly id: number;
  readonly status: SubmissionStatus;
  readonly submittedAt: string | null;
  readonly submittedDate: string | null;
  readonly decidedAt: string | null;
  readonly returnReason: string | null;
  readonly reopenReason: string | null;
}

export async function getSubmission(q: Q, unitId: number, period: string, forUpdate = false): Promise<SubmissionRow | null> {
  const r = await sql<SubmissionRow>`select id, status, submitted_at::text as "submittedAt",
      (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date::text as "submittedDate", decided_at::text as "decidedAt",
      return_reason as "returnReason", reopen_reason as "reopenReason"
    from monitoring_submissions where unit_id = ${unitId} and period = ${period} ${forUpdate ? sql`for update` : sql``}`.execute(q);
  return r.rows[0] ?? null;
}

export interface StoredValue extends FormValue {
  readonly updatedAt?: string;
}

export async function valuesOf(q: Q, unitId: number, period: string): Promise<StoredValue[]> {
  const r =
    await sql<StoredValue>`select indicator_code as "indicatorCode", disaggregation, numerator, denominator, value, comment, updated_at::text as "updatedAt"
    from monitoring_values where unit_id = ${unitId} and period = ${period} order by indicator_code, disaggregation`.execute(q);
  return r.rows;
}

/** The unit's own earlier totals (same period type, the 10 before), derived, per indicator. */
async function historyOf(q: Q, unitId: number, period: string, defs: Map<string, IndicatorDef>): Promise<Map<string, number[]>> {
  const earlier = Array.from({ length: 10 }, (_, i) => shiftPeriod(period, -(i + 1)));
  const rows = await q
    .selectFrom('monitoring_values')
    .select(['indicator_code as code', 'period', 'numerator', 'denominator', 'value'])
    .where('unit_id', '=', unitId)
    .where('period', 'in', earlier)
    .where('disaggregation', '=', '')
    .orderBy('period')
    .execute();
  const out = new Map<string, number[]>();
  for (const x of rows) {
    const d = defs.get(x.code);
    const v = d ? derivedValue(d, x) : null;
    if (v !== null) out.set(x.code, [...(out.get(x.code) ?? []), v]);
  }
  return out;
}

/** Sibling units' totals for the same period (same parent), derived, per indicator. */
async function siblingsOf(q: Q, unit: UnitRef, period: string, defs: Map<string, IndicatorDef>): Promise<Map<string, number[]>> {
  if (unit.parentId === null) return new Map();
  const rows = await q
    .selectFrom('monitoring_values as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['v.indicator_code as code', 'v.numerator', 'v.denominator', 'v.value'])
    .where('u.parent_id', '=', unit.parentId)
    .where('u.id', '<>', unit.id)
    .where('v.period', '=', period)
    .where('v.disaggregation', '=', '')
    .execute();
  const out = new Map<string, number[]>();
  for (const x of rows) {
    const d = defs.get(x.code);
    const v = d ? derivedValue(d, x) : null;
    if (v !== null) out.set(x.code, [...(out.get(x.code) ?? []), v]);
  }
  return out;
}

export interface FormView {
  readonly unit: { code: string; name: string; level: string };
  readonly period: string;
  readonly status: SubmissionStatus | 'missing';
  readonly returnReason: string | null;
  readonly deadline: string;
  readonly deadlineSource: string | null;
  readonly indicators: readonly (IndicatorInfo & { keys: string[] })[];
  readonly values: readonly StoredValue[];
  readonly issues: readonly Issue[];
  /** What the social registry computes for this unit and period, when it keeps one. */
  readonly registry: RegistrySource | null;
}

/** What validating a unit's form for a period reads: indicators, values, history, siblings, registry. */
export async function formContext(q: Q, unit: UnitRef, period: string, registry?: RegistrySource | null) {
  const reg = registry === undefined ? await registrySource(q, unit, period) : registry;
  const codes = await formCodes(q, unit, period, reg);
  const defs = await indicatorDefs(q, codes);
  return {
    registry: reg,
    codes,
    defs,
    values: await valuesOf(q, unit.id, period),
    history: await historyOf(q, unit.id, period, defs),
    siblings: await siblingsOf(q, unit, period, defs),
  };
}

/**
 * The form for a unit and period, with its stored values and their current validation issues.
 * `registry`, when the caller has already computed it for this unit and period, is not read again.
 */
export async function getForm(q: Q, unit: UnitRef, period: string, registry?: RegistrySource | null): Promise<FormView> {
  const c = await formContext(q, unit, period, registry);
  const sub = await getSubmission(q, unit.id, period);
  const deadline = await deadlineFor(q, unit, period);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    period,
    status: sub?.status ?? 'missing',
    returnReason: sub?.status === 'returned' ? sub.returnReason : null,
    deadline: deadline.date,
    deadlineSource: deadline.source,
    indicators: c.codes
      .filter((code) => c.defs.has(code))
      .map((code) => ({ ...c.defs.get(code)!, keys: disaggregationKeys(c.defs.get(code)!.disaggregations) })),
    values: c.values,
    issues: validateForm(c.values, { indicators: c.defs, history: c.history, siblings: c.siblings, registry: registryMap(c.registry) }),
    registry: c.registry,
  };
}

/** The report of a unit and period, created as a draft when missing, locked for the transaction. */
export async function ensureSubmission(q: Q, unitId: number, period: string): Promise<SubmissionRow> {
  await q
    .insertInto('monitoring_submissions')
    .values({ unit_id: unitId, period })
    .onConflict((oc) => oc.columns(['unit_id', 'period']).doNothing())
    .execute();
  return (await getSubmission(q, unitId, period, true))!;
}

/** Deletes one stored value (a cell emptied); the number of rows deleted. */
export async function deleteValue(q: Q, unitId: number, period: string, v: Pick<FormValue, 'indicatorCode' | 'disaggregation'>): Promise<number> {
  const r = await q
    .deleteFrom('monitoring_values')
    .where('unit_id', '=', unitId)
    .where('indicator_code', '=', v.indicatorCode)
    .where('period', '=', period)
    .where('disaggregation', '=', v.disaggregation)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Inserts or replaces one value of a report. */
export async function upsertValue(q: Q, unitId: number, period: string, v: FormValue, actorId: number | null): Promise<void> {
  await q
    .insertInto('monitoring_values')
    .values({
      unit_id: unitId,
      indicator_code: v.indicatorCode,
      period,
      disaggregation: v.disaggregation,
      numerator: v.numerator ?? null,
      denominator: v.denominator ?? null,
      value: v.value ?? null,
      comment: v.comment?.trim() || null,
      updated_by: actorId,
      updated_at: sqlNow(),
    })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'indicator_code', 'period', 'disaggregation']).doUpdateSet((eb) => ({
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        value: eb.ref('excluded.value'),
        comment: eb.ref('excluded.comment'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: sqlNow(),
      })),
    )
    .execute();
}

/** Marks a report as changed now (a draft saved). */
export async function touchSubmission(q: Q, id: number): Promise<void> {
  await q.updateTable('monitoring_submissions').set({ updated_at: sqlNow() }).where('id', '=', id).execute();
}

/** Records a workflow step on a report: its new status, who and when, and the reason kept with it. */
export async function setSubmissionStatus(
  q: Q,
  id: number,
  step: { action: Exclude<WorkflowAction, 'save'>; to: SubmissionStatus; actorId: number | null; reason: string },
): Promise<void> {
  const set =
    step.action === 'submit'
      ? sql`submitted_at = now(), submitted_by = ${step.actorId}, return_reason = null`
      : step.action === 'approve'
        ? sql`decided_at = now(), decided_by = ${step.actorId}`
        : step.action === 'return'
          ? sql`decided_at = now(), decided_by = ${step.actorId}, return_reason = ${step.reason}`
          : sql`reopened_at = now(), reopened_by = ${step.actorId}, reopen_reason = ${step.reason}, decided_at = null, decided_by = null`;
  await sql`update monitoring_submissions set status = ${step.to}, updated_at = now(), ${set} where id = ${id}`.execute(q);
}

/**
 * Runs fn with the session's own role inside a transaction scoped by withActor(): the roll-up
 * reads every approved value beneath the units above and writes their aggregates, which is the
 * system's work, not the actor's (whose scope was checked before), so row-level security would
 * only get in the way (e.g. a pre-reform predecessor outside today's scope).
 */
export async function asSystem<T>(q: Q, fn: () => Promise<T>): Promise<T> {
  const r = await sql<{ app: boolean }>`select current_user = 'ansinh_app' as app`.execute(q);
  if (!r.rows[0]!.app) return fn();
  await sql`reset role`.execute(q);
  try {
    return await fn();
  } finally {
    await sql`set local role ansinh_app`.execute(q);
  }
}

// ---- roll-up ----------------------------------------------------------------------------

const both = sql`n is not null and d is not null`;
const wm = sql`val is not null and d is not null`;
/**
 * Numerator, denominator, value and source count of a group of rows (n, d, val, aggregation,
 * factor), by the indicator's rule: rates Σ n / Σ d × factor (a rate given without its parts
 * keeps its value when no row has them), counts Σ, averages Σ(val × d) / Σ d (the numerator
 * carries Σ(val × d)), levels the value. The roll-up and the country totals both use it.
 */
const combined = sql`
      case aggregation when 'sum_ratio' then sum(n) filter (where ${both}) when 'weighted_mean' then sum(val * d) filter (where ${wm}) when 'none' then max(n) end as numerator,
      case aggregation when 'sum_ratio' then sum(d) filter (where ${both}) when 'weighted_mean' then sum(d) filter (where ${wm}) when 'none' then max(d) end as denominator,
      case aggregation
        when 'sum_ratio' then case when count(*) filter (where ${both}) = 0 then max(val)
                                   else max(factor) * sum(n) filter (where ${both}) / nullif(sum(d) filter (where ${both}), 0) end
        when 'weighted_mean' then sum(val * d) filter (where ${wm}) / nullif(sum(d) filter (where ${wm}), 0)
        when 'sum' then sum(val)
        else max(val) end as value,
      count(*)::int as sources`;

/**
 * The set-based roll-up: every approved value counts toward each unit above its reporting unit
 * in `ancestors` (the units above it and, for a pre-reform unit, its successors and theirs), so
 * series before and after the 2025 mergers add up; a unit that has units beneath it also counts
 * its own values. A partial lineage link carries an even share of the predecessor to each of its
 * partial successors (see lineageShares in model.ts); units above those successors receive the
 * whole. Rates: Σ numerators / Σ denominators × factor; counts: Σ; averages: Σ(value × weight) /
 * Σ weight; levels: only a unit's own value. Reporting units with nothing beneath them get no
 * row: their own approved values are their totals (view monitoring_totals).
 */
function rollupSelect(filter: { ancestors?: readonly number[]; codes?: readonly string[]; period?: string }) {
  const w = [sql`true`];
  const own = [sql`true`];
  if (filter.ancestors) {
    w.push(sql`a.anc = any(${filter.ancestors as number[]})`);
    own.push(sql`v.unit_id = any(${filter.ancestors as number[]})`);
  }
  if (filter.codes) {
    w.push(sql`v.indicator_code = any(${filter.codes as string[]})`);
    own.push(sql`v.indicator_code = any(${filter.codes as string[]})`);
  }
  if (filter.period) {
    w.push(sql`v.period = ${filter.period}`);
    own.push(sql`v.period = ${filter.period}`);
  }
  return sql`
    with shares as (
      select predecessor_id, successor_id, 1.0::float8 / count(*) over (partition by predecessor_id) as share
      from unit_lineage where part = 'partial'
    ), above as (
      select distinct a.anc as id from units u cross join lateral unnest(u.ancestors) as a(anc) where a.anc <> u.id
    ), src as (
      select a.anc as unit_id, v.indicator_code, v.period, v.disaggregation,
        v.numerator::float8 * coalesce(sh.share, 1) as n, v.denominator::float8 * coalesce(sh.share, 1) as d,
        case when i.aggregation = 'sum' then v.value::float8 * coalesce(sh.share, 1) else v.value::float8 end as val,
        i.aggregation, i.factor::float8 as factor
      from monitoring_values v
      join monitoring_submissions s on s.unit_id = v.unit_id and s.period = v.period and s.status = 'approved'
      join indicators i on i.code = v.indicator_code
      join units u on u.id = v.unit_id
      cross join lateral unnest(u.ancestors) as a(anc)
      left join shares sh on sh.predecessor_id = v.unit_id and sh.successor_id = a.anc
      where a.anc <> v.unit_id and i.aggregation <> 'none' and ${sql.join(w, sql` and `)}
      union all
      select v.unit_id, v.indicator_code, v.period, v.disaggregation, v.numerator::float8, v.denominator::float8, v.value::float8,
        i.aggregation, i.factor::float8
      from monitoring_values v
      join above on above.id = v.unit_id
      join monitoring_submissions s on s.unit_id = v.unit_id and s.period = v.period and s.status = 'approved'
      join indicators i on i.code = v.indicator_code
      where ${sql.join(own, sql` and `)}
    )
    select unit_id, indicator_code, period, disaggregation, ${combined}
    from src group by unit_id, indicator_code, period, disaggregation, aggregation`;
}

/** Rebuilds every aggregate (after an import, or to check the incremental path). Returns the row count. */
export async function rebuildAggregates(q: Q): Promise<number> {
  await sql`delete from monitoring_aggregates`.execute(q);
  const r = await sql`insert into monitoring_aggregates (unit_id, indicator_code, period, disaggregation, numerator, denominator, value, sources)
    ${rollupSelect({})}`.execute(q);
  // Fresh statistics, or the planner takes the rebuilt table for empty (seconds instead of ms).
  await sql`analyze monitoring_aggregates`.execute(q);
  await sql`delete from monitoring_country_aggregates`.execute(q);
  await sql`insert into monitoring_country_aggregates (indicator_code, period, disaggregation, numerator, denominator, value, sources)
    ${countrySelect(await currentProvinces(q), {})}`.execute(q);
  await sql`analyze monitoring_country_aggregates`.execute(q);
  return Number(r.numAffectedRows ?? 0);
}

async function currentProvinces(q: Q): Promise<number[]> {
  return (await q.selectFrom('units').select('id').where('level', '=', 'province').where('valid_to', 'is', null).orderBy('id').execute()).map((x) => x.id);
}

/**
 * The country's totals from the current provinces' totals (monitoring_totals), combined by the
 * roll-up's rule (`combined`); levels have no country total.
 * An id list rather than a join, so that the planner pushes it into both branches of the view.
 */
function countrySelect(provinces: readonly number[], filter: { codes?: readonly string[]; period?: string }) {
  const w = [sql`t.unit_id = any(${provinces as number[]})`, sql`i.aggregation <> 'none'`];
  if (filter.codes) w.push(sql`t.indicator_code = any(${filter.codes as string[]})`);
  if (filter.period) w.push(sql`t.period = ${filter.period}`);
  return sql`
    select indicator_code, period, disaggregation, ${combined}
    from (select t.indicator_code, t.period, t.disaggregation, t.numerator::float8 as n, t.denominator::float8 as d, t.value::float8 as val,
            i.aggregation, i.factor::float8 as factor
          from monitoring_totals t join indicators i on i.code = t.indicator_code
          where ${sql.join(w, sql` and `)}) src
    group by indicator_code, period, disaggregation, aggregation`;
}

/**
 * The incremental path, run in the approval transaction: only the aggregates of the approved
 * unit's ancestors, only its indicators and period, recomputed from the approved values beneath
 * each of them (the same query as the full rebuild, restricted), so both paths agree by construction.
 */
export async function refreshAggregatesForUnit(q: Q, unitId: number, period: string): Promise<void> {
  const u = await q.selectFrom('units').select('ancestors').where('id', '=', unitId).executeTakeFirst();
  const ancestors = u?.ancestors ?? [unitId];
  const codes = (
    await q.selectFrom('monitoring_values').select('indicator_code').distinct().where('unit_id', '=', unitId).where('period', '=', period).execute()
  ).map((x) => x.indicator_code);
  if (codes.length === 0) return;
  await sql`delete from monitoring_aggregates where unit_id = any(${ancestors}) and indicator_code = any(${codes}) and period = ${period}`.execute(q);
  await sql`insert into monitoring_aggregates (unit_id, indicator_code, period, disaggregation, numerator, denominator, value, sources)
    ${rollupSelect({ ancestors, codes, period })}`.execute(q);
  // The country's rows of the same indicators and period, from the provinces just refreshed.
  await sql`delete from monitoring_country_aggregates where indicator_code = any(${codes}) and period = ${period}`.execute(q);
  await sql`insert into monitoring_country_aggregates (indicator_code, period, disaggregation, numerator, denominator, value, sources)
    ${countrySelect(await currentProvinces(q), { codes, period })}`.execute(q);
}

// ---- completeness -------------------------------------------------------------------------

export interface ReportRow {
  readonly code: string;
  readonly name: string;
  readonly status: SubmissionStatus | 'missing';
  readonly submittedAt: string | null;
  readonly onTime: boolean | null;
  readonly returnReason: string | null;
}

export interface Completeness {
  readonly period: string;
  readonly deadline: string;
  readonly expected: number;
  readonly received: number;
  readonly onTime: number;
  readonly completeness: number | null;
  readonly timeliness: number | null;
  readonly reports: readonly ReportRow[];
}

/**
 * Completeness and timeliness of the communes' reports at and below a unit for a period, in
 * DHIS2 terms: expected = reporting units (communes valid at the period's end) under the unit;
 * received = submitted or approved; on time = submitted before the deadline day.
 */
export async function completeness(q: Q, unit: UnitRef, period: string): Promise<Completeness> {
  const end = periodEnd(period);
  const deadline = await deadlineFor(q, unit, period);
  const r = await sql<{
    code: string;
    name: string;
    status: SubmissionStatus | null;
    submittedAt: string | null;
    submittedDate: string | null;
    returnReason: string | null;
  }>`
    select u.code, u.name, s.status, s.submitted_at::text as "submittedAt",
      (s.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date::text as "submittedDate", s.return_reason as "returnReason"
    from units u left join monitoring_submissions s on s.unit_id = u.id and s.period = ${period}
    where u.level = 'commune' and ${unit.id} = any(u.ancestors)
      and (u.valid_from is null or u.valid_from <= ${end}::date) and (u.valid_to is null or u.valid_to >= ${end}::date)
    order by ${viOrder('u.name')}`.execute(q);
  const reports: ReportRow[] = r.rows.map((x) => {
    const received = x.status === 'submitted' || x.status === 'approved';
    return {
      code: x.code,
      name: x.name,
      status: x.status ?? 'missing',
      submittedAt: x.submittedAt,
      onTime: received && x.submittedDate ? isOnTime(x.submittedDate, deadline.date) : null,
      returnReason: x.status === 'returned' ? x.returnReason : null,
    };
  });
  const received = reports.filter((x) => x.status === 'submitted' || x.status === 'approved').length;
  const onTime = reports.filter((x) => x.onTime === true).length;
  return { period, deadline: deadline.date, expected: reports.length, received, onTime, ...completenessRates(reports.length, received, onTime), reports };
}

/** Yearly aggregated totals of one unit (periods like '2025'), oldest first, per indicator. */
export async function yearlySeries(
  q: Q,
  unitId: number,
  codes: readonly string[],
  toYear: number,
): Promise<Map<string, { year: number; value: number; numerator: number | null; denominator: number | null }[]>> {
  const out = new Map<string, { year: number; value: number; numerator: number | null; denominator: number | null }[]>();
  if (codes.length === 0) return out;
  const r = await sql<{ code: string; period: string; value: number | null; numerator: number | null; denominator: number | null }>`
    select indicator_code as code, period, value, numerator, denominator from monitoring_totals
    where unit_id = ${unitId} and indicator_code = any(${codes as string[]}) and disaggregation = '' and length(period) = 4 and period <= ${String(toYear)}
    order by period`.execute(q);
  for (const x of r.rows) {
    if (x.value === null) continue;
    out.set(x.code, [...(out.get(x.code) ?? []), { year: Number(x.period), value: x.value, numerator: x.numerator, denominator: x.denominator }]);
  }
  return out;
}

export { usesRatio, TOTAL };
