// The posted lists' pages (posted.*): the public lists a commune posts before a decision, their comment
// form and the commune's own page. Vietnamese, the source: loaded with the pages that import it
// (addStrings), not in the first download.
import { addStrings } from '../index.ts';

export const strings = {
  'posted.intro':
    'Các danh sách xã niêm yết trước khi quyết định: kết quả xét duyệt trợ cấp xã hội, kết quả rà soát hộ nghèo, hộ cận nghèo. Nếu thấy chưa đúng, bạn có thể gửi ý kiến trong thời gian niêm yết.',
  'posted.show': 'Xem danh sách',
  'posted.none': 'Hiện không có danh sách nào đang niêm yết.',
  'posted.back': '← Các danh sách đang niêm yết',
  'posted.period': 'Niêm yết từ {from} đến hết {until} ({n} ngày làm việc, {basis})',
  'posted.fieldsNote':
    'Danh sách chỉ ghi họ tên, thôn, bản và diện; không ghi số định danh cá nhân, ngày sinh hay thông tin sức khỏe, thông tin về người nhiễm HIV.',
  'posted.position': 'STT',
  'posted.hamlet': 'Thôn, bản',
  'posted.group': 'Diện',
  'posted.commentTitle': 'Gửi ý kiến về danh sách',
  'posted.commentIntro': 'Ý kiến của bạn được chuyển đến cán bộ xã và được lưu cùng quyết định. Không cần đăng nhập.',
  'posted.author': 'Họ và tên người góp ý',
  'posted.contact': 'Số điện thoại hoặc địa chỉ để xã trả lời',
  'posted.contactHint': 'Không bắt buộc; không hiển thị công khai',
  'posted.body': 'Nội dung ý kiến',
  'posted.send': 'Gửi ý kiến',
  'posted.sent': 'Đã gửi ý kiến. Cán bộ xã sẽ xem xét trước khi quyết định.',
  'posted.comments': 'Ý kiến người dân ({n})',
  'posted.answer': 'Kết quả xem xét ý kiến',
  'posted.record': 'Ghi kết quả',
  'posted.answered': 'Đã xem xét',
  'posted.decided': 'Đã quyết định: số {number} ngày {date}',
} as const satisfies Record<string, string>;

addStrings(strings, () => import('../en/posted.ts'));
