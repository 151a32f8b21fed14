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
// Every module that registers a long-job handler (jobHandlers in src/jobs/runner.ts), in one
// place: a server's worker and `ansinh serve` know every job kind once the features are loaded.
import './registry/import-job.ts'; // registry_import
import './registry/review.ts'; // annual_review
import './registry/integrity.ts'; // duplicates
import './payments/store.ts'; // payroll
import { fundRoutes } from './funds/routes.ts';
import { dciRoutes } from './dci/routes.ts';

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
];
