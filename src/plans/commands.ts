// CLI for plans: `ansinh plan extract FILE [--json]` reads a plan (.txt, .docx, .pdf, or a scan
// as .pdf/.png/.jpg read by OCR) and prints what
// the extractor finds (metadata, targets, unmatched numbers, sections, assignments, deadlines,
// tasks) without saving anything. File reading lives here; the extractor itself is pure.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CliCommand } from '../kernel/cli.ts';
import { CliError } from '../kernel/cli.ts';
import { formatNumberVi } from '../kernel/i18n.ts';
import type { PlanExtraction } from './extract/index.ts';
import { PLAN_FILE_TYPES } from './source.ts';
import { readPlan, type PlanRead } from './read.ts';

/**
 * The plan's text and extraction, read as the web upload is (worker with caps, OCR queue for a
 * scan): a .txt as is (BOM removed), a .docx through mammoth's raw text, a PDF's text layer, a
 * scanned PDF or an image by tesseract.
 */
export async function readPlanFile(file: string): Promise<Extract<PlanRead, { ok: true }>> {
  const ext = extname(file).toLowerCase();
  if (!(PLAN_FILE_TYPES as readonly string[]).includes(ext)) {
    throw new CliError(`định dạng "${ext || '(không có đuôi)'}" không được hỗ trợ; dùng ${PLAN_FILE_TYPES.join(', ')} (unsupported file type)`);
  }
  const r = await readPlan({ bytes: await readFile(file), fileName: basename(file) }, 'FILE');
  if (!r.ok) throw new CliError(`${r.problem.message.vi} (${r.problem.message.en})`);
  return r;
}

/** The plan's text only (see readPlanFile). */
export async function readPlanText(file: string): Promise<string> {
  return (await readPlanFile(file)).text;
}

const CMP_VI: Record<string, string> = { '>': 'trên', '>=': 'ít nhất', '<': 'dưới', '<=': 'không quá', '=': 'đạt', '~': 'khoảng', maintain: 'duy trì' };
const KIND_VI: Record<string, string> = {
  action_programme: 'Chương trình hành động',
  plan: 'Kế hoạch',
  report: 'Báo cáo',
  resolution: 'Nghị quyết',
  scheme: 'Đề án',
  directive: 'Chỉ thị',
};

/** A short Vietnamese summary of an extraction, for reading in a terminal. */
export function summary(r: PlanExtraction): string {
  const p = r.plan;
  const out: string[] = [];
  out.push(`${p.kind ? KIND_VI[p.kind] : 'Văn bản'}${p.number ? ` số ${p.number}` : p.symbol ? ` (ký hiệu ${p.symbol}, chưa có số)` : ''}`);
  if (p.title) out.push(`  ${p.title.length > 140 ? p.title.slice(0, 139) + '…' : p.title}`);
  if (p.issuer || p.unitName) out.push(`Cơ quan ban hành: ${p.issuer ?? '—'}${p.unitName ? ` (${p.unitName})` : ''}`);
  if (p.place || p.dateParts)
    out.push(
      `Nơi, ngày: ${p.place ?? '—'}, ${p.date ? p.date.split('-').reverse().join('/') : p.dateParts ? `năm ${p.dateParts.year}${p.dateParts.month ? `, tháng ${p.dateParts.month}` : ''} (chưa đủ ngày)` : '—'}`,
    );
  if (p.signer) out.push(`Người ký: ${p.signer}${p.signerTitle ? ` (${p.signerTitle})` : ''}`);
  if (p.implements.length)
    out.push(`Thực hiện: ${p.implements.map((d) => d.number + (d.date ? ` (${d.date.split('-').reverse().join('/')})` : '')).join('; ')}`);
  out.push('', `Chỉ tiêu: ${r.targets.length}`);
  for (const t of r.targets)
    out.push(
      `  ${(t.indicatorCode ?? `(chưa gắn chỉ tiêu) ${t.indicatorName}`).padEnd(40)} ${CMP_VI[t.comparator]} ${formatNumberVi(t.value)} ${t.unit}${t.year ? ` (${t.year})` : ''}${t.strive ? ', phấn đấu' : ''}`,
    );
  out.push('', `Số không phải chỉ tiêu (unmatched): ${r.unmatched.length}`);
  for (const u of r.unmatched) out.push(`  "${u.sourceText.replace(/\s+/g, ' ')}": ${u.reason}`);
  out.push(
    '',
    `Phần: ${r.sections
      .filter((s) => s.level === 1)
      .map((s) => `${s.numbering ?? ''} ${s.title}`.trim())
      .join(' | ')}`,
  );
  out.push(`Nhiệm vụ: ${r.tasks.length}; phân công: ${r.assignments.length}; thời hạn báo cáo: ${r.reportDeadlines.length}`);
  for (const a of r.assignments) out.push(`  ${a.role === 'lead' ? 'chủ trì' : 'phối hợp'}: ${a.agency}`);
  for (const d of r.reportDeadlines) out.push(`  ${d.kind}${d.day ? ` ${d.day}/${d.month}` : ''}: "${d.sourceText}"`);
  return out.join('\n');
}

export const planExtractCommand: CliCommand = {
  name: 'plan extract',
  summary: 'Read a plan (.txt, .docx, .pdf, or a scan .pdf/.png/.jpg by OCR) and print its targets, assignments and deadlines',
  usage: 'plan extract FILE [--json]',
  options: { json: { type: 'boolean' } },
  help: [
    'Đọc một kế hoạch / chương trình hành động (.txt UTF-8, có thể có định dạng markdown; .docx; .pdf;',
    'bản quét .pdf/.png/.jpg được nhận dạng chữ bằng tesseract-ocr, tesseract-ocr-vie)',
    'và in ra: thông tin văn bản, các chỉ tiêu của phần MỤC TIÊU (chỉ tiêu, so sánh, giá trị, đơn vị,',
    'năm, đoạn văn gốc), các số không phải chỉ tiêu kèm lý do, các phần, nhiệm vụ, phân công và thời hạn',
    'báo cáo. Không ghi gì vào cơ sở dữ liệu.',
    'Reads a plan and prints what it states, without saving it. --json prints',
    '{"plan", "targets", "unmatched", "sections", "assignments", "reportDeadlines", "tasks"};',
    "every sourceText is an exact substring of the file (of mammoth's raw text for .docx).",
    '',
    'Ví dụ / example:  ansinh plan extract reference/plans/thu-lum-commune-2026-152-KH-DU.txt --json',
  ].join('\n'),
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('thiếu FILE; cách dùng: ansinh plan extract FILE [--json] (missing FILE)', 2);
    const read = await readPlanFile(file);
    const r = read.extraction;
    const out = { ...r, plan: { file: basename(file), ...r.plan }, reading: read.reading };
    const how =
      read.reading.method === 'ocr'
        ? `Đọc bằng nhận dạng chữ (OCR): ${read.reading.pages} trang, ${(read.reading.ms / 1000).toFixed(1).replace('.', ',')} giây; hãy kiểm tra kỹ các số\n\n`
        : '';
    ctx.stdout.write((values.json ? JSON.stringify(out, null, 2) : how + summary(r)) + '\n');
    return 0;
  },
};

export const planCommands: CliCommand[] = [planExtractCommand];
