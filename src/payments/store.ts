// SQL of enrolment and payments: benefit decisions (with the category, coefficient and amount
// the law engine gives at the start month), the monthly payroll of a commune (current month +
// arrears, never after the month of death), line statuses and reconciliation, cashless share.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { entitlementInMonth, type Entitlement } from '../law/assistance.ts';
import type { PovertyClass } from '../law/poverty.ts';
import { householdContext, personFacts, toLawMonth, type PersonFactsRow } from '../registry/law.ts';
import { formatMonthVi, type Month, type PaymentChannel } from '../registry/model.ts';
import { jobHandlers } from '../jobs/runner.ts';
import { buildLine, enrolledMonths, reconcile, type DecisionEvent, type LineStatus, type MonthAmount, type PayrollLine, type StatementRow } from './model.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface DecisionInput {
  readonly personId: number;
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly kind: 'start' | 'change' | 'stop';
  readonly startMonth: Month;
  readonly channel?: PaymentChannel | null;
  readonly account?: string | null;
}

interface PersonCtx extends PersonFactsRow {
  household_id: number;
  unit_id: number;
  province_code: string;
  disadvantaged_area: boolean;
}

async function personContext(q: Q, personId: number): Promise<{ p: PersonCtx; members: PersonFactsRow[]; classes: Map<number, PovertyClass> } | null> {
  const r = await sql<PersonCtx>`select p.id, p.full_name, p.date_of_birth, p.death_date, p.relation, p.disability, p.disability_certified_on, p.pension, p.schooling,
      p.conditions, p.household_id, p.unit_id, p.province_code, h.disadvantaged_area
    from persons p join households h on h.id = p.household_id where p.id = ${personId}`.execute(q);
  const p = r.rows[0];
  if (!p) return null;
  const m = await sql<PersonFactsRow>`select id, full_name, date_of_birth, death_date, relation, disability, disability_certified_on, pension, schooling, conditions
    from persons where household_id = ${p.household_id}`.execute(q);
  const c = await sql<{ year: number; class: PovertyClass }>`select year, class from household_classifications where household_id = ${p.household_id}`.execute(q);
  return { p, members: m.rows, classes: new Map(c.rows.map((x) => [x.year, x.class])) };
}

/** The household's class for a year: that year's review, else the latest earlier one. */
function classFor(classes: Map<number, PovertyClass>, year: number): PovertyClass | null {
  let best: number | null = null;
  for (const y of classes.keys()) if (y <= year && (best === null || y > best)) best = y;
  return best === null ? null : classes.get(best)!;
}

function entitlement(ctx: { p: PersonCtx; members: PersonFactsRow[]; classes: Map<number, PovertyClass> }, month: Month, decisionMonth: Month | null): Entitlement {
  const facts = personFacts(ctx.p, { decisionMonth, household: ctx.members, month });
  return entitlementInMonth(facts, householdContext(ctx.p, classFor(ctx.classes, Math.floor(month / 100))), toLawMonth(month));
}

/**
 * Records a decision. A start or change is refused unless the law engine finds a payable
 * monthly social assistance in the start month; the decision keeps the category, coefficient,
 * amount and legal basis the engine gave.
 */
export async function createDecision(q: Q, d: DecisionInput, by: string | null): Promise<{ id: number; category: string | null; coefficientTenths: number | null; monthlyAmount: number | null; basis: string; unitId: number }> {
  const ctx = await personContext(q, d.personId);
  if (!ctx) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
  let category: string | null = null;
  let coef: number | null = null;
  let amount: number | null = null;
  let basis = '';
  if (d.kind !== 'stop') {
    const e = entitlement(ctx, d.startMonth, d.startMonth);
    const payable = e.benefits.filter((b) => b.status === 'payable' && b.programme === 'social_assistance');
    if (payable.length === 0) {
      const why = [...e.benefits.map((b) => `${b.categoryText.vi}: ${b.reasons.map((r) => r.text.vi).join('; ')}`), ...e.reasons.map((r) => r.text.vi)].join(' | ') || 'không thuộc diện nào của Điều 5 Nghị định 20/2021/NĐ-CP';
      throw AppError.conflict(text(`Không có chế độ trợ cấp xã hội hằng tháng được hưởng từ tháng ${formatMonthVi(d.startMonth)}: ${why}`, `No payable monthly social assistance from ${formatMonthVi(d.startMonth)}: ${why}`));
    }
    const top = [...payable].sort((a, b) => (b.coefficient ?? 0) - (a.coefficient ?? 0))[0]!;
    category = payable.map((b) => b.category).join('+');
    coef = payable.reduce((s, b) => s + (b.coefficient ?? 0), 0);
    amount = e.monthlyTotal;
    basis = [...new Set(top.basis.map((b) => `${b.article} ${b.document}`))].join('; ');
  }
  const dup = await sql<{ id: number }>`select id from benefit_decisions where unit_id = ${ctx.p.unit_id} and number = ${d.number}`.execute(q);
  if (dup.rows[0]) throw AppError.conflict(text('Số quyết định {number} đã có trong xã', 'Decision number {number} already exists in this commune'), { number: d.number });
  const r = await sql<{ id: number }>`insert into benefit_decisions (province_code, unit_id, person_id, number, decided_on, signer, kind, category, coefficient_tenths, monthly_amount, basis, start_month, channel, account, created_by)
    values (${ctx.p.province_code}, ${ctx.p.unit_id}, ${d.personId}, ${d.number}, ${d.decidedOn}::date, ${d.signer}, ${d.kind}, ${category}, ${coef}, ${amount}, ${basis}, ${d.startMonth},
      ${d.channel ?? (d.kind === 'stop' ? null : 'cash')}, ${d.account ?? null}, ${by}) returning id`.execute(q);
  return { id: r.rows[0]!.id, category, coefficientTenths: coef, monthlyAmount: amount, basis, unitId: ctx.p.unit_id };
}

export async function decisionsOf(q: Q, personId: number) {
  const r = await sql<{ id: number; number: string; decided_on: string; signer: string; kind: string; category: string | null; coefficient_tenths: number | null; monthly_amount: number | null; basis: string; start_month: number; channel: string | null }>`
    select id, number, decided_on, signer, kind, category, coefficient_tenths, monthly_amount, basis, start_month, channel from benefit_decisions where person_id = ${personId} order by start_month, id`.execute(q);
  return r.rows;
}

// ---- payroll ---------------------------------------------------------------------------

export interface PayrollSummary {
  readonly payrollId: number;
  readonly month: Month;
  readonly lines: number;
  readonly total: number;
  readonly arrears: number;
  readonly unknown: { personId: number; months: Month[] }[];
}

/**
 * Computes the lines of a commune's payroll for `month` for persons with id > `after` (at most
 * `limit`; the job version walks the commune in chunks). Pure reads.
 */
export async function computePayrollLines(q: Q, unitId: number | readonly number[], month: Month, after = 0, limit = 10_000_000): Promise<{ lines: PayrollLine[]; last: number; count: number; unitOf: Map<number, number> }> {
  const units = `{${(typeof unitId === 'number' ? [unitId] : unitId).join(',')}}`;
  const persons = await sql<PersonCtx>`select p.id, p.full_name, p.date_of_birth, p.death_date, p.relation, p.disability, p.disability_certified_on, p.pension, p.schooling,
      p.conditions, p.household_id, p.unit_id, p.province_code, h.disadvantaged_area
    from persons p join households h on h.id = p.household_id
    where p.id in (select person_id from benefit_decisions where unit_id = any(${units}::int[])) and p.id > ${after}
    order by p.id limit ${limit}`.execute(q);
  const unitOf = new Map(persons.rows.map((p) => [p.id, p.unit_id]));
  if (persons.rows.length === 0) return { lines: [], last: after, count: 0, unitOf };
  const ids = `{${persons.rows.map((p) => p.id).join(',')}}`;
  const hids = `{${[...new Set(persons.rows.map((p) => p.household_id))].join(',')}}`;
  const [decs, paid, members, classes] = await Promise.all([
    sql<{ id: number; person_id: number; kind: 'start' | 'change' | 'stop'; start_month: number; channel: PaymentChannel | null; account: string | null }>`
      select id, person_id, kind, start_month, channel, account from benefit_decisions where person_id = any(${ids}::int[])`.execute(q),
    sql<{ person_id: number; for_month: number }>`select i.person_id, i.for_month from payroll_items i
      join payroll_lines l on l.payroll_id = i.payroll_id and l.person_id = i.person_id join payrolls pr on pr.id = i.payroll_id
      where i.person_id = any(${ids}::int[]) and l.status in ('pending', 'paid') and pr.month <> ${month}`.execute(q),
    sql<PersonFactsRow & { household_id: number }>`select id, household_id, full_name, date_of_birth, death_date, relation, disability, disability_certified_on, pension, schooling, conditions
      from persons where household_id = any(${hids}::int[])`.execute(q),
    sql<{ household_id: number; year: number; class: PovertyClass }>`select household_id, year, class from household_classifications where household_id = any(${hids}::int[])`.execute(q),
  ]);
  const group = <T, K>(rows: T[], key: (t: T) => K) => {
    const m = new Map<K, T[]>();
    for (const r of rows) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(r);
    return m;
  };
  const decBy = group(decs.rows, (d) => d.person_id);
  const paidBy = group(paid.rows, (p) => p.person_id);
  const memBy = group(members.rows, (m) => m.household_id);
  const classBy = new Map<number, Map<number, PovertyClass>>();
  for (const c of classes.rows) (classBy.get(c.household_id) ?? classBy.set(c.household_id, new Map()).get(c.household_id)!).set(c.year, c.class);
  const lines: PayrollLine[] = [];
  // The rules read the month of birth, never the day (src/law/months.ts), so persons with the
  // same facts born in the same month get the same amount: computed once.
  const memo = new Map<string, MonthAmount>();
  for (const p of persons.rows) {
    const events: DecisionEvent[] = (decBy.get(p.id) ?? []).map((d) => ({ id: d.id, kind: d.kind, startMonth: d.start_month, channel: d.channel, account: d.account }));
    const enrolled = enrolledMonths(events, month);
    const ctx = { p, members: memBy.get(p.household_id) ?? [], classes: classBy.get(p.household_id) ?? new Map() };
    const line = buildLine(p.id, month, enrolled, new Set((paidBy.get(p.id) ?? []).map((x) => x.for_month)), p.death_date, (m) => {
      const decisionMonth = enrolled.get(m)!.startMonth;
      const facts = personFacts({ ...p, date_of_birth: `${p.date_of_birth.slice(0, 7)}-01` }, { decisionMonth, household: ctx.members, month: m });
      const cls = classFor(ctx.classes, Math.floor(m / 100));
      const key = JSON.stringify([m, cls, p.disadvantaged_area, p.province_code, { ...facts, id: '', name: '' }]);
      let a = memo.get(key);
      if (!a) {
        const e = entitlementInMonth(facts, householdContext(p, cls), toLawMonth(m));
        const payable = e.benefits.filter((b) => b.status === 'payable');
        a = { amount: e.incomplete && payable.length === 0 ? null : e.monthlyTotal, category: payable.map((b) => b.category).join('+') || null, coefficientTenths: payable.reduce((s, b) => s + (b.coefficient ?? 0), 0) || null };
        memo.set(key, a);
      }
      return a;
    });
    if (line) lines.push(line);
  }
  return { lines, last: persons.rows.at(-1)!.id, count: persons.rows.length, unitOf };
}

/** Writes (or rewrites, while a draft) the payroll of a commune for a month. */
export async function writePayroll(q: Q, unitId: number, month: Month, lines: readonly PayrollLine[], by: string | null): Promise<PayrollSummary> {
  const existing = await sql<{ id: number; state: string }>`select id, state from payrolls where unit_id = ${unitId} and month = ${month}`.execute(q);
  let payrollId: number;
  if (existing.rows[0]) {
    if (existing.rows[0].state !== 'draft') throw AppError.conflict(text('Danh sách chi trả tháng {month} đã được duyệt, không lập lại được', 'The payroll of {month} is approved and cannot be regenerated'), { month: formatMonthVi(month) });
    payrollId = existing.rows[0].id;
    await sql`delete from payroll_items where payroll_id = ${payrollId}`.execute(q);
    await sql`delete from payroll_lines where payroll_id = ${payrollId}`.execute(q);
  } else {
    const r = await sql<{ id: number }>`insert into payrolls (province_code, unit_id, month, created_by)
      select (select code from units p where p.id = any(u.ancestors) and p.level = 'province' order by p.valid_to is null desc limit 1), ${unitId}, ${month}, ${by}
      from units u where u.id = ${unitId} returning id`.execute(q);
    payrollId = r.rows[0]!.id;
  }
  const payable = lines.filter((l) => l.total > 0);
  for (let i = 0; i < payable.length; i += 5000) {
    const part = payable.slice(i, i + 5000);
    const col = <T>(f: (l: PayrollLine) => T) => `{${part.map((l) => { const v = f(l); return v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '')}"`; }).join(',')}}`;
    await sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total)
      select ${payrollId}, x.person_id, p.province_code, p.unit_id, x.decision_id, x.channel, x.account, x.cur, x.arr, x.tot
      from unnest(${col((l) => l.personId)}::int[], ${col((l) => l.decisionId)}::int[], ${col((l) => l.channel)}::text[], ${col((l) => l.account)}::text[],
        ${col((l) => l.current)}::int[], ${col((l) => l.arrears)}::int[], ${col((l) => l.total)}::int[]) as x(person_id, decision_id, channel, account, cur, arr, tot)
      join persons p on p.id = x.person_id`.execute(q);
    const items = part.flatMap((l) => l.items.map((it) => ({ p: l.personId, ...it })));
    const icol = <T>(f: (x: (typeof items)[number]) => T) => `{${items.map((x) => { const v = f(x); return v === null ? 'NULL' : `"${String(v)}"`; }).join(',')}}`;
    await sql`insert into payroll_items (payroll_id, person_id, unit_id, for_month, amount, category, coefficient_tenths)
      select ${payrollId}, x.p, ${unitId}, x.m, x.a, x.c, x.k
      from unnest(${icol((x) => x.p)}::int[], ${icol((x) => x.month)}::int[], ${icol((x) => x.amount)}::int[], ${icol((x) => x.category)}::text[], ${icol((x) => x.coefficientTenths)}::int[]) as x(p, m, a, c, k)`.execute(q);
  }
  const total = payable.reduce((s, l) => s + l.total, 0);
  await sql`update payrolls set lines = ${payable.length}, total = ${total} where id = ${payrollId}`.execute(q);
  return {
    payrollId, month, lines: payable.length, total, arrears: payable.reduce((s, l) => s + l.arrears, 0),
    unknown: lines.filter((l) => l.unknownMonths.length > 0).map((l) => ({ personId: l.personId, months: [...l.unknownMonths] })),
  };
}

export async function generatePayroll(q: Q, unitId: number, month: Month, by: string | null): Promise<PayrollSummary> {
  const { lines } = await computePayrollLines(q, unitId, month);
  return writePayroll(q, unitId, month, lines, by);
}

/** The payrolls of many communes for a month, computed in one pass (district, province, benchmark). */
export async function generatePayrolls(q: Q, unitIds: readonly number[], month: Month, by: string | null): Promise<{ lines: number; total: number }> {
  const { lines, unitOf } = await computePayrollLines(q, unitIds, month);
  return writePayrolls(q, unitIds, month, lines.map((l) => ({ ...l, unitId: unitOf.get(l.personId)! })), by);
}

/** Writes the payrolls of many communes in a few set-based statements (drafts are rewritten). */
export async function writePayrolls(q: Q, unitIds: readonly number[], month: Month, lines: readonly (PayrollLine & { unitId: number })[], by: string | null): Promise<{ lines: number; total: number }> {
  const units = `{${unitIds.join(',')}}`;
  const approved = await sql<{ n: number }>`select count(*)::int as n from payrolls where unit_id = any(${units}::int[]) and month = ${month} and state <> 'draft'`.execute(q);
  if (approved.rows[0]!.n > 0) throw AppError.conflict(text('Danh sách chi trả tháng {month} đã được duyệt, không lập lại được', 'The payroll of {month} is approved and cannot be regenerated'), { month: formatMonthVi(month) });
  await sql`delete from payroll_items where payroll_id in (select id from payrolls where unit_id = any(${units}::int[]) and month = ${month})`.execute(q);
  await sql`delete from payroll_lines where payroll_id in (select id from payrolls where unit_id = any(${units}::int[]) and month = ${month})`.execute(q);
  await sql`insert into payrolls (province_code, unit_id, month, created_by)
    select (select p.code from units p where p.id = any(u.ancestors) and p.level = 'province' order by p.valid_to is null desc limit 1), u.id, ${month}, ${by}
    from units u where u.id = any(${units}::int[]) and not exists (select 1 from payrolls x where x.unit_id = u.id and x.month = ${month})`.execute(q);
  const payable = lines.filter((l) => l.total > 0);
  for (let i = 0; i < payable.length; i += 20_000) {
    const part = payable.slice(i, i + 20_000);
    const col = <T>(xs: readonly T[], f: (x: T) => unknown) => `{${xs.map((x) => { const v = f(x); return v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, '')}"`; }).join(',')}}`;
    await sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total)
      select pr.id, x.person_id, p.province_code, x.unit_id, x.decision_id, x.channel, x.account, x.cur, x.arr, x.tot
      from unnest(${col(part, (l) => l.unitId)}::int[], ${col(part, (l) => l.personId)}::int[], ${col(part, (l) => l.decisionId)}::int[], ${col(part, (l) => l.channel)}::text[],
        ${col(part, (l) => l.account)}::text[], ${col(part, (l) => l.current)}::int[], ${col(part, (l) => l.arrears)}::int[], ${col(part, (l) => l.total)}::int[])
        as x(unit_id, person_id, decision_id, channel, account, cur, arr, tot)
      join payrolls pr on pr.unit_id = x.unit_id and pr.month = ${month} join persons p on p.id = x.person_id`.execute(q);
    const items = part.flatMap((l) => l.items.map((it) => ({ u: l.unitId, p: l.personId, ...it })));
    await sql`insert into payroll_items (payroll_id, person_id, unit_id, for_month, amount, category, coefficient_tenths)
      select pr.id, x.p, x.u, x.m, x.a, x.c, x.k
      from unnest(${col(items, (x) => x.u)}::int[], ${col(items, (x) => x.p)}::int[], ${col(items, (x) => x.month)}::int[], ${col(items, (x) => x.amount)}::int[],
        ${col(items, (x) => x.category)}::text[], ${col(items, (x) => x.coefficientTenths)}::int[]) as x(u, p, m, a, c, k)
      join payrolls pr on pr.unit_id = x.u and pr.month = ${month}`.execute(q);
  }
  await sql`update payrolls pr set lines = coalesce(t.n, 0), total = coalesce(t.s, 0)
    from (select u.id as unit_id, count(l.person_id)::int as n, sum(l.total)::bigint as s from unnest(${units}::int[]) as u(id)
          left join payroll_lines l on l.unit_id = u.id and l.payroll_id in (select id from payrolls where month = ${month}) group by u.id) t
    where pr.unit_id = t.unit_id and pr.month = ${month}`.execute(q);
  return { lines: payable.length, total: payable.reduce((s2, l) => s2 + l.total, 0) };
}

export interface PayrollLineRow {
  person_id: number;
  full_name: string;
  personal_id: string | null;
  village_name: string | null;
  household_code: string;
  channel: PaymentChannel;
  account: string | null;
  current_amount: number;
  arrears: number;
  total: number;
  status: LineStatus;
  category: string | null;
}

export async function getPayroll(q: Q, id: number) {
  const r = await sql<{ id: number; unit_id: number; month: number; state: string; lines: number; total: number; unit_name: string; approved_by: string | null }>`
    select p.id, p.unit_id, p.month, p.state, p.lines, p.total, u.name as unit_name, p.approved_by from payrolls p join units u on u.id = p.unit_id where p.id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

export async function payrollLines(q: Q, id: number): Promise<PayrollLineRow[]> {
  const r = await sql<PayrollLineRow>`select l.person_id, p.full_name, p.personal_id, v.name as village_name, h.code as household_code, l.channel, l.account,
      l.current_amount, l.arrears, l.total, l.status,
      (select string_agg(distinct i.category, '+') from payroll_items i where i.payroll_id = l.payroll_id and i.person_id = l.person_id) as category
    from payroll_lines l join persons p on p.id = l.person_id join households h on h.id = p.household_id left join units v on v.id = h.village_id
    where l.payroll_id = ${id} order by v.name nulls last, h.code, p.full_name`.execute(q);
  return r.rows;
}

export async function payrollsOf(q: Q, unitId: number) {
  const r = await sql<{ id: number; month: number; state: string; lines: number; total: number }>`select id, month, state, lines, total from payrolls where unit_id = ${unitId} order by month desc`.execute(q);
  return r.rows;
}

export async function approvePayroll(q: Q, id: number, by: string | null): Promise<void> {
  const r = await sql`update payrolls set state = 'approved', approved_at = now(), approved_by = ${by} where id = ${id} and state = 'draft'`.execute(q);
  if (Number(r.numAffectedRows ?? 0) === 0) throw AppError.conflict(text('Danh sách không ở trạng thái nháp', 'The payroll is not a draft'));
}

/** Applies a bank or post-office statement: exact matches change status; the rest is reported. */
export async function applyStatement(q: Q, payrollId: number, rows: readonly StatementRow[]) {
  const lines = await sql<{ person_id: number; total: number; status: LineStatus }>`select person_id, total, status from payroll_lines where payroll_id = ${payrollId}`.execute(q);
  const res = reconcile(payrollId, lines.rows.map((l) => ({ personId: l.person_id, total: l.total, status: l.status })), rows);
  for (const u of res.updates) {
    await sql`update payroll_lines set status = ${u.status}, reconciled_at = now() where payroll_id = ${payrollId} and person_id = ${u.personId}`.execute(q);
  }
  return res;
}

/** Cashless share of a unit's payments in a month (or every month): counts of lines. */
export async function cashlessShareOf(q: Q, unitIds: readonly number[], month?: Month) {
  const r = await sql<{ numerator: number; denominator: number }>`select count(*) filter (where l.channel in ('bank', 'ewallet'))::int as numerator, count(*)::int as denominator
    from payroll_lines l join payrolls p on p.id = l.payroll_id where l.unit_id = any(${`{${unitIds.join(',')}}`}::int[]) and (${month ?? null}::int is null or p.month = ${month ?? null})`.execute(q);
  return r.rows[0]!;
}

// ---- payroll generation as a long job (many communes: a district, a province) --------------

interface PayrollJobParams { month: Month; unitIds: number[] }
const PAYROLL_CHUNK = 2000;

jobHandlers.set('payroll', {
  async chunk(tx, job) {
    const p = job.params as unknown as PayrollJobParams;
    const after = (job.cursor as { after?: number } | null)?.after ?? 0;
    const r = await computePayrollLines(tx, p.unitIds, p.month, after, PAYROLL_CHUNK);
    const staged = r.lines.map((l) => ({ ...l, unitId: r.unitOf.get(l.personId)! }));
    return { staged, cursor: { after: r.last }, progress: job.progress + r.count, done: r.count < PAYROLL_CHUNK };
  },
  async apply(tx, job, staged) {
    const p = job.params as unknown as PayrollJobParams;
    const all: (PayrollLine & { unitId: number })[] = [];
    for await (const chunk of staged) all.push(...(chunk as (PayrollLine & { unitId: number })[]));
    const { lines, total } = await writePayrolls(tx, p.unitIds, p.month, all, null);
    return { month: p.month, communes: p.unitIds.length, lines, total };
  },
});
