// Multi-step writes of funds, each one input, one transaction (the caller's scoped transaction)
// and its audit entry: open a fund, record a receipt, an allocation to a case, a spending, and
// import a bank statement (its balances checked, its lines matched to receipts and spending).
// A refused input throws before anything is written; every change to money is audited.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/model.ts';
import { AppError, type FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { assertCanWriteFund } from './policy.ts';
import { donorFromDescription, foldDonor, manualLinkError, matchLines, readStatement, type Bank } from './model.ts';
import * as store from './store.ts';
import type { LinkLineBody, NewAllocationBody, NewFundBody, NewReceiptBody, NewSpendingBody } from './schemas.ts';

export interface Who {
  readonly actor: Actor | null;
  readonly ip?: string | null;
  readonly today: string;
}

import { auditActor as who } from '../audit/actor.ts';
const MAX_AMOUNT = 1_000_000_000_000;

function amountErrors(amount: number, path: string): FieldError[] {
  if (amount <= 0) return [{ path, message: text('Số tiền phải lớn hơn 0', 'The amount must be positive') }];
  if (amount > MAX_AMOUNT) return [{ path, message: text('Số tiền quá lớn', 'The amount is too large') }];
  return [];
}
function dateErrors(date: string, today: string, path: string): FieldError[] {
  return date > today ? [{ path, message: text('Ngày ở tương lai', 'The date is in the future') }] : [];
}
const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The fund, visible in the actor's scope and writable there, or 404. */
async function writableFund(tx: Transaction<DB>, w: Who, id: number): Promise<store.FundRow> {
  const f = await store.getFund(tx, id);
  if (!f) throw AppError.notFound(text('Không tìm thấy quỹ', 'Fund not found'));
  assertCanWriteFund(w.actor, f.unit_id);
  return f;
}

export async function createFund(tx: Transaction<DB>, w: Who, body: NewFundBody): Promise<{ id: number }> {
  const unit = await store.unitByCode(tx, body.unitCode);
  if (!unit) throw AppError.validation([{ path: '/body/unitCode', message: text('Không có đơn vị này', 'No such unit') }]);
  assertCanWriteFund(w.actor, unit.id);
  const name = body.name.trim();
  if (!name) throw AppError.validation([{ path: '/body/name', message: text('Cần tên quỹ', 'The fund needs a name') }]);
  const id = await store.insertFund(tx, unit, { kind: body.kind, name, bankName: clean(body.bankName), accountNumber: clean(body.accountNumber) });
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund.create',
    entity: 'fund',
    entityId: id,
    unitId: unit.id,
    ip: w.ip ?? null,
    after: { kind: body.kind, name },
  });
  return { id };
}

export async function recordReceipt(tx: Transaction<DB>, w: Who, fundId: number, body: NewReceiptBody): Promise<{ id: number }> {
  const f = await writableFund(tx, w, fundId);
  const donor = body.donor.trim();
  const errors = [...amountErrors(body.amount, '/body/amount'), ...dateErrors(body.receivedOn, w.today, '/body/receivedOn')];
  if (!donor) errors.push({ path: '/body/donor', message: text('Cần tên người, đơn vị ủng hộ', 'The donor is required') });
  if (errors.length) throw AppError.validation(errors);
  const v: store.ReceiptValues = {
    donor,
    donorFolded: foldDonor(donor),
    amount: body.amount,
    receivedOn: body.receivedOn,
    channel: body.channel,
    purpose: clean(body.purpose),
    reference: clean(body.reference),
  };
  const id = await store.insertReceipt(tx, f, v, w.actor?.username ?? null);
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund_receipt.create',
    entity: 'fund_receipt',
    entityId: id,
    unitId: f.unit_id,
    ip: w.ip ?? null,
    after: { fundId: f.id, donor, amount: v.amount, receivedOn: v.receivedOn, channel: v.channel, purpose: v.purpose, reference: v.reference },
  });
  return { id };
}

export async function recordAllocation(tx: Transaction<DB>, w: Who, fundId: number, body: NewAllocationBody): Promise<{ id: number }> {
  const f = await writableFund(tx, w, fundId);
  const errors = [...amountErrors(body.amount, '/body/amount'), ...dateErrors(body.decidedOn, w.today, '/body/decidedOn')];
  const description = body.description.trim();
  if (!description) errors.push({ path: '/body/description', message: text('Cần nội dung phân bổ', 'The description is required') });
  if (errors.length) throw AppError.validation(errors);
  const v: store.AllocationValues = {
    caseKind: body.caseKind,
    caseRef: clean(body.caseRef),
    description,
    beneficiaryName: clean(body.beneficiaryName),
    beneficiaryHamlet: clean(body.beneficiaryHamlet),
    amount: body.amount,
    decidedOn: body.decidedOn,
  };
  const id = await store.insertAllocation(tx, f, v, w.actor?.username ?? null);
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund_allocation.create',
    entity: 'fund_allocation',
    entityId: id,
    unitId: f.unit_id,
    ip: w.ip ?? null,
    after: { fundId: f.id, ...v },
  });
  return { id };
}

export async function recordSpending(tx: Transaction<DB>, w: Who, fundId: number, body: NewSpendingBody): Promise<{ id: number }> {
  const f = await writableFund(tx, w, fundId);
  const errors = [...amountErrors(body.amount, '/body/amount'), ...dateErrors(body.spentOn, w.today, '/body/spentOn')];
  const purpose = body.purpose.trim();
  if (!purpose) errors.push({ path: '/body/purpose', message: text('Cần nội dung chi', 'The purpose is required') });
  if (body.allocationId) {
    const a = await store.allocationOf(tx, f.id, body.allocationId);
    if (!a) errors.push({ path: '/body/allocationId', message: text('Không có khoản phân bổ này trong quỹ', 'No such allocation in this fund') });
    else if (a.spent + body.amount > a.amount)
      errors.push({
        path: '/body/amount',
        message: text('Số chi vượt số đã phân bổ cho trường hợp này', 'The spending exceeds what was allocated to this case'),
      });
  }
  if (errors.length) throw AppError.validation(errors);
  const t = await store.totals(tx, f.id);
  if (body.amount > t.receipts - t.spendings)
    throw AppError.validation([{ path: '/body/amount', message: text('Số chi vượt số dư của quỹ', 'The spending exceeds the fund balance') }]);
  const v: store.SpendingValues = {
    allocationId: body.allocationId ?? null,
    amount: body.amount,
    spentOn: body.spentOn,
    purpose,
    purposeFolded: foldDonor(purpose),
    reference: clean(body.reference),
  };
  const id = await store.insertSpending(tx, f, v, w.actor?.username ?? null);
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund_spending.create',
    entity: 'fund_spending',
    entityId: id,
    unitId: f.unit_id,
    ip: w.ip ?? null,
    after: { fundId: f.id, ...v },
  });
  return { id };
}

export interface ImportInput {
  readonly fileName: string;
  readonly content: Buffer;
  readonly rows: readonly (readonly string[])[];
  readonly opening?: number | null;
  readonly closing?: number | null;
  readonly createReceipts: boolean;
}

export interface ImportOutcome {
  statementId: number;
  alreadyImported: boolean;
  bank: Bank;
  openingBalance: number;
  closingBalance: number;
  lines: number;
  newLines: number;
  matched: number;
  receiptsCreated: number;
  unmatched: { id: number; lineNo: number; bookedOn: string; amount: number; reference: string | null; description: string }[];
}

/**
 * Imports a bank statement into a fund: the balances checked (422 and nothing written when the
 * opening balance and the lines do not make the closing balance), the lines not seen before
 * stored, each matched to a receipt or a spending (amount, date, reference or donor), receipts
 * created for the unmatched money-in lines when asked; the same file again changes nothing.
 */
export async function importStatement(tx: Transaction<DB>, w: Who, fundId: number, input: ImportInput): Promise<ImportOutcome> {
  const f = await writableFund(tx, w, fundId);
  const { statement: s, errors } = readStatement(input.rows, input.fileName, { opening: input.opening, closing: input.closing });
  if (!s) throw AppError.validation(errors, text('Sao kê không hợp lệ, chưa nhập gì', 'The statement is not valid; nothing was imported'));
  const late = s.lines.find((l) => l.bookedOn > w.today);
  if (late)
    throw AppError.validation([
      { path: `/body/file/rows/${late.row}/date`, message: text(`Dòng ${late.row}: ngày giao dịch ở tương lai`, `Row ${late.row}: dated in the future`) },
    ]);
  const hash = createHash('sha256').update(input.content).digest('hex');
  const unmatchedNow = async () =>
    (await store.unmatchedLines(tx, f.id)).map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      bookedOn: l.booked_on,
      amount: l.amount,
      reference: l.reference,
      description: l.description,
    }));
  const done = await store.statementByHash(tx, f.id, hash);
  const base = { bank: s.bank, openingBalance: s.opening, closingBalance: s.closing, lines: s.lines.length };
  if (done) return { statementId: done.id, alreadyImported: true, ...base, newLines: 0, matched: 0, receiptsCreated: 0, unmatched: await unmatchedNow() };
  const statementId = await store.insertStatement(tx, f, s, hash, input.fileName, w.actor?.username ?? null);
  const ids = await store.insertLines(tx, f, statementId, s);
  const fresh = s.lines.filter((l) => ids.has(l.lineNo));
  const pool = await store.unlinked(tx, f.id, s.from, s.to);
  const matches = matchLines(fresh, pool.receipts, pool.spendings);
  let receiptsCreated = 0;
  for (const l of fresh) {
    const lineId = ids.get(l.lineNo)!;
    const m = matches.get(l.lineNo);
    if (m?.kind === 'receipt') await store.linkReceipt(tx, lineId, m.id);
    else if (m?.kind === 'spending') await store.linkSpending(tx, lineId, m.id);
    else if (input.createReceipts && l.amount > 0) {
      const donor = donorFromDescription(l.description);
      const rid = await store.insertReceipt(
        tx,
        f,
        {
          donor,
          donorFolded: foldDonor(donor),
          amount: l.amount,
          receivedOn: l.bookedOn,
          channel: 'bank',
          purpose: l.description.slice(0, 500) || null,
          reference: l.reference,
          statementLineId: lineId,
        },
        w.actor?.username ?? null,
      );
      await store.linkReceipt(tx, lineId, rid);
      receiptsCreated++;
    }
  }
  const out: ImportOutcome = {
    statementId,
    alreadyImported: false,
    ...base,
    newLines: fresh.length,
    matched: matches.size,
    receiptsCreated,
    unmatched: await unmatchedNow(),
  };
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund_statement.import',
    entity: 'fund_statement',
    entityId: statementId,
    unitId: f.unit_id,
    ip: w.ip ?? null,
    after: {
      fundId: f.id,
      file: input.fileName,
      sha256: hash,
      bank: s.bank,
      opening: s.opening,
      closing: s.closing,
      lines: s.lines.length,
      newLines: fresh.length,
      matched: matches.size,
      receiptsCreated,
    },
  });
  return out;
}

/**
 * Links a bank line the import left unmatched, by hand: to a receipt or a spending of the fund
 * (same direction and amount, not linked yet), or, for money in, to a new receipt from a donor
 * the officer names (dated as the bank booked it, channel bank). One of the three, audited with
 * the line and the entry; a refused link changes nothing.
 */
export async function linkLine(
  tx: Transaction<DB>,
  w: Who,
  fundId: number,
  lineId: number,
  body: LinkLineBody,
): Promise<{ lineId: number; receiptId: number | null; spendingId: number | null; created: boolean }> {
  const f = await writableFund(tx, w, fundId);
  const given = [body.receiptId, body.spendingId, body.donor].filter((x) => x !== undefined).length;
  if (given !== 1)
    throw AppError.validation([
      {
        path: '/body',
        message: text('Chọn một khoản thu, một khoản chi, hoặc nhập tên người ủng hộ', 'Give one receipt, one spending or a donor name'),
      },
    ]);
  const line = await store.lineForLink(tx, f.id, lineId);
  if (!line) throw AppError.notFound(text('Không tìm thấy giao dịch ngân hàng', 'Bank line not found'));
  const linked = line.receipt_id !== null || line.spending_id !== null;
  const kind = body.spendingId !== undefined ? 'spending' : 'receipt';
  const entryId = body.receiptId ?? body.spendingId;
  const entry = entryId !== undefined ? await store.entryForLink(tx, f.id, kind, entryId) : null;
  if (entryId !== undefined && !entry)
    throw AppError.validation([{ path: `/body/${kind}Id`, message: text('Không có khoản này trong sổ của quỹ', 'No such entry in the fund') }]);
  const why = manualLinkError({ amount: line.amount, linked }, entry ? { kind, amount: entry.amount, linked: entry.statement_line_id !== null } : null);
  if (why?.field === 'line') throw AppError.conflict(text(why.vi, why.en));
  if (why) throw AppError.validation([{ path: `/body/${why.field}`, message: text(why.vi, why.en) }]);
  let receiptId: number | null = null;
  let spendingId: number | null = null;
  let created = false;
  if (body.donor !== undefined) {
    const donor = body.donor.trim();
    if (!donor) throw AppError.validation([{ path: '/body/donor', message: text('Cần tên người ủng hộ', 'The donor name is required') }]);
    if (line.amount <= 0)
      throw AppError.validation([{ path: '/body/donor', message: text('Tiền ra không tạo được khoản thu', 'Money out cannot make a receipt') }]);
    receiptId = await store.insertReceipt(
      tx,
      f,
      {
        donor,
        donorFolded: foldDonor(donor),
        amount: line.amount,
        receivedOn: line.booked_on,
        channel: 'bank',
        purpose: clean(body.purpose) ?? (line.description.slice(0, 500) || null),
        reference: line.reference,
        statementLineId: line.id,
      },
      w.actor?.username ?? null,
    );
    await store.linkReceipt(tx, line.id, receiptId);
    created = true;
  } else if (kind === 'receipt') {
    receiptId = entry!.id;
    await store.linkReceipt(tx, line.id, receiptId);
  } else {
    spendingId = entry!.id;
    await store.linkSpending(tx, line.id, spendingId);
  }
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund_statement_line.link',
    entity: 'fund_statement_line',
    entityId: line.id,
    unitId: f.unit_id,
    ip: w.ip ?? null,
    before: { receiptId: null, spendingId: null },
    after: {
      fundId: f.id,
      bookedOn: line.booked_on,
      amount: line.amount,
      receiptId,
      spendingId,
      createdReceipt: created,
      ...(created ? { donor: body.donor!.trim() } : {}),
    },
  });
  return { lineId: line.id, receiptId, spendingId, created };
}

/**
 * The officer marks a fund's year published (Decree 03/2026/NĐ-CP: receipts and spending of a year
 * published by 31/3 of the next): only a year that has ended, once; the home reminder then ends.
 */
export async function markPublished(tx: Transaction<DB>, w: Who, fundId: number, year: number): Promise<{ id: number }> {
  const f = await writableFund(tx, w, fundId);
  if (year >= Number(w.today.slice(0, 4)))
    throw AppError.validation([{ path: '/body/year', message: text('Chỉ công khai một năm đã kết thúc', 'Only a year that has ended is published') }]);
  const id = await store.insertPublication(tx, { fundId: f.id, unitId: f.unit_id, year, date: w.today }, w.actor?.username ?? 'system');
  if (id === null)
    throw AppError.conflict(text('Năm {year} của quỹ đã được đánh dấu công khai', 'Year {year} of the fund is already marked published'), { year });
  await audit(tx, {
    actor: who(w.actor),
    action: 'fund.publish',
    entity: 'fund',
    entityId: f.id,
    unitId: f.unit_id,
    ip: w.ip ?? null,
    after: { year, date: w.today },
  });
  return { id };
}
