// Words of the registry pages: Vietnamese first, English second.
import { fill } from '../../i18n/format.ts';
import { localeStore } from '../../i18n/index.ts';

const words = {
  vi: {
    title: 'Đối tượng & chi trả', noUnit: 'Chọn một xã làm đơn vị làm việc để xem sổ hộ.', search: 'Tìm nhân khẩu (họ tên, số định danh, mã hộ)', find: 'Tìm',
    name: 'Họ và tên', dob: 'Ngày sinh', id: 'Số định danh', hh: 'Mã hộ', village: 'Bản/thôn', cls: 'Xếp loại', payrolls: 'Danh sách chi trả', month: 'Tháng',
    lines: 'Số người', total: 'Tổng (đồng)', state: 'Trạng thái', bank: 'Tệp ngân hàng (.xlsx)', bankCsv: 'Tệp ngân hàng (.csv)', sign: 'Danh sách ký nhận', proposals: 'Đề xuất biến động đang chờ',
    flags: 'Cảnh báo cần xử lý', indicators: 'Chỉ tiêu từ sổ hộ (năm {year})', none: 'Không có', poor: 'Hộ nghèo', near_poor: 'Hộ cận nghèo', average: 'Mức sống trung bình',
    unknown: 'Chưa xác định', notPoor: 'Không thuộc diện', open: 'Xem hộ',
    jobs: 'Công việc dài', jobKind_registry_import: 'Nhập danh sách hộ', jobKind_annual_review: 'Rà soát hộ nghèo', jobKind_payroll: 'Lập danh sách chi trả', jobKind_duplicates: 'Tìm trùng lặp',
    st_queued: 'Đang chờ', st_running: 'Đang chạy', st_ready: 'Chờ xác nhận', st_confirmed: 'Đang ghi', st_done: 'Xong', st_failed: 'Lỗi', st_cancelled: 'Đã hủy',
    progress: 'Tiến độ', created: 'Tạo lúc', kind: 'Công việc',
    openProposals: 'Đề xuất biến động', event: 'Sự kiện', eventDate: 'Ngày', effective: 'Từ tháng', action: 'Đề nghị', detail: 'Nội dung',
    ev_death: 'Mất', ev_move: 'Chuyển đi xã khác', ev_move_in: 'Chuyển đến', ev_age75: 'Đủ 75 tuổi', ev_age80: 'Đủ 80 tuổi', ev_age4: 'Trẻ đủ 4 tuổi', ev_age16: 'Đủ 16 tuổi',
    ac_start: 'Hưởng mới', ac_change: 'Điều chỉnh', ac_stop: 'Thôi hưởng', ac_review: 'Xem xét',
    confirmProposal: 'Xác nhận và ra quyết định', rejectProposal: 'Từ chối', proposalDone: 'Đã ra quyết định', proposalRejected: 'Đã từ chối', decisionKind: 'Loại quyết định (đề xuất xem xét)', noDecision: 'Chỉ xác nhận, không ra quyết định',
    moveInHint: 'Người chuyển đến đang hưởng ở xã cũ: nếu đủ điều kiện, chọn “Hưởng mới” để ra quyết định hưởng từ tháng xã cũ thôi chi trả; nếu chưa đủ hồ sơ hoặc không đủ điều kiện, chỉ xác nhận đã xem xét. Xã cũ ra quyết định thôi hưởng.',
    import: 'Nhập hộ gia đình và nhân khẩu từ tệp', importHint: 'Tệp .xlsx hoặc .csv theo mẫu trong hướng dẫn, mỗi dòng một nhân khẩu. Các dòng được kiểm tra trước; chưa ghi gì vào sổ cho đến khi bạn xác nhận.',
    file: 'Tệp danh sách', upload: 'Tải lên và kiểm tra', checking: 'Đang kiểm tra các dòng…', report: 'Kết quả kiểm tra', row: 'Dòng', result: 'Kết quả', reasons: 'Lý do',
    r_new: 'Mới', r_unchanged: 'Không đổi', r_changed: 'Thay đổi', r_rejected: 'Bị từ chối', downloadCsv: 'Tải kết quả (.csv)', downloadXlsx: 'Tải kết quả (.xlsx)', rowsShown: 'Dòng {from}–{to} trên {total}', prevRows: 'Trang trước', nextRows: 'Trang sau',
    confirm: 'Xác nhận nhập các dòng hợp lệ', cancel: 'Hủy', imported: 'Đã nhập vào sổ', already: 'Tệp này đã được nhập trước đây: không thay đổi gì.', cancelled: 'Đã hủy, không ghi gì.',
    heldBack: 'Hộ có dòng bị từ chối được giữ lại cả hộ.', noFile: 'Chọn một tệp .xlsx hoặc .csv',
    review: 'Rà soát hộ nghèo', reviewRun: 'Rà soát hộ nghèo năm {year}', reviewDone: 'Đã rà soát năm {year}',
    meritTitle: 'Người có công với cách mạng', meritDecision: 'Quyết định công nhận', meritFrom: 'Hưởng từ tháng', meritTo: 'đến tháng', meritAllowance: 'Trợ cấp tháng {month}', meritMasked: 'Mức hưởng không hiển thị (có thông tin sức khỏe; cần quyền xem đầy đủ)', meritTotal: 'Cộng trợ cấp ưu đãi tháng {month}', meritUnknown: 'chưa xác định',
    household: 'Hộ gia đình', members: 'Nhân khẩu', classification: 'Xếp loại năm {year} và lý do', income: 'Thu nhập bình quân', threshold: 'Chuẩn thu nhập', close: 'Đóng',
    decide: 'Quyết định hưởng trợ cấp', number: 'Số quyết định', decidedOn: 'Ngày quyết định (ngày/tháng/năm)', signer: 'Người ký', startMonth: 'Hưởng từ tháng (MM/YYYY)', channel: 'Hình thức chi trả',
    account: 'Số tài khoản / ví (nếu có)', save: 'Ghi quyết định', decided: 'Đã ghi quyết định', category: 'Diện', coefficient: 'Hệ số', amount: 'Mức hưởng (đồng/tháng)', basis: 'Căn cứ',
    ch_bank: 'Chuyển khoản ngân hàng', ch_ewallet: 'Ví điện tử', ch_post: 'Bưu điện', ch_cash: 'Tiền mặt',
    generate: 'Lập danh sách chi trả', generateFor: 'Tháng chi trả (MM/YYYY)', generated: 'Đã lập danh sách chi trả', generating: 'Đang lập danh sách chi trả…', cashless: 'Không dùng tiền mặt', cashlessOf: 'Chi trả không dùng tiền mặt tháng {month}', linesTotal: 'Cộng ({n} người)', approve: 'Phê duyệt', approveConfirm: 'Phê duyệt danh sách chi trả tháng {month}: {n} người, tổng {total} đồng? Sau khi phê duyệt không lập lại được.', approveYes: 'Phê duyệt danh sách', approveCancel: 'Hủy', approvedNow: 'Đã phê duyệt danh sách chi trả tháng {month}.', sharedTitle: 'Nhiều người nhận vào cùng một tài khoản', sharedHint: 'Kiểm tra lại số tài khoản trước khi phê duyệt (có thể gõ nhầm, hoặc tiền chuyển cho người khác):', sharedAccount: 'Tài khoản {account}: {names}', approveAnyway: 'Đã kiểm tra, vẫn phê duyệt', current: 'Tháng này', arrears: 'Truy lĩnh', lineTotal: 'Cộng',
    viewLines: 'Xem danh sách', draft: 'Nháp', approved: 'Đã duyệt', badMonth: 'Tháng phải có dạng MM/YYYY, ví dụ 11/2026', badDate: 'Ngày phải có dạng ngày/tháng/năm, ví dụ 05/11/2026',
  },
  en: {
    title: 'Registry & payments', noUnit: 'Choose a commune as your unit of work to see its registry.', search: 'Find a person (name, personal ID, household code)', find: 'Search',
    name: 'Full name', dob: 'Date of birth', id: 'Personal ID', hh: 'Household', village: 'Village', cls: 'Class', payrolls: 'Payrolls', month: 'Month',
    lines: 'Persons', total: 'Total (VND)', state: 'State', bank: 'Bank file (.xlsx)', bankCsv: 'Bank file (.csv)', sign: 'Signature list', proposals: 'Open life-event proposals',
    flags: 'Integrity flags to review', indicators: 'Registry indicators ({year})', none: 'None', poor: 'Poor', near_poor: 'Near-poor', average: 'Average',
    unknown: 'Unknown', notPoor: 'Not classified poor', open: 'Open household',
    jobs: 'Long jobs', jobKind_registry_import: 'Household import', jobKind_annual_review: 'Poverty review', jobKind_payroll: 'Payroll', jobKind_duplicates: 'Duplicate search',
    st_queued: 'Queued', st_running: 'Running', st_ready: 'Waiting for confirmation', st_confirmed: 'Applying', st_done: 'Done', st_failed: 'Failed', st_cancelled: 'Cancelled',
    progress: 'Progress', created: 'Created', kind: 'Job',
    openProposals: 'Life-event proposals', event: 'Event', eventDate: 'Date', effective: 'From', action: 'Proposed', detail: 'Detail',
    ev_death: 'Death', ev_move: 'Moved away', ev_move_in: 'Moved in', ev_age75: 'Turns 75', ev_age80: 'Turns 80', ev_age4: 'Child turns 4', ev_age16: 'Turns 16',
    ac_start: 'Start', ac_change: 'Change', ac_stop: 'Stop', ac_review: 'Review',
    confirmProposal: 'Confirm and decide', rejectProposal: 'Reject', proposalDone: 'Decision recorded', proposalRejected: 'Rejected', decisionKind: 'Decision kind (review proposals)', noDecision: 'Confirm only, no decision',
    moveInHint: 'The person was receiving in the old commune: if eligible, choose “Start” to record a start from the month the old commune stops paying; otherwise confirm the review only. The old commune records the stop.',
    import: 'Import households and persons from a file', importHint: 'An .xlsx or .csv file in the template of the guide, one row a person. The rows are checked first; nothing is written until you confirm.',
    file: 'List file', upload: 'Upload and check', checking: 'Checking the rows…', report: 'Check results', row: 'Row', result: 'Result', reasons: 'Reasons',
    r_new: 'New', r_unchanged: 'Unchanged', r_changed: 'Changed', r_rejected: 'Rejected', downloadCsv: 'Download results (.csv)', downloadXlsx: 'Download results (.xlsx)', rowsShown: 'Rows {from}–{to} of {total}', prevRows: 'Previous page', nextRows: 'Next page',
    confirm: 'Confirm: import the valid rows', cancel: 'Cancel', imported: 'Imported into the registry', already: 'This file was imported before: nothing changed.', cancelled: 'Cancelled, nothing written.',
    heldBack: 'A household with a rejected row is held back whole.', noFile: 'Choose an .xlsx or .csv file',
    review: 'Poverty review', reviewRun: 'Run the {year} poverty review', reviewDone: 'Reviewed for {year}',
    meritTitle: 'People with meritorious service', meritDecision: 'Recognition decision', meritFrom: 'Paid from', meritTo: 'to', meritAllowance: 'Allowance for {month}', meritMasked: 'Amount hidden (it tells health facts; full read needed)', meritTotal: 'Merit allowances for {month}', meritUnknown: 'unknown',
    household: 'Household', members: 'Members', classification: '{year} class and reasons', income: 'Income per person', threshold: 'Income threshold', close: 'Close',
    decide: 'Benefit decision', number: 'Decision number', decidedOn: 'Decision date (dd/mm/yyyy)', signer: 'Signed by', startMonth: 'Paid from (MM/YYYY)', channel: 'Payment channel',
    account: 'Account or wallet number (if any)', save: 'Record the decision', decided: 'Decision recorded', category: 'Category', coefficient: 'Coefficient', amount: 'Amount (VND/month)', basis: 'Legal basis',
    ch_bank: 'Bank transfer', ch_ewallet: 'E-wallet', ch_post: 'Post office', ch_cash: 'Cash',
    generate: 'Generate the payroll', generateFor: 'Payroll month (MM/YYYY)', generated: 'Payroll generated', generating: 'Generating the payroll…', cashless: 'Cashless', cashlessOf: 'Paid cashless in {month}', linesTotal: 'Total ({n} persons)', approve: 'Approve', approveConfirm: 'Approve the payroll of {month}: {n} persons, {total} VND in all? It cannot be regenerated afterwards.', approveYes: 'Approve the payroll', approveCancel: 'Cancel', approvedNow: 'The payroll of {month} is approved.', sharedTitle: 'Several persons paid to one account', sharedHint: 'Check these account numbers before approving (a typing error, or money going to someone else):', sharedAccount: 'Account {account}: {names}', approveAnyway: 'Checked: approve anyway', current: 'This month', arrears: 'Arrears', lineTotal: 'Total',
    viewLines: 'Show the list', draft: 'Draft', approved: 'Approved', badMonth: 'The month must be MM/YYYY, e.g. 11/2026', badDate: 'The date must be dd/mm/yyyy, e.g. 05/11/2026',
  },
};

export type Key = keyof typeof words.vi;
export const w = (k: Key | string, params?: Record<string, string | number>): string => fill((words[localeStore.get() === 'en' ? 'en' : 'vi'] as Record<string, string>)[k] ?? k, params);
/** The year of the registry's classification and review: this calendar year. */
export const registryYear = (now: Date = new Date()): number => now.getFullYear();
/** A { vi, en } text from the server in the current locale. */
export const tx = (t: { vi: string; en: string } | null | undefined): string => (t ? (localeStore.get() === 'en' ? t.en : t.vi) : '');
export const dmy = (s: string) => s.slice(0, 10).split('-').reverse().join('/');
export { formatMonth as monthVi } from '../../i18n/index.ts';
/** "11/2026" → 202611; null when not a month. */
export function parseMonth(s: string): number | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return null;
  return Number(m[2]) * 100 + Number(m[1]);
}
