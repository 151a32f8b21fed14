// CLI of merit profiles: import a commune's list from .csv/.xlsx (dry run unless --confirm), the
// same checks and report as the HTTP route (src/merit/import.ts), as the system (no actor scope).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { AppError } from '../kernel/errors.ts';
import { readTableBuffer } from '../kernel/table.ts';
import { communeByCode } from '../registry/store.ts';
import { importMeritProfiles, meritImportReportCsv } from './import.ts';

export const meritImportCommand: CliCommand = {
  name: 'merit import',
  summary: 'Import merit profiles of a commune from .csv/.xlsx with a row-level report (dry run unless --confirm; all or nothing)',
  usage: 'merit import FILE --commune CODE [--confirm] [--report OUT.csv]',
  options: { commune: { type: 'string' }, confirm: { type: 'boolean' }, report: { type: 'string' } },
  help: 'Columns: docs/guide/nguoi-co-cong.md ("Nhập danh sách từ tệp"). The same file imported again changes nothing.',
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('FILE is required');
    const code = values.commune;
    if (typeof code !== 'string' || !/^\d{5}$/.test(code)) throw new CliError('--commune CODE (5 digits) is required, e.g. --commune 03439');
    const db = await ctx.db();
    const c = await communeByCode(db.k, code);
    if (!c) throw new CliError(`no commune with code ${code}`);
    let r;
    try {
      const rows = await readTableBuffer(readFileSync(file), file);
      r = await db.k
        .transaction()
        .execute((tx) =>
          importMeritProfiles(tx, { actor: null, by: 'cli', today: new Date().toISOString().slice(0, 10) }, c, rows, basename(file), !values.confirm),
        );
    } catch (e) {
      if (e instanceof AppError) throw new CliError(`${file}: ${e.errors.map((x) => x.message.vi).join('; ') || e.message}`);
      throw e;
    }
    if (typeof values.report === 'string') writeFileSync(values.report, meritImportReportCsv(r));
    for (const row of r.rows.filter((x) => x.outcome === 'error'))
      ctx.stdout.write(`dòng ${row.row} (${row.householdCode}, ${row.fullName}): ${row.errors.map((e) => `${e.column}: ${e.message.vi}`).join('; ')}\n`);
    ctx.stdout.write(
      `${r.written ? 'Đã nhập' : r.errors ? 'Không ghi gì (có dòng lỗi)' : values.confirm ? 'Không có gì thay đổi' : 'Chạy thử (chưa ghi)'}: ${r.created} mới, ${r.changed} thay đổi, ${r.unchanged} không đổi, ${r.errors} lỗi\n`,
    );
    return r.errors > 0 ? 3 : 0;
  },
};
