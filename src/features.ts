// The list of feature route modules, in one place. Each feature owns its folder under src/.
import type { FeatureRoutes } from './kernel/http.ts';
import { unitRoutes } from './units/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { meritRoutes } from './merit/routes.ts';
import { citizenRoutes } from './citizens/routes.ts';
import { housingRoutes } from './housing/routes.ts';
import { fundRoutes } from './funds/routes.ts';
import { dciRoutes } from './dci/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
// The long-job handlers are listed apart, in src/job-handlers.ts.

export const features: FeatureRoutes[] = [
  unitRoutes,
  indicatorRoutes,
  planRoutes,
  monitoringRoutes,
  accessRoutes,
  auditRoutes,
  registryRoutes,
  paymentRoutes,
  homeRoutes,
  meritRoutes,
  citizenRoutes,
  housingRoutes,
  fundRoutes,
  dciRoutes,
  jobRoutes,
];
