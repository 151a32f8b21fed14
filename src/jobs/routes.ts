// HTTP routes of the long jobs: GET /api/jobs/{id}, one job's state, progress and result, for
// every kind (an import, the annual review, a payroll, the duplicate scan). The routes that queue
// a job belong to its feature and answer its view (./schemas.ts) with 202.
import type { FeatureRoutes } from '../kernel/http.ts';
import { JobId, JobPageQuery, JobView, jobView } from './schemas.ts';
import { jobInScope } from './scoped.ts';

export const jobRoutes: FeatureRoutes = async (app, { db }) => {
  app.get(
    '/api/jobs/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['jobs'],
        summary: 'A long job: state, progress, result (its row-level report paged by ?offset=&limit=)',
        params: JobId,
        querystring: JobPageQuery,
        response: { 200: JobView },
      },
    },
    async (req) => jobView(await jobInScope(db, req.actor, req.params.id), req.query),
  );
};
