// The annual implementation report (Báo cáo kết quả thực hiện) as a Word document in the
// Decree 30/2020/NĐ-CP layout: national motto and issuer blocks, number, place and date,
// title, a results-against-targets table, a short generated narrative, a chart per target
// with data (history, projection, target line; PNG with its figures as the text alternative),
// recipients, signature.
// The narrative is a pure function of the dashboard rows so that it can be tested as text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  TableLayoutType,
  convertMillimetersToTwip,
} from 'docx';
import { chartDescription, chartPng, type ChartInput } from './chart.ts';
import { formatNumberVi } from '../kernel/i18n.ts';
import { describeComparator } from './progress.ts';
import type { dashboard } from './dashboard.ts';

type Dashboard = Awaited<ReturnType<typeof dashboard>>;
const FONT = 'Times New Roman';
const f = (x: number | null | undefined) => (x == null ? '–' : formatNumberVi(x, 2));

/** Paragraphs of the assessment: counts by status, then the targets that need attention. */
export function reportNarrative(d: Dashboard): string[] {
  const total = d.rows.length;
  if (total === 0) return [`Năm ${d.year}, ${d.unit.name} chưa có chỉ tiêu nào được theo dõi trong hệ thống.`];
  const c = d.counts;
  const out = [
    `Năm ${d.year}, ${d.unit.name} theo dõi ${total} chỉ tiêu: ${c.achieved} chỉ tiêu đã đạt, ${c.on_track} chỉ tiêu đúng tiến độ, ` +
      `${c.at_risk} chỉ tiêu có nguy cơ không đạt, ${c.off_track} chỉ tiêu chậm tiến độ và ${c.no_data} chỉ tiêu chưa có số liệu.`,
  ];
  const named = (s: string) =>
    d.rows
      .filter((r) => r.status === s)
      .map(
        (r) =>
          `${r.indicator.name.toLowerCase()} (${f(r.latest?.value)}${r.indicator.unit === '%' ? '%' : ''}, mục tiêu ${describeComparator(r.target.comparator, 'vi')} ${f(r.target.value)} năm ${r.target.year})`,
      );
  if (c.off_track) out.push(`Các chỉ tiêu chậm tiến độ cần tập trung chỉ đạo: ${named('off_track').join('; ')}.`);
  if (c.at_risk) out.push(`Các chỉ tiêu có nguy cơ không đạt: ${named('at_risk').join('; ')}.`);
  if (c.achieved) out.push(`Các chỉ tiêu đã đạt cần tiếp tục duy trì: ${named('achieved').join('; ')}.`);
  if (c.no_data) out.push(`Chưa có số liệu được duyệt cho ${c.no_data} chỉ tiêu; đề nghị các đơn vị báo cáo đầy đủ trước ngày 01/12.`);
  return out;
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? 26, bold: o.bold, italics: o.italics });
const centered = (children: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const bodyPara = (text: string, bold = false) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: 120, line: 312 },
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    children: [run(text, { bold, size: 28 })],
  });
const tcell = (text: string, bold = false, w?: number) =>
  new TableCell({ width: w ? { size: w, type: WidthType.PERCENTAGE } : undefined, children: [new Paragraph({ children: [run(text, { bold, size: 24 })] })] });

/** One chart per target that has data, in the table's order: image, then its caption. */
async function chartParagraphs(d: Dashboard, charts: ReadonlyMap<number, ChartInput>): Promise<Paragraph[]> {
  const out: Paragraph[] = [];
  let n = 0;
  for (const r of d.rows) {
    const c = charts.get(r.targetId);
    if (!c) continue;
    n++;
    const img = await chartPng(c);
    const width = 600; // px at 96 dpi: about 159 mm, the text width of an A4 page with 30/15 mm margins
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: img.png,
            transformation: { width, height: Math.round((width * img.height) / img.width) },
            altText: { name: `bieu-do-${n}`, title: c.title, description: chartDescription(c) },
          }),
        ],
      }),
    );
    out.push(centered([run(`Biểu đồ ${n}. ${c.title}`, { italics: true, size: 24 })], 120));
  }
  return out;
}

export async function annualReportDocx(
  d: Dashboard,
  o: { issuerParent: string; issuer: string; place: string; date: Date },
  charts: ReadonlyMap<number, ChartInput> = new Map(),
): Promise<Buffer> {
  const chartBlock = await chartParagraphs(d, charts);
  const plain = (children: Paragraph[], w: number) => new TableCell({ children, width: { size: w, type: WidthType.PERCENTAGE }, borders: noBorders });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          plain(
            [centered([run(o.issuerParent)]), centered([run(o.issuer, { bold: true })]), centered([run('───────')], 120), centered([run('Số:      /BC-UBND')])],
            40,
          ),
          plain(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
              centered([run('───────────────')], 120),
              centered([
                run(
                  `${o.place}, ngày ${String(o.date.getDate()).padStart(2, '0')} tháng ${String(o.date.getMonth() + 1).padStart(2, '0')} năm ${o.date.getFullYear()}`,
                  { italics: true },
                ),
              ]),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const results = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['TT', 'Chỉ tiêu', 'Mục tiêu', 'Năm gốc', `Kết quả`, 'Dự báo năm mục tiêu', 'Đánh giá'].map((h, i) =>
          tcell(h, true, i === 1 ? 34 : undefined),
        ),
      }),
      ...d.rows.map(
        (r, i) =>
          new TableRow({
            children: [
              tcell(String(i + 1)),
              tcell(`${r.indicator.name}${r.indicator.unit === '%' ? ' (%)' : ''}`),
              tcell(`${describeComparator(r.target.comparator, 'vi')} ${f(r.target.value)} (${r.target.year})`),
              tcell(r.baseline ? `${f(r.baseline.value)} (${r.baseline.year})` : '–'),
              tcell(r.latest ? `${f(r.latest.value)} (${r.latest.year})` : '–'),
              tcell(f(r.projected)),
              tcell(r.statusLabel),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [
          header,
          centered([run('BÁO CÁO', { bold: true, size: 28 })], 0),
          centered([run(`Kết quả thực hiện Nghị quyết số 42-NQ/TW năm ${d.year}`, { bold: true, size: 28 })], 240),
          bodyPara('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', true),
          results,
          bodyPara('II. ĐÁNH GIÁ CHUNG', true),
          ...reportNarrative(d).map((p) => bodyPara(p)),
          bodyPara(
            'Cách đánh giá: so sánh số liệu đã duyệt mới nhất với chỉ tiêu; xu hướng tính bằng đường thẳng bình phương nhỏ nhất qua các năm; tỷ lệ tổng hợp từ tổng tử số và tổng mẫu số của các đơn vị.',
          ),
          ...(chartBlock.length
            ? [
                bodyPara('III. DIỄN BIẾN VÀ DỰ BÁO CÁC CHỈ TIÊU', true),
                bodyPara('Đường liền: số liệu đã duyệt các năm; đường nét đứt: dự báo theo xu hướng đến năm mục tiêu; đường chấm màu đỏ: mức chỉ tiêu.'),
                ...chartBlock,
              ]
            : []),
          new Paragraph({ spacing: { before: 240 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
          new Paragraph({ children: [run('- Như trên;', { size: 22 })] }),
          new Paragraph({ children: [run('- Lưu: VT.', { size: 22 })] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
