// CLI for units: import the Statistics Office's list.
import type { CliCommand } from '../kernel/cli.ts';
import { CliError } from '../kernel/cli.ts';
import { importUnits, readTable } from './import.ts';

export const unitsImportCommand: CliCommand = {
  name: 'units import',
  summary: 'Import administrative units from the Statistics Office list (.csv or .xlsx)',
  usage: 'units import FILE [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD] [--skip-invalid]',
  options: { 'valid-from': { type: 'string' }, 'valid-to': { type: 'string' }, 'skip-invalid': { type: 'boolean' } },
  help: [
    'Accepted columns (header names are matched without accents or case):',
    '  Mã tỉnh, Tên tỉnh           required (2-digit code; "Lai Châu" or "Tỉnh Lai Châu")',
    '  Mã huyện, Tên huyện         optional (3-digit code), for lists before 01/07/2025',
    '  Mã xã, Tên xã               optional (5-digit code)',
    '  Cấp / Loại                  optional: Xã, Phường, Thị trấn, Đặc khu (else from the name)',
    'English headers of reference/units/*.csv are accepted too (province_code, commune_name, ...).',
    'Every row is checked; with errors nothing is written (each error is listed with its row',
    'and column) unless --skip-invalid. Re-importing the same file changes nothing.',
  ].join('\n'),
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('missing FILE; usage: ansinh units import FILE', 2);
    const iso = (v: unknown, name: string) => {
      if (v === undefined) return null;
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new CliError(`--${name} must be a date YYYY-MM-DD`, 2);
      return v;
    };
    const validFrom = iso(values['valid-from'], 'valid-from');
    const validTo = iso(values['valid-to'], 'valid-to');
    const table = await readTable(file);
    const db = await ctx.db();
    const r = await importUnits(db, table, { validFrom: validFrom ?? (validTo ? null : '2025-07-01'), validTo, skipInvalid: Boolean(values['skip-invalid']) });
    for (const e of r.errors.slice(0, 50)) ctx.stderr.write(`dòng ${e.rowNumber}, cột "${e.column}"${e.value ? ` ("${e.value}")` : ''}: ${e.reason.vi}\n`);
    if (r.errors.length > 50) ctx.stderr.write(`... và ${r.errors.length - 50} lỗi khác\n`);
    if (!r.written) {
      ctx.stderr.write(`ansinh units import: ${r.errors.length} lỗi trong ${r.rows} dòng; không ghi gì vào cơ sở dữ liệu (dùng --skip-invalid để bỏ qua các dòng lỗi)\n`);
      return 1;
    }
    ctx.stdout.write(`${r.rows} dòng, ${r.valid} hợp lệ, ${r.inserted} đơn vị mới${r.errors.length ? `, ${r.errors.length} dòng bị bỏ qua` : ''}\n`);
    return 0;
  },
};
