// The submission workflow, pure: which action is allowed from which status. A unit reports in
// a draft, submits it; the level above approves it (which locks the data) or returns it with a
// reason; an approver may reopen an approved report (audited), which makes it a draft again.
import type { Text } from '../kernel/i18n.ts';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type WorkflowAction = 'save' | 'submit' | 'approve' | 'return' | 'reopen';

const allowed: Record<WorkflowAction, readonly SubmissionStatus[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  reopen: ['approved'],
};

const next: Record<Exclude<WorkflowAction, 'save'>, SubmissionStatus> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  reopen: 'draft',
};

export const statusNames: Record<SubmissionStatus | 'missing', Text> = {
  missing: { vi: 'Chưa báo cáo', en: 'Not reported' },
  draft: { vi: 'Đang nhập', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ duyệt', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
};

const actionNames: Record<WorkflowAction, Text> = {
  save: { vi: 'lưu số liệu', en: 'save values' },
  submit: { vi: 'gửi báo cáo', en: 'submit' },
  approve: { vi: 'duyệt', en: 'approve' },
  return: { vi: 'trả lại', en: 'return' },
  reopen: { vi: 'mở lại', en: 'reopen' },
};

/** Returning and reopening a report need a reason (kept on the report and in the audit log). */
export const needsReason = (action: WorkflowAction): boolean => action === 'return' || action === 'reopen';

/** The status after `action`, or a reason (Vietnamese and English) why it is not allowed. */
export function transition(from: SubmissionStatus, action: WorkflowAction): { ok: true; to: SubmissionStatus } | { ok: false; reason: Text } {
  if (!allowed[action].includes(from)) {
    const lockedVi =
      from === 'approved'
        ? ' Số liệu đã duyệt bị khóa; cần người duyệt mở lại.'
        : from === 'submitted'
          ? ' Báo cáo đang chờ duyệt; cần người duyệt trả lại để sửa.'
          : '';
    const lockedEn =
      from === 'approved'
        ? ' Approved data is locked; an approver must reopen it.'
        : from === 'submitted'
          ? ' The report awaits review; a reviewer must return it for changes.'
          : '';
    return {
      ok: false,
      reason: {
        vi: `Không thể ${actionNames[action].vi} khi báo cáo ở trạng thái "${statusNames[from].vi}".${lockedVi}`,
        en: `Cannot ${actionNames[action].en} a report that is ${statusNames[from].en.toLowerCase()}.${lockedEn}`,
      },
    };
  }
  return { ok: true, to: action === 'save' ? from : next[action] };
}

/** DHIS2 semantics: completeness = received / expected; timeliness = received on time / expected. */
export function completenessRates(expected: number, received: number, onTime: number): { completeness: number | null; timeliness: number | null } {
  if (expected === 0) return { completeness: null, timeliness: null };
  return { completeness: (100 * received) / expected, timeliness: (100 * onTime) / expected };
}

/** "trước ngày 01/12": on time when submitted on a day before the deadline day. */
export function isOnTime(submittedAtIso: string, deadlineIso: string): boolean {
  return submittedAtIso.slice(0, 10) < deadlineIso;
}
