// CLI of payments: generate the payroll of a commune for a month (named `registry payroll`, as it
// always was, beside the registry's commands).
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { monthNumber } from '../kernel/month.ts';
import { communeByCode } from '../registry/store.ts';
import { generatePayroll } from './store.ts';

export const paymentsCommands: CliCommand[] = [
  {
    name: 'registry payroll',
    summary: 'Generate the payroll of a commune for a month (current month + arrears)',
    usage: 'registry payroll --commune CODE --month YYYYMM',
    options: { commune: { type: 'string' }, month: { type: 'string' } },
    async run({ values }, ctx) {
      const code = values.commune;
      if (typeof code !== 'string' || !/^\d{5}$/.test(code)) throw new CliError('--commune CODE (5 digits) is required, e.g. --commune 03439');
      const db = await ctx.db();
      const c = await communeByCode(db.k, code);
      if (!c) throw new CliError(`no commune with code ${code}`);
      const month = Number(values.month);
      if (!monthNumber.isValid(month)) throw new CliError('--month must be YYYYMM, e.g. 202611');
      const s = await db.k.transaction().execute((tx) => generatePayroll(tx, c.id, month, 'cli'));
      ctx.stdout.write(
        `Danh sách chi trả #${s.payrollId}: ${s.lines} người, ${s.total.toLocaleString('vi-VN')} đồng (truy lĩnh ${s.arrears.toLocaleString('vi-VN')}); ${s.unknown.length} người chưa xác định được mức\n`,
      );
    },
  },
];
