// The vocabulary and pure rules of housing cases: stages in their one order (a case only moves
// forward), funding sources, and the checks a stage change must pass. No I/O.
export const HOUSING_STAGES = ['surveyed', 'approved', 'started', 'completed', 'handed_over'] as const;
export type HousingStage = (typeof HOUSING_STAGES)[number];

export const STAGE_LABEL: Readonly<Record<HousingStage, string>> = {
  surveyed: 'Đã khảo sát',
  approved: 'Đã phê duyệt',
  started: 'Đã khởi công',
  completed: 'Đã hoàn thành',
  handed_over: 'Đã bàn giao',
};

export const FUNDING_SOURCES = ['central', 'local', 'mobilised', 'fund', 'household', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_LABEL: Readonly<Record<FundingSource, string>> = {
  central: 'Ngân sách trung ương',
  local: 'Ngân sách địa phương',
  mobilised: 'Nguồn xã hội hóa',
  fund: 'Quỹ (Đền ơn đáp nghĩa, Vì người nghèo…)',
  household: 'Hộ gia đình tự có',
  other: 'Nguồn khác',
};

export const stageIndex = (s: HousingStage) => HOUSING_STAGES.indexOf(s);

/** Why a move from `from` to `to` on `date` is refused (null: allowed). Forward one or more steps only. */
export function stageMoveError(
  from: HousingStage,
  to: HousingStage,
  date: string,
  lastDate: string | null,
  today: string,
): { vi: string; en: string; field: 'stage' | 'date' } | null {
  if (stageIndex(to) <= stageIndex(from))
    return {
      field: 'stage',
      vi: `Không thể chuyển hồ sơ từ “${STAGE_LABEL[from]}” về “${STAGE_LABEL[to]}”: các bước chỉ đi tiếp`,
      en: `A case cannot move from ${from} back to ${to}: stages only move forward`,
    };
  if (date > today) return { field: 'date', vi: 'Ngày ở tương lai', en: 'The date is in the future' };
  if (lastDate && date < lastDate) return { field: 'date', vi: 'Ngày trước ngày của bước trước', en: 'The date is before the previous stage' };
  return null;
}

/** Is the case late: not handed over and the programme deadline has passed? */
export const isLate = (stage: HousingStage, deadline: string | null, today: string) => stage !== 'handed_over' && deadline !== null && deadline < today;

export const LEVEL_STATUSES = ['known', 'unverified', 'unknown'] as const;

/** How a relief line is handed out: cash against a signature, a bank transfer (in the bank file), or in kind (item, quantity, unit). */
export const RELIEF_DISTRIBUTIONS = ['cash', 'transfer', 'in_kind'] as const;
export type ReliefDistribution = (typeof RELIEF_DISTRIBUTIONS)[number];
