// The plans pages' words, Vietnamese first (kept beside the pages, like monitoring/strings.ts);
// m(key) follows the app's current locale. cmpWord turns a comparator into words.
import { localeStore } from '../../i18n/index.ts';

const vi = {
  title: 'Kế hoạch',
  own: 'Kế hoạch của đơn vị',
  above: 'Văn bản cấp trên đơn vị thực hiện',
  below: 'Kế hoạch của các đơn vị cấp dưới',
  none: 'Chưa có kế hoạch nào.',
  number: 'Số',
  issuedOn: 'Ngày ban hành',
  issuer: 'Cơ quan ban hành',
  signer: 'Người ký',
  implements: 'Văn bản thực hiện',
  unit: 'Đơn vị',
  targetsCount: 'Số chỉ tiêu',
  planTitle: 'Trích yếu',
  targets: 'Chỉ tiêu',
  indicator: 'Chỉ tiêu',
  comparator: 'So sánh',
  value: 'Giá trị',
  year: 'Năm',
  source: 'Đoạn văn gốc',
  assignments: 'Nhiệm vụ được giao',
  agency: 'Cơ quan',
  role: 'Vai trò',
  lead: 'Chủ trì',
  coordinate: 'Phối hợp',
  what: 'Nội dung',
  deadline: 'Hạn',
  status: 'Trạng thái',
  setStatus: 'Cập nhật trạng thái',
  statusNames: { not_started: 'Chưa bắt đầu', in_progress: 'Đang thực hiện', done: 'Hoàn thành', overdue: 'Quá hạn' } as Record<string, string>,
  cascade: 'Đối chiếu với cấp trên',
  draft: 'Tải dự thảo kế hoạch (.docx)',
  back: 'Về danh sách kế hoạch',
  backPlan: 'Về kế hoạch',
  parentCol: 'Cấp trên',
  childCol: 'Kế hoạch này',
  flagsCol: 'Đánh giá',
  notes: 'Ghi chú',
  flags: { weaker: 'Thấp hơn cấp trên', missing: 'Chưa có', year_mismatch: 'Khác năm', comparator_changed: 'Đổi phép so sánh', extra: 'Chỉ tiêu thêm' } as Record<string, string>,
  ok: 'Phù hợp',
  summary: 'Tóm tắt',
  coverage: 'Các đơn vị cấp dưới ban hành kế hoạch thực hiện',
  issued: 'Đã ban hành',
  notIssued: 'Chưa ban hành',
  saved: 'Đã lưu.',
  cmp: { '>': 'trên', '>=': 'từ', '<': 'dưới', '<=': 'không quá', '=': 'đạt', '~': 'khoảng', maintain: 'duy trì' } as Record<string, string>,
};
type Dict = typeof vi;
const en: Dict = {
  title: 'Plans', own: 'This unit\'s plans', above: 'Documents above that this unit implements', below: 'Plans of the units below', none: 'No plans yet.',
  number: 'Number', issuedOn: 'Issued on', issuer: 'Issued by', signer: 'Signed by', implements: 'Implements', unit: 'Unit', targetsCount: 'Targets',
  planTitle: 'Title', targets: 'Targets', indicator: 'Indicator', comparator: 'Comparison', value: 'Value', year: 'Year', source: 'Source passage',
  assignments: 'Assignments', agency: 'Agency', role: 'Role', lead: 'Lead', coordinate: 'Coordinate', what: 'Task', deadline: 'Deadline', status: 'Status',
  setStatus: 'Update status', statusNames: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', overdue: 'Overdue' },
  cascade: 'Compare with the plan above', draft: 'Download the draft plan (.docx)', back: 'Back to plans', backPlan: 'Back to the plan',
  parentCol: 'Plan above', childCol: 'This plan', flagsCol: 'Assessment', notes: 'Notes',
  flags: { weaker: 'Weaker than above', missing: 'Missing', year_mismatch: 'Different year', comparator_changed: 'Comparison changed', extra: 'Extra target' },
  ok: 'Consistent', summary: 'Summary', coverage: 'Units below that issued an implementing plan', issued: 'Issued', notIssued: 'Not issued', saved: 'Saved.',
  cmp: { '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most', '=': 'reach', '~': 'about', maintain: 'maintain' },
};

export function m<K extends keyof Dict>(key: K): Dict[K] {
  return (localeStore.get() === 'en' ? en : vi)[key];
}

export const cmpWord = (c: string): string => m('cmp')[c] ?? c;
