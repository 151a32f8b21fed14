// The monthly preferential allowance of one merit profile in one month (Decree 75/2021/NĐ-CP as
// amended by 55/2023 and 77/2024, Annexes I–III), the combination of several profiles of one person,
// and the convalescence amount (Art. 6). Pure: no I/O. Every amount carries its annex row; a level
// the law data does not know (value null, or a fact missing) makes the answer "unknown", never a guess.
import type { Text } from '../kernel/i18n.ts';
import { LAW_PARAMETERS, paramAt, type LegalBasis, type ParamKey, type ParamSet } from './parameters.ts';
import { firstDay, formatMonthVi, formatVnd, monthIndex, type Month } from './months.ts';
import type { Reason } from './poverty.ts';
import { ANNEX_I_TEXT } from './merit-levels.ts';
import { MERIT_CATEGORY, RELATION_TEXT, type HelperAward, type InvalidType, type MeritCategory, type Relation, type RelativeOf } from './merit-categories.ts';

/** The facts of one profile that set its allowance (the profile record's `facts` plus its dates). */
export interface MeritProfileFacts {
  readonly id: string;
  readonly category: MeritCategory;
  /** Tỷ lệ tổn thương cơ thể, whole percent (Ordinance Art. 4 cl. 4): war invalids, sick soldiers, toxic chemicals. */
  readonly injuryRate?: number | null;
  readonly invalidType?: InvalidType | null;
  /** "vết thương / bệnh tật đặc biệt nặng": the higher supplement at 81% and over (Annex I 6.1, 7.1, 8.1). */
  readonly especiallySevere?: boolean;
  /** pre_1945: "diện thoát ly" (left home for full-time revolutionary work), with years of seniority. */
  readonly detached?: boolean;
  readonly seniorityYears?: number | null;
  /** relative: whose relative. */
  readonly relativeOf?: RelativeOf | null;
  readonly relation?: Relation | null;
  /** relative of martyrs: one entry per martyr (the count sets Annex I row 3.1–3.3). */
  readonly martyrs?: readonly { readonly name?: string; readonly relation: Relation }[];
  /** Lives alone ("sống cô đơn", Ordinance Art. 4 cl. 3) or is an orphan of both parents: the nurturing allowance. */
  readonly nurturing?: boolean;
  /** Annex I 3.5: a martyr's spouse who remarried and raised the martyr's children or cared for the parents. */
  readonly remarriedSpouse?: boolean;
  /** relative of a war invalid / sick soldier / toxic-chemical person: that person has died. */
  readonly meritPersonDied?: boolean;
  /** relative of a war invalid / sick soldier / toxic-chemical person: that person's injury rate. */
  readonly meritPersonRate?: number | null;
  /** relative of a toxic-chemical person: a natural child with a deformity, rated by `injuryRate` (Ordinance Art. 31 cl. 1). */
  readonly deformedChild?: boolean;
  readonly helperAward?: HelperAward | null;
  /** First month paid (the recognition decision's month, or as the decision says). */
  readonly startMonth: Month;
  /** Last month paid, when the profile ended (death: the month of death). */
  readonly endMonth?: Month | null;
}

export const MERIT_STATUSES = ['payable', 'not_started', 'ended', 'no_monthly', 'merged', 'unknown'] as const;
export type MeritStatus = (typeof MERIT_STATUSES)[number];

export interface MeritComponent {
  readonly key: string;
  readonly text: Text;
  readonly amount: number | null;
  readonly basis: LegalBasis;
}

export interface MeritAllowance {
  readonly profileId: string;
  readonly category: MeritCategory;
  readonly categoryText: Text;
  readonly month: Month;
  readonly status: MeritStatus;
  /** Sum of the components; null when one is unknown. */
  readonly monthlyAmount: number | null;
  readonly components: readonly MeritComponent[];
  readonly reasons: readonly Reason[];
}

export interface MeritMonth {
  readonly month: Month;
  readonly allowances: readonly MeritAllowance[];
  /** Sum of payable allowances; null when it cannot be determined (an unknown level, or a combination of profiles the data does not settle). */
  readonly monthlyTotal: number | null;
  readonly reasons: readonly Reason[];
}

const ORD: LegalBasis = {
  document: 'Pháp lệnh 02/2020/UBTVQH14',
  article: 'Điều 3',
  verified: true,
  source: 'https://github.com/diepxuan/diepxuan.github.io/blob/main/van-ban/chinh-sach-xa-hoi/uu-dai-nguoi-co-cong-voi-cach-mang.md',
};
/** Ordinance Art. 6 (principles: several categories, several survivor allowances), text read in this copy. */
const ORD6: LegalBasis = {
  document: 'Pháp lệnh 02/2020/UBTVQH14',
  article: 'Điều 6',
  verified: true,
  source: 'https://github.com/TuanHuu168/CongBot/blob/main/backend/data/02_2020_UBTVQH14/02_2020_UBTVQH14_art4_7.md',
};
const UNCONFIRMED_COMBINATION: LegalBasis = {
  document: 'Pháp lệnh 02/2020/UBTVQH14',
  article: '(chưa xác minh)',
  note: 'Art. 6 cl. 3 covers a merit person of several categories and cl. 5 a relative of several; a merit person who is also a relative is not settled in a text read',
  verified: false,
};

const t = (vi: string, en: string): Text => ({ vi, en });

function level(key: string, month: Month, params: ParamSet): MeritComponent {
  const p = paramAt(`merit.${key}` as ParamKey, firstDay(month), null, params);
  const info = ANNEX_I_TEXT[key];
  const text = info ? t(info.vi, info.vi) : t(key, key);
  if (!p) return { key, text, amount: null, basis: { document: 'Nghị định 75/2021/NĐ-CP', article: '(không có phiên bản cho tháng này)', verified: false } };
  return { key, text, amount: p.value, basis: p.basis };
}

function rateComponent(prefix: 'invalid.rate' | 'invalidB.rate', rate: number, month: Month, params: ParamSet): MeritComponent {
  const c = level(`${prefix}.${rate}`, month, params);
  const annex = prefix === 'invalid.rate' ? 'II' : 'III';
  return { ...c, text: t(`Trợ cấp thương tật, tỷ lệ tổn thương cơ thể ${rate}% (Phụ lục ${annex})`, `War invalid allowance at ${rate}% (Annex ${annex})`) };
}

const band = (rate: number, bands: readonly [number, number, string][]): string | null => bands.find(([lo, hi]) => rate >= lo && rate <= hi)?.[2] ?? null;

type Built = { components: MeritComponent[]; reasons: Reason[]; none?: Text; unknown?: Text };

function build(p: MeritProfileFacts, month: Month, params: ParamSet): Built {
  const components: MeritComponent[] = [];
  const reasons: Reason[] = [];
  const add = (key: string) => components.push(level(key, month, params));
  const rate = p.injuryRate ?? null;
  const supplement81 = (prefix: 'invalid' | 'sick' | 'toxic') => {
    if (rate !== null && rate >= 81) add(p.especiallySevere ? `${prefix}.81plus.severe.supplement` : `${prefix}.81plus.supplement`);
  };
  switch (p.category) {
    case 'pre_1945':
      if (p.detached === undefined)
        return { components, reasons, unknown: t('chưa có thông tin diện thoát ly hay không thoát ly', 'detached or not is not given') };
      if (p.detached) {
        add('pre1945.detached');
        const years = p.seniorityYears ?? null;
        if (years === null) return { components, reasons, unknown: t('chưa có số năm thâm niên', 'seniority years not given') };
        const per = level('pre1945.detached.perYear', month, params);
        components.push({
          ...per,
          text: t(`Phụ cấp ${years} năm thâm niên`, `Supplement for ${years} years of seniority`),
          amount: per.amount === null ? null : per.amount * years,
        });
      } else add('pre1945.nonDetached');
      return { components, reasons };
    case 'pre_august_1945':
      add('preAug1945');
      return { components, reasons };
    case 'martyr':
      return { components, reasons, none: t('Liệt sĩ: thân nhân hưởng trợ cấp (hồ sơ thân nhân liệt sĩ)', 'Martyr: the relatives receive the allowance') };
    case 'heroic_mother':
      add('heroicMother');
      add('heroicMother.supplement');
      return { components, reasons };
    case 'armed_forces_hero':
    case 'labour_hero':
      add('hero');
      return { components, reasons };
    case 'war_invalid': {
      if (rate === null) return { components, reasons, unknown: t('chưa có tỷ lệ tổn thương cơ thể', 'injury rate not given') };
      if (rate < 21)
        return {
          components,
          reasons,
          none: t(
            `Tỷ lệ ${rate}% dưới 21%: không hưởng trợ cấp hằng tháng (trợ cấp một lần theo Phụ lục VI)`,
            `Rate ${rate}% below 21%: no monthly allowance (one-time allowance, Annex VI)`,
          ),
        };
      if (!p.invalidType)
        return {
          components,
          reasons,
          unknown: t('chưa rõ thương binh, người hưởng chính sách như thương binh hay thương binh loại B', 'type of war invalid not given'),
        };
      components.push(rateComponent(p.invalidType === 'type_b' ? 'invalidB.rate' : 'invalid.rate', rate, month, params));
      supplement81('invalid');
      return { components, reasons };
    }
    case 'sick_soldier': {
      if (rate === null) return { components, reasons, unknown: t('chưa có tỷ lệ tổn thương cơ thể', 'injury rate not given') };
      const key = band(rate, [
        [41, 50, 'sick.41to50'],
        [51, 60, 'sick.51to60'],
        [61, 70, 'sick.61to70'],
        [71, 80, 'sick.71to80'],
        [81, 90, 'sick.81to90'],
        [91, 100, 'sick.91to100'],
      ]);
      if (!key)
        return { components, reasons, unknown: t(`Tỷ lệ ${rate}%: Phụ lục I mục 7.1 chỉ có mức từ 41%`, `Rate ${rate}%: Annex I row 7.1 starts at 41%`) };
      add(key);
      supplement81('sick');
      return { components, reasons };
    }
    case 'toxic_chemical': {
      if (rate === null) return { components, reasons, unknown: t('chưa có tỷ lệ tổn thương cơ thể', 'injury rate not given') };
      const key = band(rate, [
        [21, 40, 'toxic.21to40'],
        [41, 60, 'toxic.41to60'],
        [61, 80, 'toxic.61to80'],
        [81, 100, 'toxic.81plus'],
      ]);
      if (!key)
        return { components, reasons, unknown: t(`Tỷ lệ ${rate}%: Phụ lục I mục 8.1 chỉ có mức từ 21%`, `Rate ${rate}%: Annex I row 8.1 starts at 21%`) };
      add(key);
      supplement81('toxic');
      return { components, reasons };
    }
    case 'prisoner':
      add('prisoner');
      return { components, reasons };
    case 'resistance_activist':
      return {
        components,
        reasons,
        none: t(
          'Người hoạt động kháng chiến: trợ cấp một lần theo thâm niên (Phụ lục IV mục 7), không có trợ cấp hằng tháng',
          'Resistance activist: one-time allowance by seniority (Annex IV row 7), no monthly allowance',
        ),
      };
    case 'revolution_helper':
      if (!p.helperAward) return { components, reasons, unknown: t('chưa rõ hình thức khen tặng', 'award not given') };
      if (p.helperAward === 'resistance_medal')
        return {
          components,
          reasons,
          none: t(
            'Huy chương Kháng chiến: trợ cấp một lần (Phụ lục IV mục 8), không có trợ cấp hằng tháng',
            'Resistance medal: one-time allowance (Annex IV row 8)',
          ),
        };
      add(p.helperAward === 'fatherland_pre1945' ? 'helper.fatherlandPre1945' : 'helper.resistanceOrder');
      if (p.nurturing) add('helper.nurturing');
      return { components, reasons };
    case 'relative':
      return relative(p, month, params, components, reasons, add);
  }
}

function relative(p: MeritProfileFacts, month: Month, params: ParamSet, components: MeritComponent[], reasons: Reason[], add: (k: string) => void): Built {
  switch (p.relativeOf) {
    case 'martyr': {
      const n = p.martyrs?.length ?? 0;
      if (p.remarriedSpouse) {
        add('martyr.remarriedSpouse');
        return { components, reasons };
      }
      if (n === 0) return { components, reasons, unknown: t('chưa có liệt sĩ nào trong hồ sơ', 'no martyr listed') };
      add(n >= 3 ? 'martyr.relatives.3' : n === 2 ? 'martyr.relatives.2' : 'martyr.relatives.1');
      reasons.push({ text: t(`Thân nhân của ${n} liệt sĩ (${p.martyrs!.map((m) => RELATION_TEXT[m.relation].vi).join(', ')})`, `Relative of ${n} martyr(s)`) });
      if (p.nurturing) add('martyr.nurturing');
      return { components, reasons };
    }
    case 'pre_1945':
    case 'pre_august_1945': {
      const k = p.relativeOf === 'pre_1945' ? 'pre1945' : 'preAug1945';
      if (!p.meritPersonDied)
        return {
          components,
          reasons,
          none: t('Trợ cấp tuất hằng tháng chỉ khi người có công đã từ trần', 'The survivor allowance is paid only after the person has died'),
        };
      add(`${k}.survivor`);
      if (p.nurturing) add(`${k}.nurturing`);
      return { components, reasons };
    }
    case 'war_invalid':
    case 'sick_soldier':
    case 'toxic_chemical': {
      const k = p.relativeOf === 'war_invalid' ? 'invalid' : p.relativeOf === 'sick_soldier' ? 'sick' : 'toxic';
      if (k === 'toxic' && p.deformedChild) {
        const r = p.injuryRate ?? null;
        if (r === null) return { components, reasons, unknown: t('chưa có tỷ lệ tổn thương cơ thể của con', "the child's rate is not given") };
        if (r < 61)
          return {
            components,
            reasons,
            none: t(
              `Con bị dị dạng, dị tật có tỷ lệ ${r}% (dưới 61%): không có trợ cấp hằng tháng`,
              `Deformed child rated ${r}% (< 61%): no monthly allowance`,
            ),
          };
        add(r >= 81 ? 'toxic.child.81plus' : 'toxic.child.61to80');
        return { components, reasons };
      }
      const r = p.meritPersonRate ?? null;
      if (!p.meritPersonDied)
        return {
          components,
          reasons,
          none: t('Trợ cấp tuất hằng tháng chỉ khi người có công đã từ trần', 'The survivor allowance is paid only after the person has died'),
        };
      if (r === null) return { components, reasons, unknown: t('chưa có tỷ lệ tổn thương cơ thể của người có công', "the merit person's rate is not given") };
      if (r < 61)
        return {
          components,
          reasons,
          none: t(
            `Người có công có tỷ lệ ${r}% (dưới 61%): thân nhân không hưởng trợ cấp tuất hằng tháng`,
            `Merit person rated ${r}% (< 61%): no monthly survivor allowance`,
          ),
        };
      add(`${k}.survivor`);
      if (p.nurturing) add(`${k}.nurturing`);
      return { components, reasons };
    }
    default:
      return { components, reasons, unknown: t('chưa rõ là thân nhân của ai', 'whose relative is not given') };
  }
}

/**
 * The allowance of one profile in `month`. Paid from `startMonth` to `endMonth` inclusive.
 * @example meritAllowanceInMonth({ id: 'p', category: 'relative', relativeOf: 'martyr', martyrs: [{ relation: 'mother' }, { relation: 'mother' }], startMonth: '2023-01' }, '2024-08').monthlyAmount // 5578000
 */
export function meritAllowanceInMonth(p: MeritProfileFacts, month: Month, params: ParamSet = LAW_PARAMETERS): MeritAllowance {
  const info = MERIT_CATEGORY[p.category];
  const base = { profileId: p.id, category: p.category, categoryText: info.text, month };
  const catReason: Reason = { text: t(info.text.vi, info.text.en), basis: { ...ORD, article: info.article } };
  if (monthIndex(month) < monthIndex(p.startMonth)) {
    return {
      ...base,
      status: 'not_started',
      monthlyAmount: 0,
      components: [],
      reasons: [catReason, { text: t(`Hưởng từ tháng ${formatMonthVi(p.startMonth)}`, `Paid from ${p.startMonth}`) }],
    };
  }
  if (p.endMonth && monthIndex(month) > monthIndex(p.endMonth)) {
    return {
      ...base,
      status: 'ended',
      monthlyAmount: 0,
      components: [],
      reasons: [catReason, { text: t(`Thôi hưởng sau tháng ${formatMonthVi(p.endMonth)}`, `Stopped after ${p.endMonth}`) }],
    };
  }
  const b = build(p, month, params);
  if (b.none) return { ...base, status: 'no_monthly', monthlyAmount: 0, components: [], reasons: [catReason, ...b.reasons, { text: b.none }] };
  if (b.unknown)
    return {
      ...base,
      status: 'unknown',
      monthlyAmount: null,
      components: b.components,
      reasons: [catReason, ...b.reasons, { text: t(`Chưa xác định: ${b.unknown.vi}`, `Unknown: ${b.unknown.en}`) }],
    };
  const unknownLevel = b.components.find((c) => c.amount === null);
  const amounts = b.components.map((c) => c.amount ?? 0);
  const monthlyAmount = unknownLevel ? null : amounts.reduce((s, a) => s + a, 0);
  const lines: Reason[] = b.components.map((c) => ({
    text: t(
      `${c.text.vi}: ${c.amount === null ? 'mức chưa xác minh' : formatVnd(c.amount)}`,
      `${c.text.en}: ${c.amount === null ? 'level not verified' : c.amount}`,
    ),
    basis: c.basis,
  }));
  return { ...base, status: unknownLevel ? 'unknown' : 'payable', monthlyAmount, components: b.components, reasons: [catReason, ...b.reasons, ...lines] };
}

/**
 * All profiles of one person in `month`. What the data settles:
 * - relative-of-martyr profiles are one allowance by the number of martyrs (Annex I rows 3.1–3.3 price
 *   "thân nhân của 02 liệt sĩ" as one level, not two of row 3.1): they are merged into one;
 * - one payable profile is paid as it is;
 * - a merit person of several categories: the allowances of each add up (Ordinance Art. 6 cl. 3);
 * - survivor allowances of several merit persons: at most two, limits of Art. 6 cl. 5 (see combine);
 *   one nurturing allowance (cl. 6);
 * - a merit person who also draws a survivor allowance: not settled by Art. 6, so the total is
 *   unknown (each allowance is still shown).
 */
export function meritMonth(profiles: readonly MeritProfileFacts[], month: Month, params: ParamSet = LAW_PARAMETERS): MeritMonth {
  const martyrProfiles = profiles.filter((p) => p.category === 'relative' && p.relativeOf === 'martyr' && !p.remarriedSpouse && inPeriod(p, month));
  const reasons: Reason[] = [];
  let merged: MeritProfileFacts[] = [];
  const rest = profiles.filter((p) => !martyrProfiles.includes(p));
  if (martyrProfiles.length > 1) {
    const first = martyrProfiles[0];
    merged = [{ ...first, martyrs: martyrProfiles.flatMap((p) => p.martyrs ?? []), nurturing: martyrProfiles.some((p) => p.nurturing) }];
    reasons.push({
      text: t(
        `Gộp ${martyrProfiles.length} hồ sơ thân nhân liệt sĩ thành một mức theo số liệt sĩ`,
        `${martyrProfiles.length} martyr-relative profiles merged into one level by the number of martyrs`,
      ),
      basis: {
        document: 'Nghị định 77/2024/NĐ-CP',
        article: 'Phụ lục I, mục 3.1–3.3',
        source:
          'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Van-ban-hop-nhat-4804-VBHN-BLDTBXH-2024-Nghi-dinh-muc-huong-tro-cap-nguoi-co-cong-cach-mang-626604.aspx',
        verified: true,
      },
    });
  } else merged = martyrProfiles;
  const allowances: MeritAllowance[] = [...merged, ...rest].map((p) => meritAllowanceInMonth(p, month, params));
  for (const p of martyrProfiles.slice(1)) {
    allowances.push({
      profileId: p.id,
      category: p.category,
      categoryText: MERIT_CATEGORY[p.category].text,
      month,
      status: 'merged',
      monthlyAmount: 0,
      components: [],
      reasons: [{ text: t(`Đã gộp vào hồ sơ ${martyrProfiles[0].id}`, `Merged into profile ${martyrProfiles[0].id}`) }],
    });
  }
  const combined = combine(allowances, merged[0]?.martyrs?.length ?? 0, reasons);
  const payable = combined.filter((a) => a.status === 'payable' || a.status === 'unknown');
  let monthlyTotal: number | null = combined.some((a) => a.status === 'unknown') ? null : payable.reduce((s, a) => s + (a.monthlyAmount ?? 0), 0);
  const own = payable.filter((a) => a.category !== 'relative');
  if (own.length > 0 && own.length < payable.length) {
    // A merit person who also draws a survivor's allowance: Art. 6 cl. 3 speaks of a merit person
    // of several categories, cl. 5 of a relative of several; neither settles this mix.
    monthlyTotal = null;
    reasons.push({
      text: t(
        'Người có công đồng thời hưởng trợ cấp tuất của thân nhân: Pháp lệnh Điều 6 không quy định rõ việc cộng, chưa tính tổng',
        'A merit person who also draws a survivor allowance: Ordinance Art. 6 does not settle whether both are paid; no total',
      ),
      basis: UNCONFIRMED_COMBINATION,
    });
  } else if (new Set(own.map((a) => a.category)).size > 1) {
    reasons.push({
      text: t(
        'Người có công thuộc nhiều đối tượng: hưởng trợ cấp, phụ cấp của nhiều đối tượng (cộng các khoản)',
        'A merit person of several categories receives the allowances of each (added up)',
      ),
      basis: { ...ORD6, article: 'Điều 6 khoản 3' },
    });
  }
  return { month, allowances: combined, monthlyTotal, reasons };
}

/**
 * The Ordinance's limits on survivor allowances (Art. 6 cl. 5 a–c) and the nurturing allowance
 * (cl. 6) when one person draws several: relatives of two or more merit persons get at most two
 * survivor allowances; a relative of one martyr and other merit persons gets the martyr's and one
 * other; a relative of two or more martyrs only the martyrs' (Art. 16 cl. 3 a); one nurturing
 * allowance in all. Which ones are kept is not said: the highest (the most favourable) are kept.
 * Cl. 5 d (a merit person of two categories leaves one survivor allowance) needs a link from the
 * relative's profile to the merit person, which the profiles do not carry.
 */
function combine(allowances: readonly MeritAllowance[], martyrs: number, reasons: Reason[]): MeritAllowance[] {
  const basis5: LegalBasis = { ...ORD6, article: 'Điều 6 khoản 5' };
  const live = (a: MeritAllowance) => a.status === 'payable' || a.status === 'unknown';
  const isMartyr = (a: MeritAllowance) => a.components.some((c) => c.key.startsWith('martyr.'));
  const others = allowances
    .filter((a) => live(a) && a.category === 'relative' && !isMartyr(a))
    .sort((x, y) => (y.monthlyAmount ?? Infinity) - (x.monthlyAmount ?? Infinity));
  const keep = martyrs >= 2 ? 0 : martyrs === 1 ? 1 : 2;
  const dropped = new Set(others.slice(keep).map((a) => a.profileId));
  if (dropped.size)
    reasons.push({
      text: t(
        martyrs >= 2
          ? 'Thân nhân của hai liệt sĩ trở lên: chỉ hưởng trợ cấp tuất hằng tháng của thân nhân liệt sĩ'
          : martyrs === 1
            ? 'Thân nhân của một liệt sĩ và người có công khác: hưởng trợ cấp tuất của liệt sĩ và của một người có công'
            : 'Thân nhân của nhiều người có công: hưởng tối đa hai suất trợ cấp tuất hằng tháng',
        martyrs >= 2
          ? 'Relative of two or more martyrs: only the martyr-relative allowance'
          : martyrs === 1
            ? "Relative of one martyr and other merit persons: the martyr's allowance and one other"
            : 'Relative of several merit persons: at most two survivor allowances',
      ),
      basis: basis5,
    });
  let nurturingSeen = false;
  let nurturingDropped = false;
  const out = allowances.map((a): MeritAllowance => {
    if (dropped.has(a.profileId))
      return {
        ...a,
        status: 'merged',
        monthlyAmount: 0,
        reasons: [
          ...a.reasons,
          { text: t('Không hưởng thêm suất trợ cấp tuất này (Pháp lệnh Điều 6 khoản 5)', 'Not paid (Ordinance Art. 6 cl. 5)'), basis: basis5 },
        ],
      };
    if (!live(a)) return a;
    const n = a.components.filter((c) => c.key.endsWith('.nurturing'));
    if (n.length === 0) return a;
    if (!nurturingSeen) {
      nurturingSeen = true;
      return a;
    }
    nurturingDropped = true;
    const components = a.components.filter((c) => !c.key.endsWith('.nurturing'));
    const monthlyAmount = a.monthlyAmount === null ? null : a.monthlyAmount - n.reduce((s, c) => s + (c.amount ?? 0), 0);
    return { ...a, components, monthlyAmount };
  });
  if (nurturingDropped)
    reasons.push({
      text: t('Chỉ hưởng một suất trợ cấp tuất nuôi dưỡng hằng tháng', 'One nurturing allowance only'),
      basis: { ...ORD6, article: 'Điều 6 khoản 6' },
    });
  return out;
}

function inPeriod(p: MeritProfileFacts, month: Month): boolean {
  return monthIndex(month) >= monthIndex(p.startMonth) && (!p.endMonth || monthIndex(month) <= monthIndex(p.endMonth));
}

export type ConvalescenceKind = 'home' | 'centre';

export interface Convalescence {
  readonly kind: ConvalescenceKind;
  readonly date: string;
  /** Integer VND for one person, once; null when unknown. */
  readonly amount: number | null;
  readonly reasons: readonly Reason[];
}

/**
 * Convalescence (điều dưỡng phục hồi sức khỏe, Art. 6): 0.9× (at home) or 1.8× (at a centre) the
 * standard in force for convalescence on `date`, rounded to the thousand when the decree in force
 * says so (Art. 3 cl. 2 as amended by 55/2023). A result exactly half-way between two thousands is
 * answered unknown: the text says "làm tròn đến hàng nghìn đồng" and not which way a half goes.
 * @example convalescence('home', '2025-03-01').amount // 2510000 (0.9 × 2,789,000 = 2,510,100)
 */
export function convalescence(kind: ConvalescenceKind, date: string, params: ParamSet = LAW_PARAMETERS): Convalescence {
  const coef = paramAt(`merit.convalescence.${kind}`, date, null, params);
  const std = paramAt('merit.convalescence.standard', date, null, params);
  const round = paramAt('merit.roundTo', date, null, params);
  const label = kind === 'home' ? t('Điều dưỡng tại nhà', 'Convalescence at home') : t('Điều dưỡng tập trung', 'Convalescence at a centre');
  if (!coef?.value || !std?.value || !round?.value)
    return { kind, date, amount: null, reasons: [{ text: t(`${label.vi}: chưa có mức cho ngày này`, `${label.en}: no level for this date`) }] };
  const raw = (std.value * coef.value) / 10;
  const step = round.value;
  const rem = raw % step;
  if (step > 1 && rem * 2 === step)
    return {
      kind,
      date,
      amount: null,
      reasons: [
        {
          text: t(
            `${label.vi}: ${formatVnd(raw)} đúng nửa nghìn đồng, chiều làm tròn chưa xác minh`,
            `${label.en}: ${raw} is exactly half a thousand; rounding direction not verified`,
          ),
          basis: round.basis,
        },
      ],
    };
  const amount = step > 1 ? (rem * 2 > step ? raw - rem + step : raw - rem) : raw;
  return {
    kind,
    date,
    amount,
    reasons: [
      {
        text: t(
          `${label.vi}: ${String(coef.value / 10).replace('.', ',')} × mức chuẩn ${formatVnd(std.value)} = ${formatVnd(raw)}`,
          `${label.en}: ${coef.value / 10} × ${std.value} = ${raw}`,
        ),
        basis: coef.basis,
      },
      {
        text: t(
          `Mức chuẩn áp dụng cho điều dưỡng từ ${std.validFrom.split('-').reverse().join('/')}`,
          `Standard applied to convalescence from ${std.validFrom}`,
        ),
        basis: std.basis,
      },
      ...(step > 1 && amount !== raw
        ? [{ text: t(`Làm tròn đến hàng nghìn đồng: ${formatVnd(amount)}`, `Rounded to the thousand: ${amount}`), basis: round.basis }]
        : []),
    ],
  };
}
