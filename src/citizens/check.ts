// "Tôi có thuộc diện được hưởng không?" (issue 14 item 1): the plain-language answers of a
// visitor turned into the facts the law engine reads, and the same rules the registry and the
// payroll use (src/law/assistance.ts) run on them. Pure; nothing is stored.
import type { Text } from '../kernel/i18n.ts';
import { entitlementInMonth, type Disability, type PersonFacts } from '../law/assistance.ts';
import { formatVnd, type Month } from '../law/months.ts';
import type { LegalBasis } from '../law/parameters.ts';
import type { PovertyClass } from '../law/poverty.ts';

export interface CheckAnswers {
  readonly birthYear: number;
  readonly birthMonth?: number;
  readonly poverty: 'poor' | 'near_poor' | 'none' | 'unknown';
  readonly disability: Disability | 'none';
  readonly receivesPension: boolean;
  readonly noSupport?: boolean;
  readonly inEducation?: boolean;
  readonly hiv?: boolean;
  readonly noStableIncome?: boolean;
  readonly singleParentChildren?: number;
  readonly elderlyNoSupporter?: boolean;
  readonly especiallyDisadvantagedArea?: boolean;
}

export interface CheckBenefit {
  readonly programme: 'social_assistance' | 'social_pension';
  readonly category: string;
  readonly name: Text;
  readonly monthlyAmount: number | null;
  readonly status: 'payable' | 'superseded' | 'not_started' | 'unknown';
  readonly reasons: readonly Text[];
  readonly basis: readonly string[];
}

export interface CheckResult {
  readonly month: Month;
  readonly age: number;
  /** true: at least one benefit; false: none; null: the answers leave it open (e.g. poverty not known). */
  readonly eligible: boolean | null;
  readonly benefits: readonly CheckBenefit[];
  readonly monthlyTotal: number;
  readonly summary: Text;
  readonly reasons: readonly Text[];
  /** The procedures to follow, by code (src/citizens/procedures.ts). */
  readonly procedures: readonly string[];
  readonly stored: false;
}

const cite = (b: LegalBasis) => `${b.document}, ${b.article}`;

export function toFacts(a: CheckAnswers, month: Month): { person: PersonFacts; povertyStatus: PovertyClass } {
  const m = String(a.birthMonth ?? 1).padStart(2, '0');
  return {
    person: {
      id: 'visitor',
      dateOfBirth: `${a.birthYear}-${m}-01`,
      noSupport: a.noSupport ?? false,
      inEducation: a.inEducation ?? false,
      hiv: a.hiv ?? false,
      noStableIncome: a.noStableIncome ?? false,
      singleParentChildren: a.singleParentChildren ?? 0,
      elderlyNoSupporter: a.elderlyNoSupporter ?? false,
      disability: a.disability === 'none' ? null : a.disability,
      // A certificate is what the visitor would bring; the check assumes it exists when they say so.
      disabilityCertifiedOn: a.disability === 'none' ? null : `${month}-01`,
      receivesPension: a.receivesPension,
      decisionMonth: month,
    },
    povertyStatus: a.poverty === 'unknown' ? 'unknown' : a.poverty === 'none' ? 'none' : a.poverty,
  };
}

export function checkEligibility(a: CheckAnswers, month: Month): CheckResult {
  const { person, povertyStatus } = toFacts(a, month);
  const e = entitlementInMonth(person, { povertyStatus, especiallyDisadvantagedArea: a.especiallyDisadvantagedArea ?? false }, month);
  const benefits: CheckBenefit[] = e.benefits.map((b) => ({
    programme: b.programme,
    category: b.category,
    name: b.categoryText,
    monthlyAmount: b.monthlyAmount,
    status: b.status,
    reasons: b.reasons.map((r) => r.text),
    basis: b.basis.map(cite),
  }));
  const payable = benefits.filter((b) => b.status === 'payable');
  const unknown = benefits.some((b) => b.status === 'unknown') || e.incomplete;
  const eligible = payable.length > 0 ? true : unknown ? null : false;
  const procedures = [...new Set(payable.map((b) => (b.programme === 'social_pension' ? 'tro-cap-huu-tri-xa-hoi' : 'tro-cap-xa-hoi-hang-thang')))];
  const summary: Text =
    eligible === true
      ? {
          vi: `Theo các câu trả lời, bạn có thể thuộc diện được hưởng (${payable.map((b) => b.name.vi).join('; ')}): khoảng ${formatVnd(e.monthlyTotal)} mỗi tháng. Kết quả chính thức do Chủ tịch Ủy ban nhân dân xã quyết định sau khi xét hồ sơ.`,
          en: `From your answers you may be entitled (${payable.map((b) => b.name.en).join('; ')}): about ${e.monthlyTotal} VND a month. The commune chair decides after reviewing the application.`,
        }
      : eligible === null
        ? {
            vi: 'Chưa đủ thông tin để trả lời: có thể bạn thuộc diện được hưởng. Hãy xem lý do bên dưới hoặc hỏi cán bộ xã.',
            en: 'Not enough information to answer: you may be entitled. See the reasons below or ask the commune officer.',
          }
        : {
            vi: 'Theo các câu trả lời, bạn chưa thuộc diện hưởng trợ cấp xã hội hằng tháng hoặc trợ cấp hưu trí xã hội. Nếu hoàn cảnh thay đổi, hãy kiểm tra lại.',
            en: 'From your answers you are not entitled to monthly social assistance or the social pension. Check again if your situation changes.',
          };
  return {
    month,
    age: e.age,
    eligible,
    benefits,
    monthlyTotal: e.monthlyTotal,
    summary,
    reasons: e.reasons.map((r) => r.text),
    procedures,
    stored: false,
  };
}
