// The monthly merit payroll (issue 12 item 3): the preferential allowances of people with
// meritorious service (Decree 75/2021/NĐ-CP as amended by 55/2023 and 77/2024, Annexes I–III) as
// a payroll of its own programme ('merit', payrolls.programme, migration 210) beside the commune's
// social-assistance payroll, with the same lines, approval, exports and reconciliation.
// A person's months owed run from the first start month of their profiles to the payroll month,
// minus months already paid or pending in another month's merit payroll, never after the month
// of death (toMeritFacts caps the end month). Each month's amount is src/law/merit.ts meritMonth
// over all the person's profiles, evaluated once per distinct profiles and month; an item's
// category names the annex rows that priced it ('merit.martyr.relatives.2', keys of
// src/law/merit-levels.ts). A month the law data cannot price ("unknown") is never paid: it is
// listed among the exceptions with the reason.
import { sql } from 'kysely';
import type { Text } from '../kernel/i18n.ts';
import { meritMonth, type MeritMonth } from '../law/merit.ts';
import { toMeritFacts } from '../law/evaluate.ts';
import type { MeritCategory } from '../law/merit-categories.ts';
import type { MeritFacts } from '../law/schema.ts';
import { fromLawMonth, toLawMonth } from '../registry/law.ts';
import { type PaymentChannel } from '../registry/model.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';
import { arr } from '../db/arrays.ts';
import type { Executor as Q } from '../db/executor.ts';
import { inTransaction } from './due.ts';
import { draftPayrolls, refreshTotals } from './store.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/model.ts';
import { audit } from '../audit/store.ts';
import { assertCanPreparePayroll } from './policy.ts';
import { auditActor } from '../audit/actor.ts';

/** A month of a person the law data cannot price, and why. */
export interface MeritException {
  readonly personId: number;
  readonly months: MonthNumber[];
  readonly reasons: Text[];
}

export interface MeritPayrollSummary {
  readonly payrollId: number;
  readonly month: MonthNumber;
  readonly lines: number;
  readonly total: number;
  readonly arrears: number;
  readonly unknown: MeritException[];
}

interface ProfileRow {
  id: number;
  person_id: number;
  unit_id: number;
  category: MeritCategory;
  /** The facts as JSON text: parsed once per distinct profile, not once per person. */
  facts: string;
  start_month: string;
  end_month: string | null;
  death_date: string | null;
}

interface Item {
  month: MonthNumber;
  amount: number;
  category: string;
}

/** An item's category (annex row keys joined by '+'): nothing a composite literal would need to quote. */
const SAFE_CATEGORY = /^[A-Za-z0-9._+-]+$/;

/** One person's month: the amount (null: unknown), the annex rows and the reasons when unknown. */
function priced(m: MeritMonth): { amount: number | null; rows: string; reasons: Text[] } {
  const paid = m.allowances.filter((a) => a.status === 'payable');
  const rows = paid.flatMap((a) => a.components.map((c) => `merit.${c.key}`)).join('+');
  if (m.monthlyTotal !== null) return { amount: m.monthlyTotal, rows, reasons: [] };
  const reasons = [
    ...m.allowances.filter((a) => a.status === 'unknown').flatMap((a) => a.reasons.slice(-1).map((r) => r.text)),
    ...m.reasons.filter((r) => r.basis && r.basis.verified === false).map((r) => r.text),
  ];
  return { amount: null, rows, reasons };
}

/**
 * Generates (or regenerates, while a draft) the merit payroll of a commune for a month. Refuses
 * (409) when that merit payroll is approved. Channel and account: the person's latest benefit
 * decision's when there is one, else cash.
 * @example await generateMeritPayroll(db.k, communeId, 202408, 'ketoan') // { lines, total, arrears, unknown }
 */
export async function generateMeritPayroll(q: Q, unitId: number, month: MonthNumber, by: string | null): Promise<MeritPayrollSummary> {
  const r = await generateMeritPayrolls(q, [unitId], month, by);
  return { payrollId: r.payrolls.get(unitId)!, month, lines: r.lines, total: r.total, arrears: r.arrears, unknown: r.unknown };
}

/** The merit payrolls of many communes (a province) for a month. */
export interface MeritPayrollsSummary {
  readonly month: MonthNumber;
  /** Payroll id by commune id. */
  readonly payrolls: ReadonlyMap<number, number>;
  readonly lines: number;
  readonly total: number;
  readonly arrears: number;
  readonly unknown: MeritException[];
}

/**
 * The merit payrolls of many communes for a month in one pass (province, benchmark): one read of
 * their profiles, earlier merit lines and channels, one write of all lines, instead of one
 * round of statements a commune. Refuses (409) when one of them is approved.
 * @example await generateMeritPayrolls(db.k, communeIds, 202611, 'bench') // { payrolls, lines, total, ... }
 */
export async function generateMeritPayrolls(q: Q, unitIds: readonly number[], month: MonthNumber, by: string | null): Promise<MeritPayrollsSummary> {
  return inTransaction(q, async (tx) => {
    const payrolls = await draftPayrolls(tx, unitIds, month, by, 'merit');
    const units = arr(unitIds);
    const profiles =
      await sql<ProfileRow>`select m.id, m.person_id, m.unit_id, m.category, m.facts::text as facts, m.start_month, m.end_month, to_char(p.death_date, 'YYYY-MM-DD') as death_date
      from merit_profiles m join persons p on p.id = m.person_id where m.unit_id = any(${units}::int[]) order by m.person_id, m.id`.execute(tx);
    const ofUnits = sql`select person_id from merit_profiles where unit_id = any(${units}::int[])`;
    const paidRows = await sql<{ person_id: number; m: number }>`select l.person_id, i.month as m
      from payroll_lines l cross join unnest(l.items) i join payrolls pr on pr.id = l.payroll_id
      where pr.programme = 'merit' and pr.month <> ${month} and l.status in ('pending', 'paid') and l.person_id in (${ofUnits})`.execute(tx);
    const paid = new Set(paidRows.rows.map((r) => `${r.person_id}:${r.m}`));
    const channels = await sql<{
      person_id: number;
      channel: PaymentChannel | null;
      account: string | null;
    }>`select distinct on (person_id) person_id, channel, account
      from benefit_decisions where person_id in (${ofUnits}) and kind <> 'stop' order by person_id, start_month desc, id desc`.execute(tx);
    const channelOf = new Map(channels.rows.map((r) => [r.person_id, r]));
    const byPerson = new Map<number, ProfileRow[]>();
    for (const r of profiles.rows) {
      const list = byPerson.get(r.person_id);
      if (list) list.push(r);
      else byPerson.set(r.person_id, [r]);
    }
    // The law once per distinct profiles (their facts and dates, not their ids) and month.
    const memo = new Map<string, ReturnType<typeof priced>>();
    const shapes = new Map<string, { facts: ReturnType<typeof toMeritFacts>[]; first: MonthNumber }>();
    const lines: {
      payrollId: number;
      personId: number;
      channel: PaymentChannel;
      account: string | null;
      items: Item[];
      current: number;
      total: number;
    }[] = [];
    const unknown: MeritException[] = [];
    for (const [personId, rows] of byPerson) {
      let shape = rows[0]!.death_date ?? '';
      for (const r of rows) shape += `|${r.category}|${r.facts}|${r.start_month}|${r.end_month ?? ''}`;
      let s = shapes.get(shape);
      if (!s) {
        // Profile ids play no part in the amounts: the shape's profiles are numbered by position.
        const facts = rows.map((r, i) =>
          toMeritFacts(
            { id: String(i + 1), category: r.category, facts: JSON.parse(r.facts) as MeritFacts, startMonth: r.start_month, endMonth: r.end_month },
            r.death_date,
          ),
        );
        shapes.set(shape, (s = { facts, first: fromLawMonth(facts.map((f) => f.startMonth).sort()[0]!) }));
      }
      const { facts, first } = s;
      const last = rows[0]!.death_date ? Math.min(month, monthNumber.of(rows[0]!.death_date)) : month;
      const items: Item[] = [];
      const unknownMonths: MonthNumber[] = [];
      const reasons = new Map<string, Text>();
      for (const m of first <= last ? monthNumber.range(first, last) : []) {
        if (paid.has(`${personId}:${m}`)) continue;
        const key = `${shape}@${m}`;
        let p = memo.get(key);
        if (!p) memo.set(key, (p = priced(meritMonth(facts, toLawMonth(m)))));
        if (p.amount === null) {
          unknownMonths.push(m);
          for (const r of p.reasons) reasons.set(r.vi, r);
        } else if (p.amount > 0) items.push({ month: m, amount: p.amount, category: p.rows });
      }
      if (unknownMonths.length) unknown.push({ personId, months: unknownMonths, reasons: [...reasons.values()] });
      if (items.length === 0) continue;
      const c = channelOf.get(personId);
      let total = 0;
      let current = 0;
      for (const i of items) {
        total += i.amount;
        if (i.month === month) current += i.amount;
      }
      // The person's line goes to the payroll of the commune of their first profile.
      lines.push({ payrollId: payrolls.get(rows[0]!.unit_id)!, personId, channel: c?.channel ?? 'cash', account: c?.account ?? null, items, current, total });
    }
    // Each line's items as one payroll_item[] literal, '{"(202611,2789000,merit.martyr.relatives.1,)"}':
    // the server parses it in the insert, with no grouping or join of an items table.
    const literal = new Map<string, string>();
    const itemsOf = (items: readonly Item[]): string => {
      let out = '{';
      for (const [i, it] of items.entries()) {
        if (!SAFE_CATEGORY.test(it.category)) throw new Error(`merit payroll: unexpected category ${it.category}`);
        out += `${i ? ',' : ''}"(${it.month},${it.amount},${it.category},)"`;
      }
      return out + '}';
    };
    for (let i = 0; i < lines.length; i += 20_000) {
      const part = lines.slice(i, i + 20_000);
      const items = part.map((l) => {
        const k = l.items.map((it) => `${it.month}:${it.amount}:${it.category}`).join(';');
        let v = literal.get(k);
        if (v === undefined) literal.set(k, (v = itemsOf(l.items)));
        return v;
      });
      await sql`insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total, items)
        select pr.id, x.person_id, pr.province_code, pr.unit_id, null, x.channel, x.account, x.cur, x.tot - x.cur, x.tot, x.items::payroll_item[]
        from unnest(${part.map((l) => l.payrollId)}::int[], ${part.map((l) => l.personId)}::int[], ${part.map((l) => l.channel)}::text[],
          ${part.map((l) => l.account)}::text[], ${part.map((l) => l.current)}::int[], ${part.map((l) => l.total)}::int[], ${items}::text[])
          as x(payroll_id, person_id, channel, account, cur, tot, items)
        join payrolls pr on pr.id = x.payroll_id`.execute(tx);
    }
    await refreshTotals(tx, unitIds, month, 'merit');
    let total = 0;
    let current = 0;
    for (const l of lines) {
      total += l.total;
      current += l.current;
    }
    return { month, payrolls, lines: lines.length, total, arrears: total - current, unknown };
  });
}

/**
 * The command: who may prepare the commune's payments generates its merit payroll; the audit
 * entry (payroll.generate, programme merit) in the same transaction.
 */
export async function runMeritPayroll(
  tx: Transaction<DB>,
  w: { actor: Actor; ip?: string | null },
  unitId: number,
  month: MonthNumber,
): Promise<MeritPayrollSummary> {
  assertCanPreparePayroll(w.actor, { unit_id: unitId });
  const s = await generateMeritPayroll(tx, unitId, month, w.actor.username);
  await audit(tx, {
    actor: auditActor(w),
    action: 'payroll.generate',
    entity: 'payroll',
    entityId: s.payrollId,
    unitId,
    ip: w.ip ?? null,
    after: { month, programme: 'merit', lines: s.lines, total: s.total, unknown: s.unknown.length },
  });
  return s;
}
