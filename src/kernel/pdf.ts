// The text layer of an uploaded PDF, read with Mozilla's pdf.js (pdfjs-dist, legacy build for
// Node; no canvas, no fonts, no scripts): items are grouped into lines by their position and the
// lines into paragraphs (layout.ts). Bounded: the page count is checked before any page is read
// and the characters are counted while reading; it runs inside a worker thread (worker.ts) whose
// heap and time caps stop a PDF whose structure takes too long. pdf.js inflates streams into
// ArrayBuffers, which the worker's heap cap does not count, so every Flate stream is inflated
// first here with a cap on its size and on the total (a 3 MB file can hold gigabytes of zeros).
// A PDF with (almost) no text is a scan: the caller sends it to OCR (ocr.ts).
import { inflateSync, constants } from 'node:zlib';
import { text, type Text } from './i18n.ts';
import { paragraphsFromLines, type TextLine } from './layout.ts';

export interface PdfLimits {
  /** Most pages of a PDF with a text layer. */
  readonly maxPages: number;
  /** Most characters of text read (past it: limit "text_chars"). */
  readonly maxChars: number;
  /** Most bytes one compressed stream may inflate to (a scanned A4 page at 300 dpi, grey: 9 MB). */
  readonly maxStreamBytes: number;
  /** Most bytes all compressed streams may inflate to. */
  readonly maxInflatedBytes: number;
}

export type PdfProblem =
  | { readonly kind: 'limit'; readonly limit: 'pdf_pages' | 'text_chars' | 'pdf_stream_size' | 'pdf_inflated_size'; readonly message: Text }
  | { readonly kind: 'type' | 'unreadable' | 'encrypted'; readonly message: Text };

export type PdfText =
  | { readonly ok: true; readonly text: string; readonly pages: number }
  /** No text layer worth reading: a scanned document (OCR it). */
  | { readonly ok: 'scanned'; readonly pages: number }
  | { readonly ok: false; readonly problem: PdfProblem };

/** A PDF by its first bytes ("%PDF-", allowing a little junk before it as readers do). */
export const isPdf = (buf: Uint8Array) => Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 1024)).includes('%PDF-');

/** Fewer letters and digits than this per page on average: a scan (a stamp or a page number is not a text layer). */
const MIN_CHARS_PER_PAGE = 40;

const MB = 1024 * 1024;

/**
 * Inflates every FlateDecode stream of the file (chains of Flate filters too) with a cap, keeping
 * nothing: the problem when one stream or all of them would inflate past the limits, else null.
 * A stream that is not valid zlib is left to pdf.js (it reads or skips it).
 */
export function checkPdfStreams(bytes: Uint8Array, limits: Pick<PdfLimits, 'maxStreamBytes' | 'maxInflatedBytes'>): PdfProblem | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const s = buf.indexOf('stream', at, 'latin1');
    if (s < 0) return null;
    at = s + 6;
    if (buf.subarray(Math.max(0, s - 3), s).toString('latin1') === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) return null;
    at = end + 9;
    // The stream's dictionary: what stands between the last "obj" and "stream".
    const dict = buf.subarray(Math.max(0, s - 4096), s).toString('latin1');
    const obj = dict.lastIndexOf(' obj');
    const filters = ((obj >= 0 ? dict.slice(obj) : dict).match(/\/(?:FlateDecode|Fl)\b/g) ?? []).length;
    let data: Buffer = buf.subarray(start, end);
    for (let k = 0; k < filters; k++) {
      try {
        data = inflateSync(data, { maxOutputLength: limits.maxStreamBytes, finishFlush: constants.Z_SYNC_FLUSH });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
          return {
            kind: 'limit',
            limit: 'pdf_stream_size',
            message: text(
              `Tệp PDF có một luồng dữ liệu giải nén quá lớn: hơn ${Math.round(limits.maxStreamBytes / MB)} MB`,
              `The PDF has a stream that inflates past ${Math.round(limits.maxStreamBytes / MB)} MB`,
            ),
          };
        break;
      }
      total += data.length;
      if (total > limits.maxInflatedBytes)
        return {
          kind: 'limit',
          limit: 'pdf_inflated_size',
          message: text(
            `Tệp PDF giải nén quá lớn: hơn ${Math.round(limits.maxInflatedBytes / MB)} MB`,
            `The PDF inflates past ${Math.round(limits.maxInflatedBytes / MB)} MB`,
          ),
        };
    }
  }
}

type Item = { str: string; hasEOL?: boolean; transform: number[]; width: number; height: number };

/** The PDF's paragraphs, or 'scanned' when it has no text layer, or the problem that stopped it. */
export async function pdfText(bytes: Uint8Array, fileName: string, limits: PdfLimits): Promise<PdfText> {
  if (!isPdf(bytes)) return { ok: false, problem: { kind: 'type', message: text(`Tệp "${fileName}" không phải tệp PDF`, `"${fileName}" is not a PDF file`) } };
  const streams = checkPdfStreams(bytes, limits);
  if (streams) return { ok: false, problem: streams };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException')
      return {
        ok: false,
        problem: {
          kind: 'encrypted',
          message: text(
            `Tệp PDF "${fileName}" có mật khẩu; hãy gỡ mật khẩu (hoặc in lại ra PDF) rồi tải lên`,
            `The PDF "${fileName}" is password-protected; remove the password (or print it again to PDF) and upload it`,
          ),
        },
      };
    return {
      ok: false,
      problem: {
        kind: 'unreadable',
        message: text(`Không đọc được tệp PDF "${fileName}": tệp hỏng hoặc không phải PDF`, `Cannot read the PDF "${fileName}": it is damaged or not a PDF`),
      },
    };
  }
  try {
    const pages = doc.numPages;
    if (pages > limits.maxPages)
      return {
        ok: false,
        problem: {
          kind: 'limit',
          limit: 'pdf_pages',
          message: text(
            `Tệp PDF có ${pages.toLocaleString('vi-VN')} trang, tối đa ${limits.maxPages.toLocaleString('vi-VN')} trang`,
            `The PDF has ${pages} pages, at most ${limits.maxPages}`,
          ),
        },
      };
    const lines: TextLine[] = [];
    let chars = 0;
    let letters = 0;
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const top = page.view[3] ?? 842;
      const content = await page.getTextContent();
      let cur: { parts: string[]; x0: number; x1: number; y: number; h: number } | null = null;
      const end = () => {
        if (cur && cur.parts.join('').trim()) lines.push({ text: cur.parts.join(''), x0: cur.x0, x1: cur.x1, top: top - cur.y, height: cur.h, page: n });
        cur = null;
      };
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const it = raw as Item;
        const x = it.transform[4] ?? 0;
        const y = it.transform[5] ?? 0;
        const h = Math.abs(it.height || it.transform[3] || 0);
        if (it.str) {
          if (cur && Math.abs(cur.y - y) > Math.max(cur.h, h, 1) * 0.5) end();
          if (!cur) cur = { parts: [], x0: x, x1: x, y, h };
          else if (x - cur.x1 > Math.max(cur.h, h) * 0.2 && !/\s$/.test(cur.parts.at(-1) ?? '') && !/^\s/.test(it.str)) cur.parts.push(' ');
          cur.parts.push(it.str);
          cur.x1 = Math.max(cur.x1, x + (it.width || 0));
          cur.h = Math.max(cur.h, h);
          chars += it.str.length;
          letters += (it.str.match(/[\p{L}\p{N}]/gu) ?? []).length;
          if (chars > limits.maxChars)
            return {
              ok: false,
              problem: {
                kind: 'limit',
                limit: 'text_chars',
                message: text(
                  `Văn bản quá dài: hơn ${limits.maxChars.toLocaleString('vi-VN')} ký tự`,
                  `The text is too long: more than ${limits.maxChars} characters`,
                ),
              },
            };
        }
        if (it.hasEOL) end();
      }
      end();
      page.cleanup();
    }
    if (letters < MIN_CHARS_PER_PAGE * pages) return { ok: 'scanned', pages };
    return { ok: true, text: paragraphsFromLines(lines), pages };
  } catch {
    return {
      ok: false,
      problem: { kind: 'unreadable', message: text(`Không đọc được tệp PDF "${fileName}": tệp hỏng`, `Cannot read the PDF "${fileName}": it is damaged`) },
    };
  } finally {
    await doc.destroy();
  }
}
