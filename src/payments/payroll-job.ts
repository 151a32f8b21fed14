// Payroll generation as a long job (kind 'payroll', listed in src/job-handlers.ts): many
// communes (a district, a province) or one commune's payroll from the web page (`payrollUnit`:
// its payroll's summary is the result, as generatePayroll's). Each line goes to the payroll of
// the commune whose decision covers its months. Chunks stage the lines of PAYROLL_CHUNK
// persons; the apply rewrites the draft payrolls at once and, when a person asked for it,
// records the audit entry (written by the runner in the apply's transaction).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { MonthNumber } from '../kernel/month.ts';
import { enqueueJob, type Job, type JobHandler } from '../jobs/runner.ts';
import { scopeOf, underScope, type Scope } from '../access/scope.ts';
import type { Actor } from '../access/model.ts';
import type { PayrollLine } from './model.ts';
import { arr } from '../db/arrays.ts';
import { assertDraftable, computePayrollLines, writePayrolls, type PayrollSummary } from './store.ts';
import { auditActor } from '../audit/actor.ts';

export interface PayrollJobParams {
  readonly month: MonthNumber;
  readonly unitIds: number[];
  readonly payrollUnit?: number;
  /** Who asked and from where (the audit entry of the apply). */
  readonly actor?: { readonly userId: number; readonly username: string } | null;
  readonly ip?: string | null;
  /** The asker's unit scope: chunks and apply run under it, as the request did (row-level security). */
  readonly scope?: Scope;
  /** Persons a chunk (tests); PAYROLL_CHUNK otherwise. */
  readonly chunkSize?: number;
}

/** The result of a payroll job: one commune's carries its payroll's summary, as generatePayroll. */
export interface PayrollJobResult extends Omit<PayrollSummary, 'payrollId'> {
  readonly payrollId: number | null;
  readonly communes: number;
}

const PAYROLL_CHUNK = 2000;

type StagedLine = PayrollLine & { unitId: number };

export const payrollJob: JobHandler = {
  chunk: (tx, job) =>
    asAsker(tx, job, async (p) => {
      const after = (job.cursor as { after?: number } | null)?.after ?? 0;
      const total =
        job.total ??
        (
          await sql<{ n: number }>`select count(distinct d.person_id)::int as n from benefit_decisions d join persons p on p.id = d.person_id
      where d.unit_id = any(${arr(p.unitIds)}::int[])`.execute(tx)
        ).rows[0]!.n;
      const size = p.chunkSize ?? PAYROLL_CHUNK;
      const r = await computePayrollLines(tx, p.unitIds, p.month, after, size);
      return { staged: r.lines, cursor: { after: r.last }, progress: job.progress + r.count, total, done: r.count < size };
    }),
  apply: (tx, job, staged) =>
    asAsker(tx, job, async (p): Promise<PayrollJobResult> => {
      const all: StagedLine[] = [];
      for await (const chunk of staged) all.push(...(chunk as StagedLine[]));
      const { lines, total } = await writePayrolls(tx, p.unitIds, p.month, all, job.createdBy);
      const payable = all.filter((l) => l.total > 0);
      const payrollId =
        p.payrollUnit === undefined
          ? null
          : (
              await tx
                .selectFrom('payrolls')
                .select('id')
                .where('unit_id', '=', p.payrollUnit)
                .where('month', '=', p.month)
                .where('programme', '=', 'assistance')
                .executeTakeFirstOrThrow()
            ).id;
      const result: PayrollJobResult = {
        payrollId,
        month: p.month,
        communes: p.unitIds.length,
        lines,
        total,
        arrears: payable.reduce((s2, l) => s2 + l.arrears, 0),
        unknown: all.filter((l) => l.unknownMonths.length > 0).map((l) => ({ personId: l.personId, months: [...l.unknownMonths] })),
      };
      return result;
    }),
  // Written by the runner in the apply's transaction, as the asker (or the system for a command).
  audit(job, result) {
    const p = job.params as unknown as PayrollJobParams;
    const r = result as PayrollJobResult;
    return {
      action: 'payroll.generate',
      entity: 'payroll',
      entityId: r.payrollId,
      unitId: p.payrollUnit ?? job.unitId,
      after: { month: p.month, lines: r.lines, total: r.total, job: job.id },
    };
  },
};

/** Runs a payroll job's step under the scope of who asked for it, if anyone did. */
function asAsker<T>(tx: Transaction<DB>, job: Job, fn: (p: PayrollJobParams) => Promise<T>): Promise<T> {
  const p = job.params as unknown as PayrollJobParams;
  return p.scope ? underScope(tx, p.scope, () => fn(p)) : fn(p);
}

/**
 * Queues the generation of one commune's payroll for a month (the web page): refused at once
 * when that payroll is approved; an unfinished job for the same commune and month is answered
 * instead of a second one. With an asker, the job runs under their scope and audits as them.
 */
export async function enqueuePayroll(
  tx: Transaction<DB>,
  unitId: number,
  month: MonthNumber,
  asker: { actor: Actor; ip: string | null } | null,
  o: { chunkSize?: number } = {},
): Promise<number> {
  await assertDraftable(tx, [unitId], month);
  const open = await sql<{ id: number }>`select id from jobs where kind = 'payroll' and unit_id = ${unitId} and state in ('queued', 'running')
    and (params->>'payrollUnit')::int = ${unitId} and (params->>'month')::int = ${month} order by id limit 1`.execute(tx);
  if (open.rows[0]) return Number(open.rows[0].id);
  const params: PayrollJobParams = {
    month,
    unitIds: [unitId],
    payrollUnit: unitId,
    ...(asker ? { actor: auditActor(asker), ip: asker.ip, scope: scopeOf(asker.actor) } : {}),
    ...(o.chunkSize ? { chunkSize: o.chunkSize } : {}),
  };
  return enqueueJob(tx, 'payroll', params as unknown as Record<string, unknown>, { unitId, by: asker?.actor.username ?? null });
}
