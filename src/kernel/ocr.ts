// Reading the text of a scan: a PDF without a text layer (each page rasterised by poppler's
// pdftoppm) or a photo/scan (.png, .jpg) is read by Debian's tesseract with its Vietnamese model
// (apt packages tesseract-ocr, tesseract-ocr-vie, poppler-utils). Each step is a child process
// with a time limit (killed past it) and one thread (OMP_THREAD_LIMIT=1), and one document is
// read at a time, the others waiting in a short queue (past it, 429): OCR takes seconds per
// page, and it must not take both cores from the server. Pages are counted before any is
// rasterised and rasterised to at most OCR_LIMITS.maxSidePx pixels a side whatever the page
// size the PDF declares; an image's size is read from its header before tesseract sees it.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, errorCatalogue, LimitError } from './errors.ts';
import { text } from './i18n.ts';
import { slots } from './slots.ts';
import { isJpeg, isPng } from './upload.ts';
import { paragraphsFromLines, type TextLine } from './layout.ts';

export const OCR_LIMITS = {
  /** Most pages of a scanned PDF (a scanned plan is 3–20 pages; each takes seconds). */
  maxPages: 30,
  /** One step (rasterising or reading one page), ms. */
  stepTimeoutMs: 60_000,
  /** The whole document, ms. */
  totalTimeoutMs: 300_000,
  /** The longest side of a rasterised page, px (A4 at 300 dpi is 2480 × 3508). */
  maxSidePx: 3508,
  /** Most pixels of an uploaded image (a phone photo is 12–50 Mpx). */
  maxImagePixels: 60_000_000,
  /** Documents waiting for the OCR while one is read. */
  maxWaiting: 4,
} as const;

export type ImageKind = 'png' | 'jpeg';

/** The kind of an image by its first bytes. */
export function imageKind(buf: Uint8Array): ImageKind | null {
  if (isPng(buf)) return 'png';
  if (isJpeg(buf)) return 'jpeg';
  return null;
}

/** Width and height from a PNG's IHDR or a JPEG's first SOF marker; null when the header is not there. */
export function imageSize(buf: Uint8Array): { width: number; height: number; components?: number } | null {
  const kind = imageKind(buf);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (kind === 'png') return buf.length >= 24 ? { width: dv.getUint32(16), height: dv.getUint32(20) } : null;
  if (kind === 'jpeg') {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) return null;
      const marker = buf[i + 1]!;
      const len = dv.getUint16(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: dv.getUint16(i + 5), width: dv.getUint16(i + 7), components: buf[i + 9] ?? 1 };
      i += 2 + len;
    }
  }
  return null;
}

const available = new Map<string, Promise<boolean>>();
/** The tesseract program: ANSINH_TESSERACT when set (another install), else the one on PATH. */
const tesseractCommand = () => process.env.ANSINH_TESSERACT || 'tesseract';

/** Whether tesseract with its Vietnamese model is installed (asked once per process and program). */
export function ocrAvailable(): Promise<boolean> {
  const cmd = tesseractCommand();
  let p = available.get(cmd);
  if (!p) {
    p = new Promise((resolve) => execFile(cmd, ['--list-langs'], { timeout: 10_000 }, (err, stdout) => resolve(!err && /^vie$/m.test(String(stdout)))));
    available.set(cmd, p);
  }
  return p;
}

/** No tesseract (or no Vietnamese model) on this server: 422 saying what to install. */
export function ocrUnavailable(path: string): AppError {
  const m = text(
    'Tệp là bản quét (ảnh), không có lớp chữ; máy chủ chưa cài phần mềm nhận dạng chữ (tesseract-ocr, tesseract-ocr-vie) nên không đọc được. Hãy tải lên tệp .docx hoặc PDF có chữ, hoặc nhờ quản trị viên cài tesseract-ocr và tesseract-ocr-vie',
    'The file is a scan (images) without a text layer, and this server has no OCR (tesseract-ocr, tesseract-ocr-vie) to read it. Upload a .docx or a PDF with text, or ask the administrator to install tesseract-ocr and tesseract-ocr-vie',
  );
  return new AppError(errorCatalogue.ocrUnavailable, m, [{ path, message: m }]);
}

const ocrSlot = slots(
  1,
  OCR_LIMITS.maxWaiting,
  text('Máy chủ đang nhận dạng chữ cho tệp khác; hãy thử lại sau ít phút', 'The server is reading other scans; try again in a few minutes'),
);

/** Runs `f` when the OCR is free: one document at a time, at most maxWaiting waiting (else 429). */
async function oneAtATime<T>(f: () => Promise<T>): Promise<T> {
  const release = await ocrSlot();
  try {
    return await f();
  } finally {
    release();
  }
}

const ocrTime = (path: string, s: number) =>
  new LimitError(
    'ocr_time',
    text(`Nhận dạng chữ mất quá nhiều thời gian: vượt giới hạn ${s} giây`, `Reading the scan takes too long: over the ${s} s limit`),
    path,
  );

/** Runs a program with a time cap and one thread; resolves with its stdout. */
function run(cmd: string, args: readonly string[], timeoutMs: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (err, stdout) => {
        if (err && (err as { killed?: boolean }).killed) reject(ocrTime(path, Math.round(timeoutMs / 1000)));
        else if (err)
          reject(
            new AppError(errorCatalogue.unprocessable, text('Không nhận dạng được chữ trong tệp quét', 'Could not read the text of the scan'), [
              { path, message: text('Không nhận dạng được chữ', 'No text could be read') },
            ]),
          );
        else resolve(String(stdout));
      },
    );
  });
}

/** Tesseract's TSV (one row per word with its box) as positioned lines. */
export function linesFromTsv(tsv: string, page: number): TextLine[] {
  const lines = new Map<string, { words: string[]; x0: number; x1: number; top: number; heights: number[] }>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const word = c.slice(11).join('\t').trim();
    if (!word) continue;
    const [left, top, width, height] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    const key = `${c[2]}.${c[3]}.${c[4]}`;
    const l = lines.get(key);
    if (!l) lines.set(key, { words: [word], x0: left, x1: left + width, top, heights: [height] });
    else {
      l.words.push(word);
      l.x0 = Math.min(l.x0, left);
      l.x1 = Math.max(l.x1, left + width);
      l.top = Math.min(l.top, top);
      l.heights.push(height);
    }
  }
  return [...lines.values()].map((l) => ({
    text: l.words.join(' '),
    x0: l.x0,
    x1: l.x1,
    top: l.top,
    height: [...l.heights].sort((a, b) => a - b)[Math.floor(l.heights.length / 2)]!,
    page,
  }));
}

export interface OcrResult {
  readonly text: string;
  readonly pages: number;
  /** Wall time of the reading itself (not the wait in the queue), ms. */
  readonly ms: number;
}

/**
 * The text of a scanned PDF (`pages` as counted by its reader) or of an image, read by tesseract
 * one page at a time; LimitError past the page or time caps, 422 when there is no OCR.
 */
export async function ocrDocument(bytes: Uint8Array, o: { kind: 'pdf'; pages: number } | { kind: ImageKind }, path: string): Promise<OcrResult> {
  if (!(await ocrAvailable())) throw ocrUnavailable(path);
  if (o.kind === 'pdf' && o.pages > OCR_LIMITS.maxPages)
    throw new LimitError(
      'ocr_pages',
      text(
        `Tệp quét có ${o.pages} trang, tối đa ${OCR_LIMITS.maxPages} trang được nhận dạng chữ`,
        `The scan has ${o.pages} pages; at most ${OCR_LIMITS.maxPages} pages are read by OCR`,
      ),
      path,
    );
  if (o.kind !== 'pdf') {
    const size = imageSize(bytes);
    if (!size)
      throw new AppError(errorCatalogue.unprocessable, text('Không đọc được ảnh: tệp hỏng', 'Cannot read the image: it is damaged'), [
        { path, message: text('Ảnh hỏng', 'Damaged image') },
      ]);
    if (size.width * size.height > OCR_LIMITS.maxImagePixels)
      throw new LimitError(
        'image_pixels',
        text(
          `Ảnh quá lớn: ${size.width} × ${size.height} điểm ảnh, tối đa ${OCR_LIMITS.maxImagePixels / 1_000_000} triệu điểm ảnh`,
          `The image is too large: ${size.width} × ${size.height} pixels, at most ${OCR_LIMITS.maxImagePixels / 1_000_000} million`,
        ),
        path,
      );
  }
  return oneAtATime(async () => {
    const t0 = performance.now();
    const deadline = t0 + OCR_LIMITS.totalTimeoutMs;
    const left = () => {
      const ms = Math.min(OCR_LIMITS.stepTimeoutMs, deadline - performance.now());
      if (ms <= 0) throw ocrTime(path, OCR_LIMITS.totalTimeoutMs / 1000);
      return ms;
    };
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-ocr-'));
    const tesseract = tesseractCommand();
    try {
      const input = join(dir, o.kind === 'pdf' ? 'in.pdf' : o.kind === 'png' ? 'in.png' : 'in.jpg');
      await writeFile(input, bytes);
      const lines: TextLine[] = [];
      const pages = o.kind === 'pdf' ? o.pages : 1;
      for (let n = 1; n <= pages; n++) {
        let image = input;
        if (o.kind === 'pdf') {
          // 300 dpi, grey, and never more than maxSidePx a side whatever size the page declares.
          await run(
            'pdftoppm',
            ['-r', '300', '-scale-to', String(OCR_LIMITS.maxSidePx), '-gray', '-png', '-f', String(n), '-l', String(n), input, join(dir, `p${n}`)],
            left(),
            path,
          );
          const made = (await readdir(dir)).find((f) => f.startsWith(`p${n}-`) || f === `p${n}.png`);
          if (!made) continue;
          image = join(dir, made);
        }
        const tsv = await run(tesseract, [image, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'], left(), path);
        lines.push(...linesFromTsv(tsv, n));
        if (image !== input) await rm(image, { force: true });
      }
      return { text: paragraphsFromLines(lines), pages, ms: Math.round(performance.now() - t0) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
