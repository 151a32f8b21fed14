// A bank statement file as rows of cell texts: CSV (comma, semicolon or tab; UTF-8 with or
// without BOM) or the first sheet of an .xlsx workbook (dates as yyyy-mm-dd).
import { parse } from 'csv-parse/sync';
import { excel, cellText } from '../kernel/excel.ts';
import { isZip } from '../kernel/upload.ts';

export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;
export const MAX_STATEMENT_ROWS = 200_000;

export async function statementRows(content: Buffer, fileName: string): Promise<string[][]> {
  if (isZip(content) || /\.xlsx$/i.test(fileName)) {
    const X = await excel();
    const wb = new X.Workbook();
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws?.eachRow({ includeEmpty: true }, (row) => {
      if (rows.length >= MAX_STATEMENT_ROWS) return;
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
      rows.push(cells);
    });
    return rows;
  }
  const s = content.toString('utf8').replace(/^\uFEFF/, '');
  const first = s.split(/\r?\n/, 5).join('\n');
  const delimiter = [';', '\t', ','].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return (parse(s, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: MAX_STATEMENT_ROWS }) as string[][]).map((r) =>
    r.map((c) => c.trim()),
  );
}
