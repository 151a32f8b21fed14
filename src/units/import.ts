// `ansinh units import FILE`: reads a Statistics Office list (.csv or .xlsx), validates every
// row (rules in model.ts), and writes all of it in one transaction, or nothing.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError, LimitError } from '../kernel/errors.ts';
import { importFileTypeProblem, MAX_IMPORT_FILE_BYTES, readTableBuffer } from '../kernel/table.ts';
import type { Db } from '../db/connection.ts';
import { parseTable, unitsByEra, type RowError } from './model.ts';
import { computeAncestors, upsertUnits, type UnitChange } from './store.ts';
import { CliError } from '../kernel/cli.ts';

export { parseTable, toUnits } from './model.ts';

/**
 * Reads the first worksheet of an .xlsx or a .csv (UTF-8, with or without BOM) as rows of text,
 * with the bounds of an upload (issue 18): the size checked before reading, then in a worker
 * with heap and time caps (src/kernel/table.ts): an .xlsx's ZIP checked before inflating, rows
 * counted while reading. A file past a limit is one Vietnamese line and exit 1.
 */
export async function readTable(file: string): Promise<string[][]> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new CliError(`loại tệp "${ext || '(không có)'}" không được hỗ trợ: dùng .csv hoặc .xlsx (unsupported file type)`);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CliError(`không đọc được tệp ${file}: ${(e as Error).message}`);
  }
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new CliError(
      `tệp ${file} quá lớn: ${size.toLocaleString('vi-VN')} byte, tối đa ${(MAX_IMPORT_FILE_BYTES / 1024 / 1024).toLocaleString('vi-VN')} MB; hãy chia tệp (file too large)`,
    );
  }
  const buf = readFileSync(file);
  const wrongType = importFileTypeProblem(buf, file);
  if (wrongType) throw new CliError(`${wrongType.vi} (${wrongType.en})`);
  try {
    return await readTableBuffer(buf, file);
  } catch (e) {
    if (e instanceof AppError)
      throw new CliError(`không nhập được ${file}: ${e.detail?.vi ?? e.kind.title.vi}${e instanceof LimitError ? ` (giới hạn ${e.limit})` : ''}`);
    throw e;
  }
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
