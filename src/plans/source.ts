// The text of a plan document, from the bytes of a file the user gives (CLI path or web
// upload): a .txt/.md as UTF-8 (BOM removed), a .docx through mammoth's raw text, a PDF through
// its text layer (kernel/pdf.ts). A PDF without a text layer and an image (.png, .jpg) answer
// 'ocr': the caller has them read by the OCR queue (kernel/ocr.ts, read.ts). The type is checked
// from the content (a .docx is a ZIP that mammoth can read; a PDF starts "%PDF-"; a text file is
// valid UTF-8 without NUL bytes), never trusted from the name alone. Errors are Vietnamese/English texts.
import { text, type Text } from '../kernel/i18n.ts';
import { MAX_PLAN_TEXT_CHARS } from './model.ts';
import { isZip as zipped } from '../kernel/upload.ts';
import { checkOfficeZip, patternCounter, type ZipLimits } from '../kernel/zip.ts';
import { pdfText, type PdfLimits } from '../kernel/pdf.ts';
import { imageKind, type ImageKind } from '../kernel/ocr.ts';

/** Largest plan file accepted from the web (real plans are 30–300 KB; a .docx with a logo more). */
export const MAX_PLAN_FILE_BYTES = 3 * 1024 * 1024;
/** Largest pasted text (characters): defined with the plan model, where the contract reads it. */
export { MAX_PLAN_TEXT_CHARS };

/**
 * What a .docx may inflate to before mammoth reads it (a real plan's document.xml is 0.1–3 MB;
 * 1,000,000 characters of text with Word's markup is under 30 MB).
 */
export const PLAN_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 40 * 1024 * 1024, maxTotalBytes: 80 * 1024 * 1024, maxRatio: 100 };
/** Most paragraphs in a plan's document.xml (real plans: 200–3,000). */
export const MAX_PLAN_PARAGRAPHS = 50_000;

/** A PDF's text layer: most pages (a long provincial plan is 60–120), characters, and what its streams may inflate to (a 30-page 300 dpi scan in Flate: under 300 MB). */
export const PLAN_PDF_LIMITS: PdfLimits = {
  maxPages: 500,
  maxChars: MAX_PLAN_TEXT_CHARS,
  maxStreamBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
};

/** The file types a plan is read from (the web page's accept list and the CLI's check). */
export const PLAN_FILE_TYPES = ['.docx', '.pdf', '.txt', '.md', '.png', '.jpg', '.jpeg'] as const;

export type PlanSourceProblem = {
  readonly kind: 'type' | 'unreadable' | 'empty' | 'encoding' | 'limit' | 'encrypted';
  readonly message: Text;
  readonly limit?: string;
};
/** What the file holds: its text; or a scan for the OCR (a PDF of `pages` pages, or an image); or why it cannot be read. */
export type PlanSource =
  | { readonly ok: true; readonly text: string; readonly pages?: number }
  | { readonly ok: 'ocr'; readonly scan: { readonly kind: 'pdf'; readonly pages: number } | { readonly kind: ImageKind } }
  | { readonly ok: false; readonly problem: PlanSourceProblem };

const fail = (kind: PlanSourceProblem['kind'], message: Text): PlanSource => ({ ok: false, problem: { kind, message } });

/** The plan's text from a file's bytes and name. */
export async function planTextFromFile(buf: Uint8Array, fileName: string): Promise<PlanSource> {
  const ext = (/\.[^./\\]+$/.exec(fileName)?.[0] ?? '').toLowerCase();
  const isZip = zipped(buf);
  let out: string;
  let pages: number | undefined;
  if (ext === '.pdf') {
    const r = await pdfText(buf, fileName, PLAN_PDF_LIMITS);
    if (r.ok === 'scanned') return { ok: 'ocr', scan: { kind: 'pdf', pages: r.pages } };
    if (r.ok === false) return { ok: false, problem: r.problem };
    out = r.text;
    pages = r.pages;
  } else if (ext === '.png' || ext === '.jpg' || ext === '.jpeg') {
    const kind = imageKind(buf);
    if (!kind || (kind === 'png') !== (ext === '.png'))
      return fail(
        'type',
        text(`Tệp "${fileName}" không phải ảnh ${ext === '.png' ? 'PNG' : 'JPEG'}`, `"${fileName}" is not a ${ext === '.png' ? 'PNG' : 'JPEG'} image`),
      );
    return { ok: 'ocr', scan: { kind } };
  } else if (ext === '.docx') {
    if (!isZip)
      return fail(
        'type',
        text(`Không đọc được tệp Word "${fileName}": nội dung không phải tệp .docx`, `Cannot read the Word file "${fileName}": its content is not a .docx`),
      );
    const paragraphs = patternCounter(['<w:p>', '<w:p ']);
    const zipProblem = await checkOfficeZip(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'docx', PLAN_ZIP_LIMITS, {
      entry: 'word/document.xml',
      chunk: (d) =>
        paragraphs.feed(d) > MAX_PLAN_PARAGRAPHS
          ? {
              kind: 'limit',
              limit: 'paragraphs',
              message: text(
                `Văn bản có quá nhiều đoạn: hơn ${MAX_PLAN_PARAGRAPHS.toLocaleString('vi-VN')} đoạn`,
                `The document has too many paragraphs: more than ${MAX_PLAN_PARAGRAPHS}`,
              ),
            }
          : null,
    });
    if (zipProblem)
      return {
        ok: false,
        problem:
          zipProblem.kind === 'limit'
            ? { kind: 'limit', limit: zipProblem.limit, message: zipProblem.message }
            : { kind: zipProblem.kind, message: zipProblem.message },
      };
    try {
      const mammoth = await import('mammoth');
      out = (await (mammoth.default ?? mammoth).extractRawText({ buffer: Buffer.from(buf) })).value;
    } catch {
      return fail('unreadable', text(`Không đọc được tệp Word "${fileName}"`, `Cannot read the Word file "${fileName}"`));
    }
  } else if (ext === '.txt' || ext === '.md') {
    if (isZip || buf.includes(0)) return fail('type', text(`Tệp "${fileName}" không phải văn bản thuần (.txt)`, `"${fileName}" is not a plain text file`));
    try {
      out = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
    } catch {
      return fail(
        'encoding',
        text(`Tệp "${fileName}" không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8`, `"${fileName}" is not UTF-8 text; save it again as UTF-8`),
      );
    }
  } else {
    return fail(
      'type',
      text(
        `Định dạng "${ext || '(không có đuôi)'}" không được hỗ trợ; hãy dùng tệp Word .docx, PDF, ảnh quét .png/.jpg hoặc văn bản .txt`,
        `Unsupported file type "${ext || '(no extension)'}"; use a Word .docx, a PDF, a scanned image (.png/.jpg) or a .txt file`,
      ),
    );
  }
  if (out.length > MAX_PLAN_TEXT_CHARS) return { ok: false, problem: textTooLong(out.length) };
  if (!out.trim()) return fail('empty', text(`Tệp "${fileName}" trống, không có nội dung`, `"${fileName}" is empty`));
  return pages === undefined ? { ok: true, text: out } : { ok: true, text: out, pages };
}

/** The text is over MAX_PLAN_TEXT_CHARS (limit "text_chars"). */
export function textTooLong(length: number): PlanSourceProblem {
  const max = MAX_PLAN_TEXT_CHARS.toLocaleString('vi-VN');
  return {
    kind: 'limit',
    limit: 'text_chars',
    message: text(
      `Văn bản quá dài: ${length.toLocaleString('vi-VN')} ký tự, tối đa ${max} ký tự`,
      `The text is too long: ${length} characters, at most ${MAX_PLAN_TEXT_CHARS}`,
    ),
  };
}
