// The one CSV writer of every download (bank batch file, import reports): RFC 4180 quoting, a
// byte-order mark so that Excel keeps the diacritics, CRLF line ends, and text cells that a
// spreadsheet would run as a formula neutralised (OWASP "CSV injection"): a text cell starting
// with = + - @, a tab or a carriage return gets a leading single quote. Numbers stay numbers, so
// a negative amount is still -150000.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet will read it only as text. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = neutralise(v);
  return /[",;\r\n]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: BOM, comma-separated cells, CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
