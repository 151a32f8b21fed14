// Allowance levels for people with meritorious service, as dated versions with their legal basis:
// Decree 75/2021/NĐ-CP (levels from 01/07/2021), amended by Decree 55/2023/NĐ-CP (levels from
// 01/07/2023) and Decree 77/2024/NĐ-CP (levels from 01/07/2024). Every figure below was read in
// the consolidated texts (văn bản hợp nhất) of the Ministry of Labour, Invalids and Social Affairs:
//   4804/VBHN-BLĐTBXH (04/10/2024; annexes of Decree 77/2024): SRC.vbhn4804
//   834/VBHN-BLĐTBXH (05/03/2024; annexes of Decree 55/2023):  SRC.vbhn834
// Decree 75/2021's own annexes (07/2021–06/2023) were not found: those rows are null (unknown).
// Annex I rows are cited as "Phụ lục I, mục 3.2"; Annex II/III by the injury rate's row number.
import type { LegalBasis, ParamVersion } from './parameters.ts';

export const MERIT_SRC = {
  vbhn4804:
    'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Van-ban-hop-nhat-4804-VBHN-BLDTBXH-2024-Nghi-dinh-muc-huong-tro-cap-nguoi-co-cong-cach-mang-626604.aspx',
  vbhn834:
    'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Van-ban-hop-nhat-834-VBHN-BLDTBXH-2024-Nghi-dinh-muc-huong-tro-cap-phu-cap-nguoi-co-cong-601117.aspx',
  d75: 'https://github.com/diepxuan/diepxuan.github.io/blob/main/van-ban/chinh-sach-xa-hoi/uu-dai-nguoi-co-cong-voi-cach-mang.md',
} as const;

export const D75 = 'Nghị định 75/2021/NĐ-CP';
export const D55 = 'Nghị định 55/2023/NĐ-CP';
export const D77 = 'Nghị định 77/2024/NĐ-CP';

/** The three periods of monthly levels (Decree 75/2021 Art. 15 cl. 2; 55/2023 Art. 2 cl. 2; 77/2024 Art. 3). */
export const MERIT_PERIODS = [
  { from: '2021-07-01', to: '2023-06-30', document: D75, source: undefined },
  { from: '2023-07-01', to: '2024-06-30', document: D55, source: MERIT_SRC.vbhn834 },
  { from: '2024-07-01', to: null, document: D77, source: MERIT_SRC.vbhn4804 },
] as const;

/**
 * Annex I rows: key, annex row, what it pays, then the amounts (VND/month) under 55/2023 and 77/2024.
 * `kind`: 'allowance' (trợ cấp), 'supplement' (phụ cấp, paid in addition), 'nurturing' (trợ cấp tuất
 * nuôi dưỡng, paid in addition to the survivor's allowance).
 */
export const ANNEX_I_ROWS: readonly (readonly [key: string, row: string, vi: string, d55: number, d77: number])[] = [
  ['pre1945.detached', '1.1', 'Người hoạt động cách mạng trước 01/01/1945, diện thoát ly', 2_297_000, 3_117_000],
  ['pre1945.detached.perYear', '1.1', 'Phụ cấp mỗi năm thâm niên, diện thoát ly', 390_000, 529_000],
  ['pre1945.nonDetached', '1.1', 'Người hoạt động cách mạng trước 01/01/1945, diện không thoát ly', 3_899_000, 5_291_000],
  ['pre1945.survivor', '1.2', 'Thân nhân người hoạt động cách mạng trước 01/01/1945 từ trần: trợ cấp tuất hằng tháng', 2_055_000, 2_789_000],
  ['pre1945.nurturing', '1.2', 'Thân nhân người hoạt động cách mạng trước 01/01/1945 sống cô đơn, mồ côi: trợ cấp tuất nuôi dưỡng', 1_644_000, 2_231_000],
  ['preAug1945', '2.1', 'Người hoạt động cách mạng từ 01/01/1945 đến khởi nghĩa tháng Tám 1945', 2_125_000, 2_884_000],
  [
    'preAug1945.survivor',
    '2.2',
    'Thân nhân người hoạt động cách mạng từ 01/01/1945 đến khởi nghĩa tháng Tám 1945 từ trần: trợ cấp tuất hằng tháng',
    1_153_000,
    1_565_000,
  ],
  [
    'preAug1945.nurturing',
    '2.2',
    'Thân nhân người hoạt động cách mạng từ 01/01/1945 đến khởi nghĩa tháng Tám 1945 sống cô đơn, mồ côi: trợ cấp tuất nuôi dưỡng',
    1_644_000,
    2_231_000,
  ],
  ['martyr.relatives.1', '3.1', 'Thân nhân của 01 liệt sĩ', 2_055_000, 2_789_000],
  ['martyr.relatives.2', '3.2', 'Thân nhân của 02 liệt sĩ', 4_110_000, 5_578_000],
  ['martyr.relatives.3', '3.3', 'Thân nhân của 03 liệt sĩ trở lên', 6_165_000, 8_367_000],
  [
    'martyr.nurturing',
    '3.4',
    'Cha đẻ, mẹ đẻ, người có công nuôi liệt sĩ, vợ hoặc chồng liệt sĩ sống cô đơn; con liệt sĩ mồ côi cả cha mẹ: trợ cấp tuất nuôi dưỡng',
    1_644_000,
    2_231_000,
  ],
  [
    'martyr.remarriedSpouse',
    '3.5',
    'Vợ hoặc chồng liệt sĩ lấy chồng hoặc vợ khác mà nuôi con liệt sĩ đến tuổi trưởng thành hoặc chăm sóc cha mẹ liệt sĩ',
    2_055_000,
    2_789_000,
  ],
  ['heroicMother', '4', 'Bà mẹ Việt Nam anh hùng: trợ cấp', 6_165_000, 8_367_000],
  ['heroicMother.supplement', '4', 'Bà mẹ Việt Nam anh hùng: phụ cấp', 1_722_000, 2_337_000],
  ['hero', '5', 'Anh hùng Lực lượng vũ trang nhân dân, Anh hùng Lao động trong thời kỳ kháng chiến', 1_722_000, 2_337_000],
  [
    'invalid.81plus.supplement',
    '6.1',
    'Thương binh, người hưởng chính sách như thương binh, thương binh loại B có tỷ lệ tổn thương cơ thể từ 81% trở lên: phụ cấp',
    1_031_000,
    1_399_000,
  ],
  ['invalid.81plus.severe.supplement', '6.1', 'Như trên, có vết thương đặc biệt nặng: phụ cấp', 2_113_000, 2_867_000],
  ['invalid.survivor', '6.2', 'Thân nhân của thương binh có tỷ lệ tổn thương cơ thể từ 61% trở lên từ trần: trợ cấp tuất hằng tháng', 1_153_000, 1_565_000],
  ['invalid.nurturing', '6.2', 'Thân nhân sống cô đơn, con mồ côi của thương binh từ 61% trở lên từ trần: trợ cấp tuất nuôi dưỡng', 1_644_000, 2_231_000],
  ['sick.41to50', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 41% - 50%', 2_145_000, 2_911_000],
  ['sick.51to60', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 51% - 60%', 2_673_000, 3_627_000],
  ['sick.61to70', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 61% - 70%', 3_406_000, 4_622_000],
  ['sick.71to80', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 71% - 80%', 3_927_000, 5_329_000],
  ['sick.81to90', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 81% - 90%', 4_700_000, 6_378_000],
  ['sick.91to100', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 91% - 100%', 5_235_000, 7_104_000],
  ['sick.81plus.supplement', '7.1', 'Bệnh binh có tỷ lệ tổn thương cơ thể từ 81% trở lên: phụ cấp', 1_031_000, 1_399_000],
  ['sick.81plus.severe.supplement', '7.1', 'Bệnh binh từ 81% trở lên có bệnh tật đặc biệt nặng: phụ cấp', 2_055_000, 2_789_000],
  ['sick.survivor', '7.2', 'Thân nhân của bệnh binh có tỷ lệ tổn thương cơ thể từ 61% trở lên từ trần: trợ cấp tuất hằng tháng', 1_153_000, 1_565_000],
  ['sick.nurturing', '7.2', 'Thân nhân sống cô đơn, con mồ côi của bệnh binh từ 61% trở lên từ trần: trợ cấp tuất nuôi dưỡng', 1_644_000, 2_231_000],
  ['toxic.21to40', '8.1', 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 21% - 40%', 1_562_000, 2_120_000],
  ['toxic.41to60', '8.1', 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 41% - 60%', 2_610_000, 3_542_000],
  ['toxic.61to80', '8.1', 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 61% - 80%', 3_658_000, 4_964_000],
  ['toxic.81plus', '8.1', 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 81% trở lên', 4_685_000, 6_358_000],
  ['toxic.81plus.supplement', '8.1', 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học từ 81% trở lên: phụ cấp', 1_031_000, 1_399_000],
  ['toxic.81plus.severe.supplement', '8.1', 'Như trên, có bệnh tật đặc biệt nặng: phụ cấp', 2_055_000, 2_789_000],
  ['toxic.survivor', '8.2', 'Thân nhân của người nhiễm chất độc hóa học từ 61% trở lên từ trần: trợ cấp tuất hằng tháng', 1_153_000, 1_565_000],
  [
    'toxic.nurturing',
    '8.2',
    'Thân nhân sống cô đơn, con mồ côi của người nhiễm chất độc hóa học từ 61% trở lên từ trần: trợ cấp tuất nuôi dưỡng',
    1_644_000,
    2_231_000,
  ],
  ['toxic.child.61to80', '8.2', 'Con đẻ còn sống của người nhiễm chất độc hóa học, tỷ lệ tổn thương cơ thể từ 61% đến 80%', 1_233_000, 1_673_000],
  ['toxic.child.81plus', '8.2', 'Con đẻ còn sống của người nhiễm chất độc hóa học, tỷ lệ tổn thương cơ thể từ 81% trở lên', 2_055_000, 2_789_000],
  ['prisoner', '9', 'Người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày', 1_233_000, 1_673_000],
  [
    'helper.fatherlandPre1945',
    '10.1',
    'Người được tặng Kỷ niệm chương "Tổ quốc ghi công" hoặc Bằng "Có công với nước" trước cách mạng tháng Tám 1945',
    2_055_000,
    2_789_000,
  ],
  ['helper.resistanceOrder', '10.2', 'Người được tặng Huân chương Kháng chiến', 1_208_000, 1_639_000],
  ['helper.nurturing', '10.3', 'Người có công giúp đỡ cách mạng sống cô đơn: trợ cấp tuất nuôi dưỡng', 1_644_000, 2_231_000],
];

/** Annex II (war invalids and those treated as such), 21%..100%, thousands of VND: [55/2023, 77/2024]. */
const ANNEX_II: readonly [readonly number[], readonly number[]] = [
  [
    1384, 1451, 1513, 1580, 1648, 1712, 1777, 1846, 1908, 1977, 2041, 2109, 2174, 2240, 2308, 2371, 2435, 2505, 2571, 2635, 2702, 2766, 2829, 2899, 2965, 3031,
    3095, 3161, 3229, 3293, 3361, 3427, 3490, 3557, 3624, 3691, 3753, 3821, 3889, 3953, 4016, 4086, 4148, 4216, 4281, 4349, 4414, 4481, 4547, 4611, 4674, 4743,
    4812, 4876, 4943, 5007, 5073, 5136, 5203, 5269, 5335, 5403, 5469, 5532, 5601, 5664, 5728, 5796, 5865, 5932, 5994, 6059, 6127, 6189, 6260, 6324, 6388, 6456,
    6522, 6589,
  ],
  [
    1878, 1969, 2053, 2144, 2236, 2323, 2411, 2505, 2589, 2683, 2770, 2862, 2950, 3040, 3132, 3217, 3304, 3399, 3489, 3576, 3667, 3753, 3839, 3934, 4024, 4113,
    4200, 4289, 4382, 4469, 4561, 4650, 4736, 4827, 4918, 5009, 5093, 5185, 5277, 5364, 5450, 5545, 5629, 5721, 5809, 5902, 5990, 6081, 6170, 6257, 6343, 6436,
    6530, 6617, 6708, 6794, 6884, 6970, 7060, 7150, 7240, 7332, 7421, 7507, 7601, 7686, 7773, 7865, 7959, 8050, 8134, 8222, 8314, 8398, 8495, 8582, 8669, 8761,
    8850, 8941,
  ],
];

/** Annex III (type-B war invalids), 21%..100%, thousands of VND: [55/2023, 77/2024]. */
const ANNEX_III: readonly [readonly number[], readonly number[]] = [
  [
    1144, 1198, 1249, 1306, 1362, 1413, 1467, 1518, 1575, 1629, 1680, 1736, 1791, 1846, 1899, 1950, 2004, 2060, 2114, 2166, 2222, 2276, 2331, 2383, 2435, 2490,
    2538, 2594, 2647, 2702, 2757, 2807, 2864, 2918, 3023, 3076, 3134, 3188, 3239, 3293, 3348, 3401, 3457, 3508, 3563, 3619, 3672, 3723, 3776, 3832, 3889, 3940,
    3995, 4048, 4105, 4157, 4209, 4261, 4318, 4374, 4425, 4481, 4531, 4587, 4645, 4695, 4750, 4802, 4859, 4910, 4964, 5019, 5073, 5129, 5181, 5235, 5287, 5340,
    5396, 5451,
  ],
  [
    1552, 1626, 1695, 1772, 1848, 1917, 1991, 2060, 2137, 2211, 2280, 2356, 2430, 2505, 2577, 2646, 2719, 2795, 2869, 2939, 3015, 3089, 3163, 3234, 3304, 3379,
    3444, 3520, 3592, 3667, 3741, 3809, 3886, 3960, 4102, 4174, 4253, 4326, 4395, 4469, 4543, 4615, 4691, 4760, 4835, 4911, 4983, 5052, 5124, 5200, 5277, 5347,
    5421, 5493, 5570, 5641, 5712, 5782, 5860, 5936, 6005, 6081, 6149, 6225, 6303, 6371, 6446, 6516, 6594, 6663, 6736, 6811, 6884, 6960, 7031, 7104, 7174, 7246,
    7322, 7397,
  ],
];

function version(key: string, value: number | null, unit: ParamVersion['unit'], from: string, to: string | null, basis: LegalBasis): ParamVersion {
  return Object.freeze({
    key: `merit.${key}` as ParamVersion['key'],
    value,
    unit,
    validFrom: from,
    validTo: to,
    basis: Object.freeze(basis),
    scope: 'national',
  });
}

const UNFOUND_75 = 'Decree 75/2021 annex (levels 07/2021–06/2023) not found in a text read this session: unknown';

function annexVersions(key: string, annex: string, row: string, d55: number, d77: number, note?: string): ParamVersion[] {
  const [p75, p55, p77] = MERIT_PERIODS;
  return [
    version(key, null, 'VND/month', p75.from, p75.to, { document: D75, article: `Phụ lục ${annex}, mục ${row}`, note: UNFOUND_75, verified: false }),
    version(key, d55, 'VND/month', p55.from, p55.to, {
      document: D55,
      article: `Phụ lục ${annex}, mục ${row}`,
      note: note ?? 'levels applied from 01/07/2023 (Decree 55/2023 Art. 2 cl. 2)',
      source: p55.source,
      verified: true,
    }),
    version(key, d77, 'VND/month', p77.from, p77.to, { document: D77, article: `Phụ lục ${annex}, mục ${row}`, note, source: p77.source, verified: true }),
  ];
}

function rateTable(prefix: string, annex: 'II' | 'III', table: typeof ANNEX_II): ParamVersion[] {
  const out: ParamVersion[] = [];
  for (let i = 0; i < 80; i++) out.push(...annexVersions(`${prefix}.${21 + i}`, annex, `STT ${i + 1} (${21 + i}%)`, table[0][i] * 1000, table[1][i] * 1000));
  return out;
}

/** Every merit level as parameter versions (spread into LAW_PARAMETERS). */
export const MERIT_LEVELS: readonly ParamVersion[] = Object.freeze([
  // Standard level (mức chuẩn), Art. 3. Decree 75/2021 took effect 15/09/2021, but its monthly levels
  // (Art. 4) were paid from 01/07/2021 (Art. 15 cl. 2), so the version starts then.
  version('standard', 1_624_000, 'VND/month', '2021-07-01', '2023-06-30', {
    document: D75,
    article: 'Điều 3 khoản 1; Điều 15 khoản 2',
    note: 'decree in force 15/09/2021; Art. 4 levels applied from 01/07/2021',
    source: MERIT_SRC.d75,
    verified: true,
  }),
  version('standard', 2_055_000, 'VND/month', '2023-07-01', '2024-06-30', {
    document: D55,
    article: 'Điều 1 khoản 2 (sửa Điều 3); Điều 2 khoản 2',
    note: 'decree in force 05/09/2023; levels applied from 01/07/2023',
    source: MERIT_SRC.vbhn834,
    verified: true,
  }),
  version('standard', 2_789_000, 'VND/month', '2024-07-01', null, {
    document: D77,
    article: 'Điều 1 khoản 1 (sửa Điều 3 khoản 1); Điều 3',
    source: MERIT_SRC.vbhn4804,
    verified: true,
  }),
  // Levels set "theo mức chuẩn" are rounded to the thousand from 55/2023 on (Art. 3 cl. 2 as amended);
  // 75/2021's own Art. 3 cl. 2 has no rounding clause.
  version('roundTo', 1, 'VND', '2021-07-01', '2023-06-30', {
    document: D75,
    article: 'Điều 3 khoản 2',
    note: 'no rounding clause in the original text',
    source: MERIT_SRC.d75,
    verified: true,
  }),
  version('roundTo', 1000, 'VND', '2023-07-01', null, {
    document: D55,
    article: 'Điều 1 khoản 2 (sửa Điều 3 khoản 2)',
    note: '"làm tròn đến hàng nghìn đồng"',
    source: MERIT_SRC.vbhn834,
    verified: true,
  }),
  // Convalescence (Art. 6): 0.9× (at home) and 1.8× (at a centre) the standard, once a year, with its own
  // dates: 75/2021 from 01/01/2022 (Art. 15 cl. 3); 55/2023's standard from 01/01/2024 (Art. 2 cl. 3);
  // 77/2024's standard from 01/01/2025 (Art. 3 cl. 3).
  version('convalescence.home', 9, 'coefficient×10', '2022-01-01', null, {
    document: D75,
    article: 'Điều 6 khoản 1',
    note: '0,9 lần mức chuẩn/01 người/01 lần',
    source: MERIT_SRC.vbhn4804,
    verified: true,
  }),
  version('convalescence.centre', 18, 'coefficient×10', '2022-01-01', null, {
    document: D75,
    article: 'Điều 6 khoản 2 (sửa bởi Nghị định 77/2024/NĐ-CP Điều 1 khoản 2)',
    note: '1,8 lần mức chuẩn/01 người/01 lần',
    source: MERIT_SRC.vbhn4804,
    verified: true,
  }),
  version('convalescence.standard', 1_624_000, 'VND/month', '2022-01-01', '2023-12-31', {
    document: D75,
    article: 'Điều 3; Điều 15 khoản 3',
    source: MERIT_SRC.d75,
    verified: true,
  }),
  version('convalescence.standard', 2_055_000, 'VND/month', '2024-01-01', '2024-12-31', {
    document: D55,
    article: 'Điều 2 khoản 3',
    source: MERIT_SRC.vbhn834,
    verified: true,
  }),
  version('convalescence.standard', 2_789_000, 'VND/month', '2025-01-01', null, {
    document: D77,
    article: 'Điều 3 khoản 3',
    source: MERIT_SRC.vbhn4804,
    verified: true,
  }),
  ...ANNEX_I_ROWS.flatMap(([key, row, , d55, d77]) => annexVersions(key, 'I', row, d55, d77)),
  ...rateTable('invalid.rate', 'II', ANNEX_II),
  ...rateTable('invalidB.rate', 'III', ANNEX_III),
]);

/** The Vietnamese description of an Annex I key ("martyr.relatives.2" → "Thân nhân của 02 liệt sĩ"). */
export const ANNEX_I_TEXT: Readonly<Record<string, { row: string; vi: string }>> = Object.fromEntries(ANNEX_I_ROWS.map(([key, row, vi]) => [key, { row, vi }]));

/**
 * A merit payroll item's category in words: the annex rows that priced it ('merit.martyr.relatives.2',
 * several joined by '+', as src/payments/merit.ts records them) → "Thân nhân của 02 liệt sĩ (Phụ lục I,
 * mục …)"; a war invalid's rate → "Thương binh 61% (Phụ lục II)". null when the category is not a merit
 * one (a social-assistance category is shown as it is).
 */
export function meritRowsText(category: string): string | null {
  if (!category.startsWith('merit.')) return null;
  return category
    .split('+')
    .map((part) => {
      const key = part.replace(/^merit\./, '');
      const rate = /^(invalid|invalidB)\.rate\.(\d+)$/.exec(key);
      if (rate) return rate[1] === 'invalid' ? `Thương binh ${rate[2]}% (Phụ lục II)` : `Thương binh loại B ${rate[2]}% (Phụ lục III)`;
      const row = ANNEX_I_TEXT[key];
      return row ? `${row.vi} (Phụ lục I, mục ${row.row})` : key;
    })
    .join('; ');
}
