// The procedures pages and the eligibility check (procedures.*). Vietnamese, the source: loaded with the
// pages that import it (addStrings), not in the first download.
import { addStrings } from '../index.ts';

export const strings = {
  'procedures.intro':
    'Các thủ tục An sinh hỗ trợ: ai được hưởng, hồ sơ cần nộp, thời hạn giải quyết, mức hưởng hiện hành, ai quyết định và căn cứ pháp lý. Nội dung được tạo từ dữ liệu pháp luật của hệ thống.',
  'procedures.checkLink': 'Tôi có thuộc diện được hưởng không?',
  'procedures.decides': 'Người quyết định',
  'procedures.back': '← Tất cả thủ tục',
  'procedures.qualifies': 'Ai được hưởng',
  'procedures.amounts': 'Mức hưởng hiện hành',
  'procedures.amount.assistance.standard': 'Mức chuẩn trợ giúp xã hội',
  'procedures.amount.social_pension.amount': 'Mức trợ cấp hưu trí xã hội',
  'procedures.amount.poverty.income.rural': 'Chuẩn nghèo về thu nhập ở nông thôn',
  'procedures.amount.poverty.income.urban': 'Chuẩn nghèo về thu nhập ở thành thị',
  'procedures.amount.merit.standard': 'Mức chuẩn trợ cấp ưu đãi người có công',
  'procedures.since': 'từ {date}',
  'procedures.documents': 'Hồ sơ cần nộp',
  'procedures.deadlines': 'Thời hạn giải quyết',
  'procedures.workingDays': '{n} ngày làm việc',
  'procedures.days': '{n} ngày',
  'procedures.from': 'kể từ',
  'procedures.where': 'Nộp hồ sơ ở đâu',
  'procedures.basis': 'Căn cứ pháp lý',
  'procedures.unverified': 'chưa đối chiếu văn bản gốc',
  'procedures.check.title': 'Tôi có thuộc diện được hưởng không?',
  'procedures.check.intro':
    'Trả lời vài câu hỏi để biết bạn có thể được hưởng trợ cấp xã hội hằng tháng hoặc trợ cấp hưu trí xã hội không. Hệ thống áp dụng đúng các quy định mà cán bộ xã dùng để xét duyệt và không lưu lại câu trả lời của bạn.',
  'procedures.check.year': 'Năm sinh',
  'procedures.check.yearNeeded': 'Nhập năm sinh gồm 4 chữ số, ví dụ 1950',
  'procedures.check.poverty': 'Hộ gia đình của bạn năm nay là',
  'procedures.check.poverty.none': 'Không thuộc hộ nghèo, cận nghèo',
  'procedures.check.poverty.near_poor': 'Hộ cận nghèo',
  'procedures.check.poverty.poor': 'Hộ nghèo',
  'procedures.check.poverty.unknown': 'Tôi không biết',
  'procedures.check.disability': 'Khuyết tật (theo giấy xác nhận khuyết tật)',
  'procedures.check.disability.none': 'Không',
  'procedures.check.disability.mild': 'Khuyết tật nhẹ',
  'procedures.check.disability.severe': 'Khuyết tật nặng',
  'procedures.check.disability.especially_severe': 'Khuyết tật đặc biệt nặng',
  'procedures.check.pension': 'Đang hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng',
  'procedures.check.alone': 'Là người cao tuổi không có người có nghĩa vụ phụng dưỡng',
  'procedures.check.children': 'Số con đang nuôi (nếu là người đơn thân)',
  'procedures.check.childrenHint': 'Để trống nếu không phải người đơn thân nuôi con',
  'procedures.check.submit': 'Kiểm tra',
  'procedures.check.result': 'Kết quả',
  'procedures.check.howToApply': 'Xem hồ sơ và cách nộp',
  'procedures.check.nothingStored': 'Câu trả lời của bạn không được lưu lại.',
  'procedures.applyLink': 'Nộp hồ sơ trực tuyến cho thủ tục này',
} as const satisfies Record<string, string>;

addStrings(strings, () => import('../en/procedures.ts'));
