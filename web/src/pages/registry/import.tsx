// Import of households and persons: upload → the rows are checked as a job (progress bar) → the
// row-level report (each rejected row with its reasons, downloadable) → confirm or cancel. The
// file goes up as multipart/form-data (field "file"), as chosen, without re-encoding.
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { num } from '../../i18n/index.ts';
import { ErrorSummary } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { JobProgress, moving, useJob } from './jobs.tsx';
import { tx, w } from './strings.ts';
import * as registryApi from '../../api/registry.ts';
import * as jobsApi from '../../api/jobs.ts';
import type { ImportReport } from '../../api/registry.ts';

const ROWS_PAGE = 100;

export function ImportPanel({ unit, onChange }: { unit: string; onChange: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [job, setJob] = useJob(null);
  const [busy, setBusy] = useState(false);
  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return setErrors([{ field: 'import-file', message: w('noFile') }]);
    setBusy(true);
    try {
      setErrors([]);
      const form = new FormData();
      form.append('file', file, file.name);
      setJob(await registryApi.uploadImport(unit, form));
      onChange();
    } catch (err) {
      setErrors([{ field: 'import-file', message: err instanceof ApiError ? (err.problem?.errors?.[0]?.message ?? err.message) : String(err) }]);
    } finally {
      setBusy(false);
    }
  };
  const act = async (what: 'confirm' | 'cancel') => {
    if (!job) return;
    setBusy(true);
    try {
      setJob(await registryApi.importStep(job.id, what));
      onChange();
    } catch (err) {
      setErrors([{ field: null, message: err instanceof ApiError ? err.message : String(err) }]);
    } finally {
      setBusy(false);
    }
  };
  const report = job && (job.state === 'ready' || job.state === 'done') ? (job.result as ImportReport | null) : null;
  // The report's rows come a page at a time (GET /api/jobs/{id}?offset=&limit=); the file has them all.
  const page = job?.rows ?? null;
  const goTo = async (offset: number) => {
    if (!job) return;
    try {
      setJob(await jobsApi.job(job.id, { offset, limit: page?.limit ?? ROWS_PAGE }));
    } catch (err) {
      setErrors([{ field: null, message: err instanceof ApiError ? err.message : String(err) }]);
    }
  };
  return (
    <section aria-labelledby="reg-import">
      <h2 id="reg-import">{w('import')}</h2>
      <ErrorSummary errors={errors} />
      <p class="hint">{w('importHint')}</p>
      <form class="inline-form" onSubmit={upload}>
        <div class="field">
          <label for="import-file">{w('file')}</label>
          <input id="import-file" class="input" type="file" accept=".xlsx,.csv" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <div class="field">
          <button class="button" type="submit" disabled={busy || moving(job)}>
            {w('upload')}
          </button>
        </div>
      </form>
      {job && moving(job) && (
        <div role="status">
          <p>{w('checking')}</p>
          <JobProgress job={job} />
        </div>
      )}
      {job && job.state === 'failed' && (
        <p class="notice notice--error" role="alert">
          {job.error}
        </p>
      )}
      {job && job.state === 'cancelled' && (
        <p class="notice" role="status">
          {w('cancelled')}
        </p>
      )}
      {report && (
        <div id="import-report">
          <h3>{w('report')}</h3>
          {report.headerProblems.length > 0 && (
            <p class="notice notice--error" role="alert">
              {report.headerProblems.map(tx).join('; ')}
            </p>
          )}
          {job!.state === 'done' && (
            <p class="notice" role="status">
              {report.alreadyImported
                ? w('already')
                : `${w('imported')}: ${num(report.counts.new ?? 0)} ${w('r_new').toLowerCase()}, ${num(report.counts.changed ?? 0)} ${w('r_changed').toLowerCase()}.`}
            </p>
          )}
          {job!.state === 'ready' && report.alreadyImported && <p class="notice notice--warning">{w('already')}</p>}
          <p>
            {(['new', 'changed', 'unchanged', 'rejected'] as const).map((k) => `${w(`r_${k}`)}: ${num(report.counts[k] ?? 0)}`).join(' · ')}
            {(report.counts.rejected ?? 0) > 0 ? ` — ${w('heldBack')}` : ''}
          </p>
          <p class="actions">
            <a href={registryApi.paths.importReport(job!.id, 'csv')} download>
              {w('downloadCsv')}
            </a>
            <a href={registryApi.paths.importReport(job!.id, 'xlsx')} download>
              {w('downloadXlsx')}
            </a>
          </p>
          {report.rows.length > 0 && (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th>{w('row')}</th>
                    <th>{w('hh')}</th>
                    <th>{w('name')}</th>
                    <th>{w('result')}</th>
                    <th>{w('reasons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.row} class={r.status === 'rejected' ? 'row--rejected' : ''}>
                      <td>{r.row}</td>
                      <td>{r.householdCode}</td>
                      <td>{r.fullName}</td>
                      <td>{w(`r_${r.status}`)}</td>
                      <td>{r.reasons.map((x) => `${x.column}: ${tx(x.message)}`).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page && page.total > page.limit && (
            <p class="actions" id="import-report-pages">
              <span role="status">
                {w('rowsShown')
                  .replace('{from}', num(page.offset + 1))
                  .replace('{to}', num(Math.min(page.total, page.offset + page.limit)))
                  .replace('{total}', num(page.total))}
              </span>
              <button
                class="button button--secondary"
                type="button"
                disabled={page.offset === 0}
                onClick={() => void goTo(Math.max(0, page.offset - page.limit))}
              >
                {w('prevRows')}
              </button>
              <button
                class="button button--secondary"
                type="button"
                disabled={page.offset + page.limit >= page.total}
                onClick={() => void goTo(page.offset + page.limit)}
              >
                {w('nextRows')}
              </button>
            </p>
          )}
          {job!.state === 'ready' && (
            <p class="actions">
              <button class="button" type="button" disabled={busy} onClick={() => void act('confirm')}>
                {w('confirm')}
              </button>
              <button class="button button--secondary" type="button" disabled={busy} onClick={() => void act('cancel')}>
                {w('cancel')}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
