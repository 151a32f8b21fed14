// Long jobs in the web app: a hook that follows one job until it settles, and the commune's job
// list with a progress bar per job (imports, the poverty review, payrolls).
import { useEffect, useState } from 'preact/hooks';
import { num } from '../../i18n/index.ts';
import { w, wCode, dmy } from './strings.ts';
import * as registryApi from '../../api/registry.ts';
import * as jobsApi from '../../api/jobs.ts';

export type { JobView } from '../../api/jobs.ts';
import type { JobView } from '../../api/jobs.ts';

export const moving = (j: JobView | null) => !!j && ['queued', 'running', 'confirmed'].includes(j.state);

/** Follows a job (polling while it moves); returns its latest view. */
export function useJob(initial: JobView | null): [JobView | null, (j: JobView | null) => void] {
  const [job, setJob] = useState<JobView | null>(initial);
  useEffect(() => {
    if (!job || !moving(job)) return;
    const timer = setTimeout(() => {
      void jobsApi
        .job(job.id)
        .then(setJob)
        .catch(() => setJob({ ...job }));
    }, 600);
    return () => clearTimeout(timer);
  }, [job]);
  return [job, setJob];
}

export function JobProgress({ job }: { job: JobView }) {
  const label = `${wCode('jobKind_', job.kind)} #${job.id}: ${w(`st_${job.state}`)}`;
  const pct = job.total ? Math.round((100 * Math.min(job.progress, job.total)) / job.total) : job.state === 'done' || job.state === 'ready' ? 100 : 0;
  return (
    <div class="job-progress">
      <progress max={100} value={pct} aria-label={label} />{' '}
      <span>
        {pct}% · {num(job.progress)}
        {job.total !== null ? `/${num(job.total)}` : ''}
      </span>
    </div>
  );
}

/** The commune's jobs, newest first, refreshed while any of them moves. */
export function JobList({ unit, refresh }: { unit: string; refresh: number }) {
  const [jobs, setJobs] = useState<JobView[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void registryApi
      .unitJobs(unit)
      .then(({ items: js }) => {
        if (!live) return;
        setJobs(js);
        if (js.some(moving)) setTimeout(() => live && setTick((x) => x + 1), 1000);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [unit, refresh, tick]);
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="reg-jobs">
      <h2 id="reg-jobs">{w('jobs')}</h2>
      <div class="table-wrap">
        <table class="table" id="job-list">
          <thead>
            <tr>
              <th>#</th>
              <th>{w('kind')}</th>
              <th>{w('state')}</th>
              <th>{w('progress')}</th>
              <th>{w('created')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} data-job={j.id}>
                <td>{j.id}</td>
                <td>{wCode('jobKind_', j.kind)}</td>
                <td>
                  {w(`st_${j.state}`)}
                  {j.error ? `: ${j.error}` : ''}
                </td>
                <td>
                  <JobProgress job={j} />
                </td>
                <td>
                  {j.createdAt ? dmy(j.createdAt) : ''}
                  {j.createdBy ? ` · ${j.createdBy}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
