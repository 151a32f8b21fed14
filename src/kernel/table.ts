// Reading an import table (registry import, `ansinh units import`; .csv or .xlsx) with bounded
// work (issue 18): its size and type judged first, then in a worker thread with its own heap and time caps; an .xlsx's ZIP is checked first (size, ratio, the parts of a
// workbook, no program inside) and read as a stream (ExcelJS's WorkbookReader), a .csv through
// csv-parse's stream; both stop at the row limit while reading, so a 1,000,001-row file fails
// with "at most 200,000 rows" having read 200,001 of them, not after holding them all.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { cellText, decodeXlsxEscapes, excel } from './excel.ts';
import { AppError, LimitError } from './errors.ts';
import { text, type Text } from './i18n.ts';
import { isUtf8 } from 'node:buffer';
import type { FastifyRequest } from 'fastify';
import { fileTypeRefused, isZip, notMultipart, readUpload, type UploadedFile } from './upload.ts';
import { runInWorker, type WorkerCaps } from './worker.ts';
import { checkOfficeZip, type ZipLimits } from './zip.ts';

/**
 * Largest import table accepted, uploaded or read by `ansinh units import`: a large commune's
 * whole registry (about 100,000 persons is some 25 MB of .csv; an .xlsx is smaller), with room
 * to spare.
 */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Whether a file named .csv is not text: not UTF-8, or NUL bytes in more than 1 % of its first
 * 64 KB (an .exe, UTF-16 text). A few NULs in UTF-8 text are left to refuse their rows.
 */
function isBinary(buf: Uint8Array): boolean {
  if (!buf.includes(0)) return false;
  const head = buf.subarray(0, 65536);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  return nul > head.length / 100 || !isUtf8(buf);
}

/**
 * Why a file cannot be an import table, judged by its name and its content, never the name
 * alone: an .xlsx is a ZIP archive, a .csv is text (neither a ZIP nor with NUL bytes). Null when
 * it can be read as what its name says.
 */
export function importFileTypeProblem(buf: Uint8Array, fileName: string): Text | null {
  if (/\.xlsx$/i.test(fileName)) {
    return isZip(buf) ? null : text(`Tệp "${fileName}" không phải tệp Excel .xlsx`, `"${fileName}" is not an Excel .xlsx file`);
  }
  if (/\.csv$/i.test(fileName)) {
    return isZip(buf) || isBinary(buf) ? text(`Tệp "${fileName}" không phải văn bản .csv`, `"${fileName}" is not a .csv text file`) : null;
  }
  return text('Chỉ nhận tệp .xlsx hoặc .csv theo mẫu', 'Only .xlsx or .csv files in the template are accepted');
}

/** Most data rows (after the header) of one import: a large commune has about 100,000 persons. */
export const MAX_IMPORT_ROWS = 200_000;

/** What an .xlsx may inflate to (200,000 rows of the template: about 150 MB of sheet XML). */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxEntryBytes: 400 * 1024 * 1024, maxTotalBytes: 600 * 1024 * 1024, maxRatio: 100 };

/** The caps of the worker that reads one table. */
export const TABLE_WORKER_CAPS: WorkerCaps = { maxMemoryMb: 1536, timeoutMs: 180_000 };

export type TableProblem = { readonly kind: 'limit' | 'type' | 'unreadable'; readonly limit?: string; readonly message: Text };
export type TableRead = { readonly ok: true; readonly rows: string[][] } | { readonly ok: false; readonly problem: TableProblem };

const tooManyRows = (): TableProblem => ({
  kind: 'limit',
  limit: 'rows',
  message: text(
    `Tệp có quá nhiều dòng: tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng dữ liệu mỗi lần nhập; hãy chia tệp`,
    `The file has too many rows: at most ${MAX_IMPORT_ROWS} data rows per import; split the file`,
  ),
});

/**
 * The file in 64 KB slices: given whole, a stream parser turns all of it into records at once
 * (and a row limit checked on the way out comes too late); in slices, backpressure holds it.
 */
function* slices(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += 65536) yield buf.subarray(i, i + 65536);
}

/** The task (what the worker runs): the first sheet of an .xlsx or a UTF-8 .csv as rows of text. */
export async function readTableTask(input: { bytes: Uint8Array; fileName: string }): Promise<TableRead> {
  const buf = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const rows: string[][] = [];
  if (/\.csv$/i.test(input.fileName)) {
    const parser = Readable.from(slices(buf)).pipe(parse({ bom: true, skip_empty_lines: false, relax_column_count: true, trim: true }));
    try {
      for await (const rec of parser as AsyncIterable<string[]>) {
        if (rows.length > MAX_IMPORT_ROWS) {
          parser.destroy();
          return { ok: false, problem: tooManyRows() };
        }
        rows.push(rec);
      }
    } catch (e) {
      return {
        ok: false,
        problem: { kind: 'unreadable', message: text(`Không đọc được tệp: ${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`) },
      };
    }
    return { ok: true, rows };
  }
  if (/\.xlsx$/i.test(input.fileName)) {
    const zip = await checkOfficeZip(buf, 'xlsx', IMPORT_ZIP_LIMITS);
    if (zip) return { ok: false, problem: zip };
    try {
      const reader = new (await excel()).stream.xlsx.WorkbookReader(Readable.from(slices(buf)), {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      });
      for await (const ws of reader) {
        for await (const row of ws) {
          // Checked on the row's number before anything is kept: one cell at row 1,048,576 is enough.
          if (row.number > MAX_IMPORT_ROWS + 1) return { ok: false, problem: tooManyRows() };
          // Blank rows are kept so that row numbers in reports are the spreadsheet's own.
          while (rows.length < row.number - 1) rows.push([]);
          rows.push((row.values as unknown[]).slice(1).map((v) => decodeXlsxEscapes(cellText(v)).trim()));
        }
        break; // the first worksheet only
      }
    } catch (e) {
      return {
        ok: false,
        problem: { kind: 'unreadable', message: text(`Không đọc được tệp: ${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`) },
      };
    }
    return { ok: true, rows };
  }
  return {
    ok: false,
    problem: { kind: 'type', message: text('Chỉ nhận tệp .xlsx hoặc .csv theo mẫu', 'Only .xlsx or .csv files in the template are accepted') },
  };
}

/**
 * Reads the first sheet of an .xlsx or a UTF-8 .csv into rows of text, in a worker under
 * TABLE_WORKER_CAPS. Throws AppError: 413 naming the limit (rows, zip_*, worker_*), 415 a file
 * that is not what its name says, 400 one that cannot be read.
 */
export async function readTableBuffer(buf: Buffer, fileName: string, caps: WorkerCaps = TABLE_WORKER_CAPS): Promise<string[][]> {
  const r = await runInWorker<TableRead>(new URL(import.meta.url), 'readTableTask', { bytes: buf, fileName }, caps, '/body/file');
  if (r.ok) return r.rows;
  const p = r.problem;
  if (p.kind === 'limit') throw new LimitError(p.limit ?? 'size', p.message, '/body/file');
  if (p.kind === 'type') throw fileTypeRefused('file', p.message);
  throw AppError.validation([{ path: '/body/file', message: p.message }], p.message);
}

/**
 * The table of an uploaded import file (multipart field "file", .csv or .xlsx, at most
 * MAX_IMPORT_FILE_BYTES): 415 when not multipart or not a table by its bytes, 400 when no file
 * was sent, 413 over the limit; read in the bounded worker (readTableBuffer) before any
 * transaction. The one upload path of every table import (registry, housing survey, merit).
 */
export async function readUploadedTable(req: FastifyRequest): Promise<{ file: UploadedFile; table: string[][] }> {
  if (!req.isMultipart()) throw notMultipart('file');
  const { file } = await readUpload(req, 'file', MAX_IMPORT_FILE_BYTES, text('Tệp nhập', 'The import file'));
  if (!file) throw AppError.validation([{ path: '/body/file', message: text('Chọn một tệp .xlsx hoặc .csv', 'Choose an .xlsx or .csv file') }]);
  const wrongType = importFileTypeProblem(file.content, file.name);
  if (wrongType) throw fileTypeRefused('file', wrongType);
  return { file, table: await readTableBuffer(file.content, file.name) };
}
