// SQL of enrolment and payments: benefit decisions (recorded by the command in ./decisions.ts,
// with the category, coefficient and amount the law engine gives at the start month, rules in
// ./decision-rules.ts), the monthly payroll of a commune (current month + arrears, never after
// the month of death; the amounts are due.ts's), line statuses and reconciliation, cashless
// share. The payroll as a long job is ./payroll-job.ts.
import { sql } from 'kysely';
import { now as sqlNow } from '../db/functions.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { PovertyClass } from '../law/poverty.ts';
import type { PersonFactsRow } from '../registry/law.ts';
import { type PaymentChannel } from '../registry/model.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';
import { reconcile, type LineStatus, type PayrollLine, type PayrollProgramme, type StatementRow } from './model.ts';
import { inTransaction, readDue, stageDue, unknownMonths, writeDue } from './due.ts';
import { arr } from '../db/arrays.ts';
import { viOrder } from '../db/collation.ts';
import type { Executor as Q } from '../db/executor.ts';

export interface PersonCtx extends PersonFactsRow {
  household_id: number;
  unit_id: number;
  province_code: string;
  disadvantaged_area: boolean;
}

/** What the law engine needs of a person: their facts, their household's members and its classes by year. */
export async function personContext(q: Q, personId: number): Promise<{ p: PersonCtx; members: PersonFactsRow[]; classes: Map<number, PovertyClass> } | null> {
  const r =
    await sql<PersonCtx>`select p.id, p.full_name, p.date_of_birth, p.death_date, p.relation, p.disability, p.disability_certified_on, p.pension, p.schooling,
      p.conditions, p.household_id, p.unit_id, p.province_code, h.disadvantaged_area
    from persons p join households h on h.id = p.household_id where p.id = ${personId}`.execute(q);
  const p = r.rows[0];
  if (!p) return null;
  const m =
    await sql<PersonFactsRow>`select id, full_name, date_of_birth, death_date, relation, disability, disability_certified_on, pension, schooling, conditions
    from persons where household_id = ${p.household_id}`.execute(q);
  const c = await q.selectFrom('household_classifications').select(['year', 'class']).where('household_id', '=', p.household_id).execute();
  return { p, members: m.rows, classes: new Map(c.map((x) => [x.year, x.class as PovertyClass])) };
}

/** The person's active decision (latest by start month and id, not a stop) the caller can see, or null. */
export async function activeDecision(q: Q, personId: number): Promise<{ id: number; unit_id: number; province_code: string } | null> {
  const r = await sql<{
    id: number;
    unit_id: number;
    province_code: string;
    kind: string;
  }>`select id, unit_id, province_code, kind from ansinh_latest_decision(${personId})`.execute(q);
  const d = r.rows[0];
  return d && d.kind !== 'stop' ? d : null;
}

export async function personExists(q: Q, personId: number): Promise<boolean> {
  return (await q.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
}

/**
 * The person's move into this commune that still matters for a decision from `startMonth`: the
 * old commune still pays (old_active) or pays past the start month (stopped_from), else null.
 */
export async function pendingMoveIn(
  q: Q,
  personId: number,
  unitId: number,
  startMonth: MonthNumber,
): Promise<{ from_unit_name: string; old_active: boolean; stopped_from: number | null } | null> {
  const old = await sql<{
    from_unit_name: string;
    old_active: boolean;
    stopped_from: number | null;
  }>`select from_unit_name, old_active, stopped_from from ansinh_moved_beneficiaries(${unitId})
      where person_id = ${personId} and to_unit_id = ${unitId} and (old_active or stopped_from > ${startMonth})`.execute(q);
  return old.rows[0] ?? null;
}

export async function decisionNumberTaken(q: Q, unitId: number, number: string): Promise<boolean> {
  return (await q.selectFrom('benefit_decisions').select('id').where('unit_id', '=', unitId).where('number', '=', number).executeTakeFirst()) !== undefined;
}

/** Inserts a benefit decision as decided (the command in ./decisions.ts checks it first). */
export async function insertDecision(
  q: Q,
  d: {
    provinceCode: string;
    unitId: number;
    personId: number;
    number: string;
    decidedOn: string;
    signer: string;
    kind: string;
    category: string | null;
    coefficientTenths: number | null;
    monthlyAmount: number | null;
    basis: string;
    startMonth: MonthNumber;
    channel: PaymentChannel | null;
    account: string | null;
  },
  by: string | null,
): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into benefit_decisions (province_code, unit_id, person_id, number, decided_on, signer, kind, category, coefficient_tenths, monthly_amount, basis, start_month, channel, account, created_by)
    values (${d.provinceCode}, ${d.unitId}, ${d.personId}, ${d.number}, ${d.decidedOn}::date, ${d.signer}, ${d.kind}, ${d.category}, ${d.coefficientTenths}, ${d.monthlyAmount}, ${d.basis}, ${d.startMonth},
      ${d.channel}, ${d.account}, ${by}) returning id`.execute(q);
  return r.rows[0]!.id;
}

export async function decisionsOf(q: Q, personId: number) {
  const r = await sql<{
    id: number;
    number: string;
    decided_on: string;
    signer: string;
    kind: string;
    category: string | null;
    coefficient_tenths: number | null;
    monthly_amount: number | null;
    basis: string;
    start_month: number;
    channel: string | null;
  }>`
    select id, number, decided_on, signer, kind, category, coefficient_tenths, monthly_amount, basis, start_month, channel from benefit_decisions where person_id = ${personId} order by start_month, id`.execute(
    q,
  );
  return r.rows;
}

// ---- payroll ---------------------------------------------------------------------------

export interface PayrollSummary {
  readonly payrollId: number;
  readonly month: MonthNumber;
  readonly lines: number;
  readonly total: number;
  readonly arrears: number;
  readonly unknown: { personId: number; months: MonthNumber[] }[];
}

/**
 * Computes the lines of a commune's payroll for `month` for persons with id > `after` (at most
 * `limit`; the job version walks the commune in chunks). Reads only (temporary tables aside):
 * the bulk path of due.ts, returned as values.
 */
export async function computePayrollLines(
  q: Q,
  unitId: number | readonly number[],
  month: MonthNumber,
  after = 0,
  limit = 10_000_000,
): Promise<{ lines: (PayrollLine & { unitId: number })[]; last: number; count: number }> {
  return inTransaction(q, async (tx) => {
    const s = await stageDue(tx, { unitIds: typeof unitId === 'number' ? [unitId] : unitId, month, after, limit });
    const lines = await readDue(tx, month);
    return { lines, last: s.last ?? after, count: s.count };
  });
}

const approvedError = (month: MonthNumber) =>
  AppError.conflict(text('Danh sách chi trả tháng {month} đã được duyệt, không lập lại được', 'The payroll of {month} is approved and cannot be regenerated'), {
    month: monthNumber.formatVi(month),
  });

/** Refuses (409) when the month's payroll of one of these communes is approved already. */
export async function assertDraftable(q: Q, unitIds: readonly number[], month: MonthNumber, programme: PayrollProgramme = 'assistance'): Promise<void> {
  const approved = await sql<{
    n: number;
  }>`select count(*)::int as n from payrolls where unit_id = any(${arr(unitIds)}::int[]) and month = ${month} and programme = ${programme} and state <> 'draft'`.execute(
    q,
  );
  if (approved.rows[0]!.n > 0) throw approvedError(month);
}

/**
 * Empties (or creates) the draft payrolls of these communes for the month; refuses when one is
 * approved. Returns the payroll ids by commune.
 */
export async function draftPayrolls(
  q: Q,
  unitIds: readonly number[],
  month: MonthNumber,
  by: string | null,
  programme: PayrollProgramme = 'assistance',
): Promise<Map<number, number>> {
  const units = arr(unitIds);
  await assertDraftable(q, unitIds, month, programme);
  await sql`delete from payroll_lines where payroll_id in (select id from payrolls where unit_id = any(${units}::int[]) and month = ${month} and programme = ${programme})`.execute(
    q,
  );
  const added = await sql`insert into payrolls (province_code, unit_id, month, created_by, programme)
    select (select p.code from units p where p.id = any(u.ancestors) and p.level = 'province' order by p.valid_to is null desc limit 1), u.id, ${month}, ${by}, ${programme}
    from units u where u.id = any(${units}::int[]) and not exists (select 1 from payrolls x where x.unit_id = u.id and x.month = ${month} and x.programme = ${programme})`.execute(
    q,
  );
  // Many new payrolls (a province's first month): count them now, so that the statements that
  // join them next (the months owed, the reference checks of the lines) are planned for their
  // real size, not for a table the statistics still think empty. Only the owner may; under the
  // application role it is skipped.
  if (Number(added.numAffectedRows ?? 0) >= 50) {
    await sql`do $$ begin if pg_has_role(current_user, (select relowner from pg_class where oid = 'payrolls'::regclass), 'USAGE') then analyze payrolls; end if; end $$`.execute(
      q,
    );
  }
  const r = await sql<{
    id: number;
    unit_id: number;
  }>`select id, unit_id from payrolls where unit_id = any(${units}::int[]) and month = ${month} and programme = ${programme}`.execute(q);
  return new Map(r.rows.map((x) => [x.unit_id, x.id]));
}

/** Recounts the lines and total of the month's payrolls of these communes. */
export async function refreshTotals(q: Q, unitIds: readonly number[], month: MonthNumber, programme: PayrollProgramme = 'assistance'): Promise<void> {
  await sql`update payrolls pr set lines = coalesce(t.n, 0), total = coalesce(t.s, 0)
    from (select x.id, count(l.person_id)::int as n, sum(l.total)::bigint as s
          from payrolls x left join payroll_lines l on l.payroll_id = x.id
          where x.unit_id = any(${arr(unitIds)}::int[]) and x.month = ${month} and x.programme = ${programme} group by x.id) t
    where pr.id = t.id`.execute(q);
}

/** Generates (or regenerates, while a draft) the payroll of a commune for a month. */
export async function generatePayroll(q: Q, unitId: number, month: MonthNumber, by: string | null): Promise<PayrollSummary> {
  return inTransaction(q, async (tx) => {
    const payrollId = (await draftPayrolls(tx, [unitId], month, by)).get(unitId)!;
    await stageDue(tx, { unitIds: [unitId], month });
    await writeDue(tx, month);
    await refreshTotals(tx, [unitId], month);
    const t = await sql<{
      n: number;
      total: number;
      arrears: number;
    }>`select count(*)::int as n, coalesce(sum(total), 0)::bigint as total, coalesce(sum(arrears), 0)::bigint as arrears
      from payroll_lines where payroll_id = ${payrollId}`.execute(tx);
    const unknown = await unknownMonths(tx);
    return { payrollId, month, lines: t.rows[0]!.n, total: Number(t.rows[0]!.total), arrears: Number(t.rows[0]!.arrears), unknown };
  });
}

/** The payrolls of many communes for a month, in one pass (district, province, benchmark). */
export async function generatePayrolls(q: Q, unitIds: readonly number[], month: MonthNumber, by: string | null): Promise<{ lines: number; total: number }> {
  return inTransaction(q, async (tx) => {
    const ids = await draftPayrolls(tx, unitIds, month, by);
    await stageDue(tx, { unitIds, month });
    await writeDue(tx, month);
    await refreshTotals(tx, unitIds, month);
    const t = await sql<{
      n: number;
      total: number;
    }>`select count(*)::int as n, coalesce(sum(total), 0)::bigint as total from payroll_lines where payroll_id = any(${arr([...ids.values()])}::int[])`.execute(
      tx,
    );
    return { lines: t.rows[0]!.n, total: Number(t.rows[0]!.total) };
  });
}

/**
 * Writes staged lines into the payrolls of many communes (the job's apply; drafts are rewritten):
 * each line into the payroll of the commune that pays it (the commune of the decision covering
 * its months, see readDue).
 */
export async function writePayrolls(
  q: Q,
  unitIds: readonly number[],
  month: MonthNumber,
  lines: readonly (PayrollLine & { unitId: number })[],
  by: string | null,
): Promise<{ lines: number; total: number }> {
  await draftPayrolls(q, unitIds, month, by);
  const payable = lines.filter((l) => l.total > 0);
  for (let i = 0; i < payable.length; i += 20_000) {
    const part = payable.slice(i, i + 20_000);
    // each item carries its line's position in the part (1-based, as WITH ORDINALITY numbers the lines)
    const items = part.flatMap((l, n) => l.items.map((it) => ({ n: n + 1, ...it })));
    await sql`with it as (
        select i.n, array_agg(row(i.m, i.a, i.c, i.k)::payroll_item order by i.m) as items
        from unnest(${items.map((x) => x.n)}::int[], ${items.map((x) => x.month)}::int[], ${items.map((x) => x.amount)}::int[], ${items.map((x) => x.category)}::text[],
          ${items.map((x) => x.coefficientTenths)}::int[]) as i(n, m, a, c, k) group by i.n)
      insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total, items)
      select pr.id, x.person_id, pr.province_code, x.unit_id, x.decision_id, x.channel, x.account, x.cur, x.arr, x.tot, coalesce(it.items, '{}')
      from unnest(${part.map((l) => l.unitId)}::int[], ${part.map((l) => l.personId)}::int[], ${part.map((l) => l.decisionId)}::int[], ${part.map((l) => l.channel)}::text[],
        ${part.map((l) => l.account)}::text[], ${part.map((l) => l.current)}::int[], ${part.map((l) => l.arrears)}::int[], ${part.map((l) => l.total)}::int[])
        with ordinality as x(unit_id, person_id, decision_id, channel, account, cur, arr, tot, n)
      join payrolls pr on pr.unit_id = x.unit_id and pr.month = ${month} and pr.programme = 'assistance'
      left join it on it.n = x.n`.execute(q);
  }
  await refreshTotals(q, unitIds, month);
  return { lines: payable.length, total: payable.reduce((s2, l) => s2 + l.total, 0) };
}

export interface PayrollLineRow {
  person_id: number;
  full_name: string;
  personal_id: string | null;
  village_name: string | null;
  household_code: string | null;
  channel: PaymentChannel;
  account: string | null;
  current_amount: number;
  arrears: number;
  total: number;
  status: LineStatus;
  category: string | null;
}

export async function getPayroll(q: Q, id: number) {
  const r = await sql<{
    id: number;
    unit_id: number;
    month: number;
    state: string;
    lines: number;
    total: number;
    unit_name: string;
    approved_by: string | null;
    programme: PayrollProgramme;
  }>`
    select p.id, p.unit_id, p.month, p.state, p.lines, p.total, u.name as unit_name, p.approved_by, p.programme from payrolls p join units u on u.id = p.unit_id where p.id = ${id}`.execute(
    q,
  );
  return r.rows[0] ?? null;
}

/**
 * A payroll's lines with the payee's name, village and household. A payee who has since moved
 * to a commune outside the caller's scope keeps a line with the name only (read through
 * ansinh_moved_beneficiaries, migration 067): the commune that paid does not read their record.
 */
export async function payrollLines(q: Q, id: number): Promise<PayrollLineRow[]> {
  const r =
    await sql<PayrollLineRow>`select l.person_id, coalesce(p.full_name, m.full_name) as full_name, p.personal_id, v.name as village_name, h.code as household_code, l.channel, l.account,
      l.current_amount, l.arrears, l.total, l.status,
      (select string_agg(distinct i.category, '+') from unnest(l.items) i) as category
    from payroll_lines l left join persons p on p.id = l.person_id left join households h on h.id = p.household_id left join units v on v.id = h.village_id
      left join ansinh_moved_beneficiaries((select unit_id from payrolls where id = ${id})) m on m.person_id = l.person_id and p.id is null
    where l.payroll_id = ${id} order by ${viOrder('v.name')} nulls last, h.code nulls last, ansinh_vi_key(coalesce(p.full_name, m.full_name)) collate "C"`.execute(
      q,
    );
  return r.rows;
}

export async function payrollsOf(q: Q, unitId: number) {
  const r = await sql<{
    id: number;
    month: number;
    state: string;
    lines: number;
    total: number;
    cashless: number;
    programme: PayrollProgramme;
  }>`select p.id, p.month, p.state, p.lines, p.total, p.programme,
      (select count(*) from payroll_lines l where l.payroll_id = p.id and l.channel in ('bank', 'ewallet'))::int as cashless
    from payrolls p where p.unit_id = ${unitId} order by p.month desc, p.programme`.execute(q);
  return r.rows;
}

export async function approvePayroll(q: Q, id: number, by: string | null): Promise<void> {
  const r = await q
    .updateTable('payrolls')
    .set({ state: 'approved', approved_at: sqlNow(), approved_by: by })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw AppError.conflict(text('Danh sách không ở trạng thái nháp', 'The payroll is not a draft'));
}

/** Applies a bank or post-office statement: exact matches change status; the rest is reported. */
export async function applyStatement(q: Q, payrollId: number, rows: readonly StatementRow[]) {
  const lines = await q.selectFrom('payroll_lines').select(['person_id', 'total', 'status']).where('payroll_id', '=', payrollId).execute();
  const res = reconcile(
    payrollId,
    lines.map((l) => ({ personId: l.person_id, total: l.total, status: l.status as LineStatus })),
    rows,
  );
  for (const u of res.updates) {
    await q
      .updateTable('payroll_lines')
      .set({ status: u.status, reconciled_at: sqlNow() })
      .where('payroll_id', '=', payrollId)
      .where('person_id', '=', u.personId)
      .execute();
  }
  return res;
}

/** Cashless share of a unit's payments in a month (or every month): counts of lines. */
export async function cashlessShareOf(q: Q, unitIds: readonly number[], month?: MonthNumber) {
  const r = await sql<{
    numerator: number;
    denominator: number;
  }>`select count(*) filter (where l.channel in ('bank', 'ewallet'))::int as numerator, count(*)::int as denominator
    from payroll_lines l join payrolls p on p.id = l.payroll_id where l.unit_id = any(${arr(unitIds)}::int[]) and (${month ?? null}::int is null or p.month = ${month ?? null})`.execute(
    q,
  );
  return r.rows[0]!;
}
