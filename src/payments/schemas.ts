// The payments feature's HTTP contract: a benefit decision recorded, a commune's payrolls, one
// payroll with its lines (masked by src/payments/presenters.ts), approval and reconciliation.
// JSON is camelCase (presenters.ts maps the stored rows); the exports keep their Vietnamese headers.
import { Type, type Static } from 'typebox';
import { List, Nullable, enumOf } from '../kernel/schemas.ts';
import { paymentChannels } from '../registry/model.ts';
import { IsoDate, PersonView, VersionView } from '../registry/schemas.ts';
import { PROPOSAL_DECISIONS } from '../registry/events.ts';
import { DECISION_KINDS, PAYROLL_PROGRAMMES, STATEMENT_STATUSES } from './model.ts';

export const Code = Type.Object({ code: Type.String({ pattern: '^[0-9]{5}$' }) });
export const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const MonthT = Type.Integer({ minimum: 202201, maximum: 203012, description: 'YYYYMM' });
export const Channel = enumOf(paymentChannels);

export const DecisionBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 50 }),
    decidedOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    signer: Type.String({ minLength: 1, maxLength: 200 }),
    kind: enumOf(DECISION_KINDS),
    startMonth: MonthT,
    channel: Type.Optional(Channel),
    account: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

/** The decision as recorded: category, coefficient and basis withheld (masked) without the full-read permission. */
export const DecisionRecorded = Type.Object({
  id: Type.Integer(),
  category: Nullable(Type.String()),
  coefficientTenths: Nullable(Type.Integer()),
  monthlyAmount: Nullable(Type.Integer()),
  basis: Nullable(Type.String()),
  unitId: Type.Integer(),
  masked: Type.Optional(Type.Boolean()),
});
export type DecisionRecorded = Static<typeof DecisionRecorded>;

export const PayrollMonthBody = Type.Object({ month: MonthT }, { additionalProperties: false });

/** A commune's payrolls, newest first, and the cashless share of the latest. */
export const PayrollList = List(
  Type.Object({
    id: Type.Integer(),
    month: Type.Integer(),
    programme: enumOf(PAYROLL_PROGRAMMES),
    state: Type.String(),
    lines: Type.Integer(),
    total: Type.Integer(),
    cashless: Type.Integer(),
  }),
  {
    cashless: Nullable(Type.Object({ month: Type.Integer(), numerator: Type.Integer(), denominator: Type.Integer() })),
  },
);
export type PayrollList = Static<typeof PayrollList>;

/** A payroll line as shown: personal ID and account masked, category only with the full-read permission. */
export const PayrollLineView = Type.Object({
  personId: Type.Integer(),
  fullName: Type.String(),
  personalId: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  householdCode: Nullable(Type.String()),
  channel: Type.String(),
  account: Nullable(Type.String()),
  currentAmount: Type.Integer(),
  arrears: Type.Integer(),
  total: Type.Integer(),
  status: Type.String(),
  category: Nullable(Type.String()),
});

/** A payroll with its lines, totals and the accounts several persons would be paid to. */
export const PayrollDetail = Type.Object({
  payroll: Type.Object({
    id: Type.Integer(),
    unitId: Type.Integer(),
    month: Type.Integer(),
    programme: enumOf(PAYROLL_PROGRAMMES),
    state: Type.String(),
    lines: Type.Integer(),
    total: Type.Integer(),
    unitName: Type.String(),
    approvedBy: Nullable(Type.String()),
  }),
  lines: Type.Array(PayrollLineView),
  totals: Type.Object({ lines: Type.Integer(), current: Type.Integer(), arrears: Type.Integer(), total: Type.Integer() }),
  warnings: Type.Object({
    sharedAccounts: Type.Array(
      Type.Object({ account: Nullable(Type.String()), persons: Type.Array(Type.Object({ personId: Type.Integer(), fullName: Type.String() })) }),
    ),
  }),
});
export type PayrollDetail = Static<typeof PayrollDetail>;

/**
 * A commune's merit payroll of a month as generated: its summary and the exceptions, the months
 * the law data cannot price (never paid), with the reasons (only with the full-read permission:
 * they can tell an injury).
 */
export const MeritPayrollSummary = Type.Object({
  payrollId: Type.Integer(),
  month: Type.Integer(),
  lines: Type.Integer(),
  total: Type.Integer(),
  arrears: Type.Integer(),
  unknown: Type.Array(
    Type.Object({
      personId: Type.Integer(),
      months: Type.Array(Type.Integer()),
      reasons: Type.Array(Type.Object({ vi: Type.String(), en: Type.String() })),
    }),
  ),
});
export type MeritPayrollSummary = Static<typeof MeritPayrollSummary>;

export const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('bank-csv'), Type.Literal('bank-xlsx'), Type.Literal('signatures')]) });
export const ApproveQuery = Type.Object({ acknowledgeSharedAccounts: Type.Optional(Type.Boolean()) });
export const Approved = Type.Object({ ok: Type.Boolean() });

export const StatementBody = Type.Object(
  {
    rows: Type.Array(Type.Object({ reference: Type.String({ maxLength: 40 }), amount: Type.Integer({ minimum: 0 }), status: enumOf(STATEMENT_STATUSES) }), {
      maxItems: 100_000,
    }),
  },
  { additionalProperties: false },
);

/** What a statement changed, and the rows it could not apply (the message in both languages). */
export const StatementResult = Type.Object({
  updates: Type.Array(Type.Object({ personId: Type.Integer(), status: Type.String() })),
  problems: Type.Array(Type.Object({ reference: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) })),
});
export type StatementResult = Static<typeof StatementResult>;

// ---- the registry pages whose data is payments' (served by src/payments/routes.ts) ----

/** A benefit decision as shown with a person (presenters.ts presentDecision). */
export const DecisionView = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  decidedOn: Type.String(),
  signer: Type.String(),
  kind: Type.String(),
  category: Nullable(Type.String()),
  coefficientTenths: Nullable(Type.Integer()),
  basis: Nullable(Type.String()),
  monthlyAmount: Nullable(Type.Integer()),
  startMonth: Type.Integer(),
  channel: Nullable(Type.String()),
  masked: Type.Boolean(),
});

/** A person with the versions of the record and the benefit decisions. */
export const PersonDetail = Type.Object({ person: PersonView, history: Type.Array(VersionView), decisions: Type.Array(DecisionView) });
export type PersonDetail = Static<typeof PersonDetail>;

/** A life-event proposal (src/registry/events.ts) decided, with the benefit decision its confirmation recorded (null when none). */
export const ProposalDecided = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  personId: Type.Integer(),
  action: Type.String(),
  effectiveMonth: Type.Integer(),
  decisionId: Nullable(Type.Integer()),
  decision: Nullable(DecisionRecorded),
});

export const DecideBody = Type.Object(
  {
    state: enumOf(PROPOSAL_DECISIONS),
    decision: Type.Optional(
      Type.Object(
        {
          number: Type.String({ minLength: 1, maxLength: 50 }),
          decidedOn: IsoDate,
          signer: Type.String({ minLength: 1, maxLength: 200 }),
          kind: Type.Optional(enumOf(DECISION_KINDS)),
          channel: Type.Optional(enumOf(paymentChannels)),
          account: Type.Optional(Type.String({ maxLength: 40 })),
        },
        {
          additionalProperties: false,
          description: 'The benefit decision the confirmation records (start/change/stop proposals; a review proposal with a kind)',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
