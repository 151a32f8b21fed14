// The list of feature route modules, in one place. Each feature owns its folder under src/.
import type { FeatureRoutes } from './kernel/http.ts';
import { unitRoutes } from './units/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { registryFeature } from './registry/feature.ts';
import { homeRoutes } from './home/routes.ts';
import { meritRoutes } from './merit/routes.ts';
import { fundRoutes } from './funds/routes.ts';

export const features: FeatureRoutes[] = [
  unitRoutes,
  indicatorRoutes,
  planRoutes,
  monitoringRoutes,
  accessRoutes,
  auditRoutes,
  registryFeature,
  homeRoutes,
  meritRoutes,
  fundRoutes,
];
