// The yearly lists of people with meritorious service (issue 12 item 4), as pure rules over a
// person's profiles: who is due convalescence this year (Ordinance 02/2020 by category, Decree
// 131/2021 Art. 84–85, amounts of Decree 75/2021 Art. 6), the Tết gift level by the President's
// decision of that year (dated data below; a year without a decision read answers "unknown"),
// and who holds state-paid health insurance (Ordinance, the "Bảo hiểm y tế" clause of each
// category). No I/O; each answer carries its article.
import type { Text } from '../kernel/i18n.ts';
import type { LegalBasis } from './parameters.ts';
import type { Reason } from './poverty.ts';
import { convalescence, meritMonth, type MeritProfileFacts } from './merit.ts';
import { MERIT_CATEGORY, type MeritCategory } from './merit-categories.ts';
import { monthIndex, type Month } from './months.ts';

const t = (vi: string, en: string): Text => ({ vi, en });

/** The yearly lists a commune keeps. */
export const MERIT_LISTS = ['convalescence', 'tet-gifts', 'health-insurance'] as const;
export type MeritList = (typeof MERIT_LISTS)[number];

/** The Ordinance as read (each category's article), one copy of the text. */
const ORDINANCE_SOURCE = 'https://github.com/TuanHuu168/CongBot/tree/main/backend/data/02_2020_UBTVQH14';
const ord = (article: string): LegalBasis => ({ document: 'Pháp lệnh 02/2020/UBTVQH14', article, verified: true, source: ORDINANCE_SOURCE });

function activeIn(p: MeritProfileFacts, from: Month, to: Month): boolean {
  return monthIndex(p.startMonth) <= monthIndex(to) && (!p.endMonth || monthIndex(p.endMonth) >= monthIndex(from));
}

// ---------------------------------------------------------------- convalescence

export const CONVALESCENCE_KINDS = ['home', 'centre'] as const;
export const CONVALESCENCE_FREQUENCIES = ['yearly', 'biennial'] as const;
export type ConvalescenceFrequency = (typeof CONVALESCENCE_FREQUENCIES)[number];
export const CONVALESCENCE_STATUSES = ['due', 'done', 'not_due', 'none', 'unknown'] as const;
export type ConvalescenceStatus = (typeof CONVALESCENCE_STATUSES)[number];

interface Right {
  readonly frequency: ConvalescenceFrequency | null;
  readonly unknown?: Text;
  readonly reason: Reason;
}

const YEARLY = t('hằng năm', 'every year');
const BIENNIAL = t('hai năm một lần', 'every two years');

/** The convalescence one profile gives: its frequency (null: none), or unknown when a fact is missing. */
export function convalescenceRight(p: MeritProfileFacts): Right {
  const r = (frequency: ConvalescenceFrequency | null, article: string, why: Text): Right => ({
    frequency,
    reason: { text: why, basis: ord(article) },
  });
  const byRate = (article: string, label: string): Right => {
    if (p.injuryRate === null || p.injuryRate === undefined)
      return {
        frequency: null,
        unknown: t('chưa có tỷ lệ tổn thương cơ thể', 'injury rate not given'),
        reason: { text: t(label, label), basis: ord(article) },
      };
    return p.injuryRate >= 81
      ? r('yearly', article, t(`${label} có tỷ lệ tổn thương cơ thể từ 81% trở lên: điều dưỡng hằng năm`, `${label} at 81% or more: every year`))
      : r('biennial', article, t(`${label}: điều dưỡng hai năm một lần`, `${label}: every two years`));
  };
  const c: MeritCategory = p.category;
  switch (c) {
    case 'pre_1945':
      return r('yearly', 'Điều 9 khoản 4', t('Người hoạt động cách mạng trước 01/01/1945: điều dưỡng hằng năm', 'Pre-1945 activist: every year'));
    case 'pre_august_1945':
      return r(
        'yearly',
        'Điều 12 khoản 1 điểm d',
        t('Người hoạt động cách mạng 01/01/1945 – khởi nghĩa tháng Tám: điều dưỡng hằng năm', 'Pre-August-1945 activist: every year'),
      );
    case 'heroic_mother':
      return r('yearly', 'Điều 18 khoản 5', t('Bà mẹ Việt Nam anh hùng: điều dưỡng hằng năm', 'Heroic Mother: every year'));
    case 'armed_forces_hero':
    case 'labour_hero':
      return r('biennial', 'Điều 21 khoản 3', t('Anh hùng: điều dưỡng hai năm một lần', 'Hero: every two years'));
    case 'war_invalid':
      return byRate('Điều 24 khoản 3', 'Thương binh, người hưởng chính sách như thương binh');
    case 'sick_soldier':
      return byRate('Điều 27 khoản 3', 'Bệnh binh');
    case 'toxic_chemical':
      return byRate('Điều 30 khoản 5', 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học');
    case 'prisoner':
      return r('biennial', 'Điều 33 khoản 4', t('Người bị địch bắt tù, đày: điều dưỡng hai năm một lần', 'Former prisoner: every two years'));
    case 'resistance_activist':
      return r(null, 'Điều 36', t('Người hoạt động kháng chiến: không có chế độ điều dưỡng', 'Resistance activist: no convalescence'));
    case 'martyr':
      return r(null, 'Điều 15', t('Liệt sĩ: chế độ dành cho thân nhân', 'Martyr: the relatives hold the rights'));
    case 'revolution_helper':
      if (!p.helperAward)
        return {
          frequency: null,
          unknown: t('chưa rõ hình thức khen tặng', 'award not given'),
          reason: { text: t('Người có công giúp đỡ cách mạng', 'Helper'), basis: ord('Điều 39') },
        };
      if (p.helperAward === 'fatherland_pre1945')
        return r(
          'yearly',
          'Điều 39 khoản 1 điểm c',
          t('Người có công giúp đỡ cách mạng (Kỷ niệm chương, Bằng trước 1945): điều dưỡng hằng năm', 'Helper (pre-1945 award): every year'),
        );
      if (p.helperAward === 'resistance_order')
        return r(
          'biennial',
          'Điều 39 khoản 2 điểm c',
          t('Người có công giúp đỡ cách mạng (Huân chương Kháng chiến): điều dưỡng hai năm một lần', 'Helper (resistance order): every two years'),
        );
      return r(
        null,
        'Điều 39 khoản 3',
        t('Người có công giúp đỡ cách mạng (Huy chương Kháng chiến): không có chế độ điều dưỡng', 'Helper (resistance medal): no convalescence'),
      );
    case 'relative': {
      if (p.relativeOf !== 'martyr')
        return r(
          null,
          'Nghị định 131/2021/NĐ-CP Điều 84 khoản 1',
          t('Thân nhân của người có công (không phải liệt sĩ): không có chế độ điều dưỡng', 'Relative of a merit person other than a martyr: no convalescence'),
        );
      if (p.remarriedSpouse)
        return r(
          null,
          'Điều 16 khoản 10',
          t('Vợ hoặc chồng liệt sĩ đã lấy chồng hoặc vợ khác: không có chế độ điều dưỡng', 'Remarried spouse of a martyr: no convalescence'),
        );
      const relations = (p.martyrs ?? []).map((m) => m.relation);
      if (p.relation) relations.push(p.relation);
      const parentOf = relations.filter((x) => x === 'father' || x === 'mother').length;
      if (parentOf >= 2)
        return r('yearly', 'Điều 16 khoản 5', t('Cha đẻ, mẹ đẻ có hai con liệt sĩ trở lên: điều dưỡng hằng năm', 'Parent of two or more martyrs: every year'));
      if (relations.some((x) => x === 'father' || x === 'mother' || x === 'spouse' || x === 'nurturer'))
        return r(
          'biennial',
          'Điều 16 khoản 5',
          t(
            'Cha đẻ, mẹ đẻ, người có công nuôi liệt sĩ, vợ hoặc chồng liệt sĩ: điều dưỡng hai năm một lần (hằng năm nếu liệt sĩ là con duy nhất: hồ sơ chưa ghi điều này)',
            "Martyr's parent, nurturer or spouse: every two years (every year when the martyr was the only child: not recorded in the profile)",
          ),
        );
      if (relations.includes('child'))
        return {
          frequency: null,
          unknown: t(
            'con liệt sĩ chỉ được điều dưỡng khi bị khuyết tật nặng, khuyết tật đặc biệt nặng: hồ sơ chưa ghi',
            'a child of a martyr only when severely disabled: not recorded',
          ),
          reason: { text: t('Con liệt sĩ', "Martyr's child"), basis: ord('Điều 16 khoản 5') },
        };
      return {
        frequency: null,
        unknown: t('chưa rõ quan hệ với liệt sĩ', 'relation to the martyr not given'),
        reason: { text: t('Thân nhân liệt sĩ', 'Relative of a martyr'), basis: ord('Điều 16 khoản 5') },
      };
    }
  }
}

export interface ConvalescenceDue {
  readonly year: number;
  readonly status: ConvalescenceStatus;
  readonly frequency: ConvalescenceFrequency | null;
  /** Amounts of Decree 75/2021 Art. 6 on 01/01 of the year; null when the law data does not know them. */
  readonly amountHome: number | null;
  readonly amountCentre: number | null;
  readonly reasons: readonly Reason[];
}

/**
 * Whether a person is due convalescence in `year`: the most frequent right among the profiles
 * active in the year (one convalescence only: Ordinance Art. 6 cl. 3, Art. 5 cl. 2 b; Decree
 * 131/2021 Art. 84 cl. 2), and the last year it was received. Yearly: due unless received this
 * year. Every two years: due unless received this year or last year.
 * @example convalescenceDue([{ id: '1', category: 'heroic_mother', startMonth: '2021-07' }], 2026, null).status // 'due'
 */
export function convalescenceDue(profiles: readonly MeritProfileFacts[], year: number, lastYear: number | null): ConvalescenceDue {
  const active = profiles.filter((p) => activeIn(p, `${year}-01`, `${year}-12`));
  const rights = active.map(convalescenceRight);
  const home = convalescence('home', `${year}-01-01`);
  const centre = convalescence('centre', `${year}-01-01`);
  const base = { year, amountHome: home.amount, amountCentre: centre.amount };
  const best: ConvalescenceFrequency | null = rights.some((r) => r.frequency === 'yearly')
    ? 'yearly'
    : rights.some((r) => r.frequency === 'biennial')
      ? 'biennial'
      : null;
  const reasons: Reason[] = rights.map((r) => r.reason);
  if (rights.length > 1 && best)
    reasons.push({
      text: t('Thuộc nhiều đối tượng: hưởng một chế độ điều dưỡng ở mức cao nhất', 'Several categories: one convalescence, the most favourable'),
      basis: { document: 'Nghị định 131/2021/NĐ-CP', article: 'Điều 84 khoản 2', verified: true, source: 'https://github.com/TuanHuu168/CongBot' },
    });
  if (!best) {
    const unknown = rights.find((r) => r.unknown);
    if (unknown)
      return {
        ...base,
        status: 'unknown',
        frequency: null,
        reasons: [...reasons, { text: t(`Chưa xác định: ${unknown.unknown!.vi}`, `Unknown: ${unknown.unknown!.en}`) }],
      };
    return { ...base, status: 'none', frequency: null, reasons };
  }
  const freq = best === 'yearly' ? YEARLY : BIENNIAL;
  if (lastYear === year)
    return { ...base, status: 'done', frequency: best, reasons: [...reasons, { text: t(`Đã điều dưỡng năm ${year}`, `Received in ${year}`) }] };
  if (best === 'biennial' && lastYear === year - 1)
    return {
      ...base,
      status: 'not_due',
      frequency: best,
      reasons: [
        ...reasons,
        { text: t(`Đã điều dưỡng năm ${year - 1}: ${freq.vi}, đến năm ${year + 1}`, `Received in ${year - 1}: ${freq.en}, next in ${year + 1}`) },
      ],
    };
  const last = lastYear === null ? t('chưa ghi lần điều dưỡng nào', 'none recorded') : t(`lần gần nhất năm ${lastYear}`, `last in ${lastYear}`);
  return {
    ...base,
    status: 'due',
    frequency: best,
    reasons: [...reasons, { text: t(`Đến kỳ điều dưỡng (${freq.vi}; ${last.vi})`, `Due (${freq.en}; ${last.en})`) }],
  };
}

// ---------------------------------------------------------------- Tết gifts

/** The President's decision on Tết gifts of one year (Tết Nguyên đán of that year). */
export interface TetGiftDecision {
  readonly year: number;
  /** The month whose monthly allowances count ("đang hưởng trợ cấp ưu đãi hằng tháng"): the decision's month. */
  readonly month: Month;
  readonly high: number;
  readonly low: number;
  readonly basis: LegalBasis;
}

/**
 * Decisions read. Tết Bính Ngọ 2026: Quyết định 01/QĐ-CTN of 05/01/2026, two levels, 600,000 and
 * 300,000 VND (text of both lists reported alike by thanhnien.vn, vtcnews.vn, suckhoedoisong.vn,
 * luatvietnam.vn). Earlier years: decisions not found in a text read ("unknown").
 */
export const TET_GIFT_DECISIONS: readonly TetGiftDecision[] = [
  {
    year: 2026,
    month: '2026-01',
    high: 600_000,
    low: 300_000,
    basis: {
      document: 'Quyết định 01/QĐ-CTN ngày 05/01/2026 của Chủ tịch nước',
      article: 'Điều 1 khoản 1 (600.000 đồng), khoản 2 (300.000 đồng)',
      verified: true,
      source:
        'https://luatvietnam.vn/tin-van-ban-moi/chu-tich-nuoc-tang-qua-tet-binh-ngo-2026-cho-nguoi-co-cong-voi-2-muc-600000-dong-va-300000-dong-186-106329-article.html',
    },
  },
];

export const TET_GIFT_STATUSES = ['gift', 'none', 'unknown'] as const;
export type TetGiftStatus = (typeof TET_GIFT_STATUSES)[number];

export interface TetGift {
  readonly year: number;
  readonly status: TetGiftStatus;
  readonly amount: number | null;
  readonly reasons: readonly Reason[];
}

/**
 * The Tết gift of one person in `year`: one gift at the highest level among the allowances the
 * person draws in the decision's month (Bộ Nội vụ's guidance for 01/QĐ-CTN: one gift, the
 * highest). The 600,000 list was read whole; of the 300,000 list only the rows named below, so
 * another monthly allowance (a relative of one martyr, a helper without the nurturing allowance,
 * other survivors) is "unknown": at most 300,000, but which row and on what condition was not read.
 * @example tetGift([{ id: '1', category: 'heroic_mother', startMonth: '2021-07' }], 2026).amount // 600000
 */
export function tetGift(profiles: readonly MeritProfileFacts[], year: number, decisions: readonly TetGiftDecision[] = TET_GIFT_DECISIONS): TetGift {
  const d = decisions.find((x) => x.year === year);
  if (!d)
    return {
      year,
      status: 'unknown',
      amount: null,
      reasons: [
        { text: t(`Chưa có quyết định tặng quà Tết năm ${year} của Chủ tịch nước trong dữ liệu`, `No President's Tết gift decision for ${year} in the data`) },
      ],
    };
  const month = meritMonth(profiles, d.month);
  let best = 0;
  const reasons: Reason[] = [];
  let unverified: Text | null = null;
  for (const a of month.allowances) {
    if (a.status !== 'payable') continue;
    const keys = a.components.map((c) => c.key);
    const p = profiles.find((x) => x.id === a.profileId);
    const rate = p?.injuryRate ?? null;
    const high = (why: string) => {
      best = Math.max(best, d.high);
      reasons.push({ text: t(`${why}: ${d.high.toLocaleString('vi-VN')} đồng`, `${why}: ${d.high}`), basis: d.basis });
    };
    const low = (why: string) => {
      best = Math.max(best, d.low);
      reasons.push({ text: t(`${why}: ${d.low.toLocaleString('vi-VN')} đồng`, `${why}: ${d.low}`), basis: d.basis });
    };
    switch (a.category) {
      case 'pre_1945':
      case 'pre_august_1945':
      case 'heroic_mother':
      case 'armed_forces_hero':
      case 'labour_hero':
        high(a.categoryText.vi);
        break;
      case 'war_invalid':
      case 'sick_soldier':
      case 'toxic_chemical':
        if (rate !== null && rate >= 81) high(`${a.categoryText.vi} từ 81% trở lên`);
        else low(`${a.categoryText.vi} từ 80% trở xuống`);
        break;
      case 'prisoner':
        low(a.categoryText.vi);
        break;
      case 'revolution_helper':
        if (keys.includes('helper.nurturing')) high('Người có công giúp đỡ cách mạng hưởng trợ cấp nuôi dưỡng');
        else unverified = t('người có công giúp đỡ cách mạng không hưởng trợ cấp nuôi dưỡng', 'helper without the nurturing allowance');
        break;
      case 'relative':
        if (keys.includes('martyr.nurturing')) high('Thân nhân liệt sĩ hưởng trợ cấp tuất nuôi dưỡng');
        else if (keys.includes('martyr.relatives.2') || keys.includes('martyr.relatives.3')) high('Thân nhân của hai liệt sĩ trở lên');
        else unverified = t('thân nhân hưởng trợ cấp tuất (dòng 300.000 đồng chưa đọc đủ)', 'survivor (the 300,000 rows were not read in full)');
        break;
      default:
        break;
    }
  }
  if (best > 0) {
    if (reasons.length > 1) reasons.push({ text: t('Mỗi người một suất quà, mức cao nhất', 'One gift a person, the highest'), basis: d.basis });
    return { year, status: 'gift', amount: best, reasons };
  }
  if (unverified)
    return {
      year,
      status: 'unknown',
      amount: null,
      reasons: [{ text: t(`Chưa xác định: ${unverified.vi}`, `Unknown: ${unverified.en}`), basis: { ...d.basis, verified: false } }],
    };
  return {
    year,
    status: 'none',
    amount: null,
    reasons: [
      {
        text: t(
          `Không hưởng trợ cấp ưu đãi hằng tháng thuộc diện tặng quà trong tháng ${d.month.split('-').reverse().join('/')}`,
          `No monthly allowance of a gift row in ${d.month}`,
        ),
        basis: d.basis,
      },
    ],
  };
}

// ---------------------------------------------------------------- health insurance

export const HEALTH_INSURANCE_STATUSES = ['covered', 'check', 'none'] as const;
export type HealthInsuranceStatus = (typeof HEALTH_INSURANCE_STATUSES)[number];

export interface HealthInsurance {
  readonly status: HealthInsuranceStatus;
  readonly reasons: readonly Reason[];
}

const HI_ARTICLE: Partial<Record<MeritCategory, string>> = {
  pre_1945: 'Điều 9 khoản 3',
  pre_august_1945: 'Điều 12 khoản 1 điểm c',
  heroic_mother: 'Điều 18 khoản 1 (khoản 6 Điều 16)',
  armed_forces_hero: 'Điều 21 khoản 2',
  labour_hero: 'Điều 21 khoản 2',
  war_invalid: 'Điều 24 khoản 2',
  sick_soldier: 'Điều 27 khoản 2',
  toxic_chemical: 'Điều 30 khoản 4',
  prisoner: 'Điều 33 khoản 3',
  resistance_activist: 'Điều 36 khoản 2',
  revolution_helper: 'Điều 39 khoản 1–3 điểm b',
};

const RELATIVE_HI: Record<string, string> = {
  pre_1945: 'Điều 10 khoản 1',
  pre_august_1945: 'Điều 13 khoản 1',
  war_invalid: 'Điều 25 khoản 1',
  sick_soldier: 'Điều 28 khoản 1',
  toxic_chemical: 'Điều 31 khoản 2',
};

/**
 * Whether a person's health-insurance card is the state's under the Ordinance in `month`: merit
 * persons of every living category and the martyrs' relatives are covered; relatives of other merit
 * persons only on conditions the profile does not hold (spouse; a child aged 6 to under 18, or
 * older and studying or severely disabled: Art. 10, 13, 25, 28, 31), so "check".
 * @example healthInsurance([{ id: '1', category: 'prisoner', startMonth: '2021-07' }], '2026-03').status // 'covered'
 */
export function healthInsurance(profiles: readonly MeritProfileFacts[], month: Month): HealthInsurance {
  const active = profiles.filter((p) => activeIn(p, month, month));
  const covered: Reason[] = [];
  const check: Reason[] = [];
  for (const p of active) {
    if (p.category === 'relative') {
      if (p.relativeOf === 'martyr') {
        covered.push({
          text: t(
            p.remarriedSpouse ? 'Vợ hoặc chồng liệt sĩ lấy chồng hoặc vợ khác' : 'Thân nhân liệt sĩ',
            p.remarriedSpouse ? 'Remarried spouse of a martyr' : "Martyr's relative",
          ),
          basis: ord(p.remarriedSpouse ? 'Điều 16 khoản 10 điểm b' : 'Điều 16 khoản 6'),
        });
      } else if (p.relativeOf && RELATIVE_HI[p.relativeOf])
        check.push({
          text: t(
            'Thân nhân của người có công: chỉ vợ hoặc chồng, con từ đủ 6 đến dưới 18 tuổi (hoặc trên 18 tuổi còn đi học, khuyết tật nặng) — kiểm tra',
            'Relative of a merit person: spouse, or a child 6–18 (older if studying or severely disabled): check',
          ),
          basis: ord(RELATIVE_HI[p.relativeOf]!),
        });
      continue;
    }
    const article = HI_ARTICLE[p.category];
    if (article) covered.push({ text: MERIT_CATEGORY[p.category].text, basis: ord(article) });
  }
  if (covered.length) return { status: 'covered', reasons: covered };
  if (check.length) return { status: 'check', reasons: check };
  return { status: 'none', reasons: [{ text: t('Không có hồ sơ hưởng chế độ bảo hiểm y tế trong tháng', 'No profile with health insurance in the month') }] };
}
