// A bank statement file as rows of cell texts: CSV (comma, semicolon or tab; UTF-8 with or
// without BOM) or the first sheet of an .xlsx workbook read by the kernel's bounded table reader (dates as
// yyyy-mm-dd).
import { parse } from 'csv-parse/sync';
import { readTableBuffer } from '../kernel/table.ts';
import { isZip } from '../kernel/upload.ts';

export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;
export const MAX_STATEMENT_ROWS = 200_000;

export async function statementRows(content: Buffer, fileName: string): Promise<string[][]> {
  if (isZip(content) || /\.xlsx$/i.test(fileName)) {
    // In a worker under the kernel's caps, the zip checked before inflating (src/kernel/table.ts):
    // a crafted workbook under the byte limit cannot exhaust the API process.
    const rows = await readTableBuffer(content, /\.xlsx$/i.test(fileName) ? fileName : 'statement.xlsx');
    // Empty cells of a row are holes in the reader's arrays: every cell a text here.
    return rows.slice(0, MAX_STATEMENT_ROWS).map((r) => Array.from(r, (c) => c ?? ''));
  }
  const s = content.toString('utf8').replace(/^\uFEFF/, '');
  const first = s.split(/\r?\n/, 5).join('\n');
  const delimiter = [';', '\t', ','].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return (parse(s, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: MAX_STATEMENT_ROWS }) as string[][]).map((r) =>
    r.map((c) => c.trim()),
  );
}
