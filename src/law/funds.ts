// The law on funds that ansinh's fund ledger follows (issue 13 item 3), each rule with its source
// and whether it was verified against a published text in this session (03/12/2026). A figure not
// verified is null with `verified: false`: the engine answers "unknown", never a guess.
// - Decree 03/2026/NĐ-CP (09/01/2026, in force 01/03/2026, replaces Decree 93/2019/NĐ-CP as
//   amended by 136/2024/NĐ-CP): social and charity funds publish the contributions received and
//   how they were used in the mass media before 31 March each year (verified: Báo Pháp Luật TP.HCM
//   27/02/2026, Báo Thanh Niên 27/02/2026, Báo Gia Lai 04/03/2026; the article number was not read).
// - Decree 131/2021/NĐ-CP (30/12/2021): the Gratitude Fund at province and commune level with its
//   own account at the State Treasury. The cap on the fund's management costs was NOT verified
//   (the decree's text was not found by the search tool): null, unverified.
// - The Fund for the Poor (Quỹ Vì người nghèo) is run by the Vietnam Fatherland Front committees;
//   its regulation was not read this session (no figure taken from it).

export interface FundRule<T> {
  readonly value: T | null;
  readonly basis: string;
  readonly verified: boolean;
  readonly source: string | null;
}

/** The day and month by which a fund publishes last year's receipts and spending (inclusive: "trước ngày 31/3" read as by 31/3). */
export const PUBLICATION_DEADLINE: FundRule<{ month: number; day: number }> = {
  value: { month: 3, day: 31 },
  basis: 'Nghị định 03/2026/NĐ-CP (hiệu lực 01/03/2026): công khai các khoản đóng góp, tài sản đã tiếp nhận và kết quả sử dụng trước ngày 31/3 hằng năm',
  verified: true,
  source: 'https://plo.vn/quy-tu-thien-phai-cong-khai-nhan-bao-nhieu-chi-ra-sao-vao-31-3-hang-nam-post892228.html',
};

/** The Gratitude Fund's management-cost cap as a share of receipts (percent): not verified, unknown. */
export const GRATITUDE_FUND_COST_CAP_PERCENT: FundRule<number> = {
  value: null,
  basis: 'Nghị định 131/2021/NĐ-CP về Quỹ Đền ơn đáp nghĩa: mức trần chi phí quản lý quỹ chưa được đối chiếu với văn bản',
  verified: false,
  source: null,
};

/** The last day to publish the ledger of `year` (the year after it, 31/3), as YYYY-MM-DD. */
export function publicationDeadline(year: number): string {
  const d = PUBLICATION_DEADLINE.value!;
  return `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Whether management costs are within the Gratitude Fund's cap: 'unknown' while the cap is
 * unverified (never a guessed yes or no).
 */
export function withinCostCap(costs: number, receipts: number): boolean | 'unknown' {
  const cap = GRATITUDE_FUND_COST_CAP_PERCENT.value;
  if (cap === null) return 'unknown';
  return costs * 100 <= receipts * cap;
}
