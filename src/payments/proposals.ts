// A life-event proposal decided (src/registry/events.ts files them): confirming a start, change
// or stop proposal records the benefit decision it calls for, then the registry closes the
// proposal linked to it.
import { sql } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { Executor as Q } from '../db/executor.ts';
import type { PaymentChannel } from '../registry/model.ts';
import { closeProposal, type OpenProposal } from '../registry/events.ts';
import { createDecision } from './decisions.ts';

export interface ProposalDecision {
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  /** For a 'review' proposal: which decision the review led to; otherwise the proposal's action. */
  readonly kind?: 'start' | 'change' | 'stop';
  readonly channel?: PaymentChannel;
  readonly account?: string;
}

/**
 * Confirms or rejects an open proposal. Confirming a start, change or stop proposal records the
 * benefit decision it calls for (number, date, signer) from the proposal's effective month, with
 * the category, coefficient and amount the law engine gives then, and links the two; a 'review'
 * proposal makes a decision only when the officer names its kind (a move-in review: only a start,
 * from the month the old commune stops paying; none marks it reviewed). The caller reads the open proposal once (openProposal).
 */
export async function decideProposal(q: Q, p: OpenProposal, state: 'confirmed' | 'rejected', by: string | null, decision?: ProposalDecision) {
  let decisionId: number | null = null;
  let made: Awaited<ReturnType<typeof createDecision>> | null = null;
  if (state === 'confirmed') {
    const kind = decision?.kind ?? (p.action === 'review' ? null : (p.action as 'start' | 'change' | 'stop'));
    if (p.kind === 'move_in' && kind && kind !== 'start') {
      throw AppError.validation([
        {
          path: '/body/decision/kind',
          message: text(
            'Với người chuyển đến, xã chỉ ra quyết định hưởng trợ cấp; quyết định thôi hưởng do xã cũ ban hành',
            'For a person who moved in, the commune can only record a start decision; the old commune records the stop',
          ),
        },
      ]);
    }
    if (kind) {
      if (!decision)
        throw AppError.validation([
          {
            path: '/body/decision',
            message: text('Xác nhận đề xuất cần số, ngày và người ký quyết định', 'Confirming needs the decision number, date and signer'),
          },
        ]);
      const prior = await sql<{
        channel: PaymentChannel | null;
        account: string | null;
      }>`select channel, account from benefit_decisions where person_id = ${p.person_id} and kind <> 'stop' order by start_month desc, id desc limit 1`.execute(
        q,
      );
      made = await createDecision(
        q,
        {
          personId: p.person_id,
          number: decision.number,
          decidedOn: decision.decidedOn,
          signer: decision.signer,
          kind,
          startMonth: p.effective_month,
          channel: kind === 'stop' ? null : (decision.channel ?? prior.rows[0]?.channel ?? null),
          account: kind === 'stop' ? null : (decision.account ?? prior.rows[0]?.account ?? null),
        },
        by,
      );
      decisionId = made.id;
      await q.updateTable('benefit_decisions').set({ proposal_id: p.id }).where('id', '=', decisionId).execute();
    }
  }
  return { ...(await closeProposal(q, p, state, by, decisionId)), decision: made };
}
