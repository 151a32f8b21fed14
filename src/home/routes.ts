// GET /api/home: the signed-in user's work list (src/home/work.ts), one item per kind of work
// waiting in each unit of the user's roles, each with its count, date and what to link to.
import type { FeatureRoutes } from '../kernel/http.ts';
import { withActor } from '../access/index.ts';
import { WorkList } from './schemas.ts';
import { vietnamDay, workList } from './work.ts';

export const homeRoutes: FeatureRoutes = (app, { db }) => {
  app.get(
    '/api/home',
    {
      config: { access: { permission: 'account.self', unit: 'none' } },
      schema: {
        tags: ['home'],
        summary: "Việc cần làm của người dùng theo từng vai trò và đơn vị / the user's work list per role and unit",
        response: { 200: WorkList },
      },
    },
    async (req) => withActor(db, req.actor, (tx) => workList(tx, req.actor!, vietnamDay(app.now()), req.locale)),
  );
};
