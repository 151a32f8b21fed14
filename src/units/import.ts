// `ansinh units import FILE`: reads a Statistics Office list (.csv or .xlsx), validates every
// row (rules in model.ts), and writes all of it in one transaction, or nothing.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cellText, excel } from '../kernel/excel.ts';
import type { Db } from '../db/connection.ts';
import { parseTable, unitsByEra, type RowError } from './model.ts';
import { computeAncestors, upsertUnits, type UnitChange } from './store.ts';
import { CliError } from '../kernel/cli.ts';

export { parseTable, toUnits } from './model.ts';


/** Reads the first worksheet of an .xlsx or a .csv (UTF-8, with or without BOM) as rows of text. */
export async function readTable(file: string): Promise<string[][]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') {
    const buf = readFileSync(file);
    try {
      return parse(buf, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
    } catch (e) {
      throw new CliError(`cannot read ${file} as CSV: ${(e as Error).message}`);
    }
  }
  if (ext === '.xlsx') {
    const wb = new (await excel()).Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new CliError(`cannot read ${file} as .xlsx: ${(e as Error).message}`);
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const rows: string[][] = [];
    // Keep blank rows so that row numbers in error reports are the spreadsheet's own.
    for (let i = 1; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1).map(cellText));
    return rows;
  }
  throw new CliError(`unsupported file type "${ext || '(none)'}": use .csv or .xlsx`);
}

export interface ImportReport {
  /** Non-empty data rows read. */
  readonly rows: number;
  readonly valid: number;
  readonly errors: readonly RowError[];
  readonly inserted: number;
  readonly updated: number;
  /** The units an import changed, for the report. */
  readonly changes: readonly UnitChange[];
  readonly written: boolean;
}

export interface ImportOptions {
  /** Validity start for rows without a "Hiệu lực từ" cell (null: unknown, a pre-reform list). */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** Write the valid rows even when some are bad (the bad ones are still reported). */
  readonly skipInvalid: boolean;
}

/**
 * Validates a table and, when every row is good (or `skipInvalid`), upserts its units in one
 * transaction and recomputes the scope ancestry. Rows with their own "Hiệu lực từ" date form
 * their own era (a unit's identity is level + code + validity start).
 */
export async function importUnits(db: Db, table: string[][], o: ImportOptions): Promise<ImportReport> {
  const { rows, errors, total } = parseTable(table);
  if ((errors.length > 0 && !o.skipInvalid) || (errors.length > 0 && rows.length === 0))
    return { rows: total, valid: rows.length, errors, inserted: 0, updated: 0, changes: [], written: false };
  let inserted = 0;
  const changes: UnitChange[] = [];
  await db.k.transaction().execute(async (tx) => {
    for (const [from, units] of unitsByEra(rows, o.validFrom)) {
      for (const level of ['province', 'district', 'commune'] as const) {
        const part = units.filter((u) => u.level === level);
        if (!part.length) continue;
        const r = await upsertUnits(tx, part, { validFrom: from || null, validTo: o.validTo });
        inserted += r.inserted;
        changes.push(...r.updated);
      }
    }
    if (inserted + changes.length > 0) await computeAncestors(tx);
  });
  return { rows: total, valid: rows.length, errors, inserted, updated: changes.length, changes, written: true };
}
