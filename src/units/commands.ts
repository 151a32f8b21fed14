// CLI for units: import the Statistics Office's list (see docs/guide/don-vi-hanh-chinh.md).
import type { CliCommand } from '../kernel/cli.ts';
import { CliError } from '../kernel/cli.ts';
import { parseDateCell } from './model.ts';
import { importUnits, readTable } from './import.ts';
import { REFORM_DATE } from './store.ts';

export const unitsImportCommand: CliCommand = {
  name: 'units import',
  summary: 'Import administrative units from the Statistics Office list (.csv or .xlsx)',
  usage: 'units import FILE [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD] [--skip-invalid]',
  options: { 'valid-from': { type: 'string' }, 'valid-to': { type: 'string' }, 'skip-invalid': { type: 'boolean' } },
  help: [
    'Cột được nhận (tên cột không phân biệt dấu, hoa thường; tiêu đề có thể nằm dưới vài dòng tên bảng):',
    'Accepted columns (matched without accents or case; the header may follow a few title rows):',
    '  Mã tỉnh, Tên tỉnh        bắt buộc / required: 2 chữ số; "Lai Châu" hoặc "Tỉnh Lai Châu"',
    '  Loại tỉnh                tuỳ chọn / optional: Tỉnh, Thành phố Trung ương',
    '  Mã huyện, Tên huyện      tuỳ chọn: 3 chữ số, cho danh mục trước 01/07/2025 (Loại huyện: Huyện, Quận, Thị xã, Thành phố)',
    '  Mã xã, Tên xã            tuỳ chọn: 5 chữ số',
    '  Cấp (hoặc Loại)          tuỳ chọn: Xã, Phường, Thị trấn, Đặc khu (nếu không có, lấy theo tên; mặc định Xã)',
    '  Hiệu lực từ              tuỳ chọn: dd/mm/yyyy, ngày đơn vị (dòng) bắt đầu có hiệu lực',
    'Also accepted: the Statistics Office export (Mã, Tên, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh / Thành Phố)',
    'and the English headers of reference/units/*.csv (province_code, province_name, district_code, ...,',
    'commune_code, commune_name, commune_type).',
    '',
    'Mọi dòng đều được kiểm tra; có lỗi thì không ghi gì (mỗi lỗi kèm số dòng và tên cột), trừ khi',
    '--skip-invalid. Nhập lại cùng tệp không thay đổi gì; tên, loại, cấp trên khác thì được cập nhật.',
    'Every row is checked; with errors nothing is written unless --skip-invalid. Re-importing the',
    'same file changes nothing; a unit (level + code + validity start) with another name is updated.',
    '',
    `--valid-from  validity start of the rows without "Hiệu lực từ" (default ${REFORM_DATE}, today's list)`,
    '--valid-to    last day of validity (a list of former units, e.g. 2025-06-30 with no --valid-from)',
    '',
    'Ví dụ / example:  ansinh units import danh-muc-xa.xlsx',
  ].join('\n'),
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('thiếu FILE; cách dùng: ansinh units import FILE (missing FILE)', 2);
    const iso = (v: unknown, name: string) => {
      if (v === undefined) return null;
      const d = typeof v === 'string' ? parseDateCell(v) : null;
      if (!d) throw new CliError(`--${name} phải là một ngày YYYY-MM-DD (must be a date)`, 2);
      return d;
    };
    const validFrom = iso(values['valid-from'], 'valid-from');
    const validTo = iso(values['valid-to'], 'valid-to');
    if (validFrom && validTo && validTo < validFrom) throw new CliError('--valid-to trước --valid-from (ends before it starts)', 2);
    const table = await readTable(file);
    const db = await ctx.db();
    const r = await importUnits(db, table, { validFrom: validFrom ?? (validTo ? null : REFORM_DATE), validTo, skipInvalid: Boolean(values['skip-invalid']) });
    for (const e of r.errors.slice(0, 50)) ctx.stderr.write(`dòng ${e.rowNumber}, cột "${e.column}"${e.value ? ` ("${e.value}")` : ''}: ${e.reason.vi}\n`);
    if (r.errors.length > 50) ctx.stderr.write(`... và ${r.errors.length - 50} lỗi khác\n`);
    if (!r.written) {
      ctx.stderr.write(
        `ansinh units import: ${r.errors.length} lỗi trong ${r.rows} dòng; không ghi gì vào cơ sở dữ liệu${r.valid > 0 ? ' (dùng --skip-invalid để bỏ qua các dòng lỗi)' : ''}\n`,
      );
      return 1;
    }
    for (const c of r.changes.slice(0, 20))
      ctx.stdout.write(`cập nhật ${c.code}: ${c.from === c.to ? `${c.to} (loại, cấp trên hoặc hiệu lực)` : `${c.from} → ${c.to}`}\n`);
    if (r.changes.length > 20) ctx.stdout.write(`... và ${r.changes.length - 20} đơn vị khác được cập nhật\n`);
    ctx.stdout.write(
      `${r.rows} dòng, ${r.valid} hợp lệ; ${r.inserted} đơn vị mới, ${r.updated} đơn vị được cập nhật${r.errors.length ? `; ${r.errors.length} lỗi, các dòng lỗi bị bỏ qua` : ''}\n`,
    );
    return 0;
  },
};
