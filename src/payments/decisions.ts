// Benefit decisions as commands. createDecision checks and inserts one decision (a start or
// change takes its category, coefficient, amount and basis from the law engine at the start
// month, ./decision-rules.ts; a stop belongs to the commune of the decision it stops); the
// caller audits it with its own event (a confirmed life-event proposal, src/registry/events.ts).
// recordDecision is the officer's decision from the person's page: the decision and its audit
// entry in the caller's transaction. Who may decide is checked before (./policy.ts).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor as Q } from '../db/executor.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { MonthNumber } from '../kernel/month.ts';
import { entitlementInMonth, type Entitlement } from '../law/assistance.ts';
import { householdContext, personFacts, toLawMonth } from '../registry/law.ts';
import type { PaymentChannel } from '../registry/model.ts';
import { audit } from '../audit/store.ts';
import { classFor, decidedBenefit, moveInRefusal } from './decision-rules.ts';
import { activeDecision, decisionNumberTaken, insertDecision, pendingMoveIn, personContext, personExists } from './store.ts';

/** One benefit decision as the commune signed it. */
export interface DecisionInput {
  readonly personId: number;
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly kind: 'start' | 'change' | 'stop';
  readonly startMonth: MonthNumber;
  readonly channel?: PaymentChannel | null;
  readonly account?: string | null;
}

export interface DecisionMade {
  readonly id: number;
  readonly category: string | null;
  readonly coefficientTenths: number | null;
  readonly monthlyAmount: number | null;
  readonly basis: string;
  readonly unitId: number;
}

function entitlement(ctx: NonNullable<Awaited<ReturnType<typeof personContext>>>, month: MonthNumber, decisionMonth: MonthNumber | null): Entitlement {
  const facts = personFacts(ctx.p, { decisionMonth, household: ctx.members, month });
  return entitlementInMonth(facts, householdContext(ctx.p, classFor(ctx.classes, Math.floor(month / 100))), toLawMonth(month));
}

/**
 * Records a decision. A start or change is refused unless the law engine finds a payable
 * monthly social assistance in the start month; the decision keeps the category, coefficient,
 * amount and legal basis the engine gave, in the person's commune. A stop belongs to the
 * commune of the decision it stops (the person's active decision), which may no longer be the
 * person's commune (a move): that commune reads neither the person's record nor needs it.
 */
export async function createDecision(q: Q, d: DecisionInput, by: string | null): Promise<DecisionMade> {
  let benefit: { category: string | null; coefficientTenths: number | null; monthlyAmount: number | null; basis: string } = {
    category: null,
    coefficientTenths: null,
    monthlyAmount: null,
    basis: '',
  };
  let unit: { unit_id: number; province_code: string };
  if (d.kind === 'stop') {
    const active = await activeDecision(q, d.personId);
    if (!active) {
      if (!(await personExists(q, d.personId))) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
      throw AppError.conflict(text('Nhân khẩu không có quyết định hưởng đang có hiệu lực để thôi hưởng', 'The person has no active benefit decision to stop'));
    }
    unit = active;
  } else {
    const ctx = await personContext(q, d.personId);
    if (!ctx) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
    unit = ctx.p;
    const refused = moveInRefusal(await pendingMoveIn(q, d.personId, ctx.p.unit_id, d.startMonth));
    if (refused) throw refused;
    benefit = decidedBenefit(entitlement(ctx, d.startMonth, d.startMonth), d.startMonth);
  }
  if (await decisionNumberTaken(q, unit.unit_id, d.number))
    throw AppError.conflict(text('Số quyết định {number} đã có trong xã', 'Decision number {number} already exists in this commune'), { number: d.number });
  const id = await insertDecision(
    q,
    {
      provinceCode: unit.province_code,
      unitId: unit.unit_id,
      personId: d.personId,
      number: d.number,
      decidedOn: d.decidedOn,
      signer: d.signer,
      kind: d.kind,
      ...benefit,
      startMonth: d.startMonth,
      channel: d.channel ?? (d.kind === 'stop' ? null : 'cash'),
      account: d.account ?? null,
    },
    by,
  );
  return { id, ...benefit, unitId: unit.unit_id };
}

/** The officer's decision from the person's page (the input of recordDecision). */
export interface RecordDecisionInput {
  readonly decision: DecisionInput;
  /** Who records it (kept as created_by and in the audit entry) and from where. */
  readonly actor: { readonly userId: number; readonly username: string };
  readonly ip: string | null;
}

/** Records a decision and its audit entry (`decision.<kind>`) in the same transaction. */
export async function recordDecision(tx: Transaction<DB>, input: RecordDecisionInput): Promise<DecisionMade> {
  const { decision: d, actor, ip } = input;
  const made = await createDecision(tx, d, actor.username);
  const { personId: _personId, ...body } = d;
  await audit(tx, {
    actor,
    action: `decision.${d.kind}`,
    entity: 'benefit_decision',
    entityId: made.id,
    unitId: made.unitId,
    after: { ...body, category: made.category, coefficientTenths: made.coefficientTenths, monthlyAmount: made.monthlyAmount },
    ip,
  });
  return made;
}
