// Monthly social assistance (Decree 20/2021/NĐ-CP as amended by Decree 76/2024/NĐ-CP) and its
// interplay with the social pension (Social Insurance Law 2024 Art. 21–22, Decree 176/2025) for
// one person in one month: which Art. 5 categories apply, which coefficient is paid (Art. 6),
// from which month (Art. 8) and how much, each with its legal basis. Pure: no I/O.
import type { Text } from '../kernel/i18n.ts';
import { LAW_PARAMETERS, paramAt, type LegalBasis, type ParamKey, type ParamSet } from './parameters.ts';
import { addMonths, ageInMonth, firstDay, formatMonthVi, formatVnd, monthIndex, monthOf, monthTurning, type Month } from './months.ts';
import type { PovertyClass, Reason } from './poverty.ts';

export type Disability = 'especially_severe' | 'severe' | 'mild';

/** What the rules need to know about a person. Flags not given are taken as false. */
export interface PersonFacts {
  readonly id: string;
  readonly name?: string;
  readonly dateOfBirth: string;
  readonly dateOfDeath?: string | null;
  /** Art. 5 cl. 1–2: a child with no source of support (abandoned, orphaned of both parents, ...). */
  readonly noSupport?: boolean;
  /** Art. 5 cl. 2: aged 16 to 22 and still in general education, vocational training or university. */
  readonly inEducation?: boolean;
  /** Art. 5 cl. 3 and 8. */
  readonly hiv?: boolean;
  /** Art. 5 cl. 8: no stable monthly income. */
  readonly noStableIncome?: boolean;
  /** Art. 5 cl. 4: a single parent in a poor or near-poor household: number of children raised. */
  readonly singleParentChildren?: number;
  /** Art. 5 cl. 5a: no one obliged to support them (or the supporter receives monthly assistance). */
  readonly elderlyNoSupporter?: boolean;
  /** Art. 5 cl. 5d: a person of cl. 5a cared for by someone in the community. */
  readonly communityCare?: boolean;
  readonly disability?: Disability | null;
  /** Art. 8: disability benefits start from the month the disability certificate is issued. */
  readonly disabilityCertifiedOn?: string | null;
  readonly receivesPension?: boolean;
  readonly receivesSocialInsuranceAllowance?: boolean;
  /** Monthly pension or social-insurance allowance in VND, when one is received. */
  readonly pensionMonthlyAmount?: number | null;
  /** Art. 8 cl. 1: the month of the commune chairman's decision, when one exists. */
  readonly decisionMonth?: Month | null;
}

/** The household facts the categories depend on, for the month evaluated. */
export interface HouseholdContext {
  /** Poverty status of the household for the year (recognised list or the computed class). */
  readonly povertyStatus: PovertyClass;
  /** Lives in an especially disadvantaged commune/village of an ethnic-minority or mountain area. */
  readonly especiallyDisadvantagedArea?: boolean;
  readonly provinceCode?: string | null;
}

export type BenefitStatus = 'payable' | 'superseded' | 'not_started' | 'unknown';

export interface Benefit {
  readonly programme: 'social_assistance' | 'social_pension';
  /** Art. 5 clause, e.g. "5.1", "5.5c", "5.6"; "social_pension" for the social pension. */
  readonly category: string;
  readonly categoryText: Text;
  /** Coefficient in tenths (25 = 2.5); null for the social pension. */
  readonly coefficient: number | null;
  /** Integer VND; null when unknown. */
  readonly monthlyAmount: number | null;
  readonly status: BenefitStatus;
  readonly reasons: readonly Reason[];
  readonly basis: readonly LegalBasis[];
}

export interface Entitlement {
  readonly personId: string;
  readonly month: Month;
  readonly age: number;
  readonly benefits: readonly Benefit[];
  /** Sum of payable benefits, integer VND. */
  readonly monthlyTotal: number;
  /** True when some benefit could not be determined (the total may be incomplete). */
  readonly incomplete: boolean;
  readonly reasons: readonly Reason[];
}

export const CATEGORY_TEXT: Readonly<Record<string, Text>> = {
  '5.1': { vi: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng', en: 'Child under 16 with no source of support' },
  '5.2': { vi: 'Người từ 16 đến 22 tuổi không có nguồn nuôi dưỡng, đang đi học', en: 'Aged 16–22 with no source of support, in education' },
  '5.3': { vi: 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo', en: 'Child with HIV in a poor household' },
  '5.4': { vi: 'Người đơn thân thuộc hộ nghèo, cận nghèo đang nuôi con', en: 'Single parent in a poor or near-poor household raising children' },
  '5.5a': { vi: 'Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng', en: 'Elderly in a poor household with no one to support them' },
  '5.5b': {
    vi: 'Người từ 75 đến 80 tuổi thuộc hộ nghèo, cận nghèo ở xã, thôn đặc biệt khó khăn',
    en: 'Aged 75–80, poor or near-poor, in an especially disadvantaged commune/village',
  },
  '5.5c': {
    vi: 'Người từ 80 tuổi trở lên không có lương hưu, trợ cấp BHXH, trợ cấp xã hội hằng tháng',
    en: 'Aged 80+ with no pension, social-insurance or social allowance',
  },
  '5.5d': { vi: 'Người cao tuổi thuộc điểm a được nhận chăm sóc tại cộng đồng', en: 'Elderly of point a cared for in the community' },
  '5.6': { vi: 'Người khuyết tật đặc biệt nặng, khuyết tật nặng', en: 'Person with especially severe or severe disability' },
  '5.7': {
    vi: 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo ở xã, thôn đặc biệt khó khăn',
    en: 'Child under 3, poor or near-poor, in an especially disadvantaged commune/village',
  },
  '5.8': { vi: 'Người nhiễm HIV/AIDS thuộc hộ nghèo không có thu nhập ổn định', en: 'Person with HIV in a poor household without stable income' },
  social_pension: { vi: 'Trợ cấp hưu trí xã hội', en: 'Social pension' },
};

const D20 = 'Nghị định 20/2021/NĐ-CP';
const art5 = (clause: string): LegalBasis => ({ document: D20, article: `Điều 5 khoản ${clause}`, verified: false, note: 'category as in ../shared/LAW.md' });
const ART62: LegalBasis = {
  document: D20,
  article: 'Điều 6 khoản 2',
  note: 'several categories: the highest coefficient only, except the single parent also under clause 5, 6 or 8',
  verified: false,
};
const ART8: LegalBasis = { document: D20, article: 'Điều 8', note: 'start and stop months', verified: false };
const ART22: LegalBasis = {
  document: 'Luật Bảo hiểm xã hội 2024 (41/2024/QH15)',
  article: 'Điều 22',
  note: 'a person also entitled to monthly social assistance receives the higher benefit (Decree 176/2025)',
  source: 'https://news.laodong.vn/thoi-su/nguoi-tu-75-tuoi-khong-co-luong-huu-chinh-thuc-duoc-huong-tro-cap-huu-tri-xa-hoi-1535136.ldo',
  verified: true,
};

interface Candidate {
  category: string;
  coefKey: ParamKey;
  /** Multiplier applied to the coefficient (number of children for cl. 4). */
  times?: number;
  /** The month from which this category is paid, when the law fixes it (Art. 8). */
  startMonth?: Month;
  startReason?: Text;
  /** True when the household's poverty status is needed and unknown. */
  unknown?: Text;
  why: Text;
}

function isPoor(s: PovertyClass): boolean | null {
  return s === 'unknown' ? null : s === 'poor';
}
function isPoorOrNear(s: PovertyClass): boolean | null {
  return s === 'unknown' ? null : s === 'poor' || s === 'near_poor';
}
const POVERTY_UNKNOWN: Text = { vi: 'chưa xác định được hộ nghèo/cận nghèo', en: 'the household poverty status is unknown' };

/** Art. 5 categories whose conditions hold in `month` (or may hold, when poverty is unknown). */
function candidates(p: PersonFacts, hh: HouseholdContext, month: Month, age: number): Candidate[] {
  const out: Candidate[] = [];
  const add = (c: Candidate, povertyOk: boolean | null) => {
    if (povertyOk === false) return;
    out.push(povertyOk === null ? { ...c, unknown: POVERTY_UNKNOWN } : c);
  };
  const child = age < 16;
  const elderly = age >= 60;
  if (p.noSupport && child)
    add(
      {
        category: '5.1',
        coefKey: age < 4 ? 'assistance.coef.5.1.under4' : 'assistance.coef.5.1.from4',
        why: {
          vi: `${age} tuổi, không có nguồn nuôi dưỡng${age < 4 ? ' (dưới 4 tuổi)' : ' (từ đủ 4 tuổi)'}`,
          en: `aged ${age}, no source of support${age < 4 ? ' (under 4)' : ' (4 or over)'}`,
        },
      },
      true,
    );
  if (p.noSupport && p.inEducation && age >= 16 && age <= 22)
    add(
      {
        category: '5.2',
        coefKey: 'assistance.coef.5.2',
        why: { vi: `${age} tuổi, không có nguồn nuôi dưỡng, đang đi học`, en: `aged ${age}, no source of support, in education` },
      },
      true,
    );
  if (p.hiv && child)
    add(
      {
        category: '5.3',
        coefKey: age < 4 ? 'assistance.coef.5.3.under4' : 'assistance.coef.5.3.from4',
        why: { vi: `${age} tuổi, nhiễm HIV, hộ nghèo`, en: `aged ${age}, with HIV, poor household` },
      },
      isPoor(hh.povertyStatus),
    );
  if ((p.singleParentChildren ?? 0) > 0)
    add(
      {
        category: '5.4',
        coefKey: 'assistance.coef.5.4.perChild',
        times: p.singleParentChildren,
        why: {
          vi: `đơn thân, hộ nghèo/cận nghèo, đang nuôi ${p.singleParentChildren} con (hệ số 1,0 mỗi con)`,
          en: `single parent, poor or near-poor, raising ${p.singleParentChildren} child(ren) (1.0 per child)`,
        },
      },
      isPoorOrNear(hh.povertyStatus),
    );
  const fiveA = elderly && p.elderlyNoSupporter;
  if (fiveA)
    add(
      {
        category: '5.5a',
        coefKey: age < 80 ? 'assistance.coef.5.5a.60to80' : 'assistance.coef.5.5a.80plus',
        why: { vi: `${age} tuổi, hộ nghèo, không có người phụng dưỡng`, en: `aged ${age}, poor household, no one to support them` },
      },
      isPoor(hh.povertyStatus),
    );
  if (age >= 75 && age < 80 && hh.especiallyDisadvantagedArea) {
    add(
      {
        category: '5.5b',
        coefKey: 'assistance.coef.5.5b',
        startMonth: monthTurning(p.dateOfBirth, 75),
        startReason: { vi: 'hưởng từ tháng đủ 75 tuổi', en: 'paid from the month the person turns 75' },
        why: {
          vi: `${age} tuổi, hộ nghèo/cận nghèo, sống ở xã, thôn đặc biệt khó khăn`,
          en: `aged ${age}, poor or near-poor, in an especially disadvantaged area`,
        },
      },
      isPoorOrNear(hh.povertyStatus),
    );
  }
  if (age >= 80 && !p.receivesPension && !p.receivesSocialInsuranceAllowance) {
    add(
      {
        category: '5.5c',
        coefKey: 'assistance.coef.5.5c',
        startMonth: monthTurning(p.dateOfBirth, 80),
        startReason: { vi: 'hưởng từ tháng đủ 80 tuổi', en: 'paid from the month the person turns 80' },
        why: { vi: `${age} tuổi, không có lương hưu, trợ cấp BHXH hằng tháng`, en: `aged ${age}, no pension or monthly social-insurance allowance` },
      },
      true,
    );
  }
  if (fiveA && p.communityCare)
    add(
      {
        category: '5.5d',
        coefKey: 'assistance.coef.5.5d',
        why: { vi: 'người cao tuổi thuộc điểm a, được nhận chăm sóc tại cộng đồng', en: 'elderly of point a, cared for in the community' },
      },
      isPoor(hh.povertyStatus),
    );
  if (p.disability === 'especially_severe' || p.disability === 'severe') {
    const special = child || elderly;
    const key: ParamKey =
      p.disability === 'especially_severe'
        ? special
          ? 'assistance.coef.5.6.especially.childOrElderly'
          : 'assistance.coef.5.6.especially'
        : special
          ? 'assistance.coef.5.6.severe.childOrElderly'
          : 'assistance.coef.5.6.severe';
    const degree =
      p.disability === 'especially_severe'
        ? { vi: 'khuyết tật đặc biệt nặng', en: 'especially severe disability' }
        : { vi: 'khuyết tật nặng', en: 'severe disability' };
    const who = child ? { vi: ', là trẻ em', en: ', a child' } : elderly ? { vi: ', là người cao tuổi', en: ', an elderly person' } : { vi: '', en: '' };
    add(
      {
        category: '5.6',
        coefKey: key,
        startMonth: p.disabilityCertifiedOn ? monthOf(p.disabilityCertifiedOn) : undefined,
        startReason: p.disabilityCertifiedOn
          ? { vi: 'hưởng từ tháng được cấp giấy xác nhận khuyết tật', en: 'paid from the month the disability certificate was issued' }
          : undefined,
        why: { vi: `${degree.vi}${who.vi}`, en: `${degree.en}${who.en}` },
      },
      true,
    );
  }
  const inOneThreeSix = out.some((c) => c.category === '5.1' || c.category === '5.3' || c.category === '5.6');
  if (age < 3 && hh.especiallyDisadvantagedArea && !inOneThreeSix)
    add(
      {
        category: '5.7',
        coefKey: 'assistance.coef.5.7',
        why: {
          vi: `${age} tuổi, hộ nghèo/cận nghèo, sống ở xã, thôn đặc biệt khó khăn`,
          en: `aged ${age}, poor or near-poor, in an especially disadvantaged area`,
        },
      },
      isPoorOrNear(hh.povertyStatus),
    );
  if (p.hiv && !child && p.noStableIncome)
    add(
      {
        category: '5.8',
        coefKey: 'assistance.coef.5.8',
        why: { vi: 'nhiễm HIV, hộ nghèo, không có thu nhập ổn định', en: 'with HIV, poor household, no stable income' },
      },
      isPoor(hh.povertyStatus),
    );
  return out;
}

/**
 * The dates of `p` reduced to what entitlementInMonth reads of them for `month`: the age in
 * whole years (the month of birth set `age` years before `month`), whether the person has died
 * before or in the month, whether the disability certificate and the decision are later than
 * the month. Benefits, statuses, categories, coefficients and amounts are the same for `p` and
 * for the reduced facts (the reason texts, which quote the dates, are not): so persons whose
 * reduced facts are equal are evaluated once (the bulk payroll, src/payments/due.ts, computes
 * the same reduction in SQL). assistance.test.ts checks the equality on random facts.
 */
export function datesForMonth(p: PersonFacts, month: Month): PersonFacts {
  const m = monthIndex(month);
  const rel = (d: Month) => Math.sign(monthIndex(d) - m); // -1 before, 0 this month, 1 later
  const death = p.dateOfDeath ? rel(monthOf(p.dateOfDeath)) : null;
  return {
    ...p,
    dateOfBirth: firstDay(addMonths(month, -12 * ageInMonth(p.dateOfBirth, month))),
    dateOfDeath: death === null || death > 0 ? null : firstDay(addMonths(month, death)),
    disabilityCertifiedOn: p.disabilityCertifiedOn ? firstDay(addMonths(month, Math.max(0, rel(monthOf(p.disabilityCertifiedOn))))) : p.disabilityCertifiedOn,
    decisionMonth: p.decisionMonth ? addMonths(month, Math.max(0, rel(p.decisionMonth))) : p.decisionMonth,
  };
}

/** standard × coefficient/10 in integer VND (half up when a province level is not a multiple of 10). */
export function amountOf(standard: number, coefTenths: number): number {
  const num = standard * coefTenths;
  return Math.floor((num + 5) / 10);
}

/**
 * The benefits of one person in one month.
 * @example entitlementInMonth({ id: 'a', dateOfBirth: '1944-03-10' }, { povertyStatus: 'none' }, '2024-03').monthlyTotal // 360000 (5c)
 */
export function entitlementInMonth(p: PersonFacts, hh: HouseholdContext, month: Month, params: ParamSet = LAW_PARAMETERS): Entitlement {
  const age = ageInMonth(p.dateOfBirth, month);
  const date = firstDay(month);
  const base = { personId: p.id, month, age };
  if (monthIndex(month) < monthIndex(monthOf(p.dateOfBirth))) {
    return {
      ...base,
      benefits: [],
      monthlyTotal: 0,
      incomplete: false,
      reasons: [{ text: { vi: 'Chưa sinh vào tháng này', en: 'Not born yet in this month' } }],
    };
  }
  if (p.dateOfDeath && monthIndex(month) > monthIndex(monthOf(p.dateOfDeath))) {
    return {
      ...base,
      benefits: [],
      monthlyTotal: 0,
      incomplete: false,
      reasons: [
        {
          text: {
            vi: `Đã mất ngày ${p.dateOfDeath.split('-').reverse().join('/')}: thôi hưởng từ tháng sau tháng mất`,
            en: `Died on ${p.dateOfDeath}: benefits stop from the month after death`,
          },
          basis: ART8,
        },
      ],
    };
  }

  const standardP = paramAt('assistance.standard', date, hh.provinceCode, params);
  const benefits: Benefit[] = [];
  const reasons: Reason[] = [];
  const active: { b: Benefit; cat: string; coef: number }[] = [];

  for (const c of candidates(p, hh, month, age)) {
    const coefP = paramAt(c.coefKey, date, hh.provinceCode, params);
    const coef = coefP?.value == null ? null : coefP.value * (c.times ?? 1);
    const basis = [art5(c.category.replace(/^5\./, '')), ...(coefP ? [coefP.basis] : []), ...(standardP ? [standardP.basis] : [])];
    const why: Reason[] = [{ text: c.why, basis: art5(c.category.replace(/^5\./, '')) }];
    if (c.unknown || coef === null || !standardP || standardP.value === null) {
      const what =
        c.unknown ??
        (coef === null
          ? { vi: 'hệ số chưa được xác minh', en: 'the coefficient is not confirmed' }
          : { vi: 'chưa có mức chuẩn trợ giúp xã hội cho tháng này', en: 'no standard level for this month' });
      benefits.push({
        programme: 'social_assistance',
        category: c.category,
        categoryText: CATEGORY_TEXT[c.category],
        coefficient: coef,
        monthlyAmount: null,
        status: 'unknown',
        reasons: [...why, { text: { vi: `Chưa xác định: ${what.vi}`, en: `Unknown: ${what.en}` } }],
        basis,
      });
      continue;
    }
    const decision = p.decisionMonth && !c.startMonth ? p.decisionMonth : null;
    const start = c.startMonth ?? decision;
    if (start && monthIndex(month) < monthIndex(start)) {
      const t = c.startReason ?? { vi: 'hưởng từ tháng ký quyết định', en: 'paid from the month of the decision' };
      benefits.push({
        programme: 'social_assistance',
        category: c.category,
        categoryText: CATEGORY_TEXT[c.category],
        coefficient: coef,
        monthlyAmount: 0,
        status: 'not_started',
        reasons: [...why, { text: { vi: `${t.vi} (${formatMonthVi(start)})`, en: `${t.en} (${start})` }, basis: ART8 }],
        basis: [...basis, ART8],
      });
      continue;
    }
    const amount = amountOf(standardP.value, coef);
    const r: Reason[] = [
      ...why,
      {
        text: {
          vi: `${formatVnd(standardP.value)} × ${(coef / 10).toFixed(1).replace('.', ',')} = ${formatVnd(amount)}`,
          en: `${standardP.value} × ${(coef / 10).toFixed(1)} = ${amount} VND`,
        },
        basis: standardP.basis,
      },
    ];
    if (c.startReason) r.push({ text: c.startReason, basis: ART8 });
    const b: Benefit = {
      programme: 'social_assistance',
      category: c.category,
      categoryText: CATEGORY_TEXT[c.category],
      coefficient: coef,
      monthlyAmount: amount,
      status: 'payable',
      reasons: r,
      basis,
    };
    benefits.push(b);
    active.push({ b, cat: c.category, coef });
  }

  // Art. 6 cl. 2: the highest coefficient only, except the single parent (cl. 4) also under cl. 5, 6 or 8.
  const payable = new Set<Benefit>();
  const others = active.filter((a) => a.cat !== '5.4').sort((x, y) => y.coef - x.coef);
  const single = active.find((a) => a.cat === '5.4');
  const best = others[0];
  if (single && best && /^5\.(5|6|8)/.test(best.cat)) {
    payable.add(single.b).add(best.b);
  } else if (single && best) {
    payable.add(single.coef >= best.coef ? single.b : best.b);
  } else if (single) payable.add(single.b);
  else if (best) payable.add(best.b);
  const superseded = (b: Benefit, t: Text, basis: LegalBasis): Benefit => ({ ...b, status: 'superseded', reasons: [...b.reasons, { text: t, basis }] });
  for (let i = 0; i < benefits.length; i++) {
    const b = benefits[i];
    if (b.status === 'payable' && !payable.has(b)) {
      benefits[i] = superseded(
        b,
        { vi: 'Thuộc nhiều diện: chỉ hưởng mức có hệ số cao nhất', en: 'Several categories: only the highest coefficient is paid' },
        ART62,
      );
    } else if (b.status === 'payable' && single && payable.size === 2) {
      benefits[i] = {
        ...b,
        reasons: [
          ...b.reasons,
          {
            text: {
              vi: 'Người đơn thân nghèo nuôi con thuộc diện khoản 5, 6 hoặc 8: hưởng cả hai chế độ',
              en: 'Single parent also under clause 5, 6 or 8: both are paid',
            },
            basis: ART62,
          },
        ],
      };
    }
  }

  // Social pension from 01/07/2025 and "the higher of the two" (Social Insurance Law 2024 Art. 22).
  const sp = socialPension(p, hh, month, age, params);
  if (sp) {
    const assistanceTotal = benefits.filter((b) => b.status === 'payable').reduce((s, b) => s + (b.monthlyAmount ?? 0), 0);
    if (sp.status === 'payable' && assistanceTotal > 0) {
      if ((sp.monthlyAmount ?? 0) > assistanceTotal) {
        for (let i = 0; i < benefits.length; i++)
          if (benefits[i].status === 'payable')
            benefits[i] = superseded(
              benefits[i],
              {
                vi: `Trợ cấp hưu trí xã hội cao hơn (${formatVnd(sp.monthlyAmount!)}): chỉ hưởng mức cao hơn`,
                en: `The social pension is higher (${sp.monthlyAmount} VND): only the higher is paid`,
              },
              ART22,
            );
        benefits.push(sp);
      } else {
        const tie = sp.monthlyAmount === assistanceTotal;
        benefits.push(
          superseded(
            sp,
            tie
              ? {
                  vi: 'Bằng mức trợ cấp xã hội hằng tháng đang hưởng: giữ trợ cấp xã hội (chương trình nào chi trả khi bằng nhau chưa được xác minh)',
                  en: 'Equal to the monthly social assistance: social assistance kept (which programme pays on a tie is not confirmed)',
                }
              : {
                  vi: `Trợ cấp xã hội hằng tháng cao hơn (${formatVnd(assistanceTotal)}): chỉ hưởng mức cao hơn`,
                  en: `Monthly social assistance is higher (${assistanceTotal} VND): only the higher is paid`,
                },
            ART22,
          ),
        );
      }
    } else benefits.push(sp);
  }

  const monthlyTotal = benefits.filter((b) => b.status === 'payable').reduce((s, b) => s + (b.monthlyAmount ?? 0), 0);
  const incomplete = benefits.some((b) => b.status === 'unknown');
  if (p.dateOfDeath && monthOf(p.dateOfDeath) === month)
    reasons.push({
      text: { vi: 'Tháng mất: vẫn hưởng tháng này, thôi hưởng từ tháng sau', en: 'Month of death: paid this month, stopped from the next' },
      basis: ART8,
    });
  return { ...base, benefits, monthlyTotal, incomplete, reasons };
}

function socialPension(p: PersonFacts, hh: HouseholdContext, month: Month, age: number, params: ParamSet): Benefit | null {
  const date = firstDay(month);
  const amountP = paramAt('social_pension.amount', date, hh.provinceCode, params);
  const ageP = paramAt('social_pension.age', date, hh.provinceCode, params);
  const agePoorP = paramAt('social_pension.age.poor', date, hh.provinceCode, params);
  if (!amountP || !ageP || ageP.value === null) return null;
  const general = age >= ageP.value;
  const poorBand = agePoorP?.value != null && age >= agePoorP.value && age < ageP.value;
  if (!general && !poorBand) return null;
  const basis = [ageP.basis, ...(poorBand && agePoorP ? [agePoorP.basis] : []), amountP.basis];
  const cat = CATEGORY_TEXT.social_pension;
  const mk = (status: BenefitStatus, amount: number | null, extra: Reason[]): Benefit => ({
    programme: 'social_pension',
    category: 'social_pension',
    categoryText: cat,
    coefficient: null,
    monthlyAmount: amount,
    status,
    reasons: [
      {
        text: general
          ? { vi: `${age} tuổi (từ ${ageP.value} tuổi trở lên)`, en: `aged ${age} (${ageP.value} or over)` }
          : {
              vi: `${age} tuổi, hộ nghèo/cận nghèo (từ ${agePoorP!.value} đến dưới ${ageP.value} tuổi)`,
              en: `aged ${age}, poor or near-poor (${agePoorP!.value} to under ${ageP.value})`,
            },
        basis: basis[0],
      },
      ...extra,
    ],
    basis,
  });
  if (poorBand && hh.povertyStatus === 'unknown')
    return mk('unknown', null, [{ text: { vi: `Chưa xác định: ${POVERTY_UNKNOWN.vi}`, en: `Unknown: ${POVERTY_UNKNOWN.en}` } }]);
  if (poorBand && hh.povertyStatus !== 'poor' && hh.povertyStatus !== 'near_poor') return null;
  if (p.receivesPension || p.receivesSocialInsuranceAllowance) {
    const amt = p.pensionMonthlyAmount;
    if (amt != null && amountP.value != null && amt >= amountP.value) return null;
    return mk('unknown', null, [
      {
        text: {
          vi: 'Đang hưởng lương hưu/trợ cấp BHXH thấp hơn hoặc chưa rõ mức: quy định cho trường hợp này chưa được xác minh',
          en: 'Receives a pension or social-insurance allowance lower than, or not known against, the social pension: the rule for this case is not confirmed',
        },
      },
    ]);
  }
  if (amountP.value === null)
    return mk('unknown', null, [{ text: { vi: 'Mức trợ cấp hưu trí xã hội chưa được xác minh', en: 'The social pension amount is not confirmed' } }]);
  return mk('payable', amountP.value, [
    {
      text: { vi: `Mức ${formatVnd(amountP.value)}/tháng; cần có tờ khai đề nghị`, en: `${amountP.value} VND a month; needs a written request` },
      basis: amountP.basis,
    },
  ]);
}
