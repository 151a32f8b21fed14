// The text of a plan document, from the bytes of a file the user gives (CLI path or web
// upload): a .txt/.md as UTF-8 (BOM removed), a .docx through mammoth's raw text. The type is
// checked from the content (a .docx is a ZIP that mammoth can read; a text file is valid UTF-8
// without NUL bytes), never trusted from the name alone. Errors are Vietnamese/English texts.
import { text, type Text } from '../kernel/i18n.ts';
import { MAX_PLAN_TEXT_CHARS } from './model.ts';
import { isZip as zipped } from '../kernel/upload.ts';
import { checkOfficeZip, patternCounter, type ZipLimits } from '../kernel/zip.ts';

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

export type PlanSourceProblem = { readonly kind: 'type' | 'unreadable' | 'empty' | 'encoding' | 'limit'; readonly message: Text; readonly limit?: string };
export type PlanSource = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: PlanSourceProblem };

const fail = (kind: PlanSourceProblem['kind'], message: Text): PlanSource => ({ ok: false, problem: { kind, message } });

/** The plan's text from a file's bytes and name. */
export async function planTextFromFile(buf: Uint8Array, fileName: string): Promise<PlanSource> {
  const ext = (/\.[^./\\]+$/.exec(fileName)?.[0] ?? '').toLowerCase();
  const isZip = zipped(buf);
  let out: string;
  if (ext === '.docx') {
    if (!isZip) return fail('type', text(`Không đọc được tệp Word "${fileName}": nội dung không phải tệp .docx`, `Cannot read the Word file "${fileName}": its content is not a .docx`));
    const paragraphs = patternCounter(['<w:p>', '<w:p ']);
    const zipProblem = await checkOfficeZip(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'docx', PLAN_ZIP_LIMITS, {
      entry: 'word/document.xml',
      chunk: (d) =>
        paragraphs.feed(d) > MAX_PLAN_PARAGRAPHS
          ? { kind: 'limit', limit: 'paragraphs', message: text(`Văn bản có quá nhiều đoạn: hơn ${MAX_PLAN_PARAGRAPHS.toLocaleString('vi-VN')} đoạn`, `The document has too many paragraphs: more than ${MAX_PLAN_PARAGRAPHS}`) }
          : null,
    });
    if (zipProblem) return { ok: false, problem: zipProblem.kind === 'limit' ? { kind: 'limit', limit: zipProblem.limit, message: zipProblem.message } : { kind: zipProblem.kind, message: zipProblem.message } };
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
      return fail('encoding', text(`Tệp "${fileName}" không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8`, `"${fileName}" is not UTF-8 text; save it again as UTF-8`));
    }
  } else {
    return fail('type', text(`Định dạng "${ext || '(không có đuôi)'}" không được hỗ trợ; hãy dùng tệp Word .docx hoặc văn bản .txt`, `Unsupported file type "${ext || '(no extension)'}"; use a Word .docx or a .txt file`));
  }
  if (out.length > MAX_PLAN_TEXT_CHARS) return { ok: false, problem: textTooLong(out.length) };
  if (!out.trim()) return fail('empty', text(`Tệp "${fileName}" trống, không có nội dung`, `"${fileName}" is empty`));
  return { ok: true, text: out };
}

/** The text is over MAX_PLAN_TEXT_CHARS (limit "text_chars"). */
export function textTooLong(length: number): PlanSourceProblem {
  const max = MAX_PLAN_TEXT_CHARS.toLocaleString('vi-VN');
  return {
    kind: 'limit',
    limit: 'text_chars',
    message: text(`Văn bản quá dài: ${length.toLocaleString('vi-VN')} ký tự, tối đa ${max} ký tự`, `The text is too long: ${length} characters, at most ${MAX_PLAN_TEXT_CHARS}`),
  };
}
