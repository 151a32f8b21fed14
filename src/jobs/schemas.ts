// The HTTP contract of jobs: a long job as the API answers it (the 202 of a route that queues
// one, GET /api/jobs/{id}; routes in ./routes.ts).
// A result's row-level report (`result.rows`, an import's every row) is paged: one page of
// `limit` rows from `offset` (default the first 100, at most 1,000), with `rows` telling the
// total, so that a 200,000-row import answers a few KB, not 90 MB. The whole report is a file
// (GET /api/registry/imports/{id}/report).
import { Type } from 'typebox';
import type { Job } from './runner.ts';
import { Nullable } from '../kernel/validate.ts';

/** The path of one job. */
export const JobId = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ROWS_PAGE_DEFAULT = 100;
export const ROWS_PAGE_MAX = 1000;

export const JobView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  state: Type.String(),
  progress: Type.Integer(),
  total: Nullable(Type.Integer()),
  chunks: Type.Integer(),
  result: Type.Unknown({
    description: 'What the job answered when done, by its kind: a payroll summary, an import report (rows paged), a review summary; null before',
  }),
  error: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  rows: Nullable(
    Type.Object(
      { offset: Type.Integer(), limit: Type.Integer(), total: Type.Integer() },
      { description: 'The page of result.rows shown, and how many rows there are' },
    ),
  ),
});

/** The query of a job view: the page of its result's rows. */
export const JobPageQuery = Type.Object({
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'First row of result.rows to show (default 0)' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: ROWS_PAGE_MAX, description: `Rows of result.rows to show (default ${ROWS_PAGE_DEFAULT}, at most ${ROWS_PAGE_MAX})` }),
  ),
});

export const jobView = (j: Job, page: { offset?: number; limit?: number } = {}) => {
  const r = j.result as { rows?: unknown } | null;
  let result: unknown = j.result;
  let rows: { offset: number; limit: number; total: number } | null = null;
  if (r && typeof r === 'object' && Array.isArray(r.rows)) {
    const offset = page.offset ?? 0;
    const limit = Math.min(page.limit ?? ROWS_PAGE_DEFAULT, ROWS_PAGE_MAX);
    rows = { offset, limit, total: r.rows.length };
    result = { ...r, rows: r.rows.slice(offset, offset + limit) };
  }
  return {
    id: j.id,
    kind: j.kind,
    state: j.state,
    progress: j.progress,
    total: j.total,
    chunks: j.chunks,
    result,
    error: j.error,
    createdBy: j.createdBy,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
    rows,
  };
};
