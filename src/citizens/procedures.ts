// The public procedures ansinh supports (issue 14 item 1), generated from the law data: who
// qualifies (the categories and thresholds of src/law), the deadlines (src/law/deadlines.ts),
// the amounts in force on a date, who decides and the legal basis. Pure: no I/O.
import type { Text } from '../kernel/i18n.ts';
import { CATEGORY_TEXT } from '../law/assistance.ts';
import { DEADLINE_RULES, type DeadlineCode } from '../law/deadlines.ts';
import { MERIT_CATEGORY_LIST } from '../law/merit-categories.ts';
import { paramAt, type LegalBasis, type ParamKey } from '../law/parameters.ts';
import { formatVnd } from '../law/months.ts';

export interface Procedure {
  readonly code: string;
  readonly name: Text;
  readonly summary: Text;
  readonly qualifies: readonly { readonly text: Text; readonly basis: string }[];
  readonly documents: readonly Text[];
  readonly deadlines: readonly DeadlineCode[];
  /** Amounts in force (the standard level and what it pays), by parameter key. */
  readonly amounts: readonly ParamKey[];
  readonly decides: Text;
  readonly whereToApply: Text;
  readonly basis: readonly LegalBasis[];
  /** The eligibility check answers this procedure's question (the same rules as the registry). */
  readonly checkable: boolean;
}

const D20: LegalBasis = { document: 'Nghị định 20/2021/NĐ-CP (sửa đổi bởi Nghị định 76/2024/NĐ-CP)', article: 'Điều 5–8', verified: false };
const D147: LegalBasis = {
  document: 'Nghị định 147/2025/NĐ-CP',
  article: 'Điều 5',
  note: 'from 01/07/2025 the commune chair decides (two-level local government)',
  verified: false,
};
const LSI: LegalBasis = { document: 'Luật Bảo hiểm xã hội 2024 (41/2024/QH15)', article: 'Điều 21–22', verified: true };
const D176: LegalBasis = { document: 'Nghị định 176/2025/NĐ-CP', article: 'Mẫu số 01, 02', note: 'social pension and funeral support forms', verified: false };
const D07: LegalBasis = { document: 'Nghị định 07/2021/NĐ-CP', article: 'Điều 3', note: 'multidimensional poverty standard 2022–2025', verified: true };
const QD24: LegalBasis = {
  document: 'Quyết định 24/2021/QĐ-TTg',
  article: 'Điều 4–5',
  note: 'annual review of poor and near-poor households',
  verified: false,
};
const PL02: LegalBasis = { document: 'Pháp lệnh 02/2020/UBTVQH14', article: 'Điều 3', verified: true };
const D131: LegalBasis = { document: 'Nghị định 131/2021/NĐ-CP', article: 'Chương II–III', note: 'procedures and documents for recognition', verified: false };
const D75: LegalBasis = { document: 'Nghị định 75/2021/NĐ-CP (sửa đổi bởi 55/2023 và 77/2024)', article: 'Phụ lục I–V', verified: true };

const atCommune: Text = {
  vi: 'Bộ phận một cửa của Ủy ban nhân dân xã, phường nơi cư trú (hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia)',
  en: "The one-stop desk of the commune or ward People's Committee where you live (or online on the National Public Service Portal)",
};

const assistanceCategories = ['5.1', '5.2', '5.3', '5.4', '5.5a', '5.5b', '5.5c', '5.5d', '5.6', '5.7', '5.8'];

export const PROCEDURES: readonly Procedure[] = [
  {
    code: 'tro-cap-xa-hoi-hang-thang',
    name: { vi: 'Trợ cấp xã hội hằng tháng', en: 'Monthly social assistance' },
    summary: {
      vi: 'Trợ cấp hằng tháng cho trẻ em không có nguồn nuôi dưỡng, người cao tuổi, người khuyết tật đặc biệt nặng và nặng, người đơn thân nghèo nuôi con và các đối tượng khác của Nghị định 20/2021/NĐ-CP.',
      en: 'A monthly allowance for children without support, the elderly, people with especially severe or severe disabilities, poor single parents and the other groups of Decree 20/2021.',
    },
    qualifies: assistanceCategories.map((c) => ({ text: CATEGORY_TEXT[c]!, basis: `Nghị định 20/2021/NĐ-CP, Điều 5 khoản ${c.replace('5.', '')}` })),
    documents: [
      {
        vi: 'Tờ khai đề nghị trợ giúp xã hội theo mẫu của Nghị định 20/2021/NĐ-CP (mẫu 1a–1d tùy đối tượng)',
        en: 'The application form of Decree 20/2021 (forms 1a–1d by group)',
      },
      { vi: 'Bản sao giấy xác nhận khuyết tật (đối với người khuyết tật)', en: 'A copy of the disability certificate (for people with disabilities)' },
      {
        vi: 'Bản sao giấy tờ chứng minh hoàn cảnh (giấy chứng tử của cha mẹ, quyết định nhận nuôi, ...) khi cần',
        en: 'Copies of papers proving the situation (parents’ death certificates, ...) where needed',
      },
    ],
    deadlines: ['assistance.review', 'assistance.posting', 'assistance.decision'],
    amounts: ['assistance.standard'],
    decides: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã', en: "The chair of the commune People's Committee" },
    whereToApply: atCommune,
    basis: [D20, D147],
    checkable: true,
  },
  {
    code: 'tro-cap-huu-tri-xa-hoi',
    name: { vi: 'Trợ cấp hưu trí xã hội', en: 'Social pension' },
    summary: {
      vi: 'Trợ cấp hằng tháng cho người cao tuổi không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng.',
      en: 'A monthly allowance for older people without a pension or monthly social-insurance allowance.',
    },
    qualifies: [
      {
        text: {
          vi: 'Công dân từ đủ 75 tuổi trở lên, không hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng',
          en: 'Citizens aged 75 or more without a pension or monthly social-insurance allowance',
        },
        basis: 'Luật Bảo hiểm xã hội 2024, Điều 21 khoản 1',
      },
      {
        text: { vi: 'Từ đủ 70 đến dưới 75 tuổi thuộc hộ nghèo, hộ cận nghèo', en: 'Aged 70 to 74 in a poor or near-poor household' },
        basis: 'Luật Bảo hiểm xã hội 2024, Điều 21 khoản 1',
      },
    ],
    documents: [
      {
        vi: 'Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội (Mẫu số 01, Nghị định 176/2025/NĐ-CP)',
        en: 'Application for the social pension (Form 01, Decree 176/2025)',
      },
    ],
    deadlines: ['assistance.decision'],
    amounts: ['social_pension.amount'],
    decides: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã', en: "The chair of the commune People's Committee" },
    whereToApply: atCommune,
    basis: [LSI, D176],
    checkable: true,
  },
  {
    code: 'ho-tro-mai-tang',
    name: { vi: 'Hỗ trợ chi phí mai táng', en: 'Funeral support' },
    summary: {
      vi: 'Hỗ trợ chi phí mai táng khi người đang hưởng trợ cấp xã hội hằng tháng hoặc trợ cấp hưu trí xã hội qua đời.',
      en: 'Support for funeral costs when a person receiving monthly social assistance or the social pension dies.',
    },
    qualifies: [
      {
        text: {
          vi: 'Gia đình, cá nhân tổ chức mai táng cho người đang hưởng trợ cấp hằng tháng',
          en: 'The family or person arranging the funeral of a monthly beneficiary',
        },
        basis: 'Nghị định 20/2021/NĐ-CP, Điều 11; Nghị định 176/2025/NĐ-CP',
      },
    ],
    documents: [
      { vi: 'Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 02, Nghị định 176/2025/NĐ-CP)', en: 'Application for funeral support (Form 02, Decree 176/2025)' },
      { vi: 'Bản sao giấy chứng tử', en: 'A copy of the death certificate' },
    ],
    deadlines: ['pension.funeral'],
    amounts: [],
    decides: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã', en: "The chair of the commune People's Committee" },
    whereToApply: atCommune,
    basis: [D20, D176],
    checkable: false,
  },
  {
    code: 'ra-soat-ho-ngheo',
    name: { vi: 'Công nhận hộ nghèo, hộ cận nghèo', en: 'Recognition as a poor or near-poor household' },
    summary: {
      vi: 'Rà soát hằng năm và rà soát thường xuyên để công nhận hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều.',
      en: 'The yearly and ongoing review that recognises poor and near-poor households under the multidimensional poverty standard.',
    },
    qualifies: [
      {
        text: {
          vi: 'Hộ gia đình có thu nhập bình quân đầu người và mức thiếu hụt dịch vụ xã hội cơ bản theo chuẩn nghèo đa chiều',
          en: 'Households by per-capita income and deprivation of basic social services under the multidimensional standard',
        },
        basis: 'Nghị định 07/2021/NĐ-CP, Điều 3',
      },
    ],
    documents: [
      { vi: 'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (theo mẫu của Quyết định 24/2021/QĐ-TTg)', en: 'A request for review (form of Decision 24/2021)' },
    ],
    deadlines: [],
    amounts: ['poverty.income.rural', 'poverty.income.urban'],
    decides: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã', en: "The chair of the commune People's Committee" },
    whereToApply: atCommune,
    basis: [D07, QD24],
    checkable: false,
  },
  {
    code: 'tro-cap-nguoi-co-cong',
    name: { vi: 'Trợ cấp ưu đãi người có công với cách mạng', en: 'Allowances for people with meritorious service' },
    summary: {
      vi: 'Trợ cấp hằng tháng và một lần cho người có công với cách mạng và thân nhân theo Pháp lệnh Ưu đãi người có công.',
      en: 'Monthly and one-time allowances for people with meritorious service and their relatives under the Ordinance.',
    },
    qualifies: MERIT_CATEGORY_LIST.map((c) => ({ text: c.text, basis: `Pháp lệnh 02/2020/UBTVQH14, ${c.article}` })),
    documents: [
      {
        vi: 'Hồ sơ công nhận theo từng đối tượng (Nghị định 131/2021/NĐ-CP) và quyết định công nhận của cơ quan có thẩm quyền',
        en: 'The recognition file for the category (Decree 131/2021) and the recognition decision',
      },
    ],
    deadlines: [],
    amounts: ['merit.standard'],
    decides: {
      vi: 'Cơ quan có thẩm quyền theo Nghị định 131/2021/NĐ-CP (Sở Nội vụ từ năm 2025)',
      en: 'The authority under Decree 131/2021 (the provincial Department of Home Affairs since 2025)',
    },
    whereToApply: atCommune,
    basis: [PL02, D131, D75],
    checkable: false,
  },
];

export function procedureByCode(code: string): Procedure | undefined {
  return PROCEDURES.find((p) => p.code === code);
}

export interface AmountView {
  readonly key: ParamKey;
  readonly value: number | null;
  readonly text: string;
  readonly validFrom: string | null;
  readonly basis: string;
}

/** The amounts in force on `date` (national level; a province may set a higher one). */
export function amountsOn(p: Procedure, date: string): AmountView[] {
  return p.amounts.map((key) => {
    const v = paramAt(key, date);
    return {
      key,
      value: v?.value ?? null,
      text: v?.value != null ? `${formatVnd(v.value)}${v.unit === 'VND/month' ? '/tháng' : ''}` : 'chưa xác định',
      validFrom: v?.validFrom ?? null,
      basis: v ? `${v.basis.document}, ${v.basis.article}` : '',
    };
  });
}

export function deadlinesOf(p: Procedure) {
  return p.deadlines.map((code) => {
    const r = DEADLINE_RULES[code];
    return { code, what: r.what, days: r.days, counting: r.counting, from: r.from, basis: r.basis, verified: r.verified };
  });
}
