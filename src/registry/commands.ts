// CLI of the registry: import a file (dry run by default), run the annual review with a
// progress bar, run the integrity checks, resume interrupted jobs (the payroll: src/payments/commands.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { cancelJob, confirmJob, enqueueJob, progressBar, resumeJobs, runJob, type Job } from '../jobs/runner.ts';
import { reportCsv, type ImportReport } from './import.ts';
import { startImport } from './import-job.ts';
import { communeByCode } from './store.ts';
import { scanIntegrity } from './integrity.ts';
import { assertCanWriteRegistry } from './policy.ts';

const communeOpt = { commune: { type: 'string' as const } };
async function commune(ctx: Parameters<CliCommand['run']>[1], code: unknown) {
  if (typeof code !== 'string' || !/^\d{5}$/.test(code)) throw new CliError('--commune CODE (5 digits) is required, e.g. --commune 03439');
  const c = await communeByCode((await ctx.db()).k, code);
  if (!c) throw new CliError(`no commune with code ${code}`);
  return c;
}

export const registryCommands: CliCommand[] = [
  {
    name: 'registry import',
    summary: 'Import households and persons from .csv/.xlsx as a job with a progress bar (dry run unless --confirm)',
    usage: 'registry import FILE --commune CODE [--confirm] [--report OUT.csv]',
    options: { ...communeOpt, confirm: { type: 'boolean' }, report: { type: 'string' } },
    help: 'Template: docs/guide/doi-tuong-chi-tra.md (one row a person, Vietnamese column names). The rows are checked in chunks; without --confirm nothing is written.',
    async run({ positionals, values }, ctx) {
      const file = positionals[0];
      if (!file) throw new CliError('FILE is required');
      const c = await commune(ctx, values.commune);
      const buf = readFileSync(file);
      const db = await ctx.db();
      let id: number;
      try {
        id = await db.k
          .transaction()
          .execute((tx) => startImport(tx, c, { name: basename(file), content: buf }, { by: 'cli', today: new Date().toISOString().slice(0, 10) }));
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const bar = (job: Job) => ctx.stderr.write(`\r${progressBar(job.progress, job.total)}`);
      let j = await runJob(db, id, { onProgress: bar });
      ctx.stderr.write('\n');
      let r = j.result as ImportReport;
      if (r.headerProblems.length) {
        await db.k.transaction().execute((tx) => cancelJob(tx, id));
        throw new CliError(r.headerProblems.map((p) => p.vi).join('; '));
      }
      if (values.confirm) {
        await confirmJob(db.k, id);
        j = await runJob(db, id);
        r = j.result as ImportReport;
      } else {
        await db.k.transaction().execute((tx) => cancelJob(tx, id));
      }
      if (typeof values.report === 'string') writeFileSync(values.report, reportCsv(r));
      for (const row of r.rows.filter((x) => x.status === 'rejected'))
        ctx.stdout.write(`dòng ${row.row} (${row.householdCode}, ${row.fullName}): ${row.reasons.map((e) => `${e.column}: ${e.message.vi}`).join('; ')}\n`);
      ctx.stdout.write(
        `${r.alreadyImported ? 'Tệp này đã được nhập trước đây: không thay đổi gì. ' : ''}${values.confirm ? 'Đã nhập' : 'Chạy thử (chưa ghi)'}: ${r.counts.new} mới, ${r.counts.changed} thay đổi, ${r.counts.unchanged} không đổi, ${r.counts.rejected} bị từ chối (công việc #${id})\n`,
      );
      return r.counts.rejected > 0 ? 3 : 0;
    },
  },
  {
    name: 'registry review',
    summary: 'Run the annual poverty review of a commune (a resumable job with a progress bar)',
    usage: 'registry review --commune CODE --year YYYY',
    options: { ...communeOpt, year: { type: 'string' } },
    async run({ values }, ctx) {
      const c = await commune(ctx, values.commune);
      const year = Number(values.year);
      if (!Number.isInteger(year) || year < 2022 || year > 2030) throw new CliError('--year must be 2022–2030');
      const db = await ctx.db();
      const id = await enqueueJob(db.k, 'annual_review', { year, unitId: c.id }, { unitId: c.id, by: 'cli' });
      const j = await runJob(db, id, { onProgress: (job) => ctx.stderr.write(`\r${progressBar(job.progress, job.total)}`) });
      ctx.stderr.write('\n');
      ctx.stdout.write(`Rà soát năm ${year}, ${c.name}: ${JSON.stringify((j.result as { counts: unknown }).counts)}\n`);
    },
  },
  {
    name: 'registry scan',
    summary: 'Run the integrity checks (duplicates, paid after death, omissions...)',
    usage: 'registry scan [--commune CODE]',
    options: communeOpt,
    async run({ values }, ctx) {
      const db = await ctx.db();
      const c = values.commune ? await commune(ctx, values.commune) : null;
      const r = await db.k.transaction().execute((tx) => scanIntegrity(tx, c ? [c.id] : null, new Date().toISOString().slice(0, 10)));
      ctx.stdout.write(
        `${Object.entries(r)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')}\n`,
      );
    },
  },
  {
    name: 'jobs resume',
    summary: 'Resume long jobs interrupted by a restart',
    usage: 'jobs resume',
    async run(_a, ctx) {
      const n = await resumeJobs(await ctx.db(), (l) => ctx.stdout.write(l + '\n'), {
        onProgress: (job) =>
          ctx.stderr.write(`\r#${job.id} ${progressBar(job.progress, job.total)}${job.cursor && (job.cursor as { done?: boolean }).done ? '\n' : ''}`),
      });
      ctx.stdout.write(`${n} công việc\n`);
    },
  },
];
