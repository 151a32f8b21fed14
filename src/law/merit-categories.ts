// The categories of people with meritorious service (Ordinance 02/2020/UBTVQH14 Art. 3): one
// vocabulary from which the evaluate schema, the profile schemas and the SQL check are derived.
// Pure data. Art. 3 cl. 1 a–m are the persons with meritorious service; cl. 2 their relatives.
import type { Text } from '../kernel/i18n.ts';

export interface MeritCategoryInfo {
  readonly code: string;
  /** "Điều 3 khoản 1 điểm g" */
  readonly article: string;
  readonly text: Text;
}

/** Read in the Ordinance's own text (pháp điển 6.5.PL.3, see docs/law.md "Người có công"). */
export const MERIT_CATEGORY_LIST = [
  {
    code: 'pre_1945',
    article: 'Điều 3 khoản 1 điểm a',
    text: { vi: 'Người hoạt động cách mạng trước ngày 01/01/1945', en: 'Revolutionary activist before 01/01/1945' },
  },
  {
    code: 'pre_august_1945',
    article: 'Điều 3 khoản 1 điểm b',
    text: {
      vi: 'Người hoạt động cách mạng từ ngày 01/01/1945 đến ngày khởi nghĩa tháng Tám năm 1945',
      en: 'Revolutionary activist from 01/01/1945 to the August 1945 uprising',
    },
  },
  { code: 'martyr', article: 'Điều 3 khoản 1 điểm c', text: { vi: 'Liệt sĩ', en: 'Martyr' } },
  { code: 'heroic_mother', article: 'Điều 3 khoản 1 điểm d', text: { vi: 'Bà mẹ Việt Nam anh hùng', en: 'Vietnamese Heroic Mother' } },
  {
    code: 'armed_forces_hero',
    article: 'Điều 3 khoản 1 điểm đ',
    text: { vi: 'Anh hùng Lực lượng vũ trang nhân dân', en: "Hero of the People's Armed Forces" },
  },
  {
    code: 'labour_hero',
    article: 'Điều 3 khoản 1 điểm e',
    text: { vi: 'Anh hùng Lao động trong thời kỳ kháng chiến', en: 'Labour Hero of the resistance period' },
  },
  {
    code: 'war_invalid',
    article: 'Điều 3 khoản 1 điểm g',
    text: { vi: 'Thương binh, thương binh loại B, người hưởng chính sách như thương binh', en: 'War invalid (incl. type B and those treated as war invalids)' },
  },
  { code: 'sick_soldier', article: 'Điều 3 khoản 1 điểm h', text: { vi: 'Bệnh binh', en: 'Sick soldier' } },
  {
    code: 'toxic_chemical',
    article: 'Điều 3 khoản 1 điểm i',
    text: { vi: 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học', en: 'Resistance activist exposed to toxic chemicals' },
  },
  {
    code: 'prisoner',
    article: 'Điều 3 khoản 1 điểm k',
    text: {
      vi: 'Người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày',
      en: 'Activist imprisoned or exiled by the enemy',
    },
  },
  {
    code: 'resistance_activist',
    article: 'Điều 3 khoản 1 điểm l',
    text: {
      vi: 'Người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế',
      en: 'Resistance activist (national liberation, defence, international duty)',
    },
  },
  { code: 'revolution_helper', article: 'Điều 3 khoản 1 điểm m', text: { vi: 'Người có công giúp đỡ cách mạng', en: 'Person who helped the revolution' } },
  {
    code: 'relative',
    article: 'Điều 3 khoản 2',
    text: { vi: 'Thân nhân của người có công với cách mạng', en: 'Relative of a person with meritorious service' },
  },
] as const satisfies readonly MeritCategoryInfo[];

export type MeritCategory = (typeof MERIT_CATEGORY_LIST)[number]['code'];
export const MERIT_CATEGORIES: readonly MeritCategory[] = MERIT_CATEGORY_LIST.map((c) => c.code);
export const MERIT_CATEGORY: Readonly<Record<MeritCategory, MeritCategoryInfo>> = Object.fromEntries(MERIT_CATEGORY_LIST.map((c) => [c.code, c])) as Record<
  MeritCategory,
  MeritCategoryInfo
>;

/** Type of war invalid (Art. 3 cl. 1 g): Annex II for invalids and those treated as such, Annex III for type B. */
export const INVALID_TYPES = ['invalid', 'treated_as_invalid', 'type_b'] as const;
export type InvalidType = (typeof INVALID_TYPES)[number];

/** Whose relative (Art. 3 cl. 2): the annex row depends on it. */
export const RELATIVE_OF = ['martyr', 'pre_1945', 'pre_august_1945', 'war_invalid', 'sick_soldier', 'toxic_chemical'] as const;
export type RelativeOf = (typeof RELATIVE_OF)[number];

/** Art. 3 cl. 2: father, mother, spouse, child (natural or adopted), the person who nurtured a martyr. */
export const RELATIONS = ['father', 'mother', 'spouse', 'child', 'nurturer'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_TEXT: Readonly<Record<Relation, Text>> = {
  father: { vi: 'cha đẻ', en: 'father' },
  mother: { vi: 'mẹ đẻ', en: 'mother' },
  spouse: { vi: 'vợ hoặc chồng', en: 'spouse' },
  child: { vi: 'con', en: 'child' },
  nurturer: { vi: 'người có công nuôi liệt sĩ', en: 'person who nurtured the martyr' },
};

/** The awards of Art. 38 (người có công giúp đỡ cách mạng), which set the Annex I row 10. */
export const HELPER_AWARDS = ['fatherland_pre1945', 'resistance_order', 'resistance_medal'] as const;
export type HelperAward = (typeof HELPER_AWARDS)[number];

/** Injury rates the annex tables cover: every war invalid table starts at 21% (Annex II, III). */
export const INJURY_RATE_MIN = 1;
export const INJURY_RATE_MAX = 100;
