// Every long-job handler, by kind, in one place (issue 16): the runner (src/jobs/runner.ts)
// knows a kind once registerJobHandlers() has run. The server (buildApp), the command line and
// the test databases (test/helpers/db.ts) call it; no module registers itself by being imported.
import { jobHandlers, type JobHandler } from './jobs/runner.ts';
import { registryImportJob } from './registry/import-job.ts';
import { annualReview } from './registry/review.ts';
import { duplicateScanJob } from './registry/integrity.ts';
import { payrollJob } from './payments/payroll-job.ts';

/** The job kinds and their handlers. */
export const jobHandlerList: Readonly<Record<string, JobHandler>> = {
  registry_import: registryImportJob, // src/registry/import-job.ts: a registry upload, checked then confirmed
  annual_review: annualReview, // src/registry/review.ts: the annual poverty review of a commune
  duplicates: duplicateScanJob, // src/registry/integrity.ts: likely duplicate persons
  payroll: payrollJob, // src/payments/payroll-job.ts: the payrolls of one or many communes for a month
};

/** Registers every handler of the list with the runner (idempotent; a handler set before is kept). */
export function registerJobHandlers(): void {
  for (const [kind, handler] of Object.entries(jobHandlerList)) if (!jobHandlers.has(kind)) jobHandlers.set(kind, handler);
}
