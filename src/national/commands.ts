// CLI of the national instance (issue 17 item 2, docs/decisions/007-federation.md; PostgreSQL only):
//   province side  ansinh national grant [--role NAME] [--password-env VAR]
//   national side  ansinh national attach --province CODE --url postgres://USER[:PASS]@HOST:PORT/DB
//                  ansinh national check [--month YYYY-MM] [--json]
import { CliError, type CliCommand, type CliContext } from '../kernel/cli.ts';
import { monthNumber } from '../kernel/month.ts';
import { PROVINCE_CODE, reportText } from './model.ts';
import { attachProvince, grantNationalReader, nationalReport } from './federation.ts';

async function postgres(ctx: CliContext) {
  const db = await ctx.db();
  if (db.kind !== 'postgres')
    throw new CliError(
      'Liên thông toàn quốc cần PostgreSQL (DATABASE_URL); cơ sở dữ liệu nhúng không có postgres_fdw / the national federation needs PostgreSQL (DATABASE_URL)',
    );
  return db;
}

export const nationalGrantCommand: CliCommand = {
  name: 'national grant',
  summary: "Province side: let the national instance's role read the three national views (and nothing else)",
  usage: 'national grant [--role ansinh_national] [--password-env VAR]',
  options: { role: { type: 'string' }, 'password-env': { type: 'string' } },
  help: 'The role may log in and SELECT national_persons, national_paid_months and national_enrolments (migration 400); no table, no health, ethnicity, income or account field.',
  async run({ values }, ctx) {
    const db = await postgres(ctx);
    const role = typeof values.role === 'string' ? values.role : 'ansinh_national';
    const envName = values['password-env'];
    const password = typeof envName === 'string' ? process.env[envName] : undefined;
    if (typeof envName === 'string' && !password) throw new CliError(`biến môi trường ${envName} trống / ${envName} is empty`);
    try {
      await grantNationalReader(db.k, { role, password: password ?? null });
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    ctx.stdout.write(`Vai trò ${role} được đọc 3 bảng liên thông (national_persons, national_paid_months, national_enrolments)\n`);
  },
};

export const nationalAttachCommand: CliCommand = {
  name: 'national attach',
  summary: "National side: attach a province's registry as foreign partitions (postgres_fdw)",
  usage: 'national attach --province CODE --url postgres://USER[:PASS]@HOST:PORT/DB',
  options: { province: { type: 'string' }, url: { type: 'string' } },
  help: 'Needs a role that may create the postgres_fdw extension and servers (a superuser when the mapping has no password). Attaching again replaces the server.',
  async run({ values }, ctx) {
    const code = values.province;
    if (typeof code !== 'string' || !PROVINCE_CODE.test(code)) throw new CliError('--province CODE (2 chữ số / two digits) is required, e.g. --province 12');
    if (typeof values.url !== 'string') throw new CliError('--url postgres://USER[:PASS]@HOST:PORT/DB is required');
    let u: URL;
    try {
      u = new URL(values.url);
    } catch {
      throw new CliError('--url is not a URL');
    }
    if (!/^postgres(ql)?:$/.test(u.protocol) || !u.hostname || !u.username || u.pathname.length < 2)
      throw new CliError('--url must be postgres://USER[:PASS]@HOST:PORT/DB');
    const db = await postgres(ctx);
    try {
      const r = await attachProvince(db.k, {
        code,
        host: u.hostname,
        port: u.port ? Number(u.port) : 5432,
        dbname: decodeURIComponent(u.pathname.slice(1)),
        user: decodeURIComponent(u.username),
        password: u.password ? decodeURIComponent(u.password) : null,
      });
      ctx.stdout.write(`Đã liên thông tỉnh ${code}: ${r.persons.toLocaleString('vi-VN')} nhân khẩu / province ${code} attached\n`);
    } catch (e) {
      throw new CliError(`tỉnh ${code}: ${(e as Error).message}`);
    }
  },
};

export const nationalCheckCommand: CliCommand = {
  name: 'national check',
  summary: 'National side: cross-province checks (same ID in two provinces, paid after a death elsewhere, enrolled in two provinces) and the roll-up',
  usage: 'national check [--month YYYY-MM] [--json]',
  options: { month: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, ctx) {
    const m = typeof values.month === 'string' ? values.month : new Date().toISOString().slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw new CliError('--month YYYY-MM, e.g. --month 2026-03');
    const db = await postgres(ctx);
    let r;
    try {
      r = await nationalReport(db.k, monthNumber.fromMonth(m));
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    ctx.stdout.write(values.json ? JSON.stringify(r, null, 2) + '\n' : reportText(r));
    return r.duplicates.length + r.paidAfterDeath.length + r.doubleEnrolments.length > 0 ? 3 : 0;
  },
};

export const nationalCommands = [nationalGrantCommand, nationalAttachCommand, nationalCheckCommand];
