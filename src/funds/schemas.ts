// The HTTP contract of funds: request bodies, the answers, and the presenters that decide what
// leaves the server (the public ledger: donors' names as given, beneficiaries reduced to name and
// hamlet, no ID numbers, no officer names).
import { Type, type Static } from 'typebox';
import { Nullable, enumOf } from '../kernel/schemas.ts';
import { BANKS, CASE_KINDS, FUND_KINDS, FUND_KIND_TEXT, RECEIPT_CHANNELS, type FundKind } from './model.ts';
import type { FundRow, Totals } from './store.ts';

const Amount = Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'whole VND, positive' });
const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const TextView = Type.Object({ vi: Type.String(), en: Type.String() });

export const FundId = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const UnitCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,5}$' }) });

export const NewFundBody = Type.Object(
  {
    unitCode: Type.String({ pattern: '^[0-9]{2,5}$', description: 'the province or commune holding the fund' }),
    kind: enumOf(FUND_KINDS),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    bankName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    accountNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  },
  { additionalProperties: false },
);
export type NewFundBody = Static<typeof NewFundBody>;

export const NewReceiptBody = Type.Object(
  {
    donor: Type.String({ minLength: 1, maxLength: 200 }),
    amount: Type.Integer({ description: 'whole VND, positive' }),
    receivedOn: DateString,
    channel: enumOf(RECEIPT_CHANNELS),
    purpose: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    reference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
export type NewReceiptBody = Static<typeof NewReceiptBody>;

export const NewAllocationBody = Type.Object(
  {
    caseKind: enumOf(CASE_KINDS, { description: 'what the money is for: a housing case, a relief list, a visit (by kind and id, no link to their tables)' }),
    caseRef: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'the case id in its feature, e.g. "12"' }))),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    beneficiaryName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    beneficiaryHamlet: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    amount: Type.Integer({ description: 'whole VND, positive' }),
    decidedOn: DateString,
  },
  { additionalProperties: false },
);
export type NewAllocationBody = Static<typeof NewAllocationBody>;

export const NewSpendingBody = Type.Object(
  {
    allocationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    amount: Type.Integer({ description: 'whole VND, positive' }),
    spentOn: DateString,
    purpose: Type.String({ minLength: 1, maxLength: 500 }),
    reference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
export type NewSpendingBody = Static<typeof NewSpendingBody>;

export const Created = Type.Object({ id: Type.Integer() });

export const StatementUpload = Type.Object({
  file: Type.String({ format: 'binary', description: '.csv or .xlsx bank statement' }),
  openingBalance: Type.Optional(Type.String({ description: 'when the file does not print it' })),
  closingBalance: Type.Optional(Type.String({ description: 'when the file does not print it' })),
  createReceipts: Type.Optional(Type.String({ description: '"true": a receipt for each money-in line no receipt matched' })),
});

const LineView = Type.Object({
  id: Type.Integer(),
  lineNo: Type.Integer(),
  bookedOn: DateString,
  amount: Type.Integer(),
  reference: Nullable(Type.String()),
  description: Type.String(),
});
export const ImportResult = Type.Object({
  statementId: Type.Integer(),
  alreadyImported: Type.Boolean({ description: 'the same file was imported before: nothing changed' }),
  bank: enumOf(BANKS),
  openingBalance: Type.Integer(),
  closingBalance: Type.Integer(),
  lines: Type.Integer(),
  newLines: Type.Integer({ description: 'lines not in an earlier statement' }),
  matched: Type.Integer(),
  receiptsCreated: Type.Integer(),
  unmatched: Type.Array(LineView),
});
export type ImportResult = Static<typeof ImportResult>;
const Candidate = Type.Object({
  kind: Type.Union([Type.Literal('receipt'), Type.Literal('spending')]),
  id: Type.Integer(),
  amount: Type.Integer(),
  date: DateString,
  label: Nullable(Type.String({ description: 'the donor (receipt) or the use (spending)' })),
});
export const UnmatchedList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...LineView.properties,
      candidates: Type.Array(Candidate, { description: 'entries of the fund not linked yet, same direction and amount' }),
    }),
  ),
});
export type UnmatchedList = Static<typeof UnmatchedList>;
export const LineParams = Type.Object({ id: Type.Integer({ minimum: 1 }), lineId: Type.Integer({ minimum: 1 }) });
export const LinkLineBody = Type.Object(
  {
    receiptId: Type.Optional(Type.Integer({ minimum: 1 })),
    spendingId: Type.Optional(Type.Integer({ minimum: 1 })),
    donor: Type.Optional(Type.String({ maxLength: 200, description: 'money in: a new receipt from this donor' })),
    purpose: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type LinkLineBody = Static<typeof LinkLineBody>;
export const LinkResult = Type.Object({
  lineId: Type.Integer(),
  receiptId: Nullable(Type.Integer()),
  spendingId: Nullable(Type.Integer()),
  created: Type.Boolean({ description: 'a receipt was created from the line' }),
});
export type LinkResult = Static<typeof LinkResult>;

const TotalsView = Type.Object({
  receipts: Type.Integer(),
  receiptCount: Type.Integer(),
  spendings: Type.Integer(),
  spendingCount: Type.Integer(),
  allocations: Type.Integer(),
  balance: Type.Integer({ description: 'receipts − spending' }),
});
const BankView = Nullable(
  Type.Object({
    asOf: DateString,
    openingBalance: Type.Integer(),
    closingBalance: Type.Integer(),
    matchedMovement: Type.Integer({ description: 'the lines matched to receipts and spending' }),
    unmatchedMovement: Type.Integer({ description: 'the lines not matched yet' }),
    reconciled: Type.Boolean({ description: 'opening + matched lines = closing: every bank line is in the books' }),
  }),
);
export const FundView = Type.Object({
  id: Type.Integer(),
  kind: enumOf(FUND_KINDS),
  kindText: TextView,
  name: Type.String(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  bankName: Nullable(Type.String()),
  accountNumber: Nullable(Type.String()),
  totals: TotalsView,
  bank: BankView,
});
export type FundView = Static<typeof FundView>;
export const FundList = Type.Object({ items: Type.Array(FundView) });
export type FundList = Static<typeof FundList>;

export const LedgerQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'donor name (receipts) or use (spending), accent-insensitive' })),
  amount: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
});
export type LedgerQuery = Static<typeof LedgerQuery>;

export const PublicReceiptView = Type.Object({
  id: Type.Integer(),
  donor: Type.String(),
  amount: Type.Integer(),
  receivedOn: DateString,
  channel: enumOf(RECEIPT_CHANNELS),
  purpose: Nullable(Type.String()),
});
export const PublicSpendingView = Type.Object({
  id: Type.Integer(),
  amount: Type.Integer(),
  spentOn: DateString,
  purpose: Type.String(),
  caseKind: Nullable(enumOf(CASE_KINDS)),
  beneficiary: Nullable(Type.Object({ name: Type.String(), hamlet: Nullable(Type.String()) }, { description: 'name and hamlet only (no ID number)' })),
});
const Page = { total: Type.Integer(), sum: Type.Integer({ description: 'the sum of every matching row, not only this page' }) };
export const PublicReceipts = Type.Object({ items: Type.Array(PublicReceiptView), ...Page });
export const PublicSpendings = Type.Object({ items: Type.Array(PublicSpendingView), ...Page });
export type PublicReceipts = Static<typeof PublicReceipts>;
export type PublicSpendings = Static<typeof PublicSpendings>;
export const PublicFund = Type.Object({
  fund: FundView,
  period: Type.Object({ from: Nullable(DateString), to: Nullable(DateString) }),
  periodTotals: TotalsView,
});

export function presentTotals(t: Totals) {
  return {
    receipts: t.receipts,
    receiptCount: t.receipt_count,
    spendings: t.spendings,
    spendingCount: t.spending_count,
    allocations: t.allocations,
    balance: t.receipts - t.spendings,
  };
}

export function presentFund(f: FundRow, t: Totals, b: { opening: number; closing: number; asOf: string; linked: number; unlinked: number } | null) {
  return {
    id: f.id,
    kind: f.kind,
    kindText: FUND_KIND_TEXT[f.kind as FundKind],
    name: f.name,
    unit: { code: f.unit_code, name: f.unit_name },
    bankName: f.bank_name,
    accountNumber: f.account_number,
    totals: presentTotals(t),
    bank: b
      ? {
          asOf: b.asOf,
          openingBalance: b.opening,
          closingBalance: b.closing,
          matchedMovement: b.linked,
          unmatchedMovement: b.unlinked,
          reconciled: b.opening + b.linked === b.closing,
        }
      : null,
  };
}

export const PublishBody = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
