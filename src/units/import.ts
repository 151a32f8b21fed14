// `ansinh units import FILE`: reads a Statistics Office list (.csv or .xlsx), validates every
// row, and writes all of it in one transaction, or nothing.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../db/connection.ts';
import { mapHeader, parseRow, type RowError, type UnitRow } from './model.ts';
import { computeAncestors, insertUnits, type NewUnit } from './store.ts';
import { CliError } from '../kernel/cli.ts';

export async function readTable(file: string): Promise<string[][]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') {
    const buf = readFileSync(file);
    return parse(buf, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  }
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw new CliError(`cannot read ${file} as .xlsx: ${(e as Error).message}`);
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const vals = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : String(v)));
      rows.push(vals);
    });
    return rows;
  }
  throw new CliError(`unsupported file type "${ext || '(none)'}": use .csv or .xlsx`);
}

export interface ImportReport {
  readonly rows: number;
  readonly valid: number;
  readonly errors: readonly RowError[];
  readonly inserted: number;
  readonly written: boolean;
}

/** Parses a whole table; a header problem is reported as errors of row 1. */
export function parseTable(table: string[][]): { rows: UnitRow[]; errors: RowError[] } {
  if (table.length === 0) return { rows: [], errors: [{ rowNumber: 1, column: '', value: '', reason: { vi: 'Tệp rỗng', en: 'The file is empty' } }] };
  const map = mapHeader(table[0]!);
  if (map.errors.length) return { rows: [], errors: map.errors.map((e) => ({ rowNumber: 1, column: e.path.replace('/header/', ''), value: '', reason: e.message })) };
  const rows: UnitRow[] = [];
  const errors: RowError[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const r = parseRow(cells, map, i + 2);
    if (r.row) rows.push(r.row);
    errors.push(...r.errors);
  });
  return { rows, errors };
}

/** Turns validated rows into units of one era (deduplicated: a province appears on every commune row). */
export function toUnits(rows: readonly UnitRow[]): NewUnit[] {
  const m = new Map<string, NewUnit>();
  for (const r of rows) {
    m.set(`province:${r.province.code}`, { code: r.province.code, name: r.province.name, level: 'province', kind: r.province.kind, parentCode: null, parentLevel: null });
    if (r.district) m.set(`district:${r.district.code}`, { code: r.district.code, name: r.district.name, level: 'district', kind: r.district.kind, parentCode: r.province.code, parentLevel: 'province' });
    if (r.commune)
      m.set(`commune:${r.commune.code}`, {
        code: r.commune.code,
        name: r.commune.name,
        level: 'commune',
        kind: r.commune.kind,
        parentCode: r.district ? r.district.code : r.province.code,
        parentLevel: r.district ? 'district' : 'province',
      });
  }
  const order = { province: 0, district: 1, commune: 2, village: 3 };
  return [...m.values()].sort((a, b) => order[a.level] - order[b.level]);
}

export async function importUnits(db: Db, table: string[][], o: { validFrom: string | null; validTo: string | null; skipInvalid: boolean }): Promise<ImportReport> {
  const { rows, errors } = parseTable(table);
  const total = table.length > 0 ? table.slice(1).filter((c) => c.some((x) => String(x ?? '').trim() !== '')).length : 0;
  if (errors.length > 0 && !o.skipInvalid) return { rows: total, valid: rows.length, errors, inserted: 0, written: false };
  let inserted = 0;
  await db.k.transaction().execute(async (tx) => {
    const units = toUnits(rows);
    for (const level of ['province', 'district', 'commune'] as const) {
      const part = units.filter((u) => u.level === level);
      if (part.length) inserted += await insertUnits(tx, part, { validFrom: o.validFrom, validTo: o.validTo });
    }
    if (inserted > 0) await computeAncestors(tx);
  });
  return { rows: total, valid: rows.length, errors, inserted, written: true };
}
