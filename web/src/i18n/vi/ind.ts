// The indicator catalogue and its codes in words (ind.*, indicators.*), also read by the monitoring form. Vietnamese, the source: loaded with the
// pages that import it (addStrings), not in the first download.
import { addStrings } from '../index.ts';

export const strings = {
  'indicators.intro':
    'Các chỉ tiêu dùng trong kế hoạch và báo cáo thực hiện chính sách xã hội. Mỗi chỉ tiêu có mã ổn định, đơn vị tính, cách tổng hợp và nguồn số liệu.',
  'indicators.filter': 'Lọc theo tên hoặc mã',
  'indicators.code': 'Mã',
  'indicators.name': 'Tên chỉ tiêu',
  'indicators.unit': 'Đơn vị tính',
  'indicators.kind': 'Loại',
  'indicators.direction': 'Chiều tốt',
  'indicators.source': 'Nguồn số liệu',
  'indicators.higher': 'Càng cao càng tốt',
  'indicators.lower': 'Càng thấp càng tốt',
  'indicators.empty': 'Danh mục chưa có chỉ tiêu nào.',
  'ind.kind.rate': 'Tỷ lệ',
  'ind.kind.count': 'Số lượng',
  'ind.kind.average': 'Bình quân',
  'ind.kind.level': 'Mức độ',
  'ind.direction.target_band': 'Nằm trong khoảng mục tiêu',
  'ind.source.reported': 'Đơn vị báo cáo',
  'ind.source.registry': 'Tính từ dữ liệu đối tượng',
  'ind.source.survey': 'Điều tra, khảo sát',
  'ind.area.labour_merit': 'Lao động, việc làm, người có công',
  'ind.area.social_assistance': 'Trợ giúp xã hội',
  'ind.area.poverty': 'Giảm nghèo',
  'ind.area.education': 'Giáo dục',
  'ind.area.health': 'Y tế',
  'ind.area.housing': 'Nhà ở',
  'ind.area.water_sanitation': 'Nước sạch, vệ sinh',
  'ind.area.culture_information': 'Văn hóa, thông tin',
  'indicators.area': 'Lĩnh vực',
  'indicators.allAreas': 'Tất cả lĩnh vực',
} as const satisfies Record<string, string>;

addStrings(strings, () => import('../en/ind.ts'));
