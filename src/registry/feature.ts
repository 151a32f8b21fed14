// The registry and payments routes as one feature module (registered in src/features.ts).
import type { FeatureRoutes } from '../kernel/http.ts';
import { registryRoutes } from './routes.ts';
import { paymentRoutes } from '../payments/routes.ts';

export const registryFeature: FeatureRoutes = async (app, ctx) => {
  await registryRoutes(app, ctx);
  await paymentRoutes(app, ctx);
};
