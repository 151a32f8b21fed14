// ExcelJS, loaded when a workbook is first read or written: it takes about a quarter of a
// second to import, which every server and CLI start would otherwise pay.
import type ExcelJSNamespace from 'exceljs';

let loaded: Promise<typeof ExcelJSNamespace> | undefined;

/** The ExcelJS module, imported on first use. */
export function excel(): Promise<typeof ExcelJSNamespace> {
  loaded ??= import('exceljs').then((m) => (m.default ?? m) as typeof ExcelJSNamespace);
  return loaded;
}
