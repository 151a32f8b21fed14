// ExcelJS, loaded when a workbook is first read or written: it takes about a quarter of a
// second to import, which every server and CLI start would otherwise pay.
import type ExcelJSNamespace from 'exceljs';

let loaded: Promise<typeof ExcelJSNamespace> | undefined;

/** The ExcelJS module, imported on first use. */
export function excel(): Promise<typeof ExcelJSNamespace> {
  loaded ??= import('exceljs').then((m) => (m.default ?? m) as typeof ExcelJSNamespace);
  return loaded;
}

/** A spreadsheet cell as text: dates as yyyy-mm-dd, rich text and formulas by their value. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v);
}
