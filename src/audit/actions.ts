// The audit log's events in words: one definition of every action the code writes, with its
// Vietnamese and English name, and of every kind of record an action touches. `audit()` accepts
// only these actions (AuditAction), so a new event cannot reach the log without its name.
import type { Text } from '../kernel/i18n.ts';

export const auditActions = {
  'session.sign_in': { vi: 'Đăng nhập', en: 'Signed in' },
  'session.sign_in_failed': { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
  'session.sign_out': { vi: 'Đăng xuất', en: 'Signed out' },
  'session.revoke_all': { vi: 'Đăng xuất khỏi mọi thiết bị', en: 'Signed out everywhere' },
  'token.create': { vi: 'Tạo khóa truy cập API', en: 'Created an API token' },
  'token.revoke': { vi: 'Thu hồi khóa truy cập API', en: 'Revoked an API token' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Created a user' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Updated a user' },
  'user.roles': { vi: 'Đổi vai trò, phạm vi', en: 'Changed roles' },
  'user.password_change': { vi: 'Đổi mật khẩu', en: 'Changed password' },
  'user.password_reset': { vi: 'Đặt lại mật khẩu', en: 'Reset a password' },
  'user.totp_enable': { vi: 'Bật xác thực hai bước', en: 'Turned on two-step verification' },
  'user.totp_disable': { vi: 'Tắt xác thực hai bước', en: 'Turned off two-step verification' },
  'plan.create': { vi: 'Lưu kế hoạch', en: 'Saved a plan' },
  'plan.import': { vi: 'Nhập kế hoạch từ tệp', en: 'Imported a plan from a file' },
  'plan.update': { vi: 'Sửa kế hoạch', en: 'Updated a plan' },
  'plan.reimport': { vi: 'Cập nhật kế hoạch từ văn bản nhập lại (phiên bản mới)', en: 'Updated a plan from its document imported again (a new version)' },
  'plan.assignment.status': { vi: 'Cập nhật tình hình thực hiện nhiệm vụ', en: 'Updated a task’s status' },
  'monitoring.submit': { vi: 'Gửi báo cáo số liệu', en: 'Submitted a report' },
  'monitoring.approve': { vi: 'Phê duyệt báo cáo số liệu', en: 'Approved a report' },
  'monitoring.return': { vi: 'Trả lại báo cáo để sửa', en: 'Returned a report for correction' },
  'monitoring.reopen': { vi: 'Mở lại báo cáo đã duyệt', en: 'Reopened an approved report' },
  'registry.import': { vi: 'Nhập danh sách hộ, nhân khẩu', en: 'Imported households and persons' },
  'household.create': { vi: 'Thêm hộ', en: 'Added a household' },
  'household.update': { vi: 'Sửa thông tin hộ', en: 'Updated a household' },
  'household.read_full': { vi: 'Xem đầy đủ thông tin hộ (không che)', en: 'Read a household in full (unmasked)' },
  'person.update': { vi: 'Sửa thông tin nhân khẩu', en: 'Updated a person' },
  'person.read_full': { vi: 'Xem đầy đủ thông tin nhân khẩu (không che)', en: 'Read a person in full (unmasked)' },
  'merit_profile.create': { vi: 'Thêm hồ sơ người có công', en: 'Added a merit profile' },
  'merit_profile.update': { vi: 'Sửa hồ sơ người có công', en: 'Updated a merit profile' },
  'merit_profile.read_full': { vi: 'Xem đầy đủ hồ sơ người có công (không che)', en: 'Read a merit profile in full (unmasked)' },
  'merit_profile.import': { vi: 'Nhập danh sách hồ sơ người có công', en: 'Imported merit profiles' },
  'merit_convalescence.record': { vi: 'Ghi nhận điều dưỡng người có công', en: 'Recorded a convalescence' },
  'merit_list.export': { vi: 'Tải danh sách người có công hằng năm', en: 'Downloaded a yearly merit list' },
  'housing_case.create': { vi: 'Thêm hồ sơ hỗ trợ nhà ở', en: 'Added a housing case' },
  'housing_case.stage': { vi: 'Chuyển bước hồ sơ nhà ở', en: 'Moved a housing case to a stage' },
  'housing_case.funding': { vi: 'Ghi nguồn vốn hỗ trợ nhà ở', en: 'Recorded housing case funding' },
  'housing_document.upload': { vi: 'Tải lên ảnh, giấy tờ của hồ sơ nhà ở', en: 'Uploaded a photo or document of a housing case' },
  'housing_case.import': { vi: 'Nhập danh sách khảo sát nhà ở', en: 'Imported a housing survey list' },
  'relief_event.create': { vi: 'Ghi nhận sự kiện thiên tai, hỏa hoạn', en: 'Recorded a disaster event' },
  'relief_entry.create': { vi: 'Thêm hộ vào danh sách cứu trợ', en: 'Added a household to a relief list' },
  'relief_entry.supported': { vi: 'Ghi nhận đã trao hỗ trợ khẩn cấp', en: 'Recorded relief given' },
  'relief_entry.registered': { vi: 'Đưa người ngoài sổ trong danh sách cứu trợ vào sổ sau rà soát', en: 'Registered a relief-list person after review' },
  'relief_list.approve': { vi: 'Ghi quyết định phê duyệt danh sách cứu trợ', en: 'Recorded the decision approving a relief list' },
  'relief_list.bank_export': { vi: 'Tải tệp chuyển khoản của danh sách cứu trợ', en: 'Downloaded the bank transfer file of a relief list' },
  'person_search.read_full': { vi: 'Tìm nhân khẩu, xem đầy đủ kết quả (không che)', en: 'Searched persons, results in full (unmasked)' },
  'decision.start': { vi: 'Quyết định hưởng trợ cấp', en: 'Decision: start of benefit' },
  'decision.change': { vi: 'Quyết định điều chỉnh mức hưởng', en: 'Decision: change of benefit' },
  'decision.stop': { vi: 'Quyết định thôi hưởng', en: 'Decision: end of benefit' },
  'proposal.confirmed': { vi: 'Xác nhận đề xuất thay đổi', en: 'Confirmed a proposal' },
  'proposal.rejected': { vi: 'Không chấp nhận đề xuất thay đổi', en: 'Rejected a proposal' },
  'integrity.confirmed': { vi: 'Xác nhận dấu hiệu bất thường', en: 'Confirmed an integrity flag' },
  'integrity.dismissed': { vi: 'Bỏ qua dấu hiệu bất thường', en: 'Dismissed an integrity flag' },
  'job.annual_review': { vi: 'Rà soát hằng năm (chạy nền)', en: 'Annual review (background job)' },
  'job.duplicates': { vi: 'Tìm hồ sơ trùng (chạy nền)', en: 'Duplicate search (background job)' },
  'job.payroll': { vi: 'Lập danh sách chi trả (chạy nền)', en: 'Payroll (background job)' },
  'job.registry_import': { vi: 'Nhập danh sách (chạy nền)', en: 'Registry import (background job)' },
  'payroll.generate': { vi: 'Lập danh sách chi trả', en: 'Generated a payroll' },
  'payroll.approve': { vi: 'Phê duyệt danh sách chi trả', en: 'Approved a payroll' },
  'fund.create': { vi: 'Mở quỹ', en: 'Opened a fund' },
  'fund_receipt.create': { vi: 'Ghi khoản thu của quỹ', en: 'Recorded a fund receipt' },
  'fund_allocation.create': { vi: 'Phân bổ tiền quỹ cho trường hợp', en: 'Allocated fund money to a case' },
  'fund_spending.create': { vi: 'Ghi khoản chi của quỹ', en: 'Recorded a fund spending' },
  'fund.publish': { vi: 'Đánh dấu đã công khai thu chi năm của quỹ', en: 'Marked a fund year published' },
  'fund_statement.import': { vi: 'Nhập sao kê ngân hàng của quỹ', en: 'Imported a fund bank statement' },
  'fund_statement_line.link': { vi: 'Ghép tay giao dịch ngân hàng với sổ quỹ', en: 'Linked a bank line to the fund books by hand' },
  'payroll.export': { vi: 'Xuất tệp chi trả', en: 'Exported a payroll file' },
  'payroll.read_full': {
    vi: 'Xem danh sách chi trả có thông tin nhạy cảm (diện hưởng, số tài khoản)',
    en: 'Read a payroll with sensitive fields (category, accounts)',
  },
  'dci.search': { vi: 'Hệ thống khác tra cứu sổ đối tượng qua API DCI', en: 'Another system searched the registry (DCI API)' },
  'dci.txn_status': { vi: 'Hệ thống khác xem lại kết quả tra cứu qua API DCI', en: 'Another system read a registry search result again (DCI API)' },
  'payroll.reconcile': { vi: 'Đối soát kết quả chi trả', en: 'Reconciled a payroll' },
  'citizen_application.file': { vi: 'Tiếp nhận hồ sơ thủ tục', en: 'Received an application' },
  'citizen_application.granted': { vi: 'Quyết định chấp thuận hồ sơ', en: 'Granted an application' },
  'citizen_application.refused': { vi: 'Từ chối hồ sơ (có lý do bằng văn bản)', en: 'Refused an application (written reasons)' },
  'complaint.file': { vi: 'Tiếp nhận đơn khiếu nại, tố cáo, kiến nghị', en: 'Received a complaint, denunciation or petition' },
  'complaint.accept': { vi: 'Thụ lý đơn', en: 'Accepted a complaint' },
  'complaint.extend': { vi: 'Gia hạn giải quyết tố cáo', en: 'Extended a denunciation' },
  'complaint.settle': { vi: 'Giải quyết xong đơn', en: 'Settled a complaint' },
  'complaint.assign': { vi: 'Giao đơn cho cán bộ xử lý', en: 'Assigned a complaint to an officer' },
  'posted_list.post': { vi: 'Niêm yết công khai danh sách', en: 'Posted a list publicly' },
  'posted_list.comment': { vi: 'Người dân gửi ý kiến về danh sách niêm yết', en: 'A citizen commented on a posted list' },
  'posted_list.consider': { vi: 'Xem xét ý kiến về danh sách niêm yết', en: 'Considered a comment on a posted list' },
  'posted_list.decide': { vi: 'Quyết định sau niêm yết', en: 'Decided on a posted list' },
  'satisfaction.answer': { vi: 'Người dân trả lời khảo sát mức độ hài lòng', en: 'A citizen answered the satisfaction survey' },
} as const satisfies Record<string, Text>;

export type AuditAction = keyof typeof auditActions;

/** The kinds of record the log names (entity), in words. */
export const auditEntities = {
  citizen_application: { vi: 'Hồ sơ thủ tục', en: 'Application' },
  complaint: { vi: 'Đơn khiếu nại, tố cáo', en: 'Complaint' },
  posted_list: { vi: 'Danh sách niêm yết', en: 'Posted list' },
  satisfaction_answer: { vi: 'Phiếu khảo sát mức độ hài lòng', en: 'Satisfaction answer' },
  user: { vi: 'Tài khoản', en: 'User' },
  api_token: { vi: 'Khóa truy cập API', en: 'API token' },
  session: { vi: 'Phiên đăng nhập', en: 'Session' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  plan_assignment: { vi: 'Nhiệm vụ của kế hoạch', en: 'Plan task' },
  monitoring_submission: { vi: 'Báo cáo số liệu', en: 'Report' },
  registry_import: { vi: 'Lượt nhập danh sách', en: 'Registry import' },
  household: { vi: 'Hộ', en: 'Household' },
  person: { vi: 'Nhân khẩu', en: 'Person' },
  person_search: { vi: 'Tìm kiếm nhân khẩu', en: 'Person search' },
  merit_profile: { vi: 'Hồ sơ người có công', en: 'Merit profile' },
  merit_convalescence: { vi: 'Điều dưỡng người có công', en: 'Convalescence' },
  merit_list: { vi: 'Danh sách người có công hằng năm', en: 'Yearly merit list' },
  housing_case: { vi: 'Hồ sơ hỗ trợ nhà ở', en: 'Housing case' },
  relief_event: { vi: 'Sự kiện thiên tai, hỏa hoạn', en: 'Disaster event' },
  relief_entry: { vi: 'Dòng danh sách cứu trợ', en: 'Relief list entry' },
  benefit_decision: { vi: 'Quyết định trợ cấp', en: 'Benefit decision' },
  life_event_proposal: { vi: 'Đề xuất thay đổi', en: 'Proposal' },
  integrity_flag: { vi: 'Dấu hiệu bất thường', en: 'Integrity flag' },
  payroll: { vi: 'Danh sách chi trả', en: 'Payroll' },
  job: { vi: 'Việc chạy nền', en: 'Background job' },
  fund: { vi: 'Quỹ', en: 'Fund' },
  fund_receipt: { vi: 'Khoản thu của quỹ', en: 'Fund receipt' },
  fund_allocation: { vi: 'Phân bổ tiền quỹ', en: 'Fund allocation' },
  fund_spending: { vi: 'Khoản chi của quỹ', en: 'Fund spending' },
  fund_statement: { vi: 'Sao kê ngân hàng của quỹ', en: 'Fund bank statement' },
  dci_transaction: { vi: 'Giao dịch tra cứu API DCI', en: 'DCI API transaction' },
  fund_statement_line: { vi: 'Giao dịch trong sao kê của quỹ', en: 'Fund bank statement line' },
} as const satisfies Record<string, Text>;

export type AuditEntity = keyof typeof auditEntities;

/** The records whose full (unmasked) reads are audited as `<entity>.read_full`. */
export type FullReadEntity = 'person' | 'household' | 'person_search' | 'payroll' | 'merit_profile';

/** An action's name in words; an action from an older version of ansinh keeps its code. */
export function actionText(action: string): Text {
  return (auditActions as Record<string, Text>)[action] ?? { vi: action, en: action };
}

/** A record kind in words, or its code when unknown. */
export function entityText(entity: string): Text {
  return (auditEntities as Record<string, Text>)[entity] ?? { vi: entity, en: entity };
}
