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

/**
 * A shared or inline string of an .xlsx with its escapes decoded: Excel writes a character XML
 * cannot hold as _xHHHH_ (_x000D_ a carriage return, _x0000_ a NUL). ExcelJS's workbook reader
 * decodes them; its streaming reader does not, so the import's stream applies this (the same
 * rule as ExcelJS) and a NUL read either way is refused by the row checks.
 */
export function decodeXlsxEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}
