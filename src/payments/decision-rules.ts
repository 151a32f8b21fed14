// The rules of a benefit decision, pure: what the law engine's entitlement in the start month
// gives a start or change (category, coefficient, amount, legal basis; refused with the reasons
// when nothing is payable), and when a person who moved in may be decided here (only once the
// old commune stops paying, and not for a month it still pays). The command is ./decisions.ts.
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { Entitlement } from '../law/assistance.ts';
import type { PovertyClass } from '../law/poverty.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';

/** What a start or change decision keeps of the engine's answer. */
export interface DecidedBenefit {
  readonly category: string;
  readonly coefficientTenths: number;
  readonly monthlyAmount: number;
  readonly basis: string;
}

/** The household's class for a year: that year's review, else the latest earlier one. */
export function classFor(classes: ReadonlyMap<number, PovertyClass>, year: number): PovertyClass | null {
  let best: number | null = null;
  for (const y of classes.keys()) if (y <= year && (best === null || y > best)) best = y;
  return best === null ? null : classes.get(best)!;
}

/**
 * The benefit a start or change decision records from the entitlement of its start month: every
 * payable monthly social assistance (categories joined by '+', coefficients summed, the month's
 * total), with the legal basis of the highest coefficient. Refused (409) with the engine's
 * reasons when none is payable.
 */
export function decidedBenefit(e: Entitlement, startMonth: MonthNumber): DecidedBenefit {
  const payable = e.benefits.filter((b) => b.status === 'payable' && b.programme === 'social_assistance');
  if (payable.length === 0) {
    const why =
      [...e.benefits.map((b) => `${b.categoryText.vi}: ${b.reasons.map((r) => r.text.vi).join('; ')}`), ...e.reasons.map((r) => r.text.vi)].join(' | ') ||
      'không thuộc diện nào của Điều 5 Nghị định 20/2021/NĐ-CP';
    throw AppError.conflict(
      text(
        `Không có chế độ trợ cấp xã hội hằng tháng được hưởng từ tháng ${monthNumber.formatVi(startMonth)}: ${why}`,
        `No payable monthly social assistance from ${monthNumber.formatVi(startMonth)}: ${why}`,
      ),
    );
  }
  const top = [...payable].sort((a, b) => (b.coefficient ?? 0) - (a.coefficient ?? 0))[0]!;
  return {
    category: payable.map((b) => b.category).join('+'),
    coefficientTenths: payable.reduce((s, b) => s + (b.coefficient ?? 0), 0),
    monthlyAmount: e.monthlyTotal,
    basis: [...new Set(top.basis.map((b) => `${b.article} ${b.document}`))].join('; '),
  };
}

/**
 * A beneficiary who moved in is paid here only after the old commune's stop (otherwise two
 * communes would pay, and a stop recorded later in the same month would end this decision), nor
 * for a month the old commune still pays: the refusal (409), or null when the decision may go on.
 */
export function moveInRefusal(move: { from_unit_name: string; old_active: boolean; stopped_from: number | null } | null): AppError | null {
  if (move?.old_active)
    return AppError.conflict(
      text(
        'Người này đang hưởng trợ cấp tại {commune}: cần quyết định thôi hưởng của xã đó trước',
        'This person still receives assistance in {commune}: that commune must record the stop first',
      ),
      { commune: move.from_unit_name },
    );
  if (move?.stopped_from)
    return AppError.conflict(
      text(
        '{commune} chi trả đến hết tháng trước tháng {month}: quyết định hưởng tại xã này bắt đầu từ tháng {month} trở đi',
        '{commune} pays until the month before {month}: the decision here starts from {month} on',
      ),
      { commune: move.from_unit_name, month: monthNumber.formatVi(move.stopped_from as MonthNumber) },
    );
  return null;
}
