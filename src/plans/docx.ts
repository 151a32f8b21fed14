// Renders a plan as a Word document in the official format of Decree 30/2020/NĐ-CP, Annex I
// (A4, Times New Roman, margins, header blocks, number, place and date, title, body, Nơi nhận,
// signature block, page numbers from page 2). Sizes are in half-points (26 = 13 pt).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  TableLayoutType,
} from 'docx';
import type { DraftPlan } from './draft.ts';

const FONT = 'Times New Roman';
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: o.size ?? 26, bold: o.bold, italics: o.italics, ...(o.underline ? { underline: {} } : {}) });
}

function centered(children: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
}

function body(text: string, o: { bold?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: 120, line: 312 }, // ≥ 6 pt between paragraphs, 1.3 line spacing
    indent: o.indent === false ? undefined : { firstLine: convertMillimetersToTwip(12.7) },
    children: [run(text, { bold: o.bold, size: 28 })],
  });
}

function cellDxa(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 0 } });
}

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: noBorders });
}

/**
 * The issuing body on two lines as the templates of Decree 30/2020 write it ("ỦY BAN NHÂN DÂN" /
 * "XÃ THU LŨM"): one line would not fit the left block and would break inside the unit's name.
 */
export function issuerLines(issuer: string): string[] {
  const m = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN THƯỜNG VỤ|BAN CHẤP HÀNH)\s+(.+)$/u.exec(issuer);
  return m ? [m[1]!, m[2]!] : [issuer];
}

// Header blocks (Decree 30/2020 Annex I, item 1): the issuer on the left, the national motto on
// the right, each centred in its block; 12–13 pt so that the motto stays on one line. Widths are
// absolute (twips) so every Word processor lays the blocks out the same way.
const USABLE = convertMillimetersToTwip(210 - 30 - 15);
const LEFT = Math.round(USABLE * 0.37);

export async function planToDocx(d: DraftPlan): Promise<Buffer> {
  const header = new Table({
    width: { size: USABLE, type: WidthType.DXA },
    columnWidths: [LEFT, USABLE - LEFT],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cellDxa(
            [
              centered([run(d.headerParent, { size: 24 })]),
              ...issuerLines(d.headerIssuer).map((l) => centered([run(l, { bold: true, size: 24 })])),
              centered([run('──────', { size: 24 })], 120),
              centered([run(d.number, { size: 26 })]),
            ],
            LEFT,
          ),
          cellDxa(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26, underline: true })], 240),
              centered([run(d.placeDate, { italics: true, size: 26 })]),
            ],
            USABLE - LEFT,
          ),
        ],
      }),
    ],
  });

  const children: (Paragraph | Table)[] = [
    header,
    new Paragraph({ spacing: { before: 360 }, alignment: AlignmentType.CENTER, children: [run(d.docType, { bold: true, size: 28 })] }),
    centered([run(d.subject, { bold: true, size: 28 })], 240),
    body(d.preamble),
  ];
  for (const s of d.sections) {
    children.push(body(s.heading, { bold: true, indent: false }));
    for (const p of s.paragraphs) children.push(body(p));
    for (const t of s.targets ?? []) children.push(body(`- ${t.text}${t.latest ? ` (${t.latest})` : ''}`));
  }

  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true, // the signature block is never cut from its title across a page break
        children: [
          cell(
            [
              new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
              ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
            ],
            50,
          ),
          cell([centered([run(d.signatureCapacity, { bold: true, size: 28 })]), centered([run(d.signatureTitle, { bold: true, size: 28 })], 1400)], 50),
        ],
      }),
    ],
  });
  children.push(new Paragraph({ spacing: { before: 240 }, children: [] }), signature);

  const doc = new Document({
    creator: 'ansinh',
    title: `${d.docType} ${d.subject}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true, // no page number on page 1
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
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        footers: { default: new Footer({ children: [] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
