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
import { assertDraftable, draftPayrolls, refreshTotals } from './store.ts';
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
  category: MeritCategory;
  facts: MeritFacts;
  start_month: string;
  end_month: string | null;
  death_date: string | null;
}

interface Item {
  month: MonthNumber;
  amount: number;
  category: string;
}

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
  return inTransaction(q, async (tx) => {
    await assertDraftable(tx, [unitId], month, 'merit');
    const payrollId = (await draftPayrolls(tx, [unitId], month, by, 'merit')).get(unitId)!;
    const profiles =
      await sql<ProfileRow>`select m.id, m.person_id, m.category, m.facts, m.start_month, m.end_month, to_char(p.death_date, 'YYYY-MM-DD') as death_date
      from merit_profiles m join persons p on p.id = m.person_id where m.unit_id = ${unitId} order by m.person_id, m.id`.execute(tx);
    const persons = [...new Set(profiles.rows.map((r) => r.person_id))];
    const paidRows = await sql<{ person_id: number; m: number }>`select l.person_id, i.month as m
      from payroll_lines l cross join unnest(l.items) i join payrolls pr on pr.id = l.payroll_id
      where pr.programme = 'merit' and pr.month <> ${month} and l.status in ('pending', 'paid') and l.person_id = any(${arr(persons)}::int[])`.execute(tx);
    const paid = new Set(paidRows.rows.map((r) => `${r.person_id}:${r.m}`));
    const channels = await sql<{
      person_id: number;
      channel: PaymentChannel | null;
      account: string | null;
    }>`select distinct on (person_id) person_id, channel, account
      from benefit_decisions where person_id = any(${arr(persons)}::int[]) and kind <> 'stop' order by person_id, start_month desc, id desc`.execute(tx);
    const channelOf = new Map(channels.rows.map((r) => [r.person_id, r]));
    const byPerson = new Map<number, ProfileRow[]>();
    for (const r of profiles.rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
    // The law once per distinct profiles (their facts and dates, not their ids) and month.
    const memo = new Map<string, ReturnType<typeof priced>>();
    const lines: { personId: number; channel: PaymentChannel; account: string | null; items: Item[]; current: number; total: number }[] = [];
    const unknown: MeritException[] = [];
    for (const [personId, rows] of byPerson) {
      const facts = rows.map((r) =>
        toMeritFacts({ id: String(r.id), category: r.category, facts: r.facts, startMonth: r.start_month, endMonth: r.end_month }, r.death_date),
      );
      const shape = JSON.stringify(facts.map((f) => ({ ...f, id: '' })));
      const first = fromLawMonth(facts.map((f) => f.startMonth).sort()[0]!);
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
      const total = items.reduce((s, i) => s + i.amount, 0);
      const current = items.filter((i) => i.month === month).reduce((s, i) => s + i.amount, 0);
      lines.push({ personId, channel: c?.channel ?? 'cash', account: c?.account ?? null, items, current, total });
    }
    for (let i = 0; i < lines.length; i += 20_000) {
      const part = lines.slice(i, i + 20_000);
      const items = part.flatMap((l, n) => l.items.map((it) => ({ n: n + 1, ...it })));
      await sql`with it as (
          select i.n, array_agg(row(i.m, i.a, i.c, null)::payroll_item order by i.m) as items
          from unnest(${items.map((x) => x.n)}::int[], ${items.map((x) => x.month)}::int[], ${items.map((x) => x.amount)}::int[],
            ${items.map((x) => x.category)}::text[]) as i(n, m, a, c) group by i.n)
        insert into payroll_lines (payroll_id, person_id, province_code, unit_id, decision_id, channel, account, current_amount, arrears, total, items)
        select pr.id, x.person_id, pr.province_code, pr.unit_id, null, x.channel, x.account, x.cur, x.tot - x.cur, x.tot, it.items
        from unnest(${part.map((l) => l.personId)}::int[], ${part.map((l) => l.channel)}::text[], ${part.map((l) => l.account)}::text[],
          ${part.map((l) => l.current)}::int[], ${part.map((l) => l.total)}::int[]) with ordinality as x(person_id, channel, account, cur, tot, n)
        join payrolls pr on pr.id = ${payrollId}
        join it on it.n = x.n`.execute(tx);
    }
    await refreshTotals(tx, [unitId], month, 'merit');
    const total = lines.reduce((s, l) => s + l.total, 0);
    const current = lines.reduce((s, l) => s + l.current, 0);
    return { payrollId, month, lines: lines.length, total, arrears: total - current, unknown };
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
