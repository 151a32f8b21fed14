// Spreadsheet (.xlsx) of a dashboard table: the unit's targets with their progress status, in
// the reader's language, numbers kept as numbers so that Excel can sum and chart them.
import { excel } from '../kernel/excel.ts';
import type { Locale } from '../kernel/i18n.ts';
import type { dashboard } from './dashboard.ts';
import { describeComparator } from './progress.ts';

type Dashboard = Awaited<ReturnType<typeof dashboard>>;

const fills: Record<string, string> = { achieved: 'FF1B7F3B', on_track: 'FF8CC63F', at_risk: 'FFF2B705', off_track: 'FFD4351C', no_data: 'FFB1B4B6' };

export async function dashboardXlsx(d: Dashboard, locale: Locale): Promise<Buffer> {
  const vi = locale === 'vi';
  const wb = new (await excel()).Workbook();
  wb.creator = 'ansinh';
  const ws = wb.addWorksheet(vi ? 'Chỉ tiêu' : 'Targets');
  ws.addRow([vi ? `${d.unit.name}: tiến độ thực hiện chỉ tiêu, số liệu đến năm ${d.year}` : `${d.unit.name}: progress on targets, data up to ${d.year}`]).font =
    { bold: true, size: 13 };
  ws.addRow([]);
  const header = vi
    ? [
        'Chỉ tiêu',
        'Đơn vị tính',
        'Mục tiêu',
        'Năm mục tiêu',
        'Kế hoạch',
        'Năm gốc',
        'Giá trị gốc',
        'Năm mới nhất',
        'Giá trị mới nhất',
        'Cần thay đổi/năm',
        'Xu hướng/năm',
        'Dự báo năm mục tiêu',
        'Trạng thái',
        'Căn cứ đánh giá',
      ]
    : [
        'Indicator',
        'Unit',
        'Target',
        'Target year',
        'Plan',
        'Baseline year',
        'Baseline',
        'Latest year',
        'Latest',
        'Needed per year',
        'Trend per year',
        'Projected',
        'Status',
        'Rule',
      ];
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of d.rows) {
    const row = ws.addRow([
      r.indicator.name,
      r.indicator.unit,
      `${describeComparator(r.target.comparator, locale)} ${r.target.value}`,
      r.target.year,
      r.planNumber ?? '',
      r.baseline?.year ?? null,
      r.baseline?.value ?? null,
      r.latest?.year ?? null,
      r.latest?.value ?? null,
      r.neededPerYear,
      r.trendPerYear,
      r.projected,
      r.statusLabel,
      r.rule,
    ]);
    row.getCell(13).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fills[r.status]! } };
    for (const c of [7, 9, 10, 11, 12]) row.getCell(c).numFmt = '0.00';
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 48 : i === 13 ? 80 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
