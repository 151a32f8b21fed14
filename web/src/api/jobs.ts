// Background jobs as the web follows them (src/jobs/schemas.ts, type-only).
import type { Static } from 'typebox';
import { api } from '../lib/api.ts';
import type { JobView as JobViewSchema } from '../../../src/jobs/schemas.ts';
import type { JobState } from '../../../src/jobs/runner.ts';

/** A job as the server sends it; its state is one of the runner's states. */
export type JobView = Omit<Static<typeof JobViewSchema>, 'state'> & { state: JobState };

export const job = (id: number, rows?: { offset: number; limit: number }) =>
  api<JobView>('GET', rows ? `/api/jobs/${id}?offset=${rows.offset}&limit=${rows.limit}` : `/api/jobs/${id}`);
