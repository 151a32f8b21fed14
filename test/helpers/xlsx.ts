// Real .xlsx files for tests, written by ExcelJS, with cells whose stored XML text is given as
// is: Excel's escapes (_x0000_ for NUL, _xD800_ for half a surrogate pair) reach the reader as
// a spreadsheet program would write them, which ExcelJS's writer would not produce.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * An .xlsx of `rows` (first sheet) in which each cell whose text is a key of `raw` is stored as
 * that key's value, unescaped, in the shared strings. The ZIP keeps ExcelJS's order of parts
 * (the streaming reader needs the workbook's relations before the sheet).
 */
export async function xlsxWithRawText(rows: string[][], raw: Record<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const name = 'xl/sharedStrings.xml';
  let xml = strFromU8(files[name]!);
  for (const [k, v] of Object.entries(raw)) {
    if (!xml.includes(`<t>${k}</t>`)) throw new Error(`no shared string ${k}`);
    xml = xml.replace(`<t>${k}</t>`, `<t>${v}</t>`);
  }
  files[name] = strToU8(xml);
  return Buffer.from(zipSync(files));
}
