// SQL of funds only. Callers pass the scoped transaction (withActor) for officers' reads and
// writes; the public ledger reads through the owner connection and selects only public columns.
import { sql } from 'kysely';
import type { Executor as Q } from '../db/executor.ts';
import type { CaseKind, FundKind, LedgerEntry, ReceiptChannel, Statement } from './model.ts';

export interface FundRow {
  readonly id: number;
  readonly province_code: string;
  readonly unit_id: number;
  readonly unit_code: string;
  readonly unit_name: string;
  readonly kind: FundKind;
  readonly name: string;
  readonly bank_name: string | null;
  readonly account_number: string | null;
}

export interface Totals {
  readonly receipts: number;
  readonly receipt_count: number;
  readonly spendings: number;
  readonly spending_count: number;
  readonly allocations: number;
}

const fundCols = sql`f.id, f.province_code, f.unit_id, u.code as unit_code, u.name as unit_name, f.kind, f.name, f.bank_name, f.account_number`;

export async function unitByCode(q: Q, code: string): Promise<{ id: number; province_code: string } | null> {
  const r = await sql<{ id: number; province_code: string }>`
    select u.id, coalesce((select p.code from units p where p.level = 'province' and p.id in (u.id, u.parent_id, (select g.parent_id from units g where g.id = u.parent_id)) limit 1), left(u.code, 2)) as province_code
    from units u where u.code = ${code} and u.valid_to is null`.execute(q);
  return r.rows[0] ?? null;
}

export async function insertFund(
  q: Q,
  unit: { id: number; province_code: string },
  v: { kind: FundKind; name: string; bankName: string | null; accountNumber: string | null },
): Promise<number> {
  const r = await sql<{ id: number }>`insert into funds (province_code, unit_id, kind, name, bank_name, account_number)
    values (${unit.province_code}, ${unit.id}, ${v.kind}, ${v.name}, ${v.bankName}, ${v.accountNumber}) returning id`.execute(q);
  return r.rows[0]!.id;
}

export async function getFund(q: Q, id: number): Promise<FundRow | null> {
  const r = await sql<FundRow>`select ${fundCols} from funds f join units u on u.id = f.unit_id where f.id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

export async function fundsOfUnit(q: Q, unitId: number | null): Promise<FundRow[]> {
  const r = await sql<FundRow>`select ${fundCols} from funds f join units u on u.id = f.unit_id
    where ${unitId === null ? sql`true` : sql`f.unit_id = ${unitId}`} order by f.kind, f.id`.execute(q);
  return r.rows;
}

/** Totals of a fund, optionally in a period (inclusive dates). */
export async function totals(q: Q, fundId: number, from: string | null = null, to: string | null = null): Promise<Totals> {
  const inRange = (col: string) => sql`${sql.ref(col)} between coalesce(${from}::date, '-infinity'::date) and coalesce(${to}::date, 'infinity'::date)`;
  const r = await sql<Totals>`select
      coalesce((select sum(amount) from fund_receipts where fund_id = ${fundId} and ${inRange('received_on')}), 0)::bigint as receipts,
      (select count(*) from fund_receipts where fund_id = ${fundId} and ${inRange('received_on')})::int as receipt_count,
      coalesce((select sum(amount) from fund_spendings where fund_id = ${fundId} and ${inRange('spent_on')}), 0)::bigint as spendings,
      (select count(*) from fund_spendings where fund_id = ${fundId} and ${inRange('spent_on')})::int as spending_count,
      coalesce((select sum(amount) from fund_allocations where fund_id = ${fundId} and ${inRange('decided_on')}), 0)::bigint as allocations`.execute(q);
  const t = r.rows[0]!;
  return {
    receipts: Number(t.receipts),
    receipt_count: t.receipt_count,
    spendings: Number(t.spendings),
    spending_count: t.spending_count,
    allocations: Number(t.allocations),
  };
}

export interface ReceiptValues {
  readonly donor: string;
  readonly donorFolded: string;
  readonly amount: number;
  readonly receivedOn: string;
  readonly channel: ReceiptChannel;
  readonly purpose: string | null;
  readonly reference: string | null;
  readonly statementLineId?: number | null;
}

export async function insertReceipt(q: Q, f: FundRow, v: ReceiptValues, by: string | null): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into fund_receipts (fund_id, unit_id, donor, donor_folded, amount, received_on, channel, purpose, reference, statement_line_id, created_by)
    values (${f.id}, ${f.unit_id}, ${v.donor}, ${v.donorFolded}, ${v.amount}, ${v.receivedOn}::date, ${v.channel}, ${v.purpose}, ${v.reference}, ${v.statementLineId ?? null}, ${by}) returning id`.execute(
    q,
  );
  return r.rows[0]!.id;
}

export interface AllocationValues {
  readonly caseKind: CaseKind;
  readonly caseRef: string | null;
  readonly description: string;
  readonly beneficiaryName: string | null;
  readonly beneficiaryHamlet: string | null;
  readonly amount: number;
  readonly decidedOn: string;
}

export async function insertAllocation(q: Q, f: FundRow, v: AllocationValues, by: string | null): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into fund_allocations (fund_id, unit_id, case_kind, case_ref, description, beneficiary_name, beneficiary_hamlet, amount, decided_on, created_by)
    values (${f.id}, ${f.unit_id}, ${v.caseKind}, ${v.caseRef}, ${v.description}, ${v.beneficiaryName}, ${v.beneficiaryHamlet}, ${v.amount}, ${v.decidedOn}::date, ${by}) returning id`.execute(
    q,
  );
  return r.rows[0]!.id;
}

export async function allocationOf(q: Q, fundId: number, id: number): Promise<{ id: number; amount: number; spent: number } | null> {
  const r = await sql<{
    id: number;
    amount: string;
    spent: string;
  }>`select a.id, a.amount, coalesce((select sum(s.amount) from fund_spendings s where s.allocation_id = a.id), 0) as spent
    from fund_allocations a where a.id = ${id} and a.fund_id = ${fundId}`.execute(q);
  const a = r.rows[0];
  return a ? { id: a.id, amount: Number(a.amount), spent: Number(a.spent) } : null;
}

export interface SpendingValues {
  readonly allocationId: number | null;
  readonly amount: number;
  readonly spentOn: string;
  readonly purpose: string;
  readonly purposeFolded: string;
  readonly reference: string | null;
}

export async function insertSpending(q: Q, f: FundRow, v: SpendingValues, by: string | null): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into fund_spendings (fund_id, unit_id, allocation_id, amount, spent_on, purpose, purpose_folded, reference, created_by)
    values (${f.id}, ${f.unit_id}, ${v.allocationId}, ${v.amount}, ${v.spentOn}::date, ${v.purpose}, ${v.purposeFolded}, ${v.reference}, ${by}) returning id`.execute(
    q,
  );
  return r.rows[0]!.id;
}

export async function statementByHash(q: Q, fundId: number, hash: string): Promise<{ id: number } | null> {
  const r = await sql<{ id: number }>`select id from fund_statements where fund_id = ${fundId} and file_hash = ${hash}`.execute(q);
  return r.rows[0] ?? null;
}

export async function insertStatement(q: Q, f: FundRow, s: Statement, hash: string, fileName: string, by: string | null): Promise<number> {
  const r = await sql<{
    id: number;
  }>`insert into fund_statements (fund_id, unit_id, file_hash, file_name, bank, opening_balance, closing_balance, period_from, period_to, lines, imported_by)
    values (${f.id}, ${f.unit_id}, ${hash}, ${fileName}, ${s.bank}, ${s.opening}, ${s.closing}, ${s.from}::date, ${s.to}::date, ${s.lines.length}, ${by}) returning id`.execute(
    q,
  );
  return r.rows[0]!.id;
}

/** Inserts the lines not seen before (by their key); returns the new lines' ids by line number. */
export async function insertLines(q: Q, f: FundRow, statementId: number, s: Statement): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const l of s.lines) {
    const r = await sql<{
      id: number;
    }>`insert into fund_statement_lines (statement_id, fund_id, unit_id, line_no, booked_on, amount, reference, description, line_key)
      values (${statementId}, ${f.id}, ${f.unit_id}, ${l.lineNo}, ${l.bookedOn}::date, ${l.amount}, ${l.reference}, ${l.description}, ${l.lineKey})
      on conflict (fund_id, line_key) do nothing returning id`.execute(q);
    if (r.rows[0]) out.set(l.lineNo, r.rows[0].id);
  }
  return out;
}

/** Receipts and spending of a fund not linked to a bank line yet, in a date window. */
export async function unlinked(q: Q, fundId: number, from: string, to: string): Promise<{ receipts: LedgerEntry[]; spendings: LedgerEntry[] }> {
  const r = await sql<
    LedgerEntry & { amount: string }
  >`select id, amount, to_char(received_on, 'YYYY-MM-DD') as date, reference, donor_folded as folded from fund_receipts
    where fund_id = ${fundId} and statement_line_id is null and received_on between ${from}::date - 3 and ${to}::date + 3`.execute(q);
  const s = await sql<
    LedgerEntry & { amount: string }
  >`select id, amount, to_char(spent_on, 'YYYY-MM-DD') as date, reference, purpose_folded as folded from fund_spendings
    where fund_id = ${fundId} and statement_line_id is null and spent_on between ${from}::date - 3 and ${to}::date + 3`.execute(q);
  const num = (e: LedgerEntry & { amount: string | number }) => ({ ...e, amount: Number(e.amount) });
  return { receipts: r.rows.map(num), spendings: s.rows.map(num) };
}

export async function linkReceipt(q: Q, lineId: number, receiptId: number): Promise<void> {
  await sql`update fund_statement_lines set receipt_id = ${receiptId} where id = ${lineId}`.execute(q);
  await sql`update fund_receipts set statement_line_id = ${lineId} where id = ${receiptId}`.execute(q);
}

export async function linkSpending(q: Q, lineId: number, spendingId: number): Promise<void> {
  await sql`update fund_statement_lines set spending_id = ${spendingId} where id = ${lineId}`.execute(q);
  await sql`update fund_spendings set statement_line_id = ${lineId} where id = ${spendingId}`.execute(q);
}

export interface LineRow {
  readonly id: number;
  readonly statement_id: number;
  readonly line_no: number;
  readonly booked_on: string;
  readonly amount: number;
  readonly reference: string | null;
  readonly description: string;
  readonly receipt_id: number | null;
  readonly spending_id: number | null;
}

export async function unmatchedLines(q: Q, fundId: number): Promise<LineRow[]> {
  const r =
    await sql<LineRow>`select id, statement_id, line_no, to_char(booked_on, 'YYYY-MM-DD') as booked_on, amount::float8 as amount, reference, description, receipt_id, spending_id
    from fund_statement_lines where fund_id = ${fundId} and receipt_id is null and spending_id is null order by booked_on, id`.execute(q);
  return r.rows;
}

/** The bank side of the books: the first statement's opening, the last one's closing, and the lines' sums. */
export async function bankSide(q: Q, fundId: number): Promise<{ opening: number; closing: number; asOf: string; linked: number; unlinked: number } | null> {
  const r = await sql<{ opening: string; closing: string; as_of: string; linked: string; unlinked: string }>`select
      (select opening_balance from fund_statements where fund_id = ${fundId} order by period_from, id limit 1) as opening,
      (select closing_balance from fund_statements where fund_id = ${fundId} order by period_to desc, id desc limit 1) as closing,
      (select to_char(max(period_to), 'YYYY-MM-DD') from fund_statements where fund_id = ${fundId}) as as_of,
      coalesce((select sum(amount) from fund_statement_lines where fund_id = ${fundId} and (receipt_id is not null or spending_id is not null)), 0) as linked,
      coalesce((select sum(amount) from fund_statement_lines where fund_id = ${fundId} and receipt_id is null and spending_id is null), 0) as unlinked`.execute(
    q,
  );
  const b = r.rows[0]!;
  if (b.opening === null) return null;
  return { opening: Number(b.opening), closing: Number(b.closing), asOf: b.as_of, linked: Number(b.linked), unlinked: Number(b.unlinked) };
}

export interface PublicReceipt {
  readonly id: number;
  readonly donor: string;
  readonly amount: number;
  readonly received_on: string;
  readonly channel: ReceiptChannel;
  readonly purpose: string | null;
}

export interface LedgerQuery {
  readonly q?: string | null;
  readonly amount?: number | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** A fund's receipts for the public ledger: donor (folded, substring: the trigram index) or exact amount, in a period. */
export async function publicReceipts(
  q: Q,
  fundId: number,
  f: LedgerQuery,
  folded: string | null,
): Promise<{ items: PublicReceipt[]; total: number; sum: number }> {
  const where = sql`fund_id = ${fundId}
    ${folded ? sql`and donor_folded like ${'%' + folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql``}
    ${f.amount ? sql`and amount = ${f.amount}` : sql``}
    ${f.from ? sql`and received_on >= ${f.from}::date` : sql``}
    ${f.to ? sql`and received_on <= ${f.to}::date` : sql``}`;
  // One scan for the page, the count and the sum (a window over every match), not two.
  const items = await sql<
    PublicReceipt & { n: number; s: number }
  >`select id, donor, amount::float8 as amount, to_char(received_on, 'YYYY-MM-DD') as received_on, channel, purpose,
      (count(*) over ())::int as n, (sum(amount) over ())::float8 as s
    from fund_receipts where ${where} order by received_on desc, id desc limit ${f.limit} offset ${f.offset}`.execute(q);
  const first = items.rows[0];
  if (first || f.offset === 0) return { items: items.rows.map(({ n: _n, s: _s, ...r }) => r), total: first?.n ?? 0, sum: first?.s ?? 0 };
  const agg = await sql<{ n: number; s: string }>`select count(*)::int as n, coalesce(sum(amount), 0) as s from fund_receipts where ${where}`.execute(q);
  return { items: [], total: agg.rows[0]!.n, sum: Number(agg.rows[0]!.s) };
}

export interface PublicSpending {
  readonly id: number;
  readonly amount: number;
  readonly spent_on: string;
  readonly purpose: string;
  readonly case_kind: CaseKind | null;
  readonly beneficiary_name: string | null;
  readonly beneficiary_hamlet: string | null;
}

/** A fund's spending for the public ledger, by use (folded purpose) or amount, in a period; beneficiaries as name and hamlet only. */
export async function publicSpendings(
  q: Q,
  fundId: number,
  f: LedgerQuery,
  folded: string | null,
): Promise<{ items: PublicSpending[]; total: number; sum: number }> {
  const where = sql`s.fund_id = ${fundId}
    ${folded ? sql`and s.purpose_folded like ${'%' + folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql``}
    ${f.amount ? sql`and s.amount = ${f.amount}` : sql``}
    ${f.from ? sql`and s.spent_on >= ${f.from}::date` : sql``}
    ${f.to ? sql`and s.spent_on <= ${f.to}::date` : sql``}`;
  const items =
    await sql<PublicSpending>`select s.id, s.amount::float8 as amount, to_char(s.spent_on, 'YYYY-MM-DD') as spent_on, s.purpose, a.case_kind, a.beneficiary_name, a.beneficiary_hamlet
    from fund_spendings s left join fund_allocations a on a.id = s.allocation_id where ${where} order by s.spent_on desc, s.id desc limit ${f.limit} offset ${f.offset}`.execute(
      q,
    );
  const agg = await sql<{ n: number; s: string }>`select count(*)::int as n, coalesce(sum(s.amount), 0) as s from fund_spendings s where ${where}`.execute(q);
  return { items: items.rows, total: agg.rows[0]!.n, sum: Number(agg.rows[0]!.s) };
}

/** A statement line of the fund, locked for a manual link. */
export async function lineForLink(q: Q, fundId: number, lineId: number): Promise<(LineRow & { unit_id: number }) | null> {
  const r = await sql<LineRow & { unit_id: number }>`select id, statement_id, line_no, to_char(booked_on, 'YYYY-MM-DD') as booked_on, amount::float8 as amount,
      reference, description, receipt_id, spending_id, unit_id
    from fund_statement_lines where fund_id = ${fundId} and id = ${lineId} for update`.execute(q);
  return r.rows[0] ?? null;
}

/** A receipt or a spending of the fund, locked for a manual link. */
export async function entryForLink(
  q: Q,
  fundId: number,
  kind: 'receipt' | 'spending',
  id: number,
): Promise<{ id: number; amount: number; statement_line_id: number | null } | null> {
  const r =
    kind === 'receipt'
      ? await sql<{ id: number; amount: number; statement_line_id: number | null }>`select id, amount::float8 as amount, statement_line_id from fund_receipts
          where fund_id = ${fundId} and id = ${id} for update`.execute(q)
      : await sql<{ id: number; amount: number; statement_line_id: number | null }>`select id, amount::float8 as amount, statement_line_id from fund_spendings
          where fund_id = ${fundId} and id = ${id} for update`.execute(q);
  return r.rows[0] ?? null;
}

/** Entries of the fund not linked to a bank line, of one of these amounts (candidates for the unmatched lines). */
export async function linkCandidates(
  q: Q,
  fundId: number,
  amounts: readonly number[],
): Promise<{ kind: 'receipt' | 'spending'; id: number; amount: number; date: string; label: string }[]> {
  if (amounts.length === 0) return [];
  const a = [...new Set(amounts.map((x) => Math.abs(x)))];
  const r = await sql<{ kind: 'receipt' | 'spending'; id: number; amount: number; date: string; label: string }>`
    select 'receipt' as kind, id, amount::float8 as amount, to_char(received_on, 'YYYY-MM-DD') as date, donor as label from fund_receipts
      where fund_id = ${fundId} and statement_line_id is null and amount = any(${a}::bigint[])
    union all
    select 'spending' as kind, id, amount::float8 as amount, to_char(spent_on, 'YYYY-MM-DD') as date, purpose as label from fund_spendings
      where fund_id = ${fundId} and statement_line_id is null and amount = any(${a}::bigint[])
    order by date, id limit 200`.execute(q);
  return r.rows;
}

/** The funds of a unit with a receipt or a spending dated in the year (what Decree 03/2026 asks to publish by 31/3 of the next). */
export async function fundsWithEntriesIn(q: Q, unitId: number, year: number): Promise<number> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const r = await sql<{ n: number }>`select count(*)::int as n from funds f where f.unit_id = ${unitId} and (
      exists (select 1 from fund_receipts r where r.fund_id = f.id and r.received_on between ${from}::date and ${to}::date)
      or exists (select 1 from fund_spendings s where s.fund_id = f.id and s.spent_on between ${from}::date and ${to}::date))
    and not exists (select 1 from fund_publications p where p.fund_id = f.id and p.year = ${year})`.execute(q);
  return r.rows[0]!.n;
}

/** Marks a fund's year published (Decree 03/2026); null when it already was. */
export async function insertPublication(q: Q, v: { fundId: number; unitId: number; year: number; date: string }, by: string): Promise<number | null> {
  const r = await sql<{ id: number }>`insert into fund_publications (fund_id, unit_id, year, published_on, published_by)
    values (${v.fundId}, ${v.unitId}, ${v.year}, ${v.date}::date, ${by}) on conflict (fund_id, year) do nothing returning id`.execute(q);
  return r.rows[0]?.id ?? null;
}
